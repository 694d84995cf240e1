; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s
;
; vsnprintf and the other v*printf functions are the printf family's: the
; buffer they write is not kept, the format is read, and the va_list is
; only read (its arguments are the caller's variadic arguments, which its
; callers sent to {heap}). The stream of vfprintf is unknown code's.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare i32 @vsnprintf(ptr, i64, ptr, ptr)
declare i32 @vsprintf(ptr, ptr, ptr)
declare i32 @vfprintf(ptr, ptr, ptr)
declare void @llvm.va_start.p0(ptr)
declare void @llvm.va_end.p0(ptr)
@fmt = private constant [3 x i8] c"%d\00"

define i32 @into_buffer(ptr %f, ...) {
  %ap = alloca [24 x i8]
  %buf = call ptr @malloc(i64 64)
  call void @llvm.va_start.p0(ptr %ap)
  %n = call i32 @vsnprintf(ptr %buf, i64 64, ptr %f, ptr %ap)
  call void @llvm.va_end.p0(ptr %ap)
  call void @free(ptr %buf)
  ret i32 %n
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(64) does not escape: moved to a 64-byte stack slot

define i32 @format_in_block(ptr %out, ...) {
  %ap = alloca [24 x i8]
  %f = call ptr @malloc(i64 65)
  store i8 0, ptr %f
  call void @llvm.va_start.p0(ptr %ap)
  %n = call i32 @vsprintf(ptr %out, ptr %f, ptr %ap)
  call void @llvm.va_end.p0(ptr %ap)
  call void @free(ptr %f)
  ret i32 %n
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(65) does not escape: moved to a 65-byte stack slot

; the block passed as the stream
define i32 @block_as_stream(...) {
  %ap = alloca [24 x i8]
  %s = call ptr @malloc(i64 66)
  call void @llvm.va_start.p0(ptr %ap)
  %n = call i32 @vfprintf(ptr %s, ptr @fmt, ptr %ap)
  call void @llvm.va_end.p0(ptr %ap)
  call void @free(ptr %s)
  ret i32 %n
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(66) escapes to heap: passed to unknown function vfprintf

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; strtol stores a pointer into its string argument through endptr; when
; endptr is a local that does not escape, the string still does not escape.

@digits = private unnamed_addr constant [4 x i8] c"123\00"

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare i64 @strtol(ptr, ptr, i32)
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)

define i64 @f() {
entry:
  %end = alloca ptr, align 8
  %p = call ptr @malloc(i64 32)
  call void @llvm.memcpy.p0.p0.i64(ptr %p, ptr @digits, i64 4, i1 false)
  %v = call i64 @strtol(ptr %p, ptr %end, i32 10)
  %e = load ptr, ptr %end, align 8
  %c = load i8, ptr %e
  %cz = zext i8 %c to i64
  %r = add i64 %v, %cz
  call void @free(ptr %p)
  ret i64 %r
}

; CHECK-LABEL: define i64 @f()
; CHECK-NEXT:  entry:
; CHECK-DAG:     %h2s.slot = alloca [32 x i8], align 16
; CHECK-DAG:     %end = alloca ptr
; CHECK-NOT:     @malloc
; CHECK:         call i64 @strtol(ptr {{.*}}%h2s.slot, ptr {{.*}}%end, i32 10)
; CHECK-NOT:     @free
; CHECK:         ret i64

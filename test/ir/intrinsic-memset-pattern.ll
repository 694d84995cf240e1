; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s
;
; llvm.experimental.memset.pattern stores its second operand into the
; destination: a pointer given as the pattern is stored into @arr and
; escapes. (Regression: the intrinsic was treated as having no effect.)

@arr = global [4 x ptr] zeroinitializer
declare ptr @malloc(i64)
declare void @llvm.experimental.memset.pattern.p0.p0.i64(ptr, ptr, i64, i1)

define void @f() {
  %p = call ptr @malloc(i64 16)
  store i8 1, ptr %p
  call void @llvm.experimental.memset.pattern.p0.p0.i64(ptr @arr, ptr %p, i64 4, i1 false)
  ret void
}

; CHECK:     f: malloc(16) escapes to heap
; CHECK-NOT: {{.}}

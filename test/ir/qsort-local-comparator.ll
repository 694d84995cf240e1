; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; qsort with a comparator defined in the module whose parameters do not
; leak: the array stays local and is demoted.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @qsort(ptr, i64, i64, ptr)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define internal i32 @cmp_int(ptr %a, ptr %b) {
entry:
  %x = load i32, ptr %a
  %y = load i32, ptr %b
  %gt = icmp sgt i32 %x, %y
  %lt = icmp slt i32 %x, %y
  %g = zext i1 %gt to i32
  %l = zext i1 %lt to i32
  %r = sub i32 %g, %l
  ret i32 %r
}

define void @f() {
entry:
  %p = call ptr @malloc(i64 64)
  call void @llvm.memset.p0.i64(ptr %p, i8 1, i64 64, i1 false)
  call void @qsort(ptr %p, i64 16, i64 4, ptr @cmp_int)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [64 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @qsort(ptr {{.*}}%h2s.slot, i64 16, i64 4, ptr {{.*}}@cmp_int)
; CHECK-NOT:     @free
; CHECK:         ret void

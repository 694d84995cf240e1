; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; calloc inside a loop: the slot is reused by every iteration, so it is
; cleared at the allocation point on each iteration, not once in the entry
; block.

declare noalias ptr @calloc(i64, i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f(i32 %n) {
entry:
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %p = call ptr @calloc(i64 8, i64 8)
  call void @use(ptr %p)
  store i8 1, ptr %p
  call void @use(ptr %p)
  call void @free(ptr %p)
  %i.next = add i32 %i, 1
  %more = icmp slt i32 %i.next, %n
  br i1 %more, label %loop, label %exit

exit:
  ret void
}

; CHECK-LABEL: define void @f(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [64 x i8], align 16
; CHECK-NOT:     memset
; CHECK:       loop:
; CHECK-NOT:     @calloc
; CHECK:         call void @llvm.lifetime.start.p0({{.*}}%h2s.slot)
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr {{.*}}%h2s.slot, i8 0, i64 64, i1 false)
; CHECK-NEXT:    call void @use(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @free
; CHECK:         br i1 %more, label %loop, label %exit

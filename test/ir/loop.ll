; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack,sroa,instcombine' -S %s | FileCheck %s
;
; malloc and free inside a loop: each iteration's object is dead before the
; next allocation, so one slot serves every iteration. The slot is a static
; alloca in the entry block (the frame does not grow per iteration); its
; lifetime starts and ends inside the loop.

declare noalias ptr @malloc(i64)
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
  %p = call ptr @malloc(i64 32)
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
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NEXT:    br label %loop
; CHECK:       loop:
; CHECK-NOT:     @malloc
; CHECK:         call void @llvm.lifetime.start.p0({{.*}}%h2s.slot)
; CHECK-NEXT:    call void @use(ptr {{.*}}%h2s.slot)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{.*}}%h2s.slot)
; CHECK-NOT:     @free
; CHECK:         br i1 %more, label %loop, label %exit

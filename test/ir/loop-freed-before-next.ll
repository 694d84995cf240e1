; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; The pointer is carried to the next iteration through a phi, but its last
; use there (the free) comes before the next allocation: the object is dead
; when the allocation runs again, so one slot serves every iteration.

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
  %prev = phi ptr [ null, %entry ], [ %cur, %loop ]
  call void @free(ptr %prev)
  %cur = call ptr @malloc(i64 16)
  call void @use(ptr %cur)
  %i.next = add i32 %i, 1
  %more = icmp slt i32 %i.next, %n
  br i1 %more, label %loop, label %exit

exit:
  call void @free(ptr %cur)
  ret void
}

; CHECK-LABEL: define void @f(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         call void @use(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @free
; CHECK:         ret void

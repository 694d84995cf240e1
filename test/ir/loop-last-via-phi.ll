; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Go's foo80: `last` is declared before the loop, `last = malloc(...)` runs
; inside it and `*last` is read after it. In SSA `last` is a header phi; the
; header redefines it before the allocation can run again, so the object of
; one iteration is dead when the next is allocated, and the value used after
; the loop is the last iteration's object. One slot serving every iteration
; therefore computes the same result: demoted (Go keeps it on the heap).

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f(i32 %n) {
entry:
  br label %header

header:
  %i = phi i32 [ 0, %entry ], [ %i.next, %body ]
  %last = phi ptr [ null, %entry ], [ %p, %body ]
  %more = icmp slt i32 %i, %n
  br i1 %more, label %body, label %exit

body:
  %p = call ptr @malloc(i64 16)
  store i32 %i, ptr %p
  %i.next = add i32 %i, 1
  br label %header

exit:
  %none = icmp eq ptr %last, null
  br i1 %none, label %done, label %read

read:
  call void @use(ptr %last)
  call void @free(ptr %last)
  br label %done

done:
  ret void
}

; CHECK-LABEL: define void @f(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         %last = phi ptr [ null, %entry ], [ %h2s.slot, %body ]
; CHECK-NOT:     @malloc
; CHECK:         call void @use(ptr {{.*}}%last)
; CHECK-NOT:     @free
; CHECK:         ret void

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Passed to a function of the module that only reads through it: its
; summary says the parameter does not escape, so the allocation is demoted.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define i32 @sum(ptr %a, i64 %n) {
entry:
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %s = phi i32 [ 0, %entry ], [ %s.next, %loop ]
  %e = getelementptr inbounds i32, ptr %a, i64 %i
  %v = load i32, ptr %e
  %s.next = add i32 %s, %v
  %i.next = add i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %done

done:
  ret i32 %s.next
}

define i32 @f() {
entry:
  %p = call ptr @malloc(i64 64)
  store i32 1, ptr %p
  %r = call i32 @sum(ptr %p, i64 16)
  call void @free(ptr %p)
  ret i32 %r
}

; CHECK-LABEL: define i32 @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [64 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         %r = call i32 @sum(ptr {{.*}}%h2s.slot, i64 16)
; CHECK-NOT:     @free
; CHECK:         ret i32 %r

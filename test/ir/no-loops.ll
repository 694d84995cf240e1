; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<no-loops>' -S %s | FileCheck %s --check-prefix=NOLOOPS
; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s --check-prefix=LOOPS
;
; heap2stack<no-loops>: a site on a loop stays on the heap, one outside any
; loop in the same function is still demoted. Without the flag both are.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f(i32 %n) {
entry:
  %once = call ptr @malloc(i64 64)
  call void @use(ptr %once)
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
  call void @free(ptr %once)
  ret void
}

; NOLOOPS-LABEL: define void @f(
; NOLOOPS-NEXT:  entry:
; NOLOOPS-NEXT:    %h2s.slot = alloca [64 x i8], align 16
; NOLOOPS-NOT:     alloca
; NOLOOPS:       loop:
; NOLOOPS:         %p = call ptr @malloc(i64 32)
; NOLOOPS-NEXT:    call void @use(ptr %p)
; NOLOOPS-NEXT:    call void @free(ptr %p)
; NOLOOPS:       exit:
; NOLOOPS-NOT:     @free
; NOLOOPS:         ret void

; LOOPS-LABEL: define void @f(
; LOOPS-NEXT:  entry:
; LOOPS-NEXT:    %h2s.slot{{[0-9]*}} = alloca [32 x i8], align 16
; LOOPS-NEXT:    %h2s.slot{{[0-9]*}} = alloca [64 x i8], align 16
; LOOPS-NOT:     @malloc
; LOOPS-NOT:     @free
; LOOPS:         ret void

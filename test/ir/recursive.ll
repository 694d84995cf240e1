; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s --check-prefixes=CHECK,DEFAULT
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<recursive-budget=64>' -S %s | FileCheck %s --check-prefixes=CHECK,BUDGET
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<recursive-budget=8>' -S %s | FileCheck %s --check-prefixes=CHECK,DEFAULT
;
; An allocation in a recursive function is bounded by recursive-budget
; (default 0: stays on the heap, since the recursion depth is unknown); a
; budget that holds it demotes it. Its non-recursive caller uses the
; ordinary frame budget.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @rec(i32 %n) {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  %more = icmp sgt i32 %n, 0
  br i1 %more, label %again, label %done

again:
  %m = sub i32 %n, 1
  call void @rec(i32 %m)
  br label %done

done:
  call void @free(ptr %p)
  ret void
}

define void @outer() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @rec(i32 3)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL:  define void @rec(
; DEFAULT-NOT:    h2s.slot
; DEFAULT:        %p = call ptr @malloc(i64 16)
; DEFAULT:        call void @free(ptr %p)
; BUDGET-NEXT:  entry:
; BUDGET-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; BUDGET-NOT:     @malloc
; BUDGET-NOT:     @free
; CHECK:          ret void

; CHECK-LABEL:  define void @outer()
; CHECK-NEXT:   entry:
; CHECK-NEXT:     %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:      @malloc
; CHECK-NOT:      @free
; CHECK:          ret void

; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<no-freed-escapes>' -S %s | FileCheck %s
;
; no-freed-escapes: some of these blocks are freed before their function
; returns, which freed-before-return.ll's rule demotes though they
; escape; this test is about the flows that make them escape.
;
; Passed in the variadic part of a module function: the summary has no
; parameter for it, so it escapes.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @log(i32 %n, ...) {
  ret void
}

define void @f() {
entry:
  %p = call ptr @malloc(i64 16)
  call void (i32, ...) @log(i32 1, ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void (i32, ...) @log(i32 1, ptr %p)

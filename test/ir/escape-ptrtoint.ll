; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<no-freed-escapes>' -S %s | FileCheck %s
;
; no-freed-escapes: some of these blocks are freed before their function
; returns, which freed-before-return.ll's rule demotes though they
; escape; this test is about the flows that make them escape.
;
; Converted to an integer that leaves the function (returned): the address
; may be rebuilt outside, so it escapes.

@gi = global i64 0

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define i64 @returned() {
entry:
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  call void @free(ptr %p)
  ret i64 %i
}

; Stored to a global after arithmetic.
define void @stored() {
entry:
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  %j = xor i64 %i, 42
  store i64 %j, ptr @gi
  ret void
}

; CHECK-LABEL: define i64 @returned()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %i = ptrtoint ptr %p to i64

; CHECK-LABEL: define void @stored()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %i = ptrtoint ptr %p to i64

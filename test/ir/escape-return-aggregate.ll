; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Returned inside a struct value: escapes as if returned directly.

declare noalias ptr @malloc(i64)

define { ptr, i64 } @f() {
entry:
  %p = call ptr @malloc(i64 16)
  %a = insertvalue { ptr, i64 } undef, ptr %p, 0
  %b = insertvalue { ptr, i64 } %a, i64 16, 1
  ret { ptr, i64 } %b
}

; CHECK-LABEL: define { ptr, i64 } @f()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)

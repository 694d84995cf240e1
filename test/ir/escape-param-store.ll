; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Stored through a pointer parameter: the caller's memory holds it, so it
; escapes.

declare noalias ptr @malloc(i64)

define void @f(ptr %out) {
entry:
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %out
  ret void
}

; Through a pointer loaded from a parameter (**out = p).
define void @g(ptr %out) {
entry:
  %p = call ptr @malloc(i64 16)
  %inner = load ptr, ptr %out
  store ptr %p, ptr %inner
  ret void
}

; CHECK-LABEL: define void @f(
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    store ptr %p, ptr %out

; CHECK-LABEL: define void @g(
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         store ptr %p, ptr %inner

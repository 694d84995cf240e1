; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Stored into another allocation that is returned: what escaping memory
; holds escapes with it. Neither is demoted.

declare noalias ptr @malloc(i64)

define ptr @f() {
entry:
  %box = call ptr @malloc(i64 8)
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %box
  ret ptr %box
}

; CHECK-LABEL: define ptr @f()
; CHECK-NOT:     h2s.slot
; CHECK:         %box = call ptr @malloc(i64 8)
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    store ptr %p, ptr %box
; CHECK-NEXT:    ret ptr %box

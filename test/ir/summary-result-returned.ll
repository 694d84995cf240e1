; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Passed to a function that returns its parameter (leaking param: x to
; result ~r0 level=0), and the caller returns that result: escapes.

declare noalias ptr @malloc(i64)

define ptr @id(ptr %x) {
entry:
  ret ptr %x
}

define ptr @f() {
entry:
  %p = call ptr @malloc(i64 16)
  %q = call ptr @id(ptr %p)
  ret ptr %q
}

; CHECK-LABEL: define ptr @f()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %q = call ptr @id(ptr %p)
; CHECK-NEXT:    ret ptr %q

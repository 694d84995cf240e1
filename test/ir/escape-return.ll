; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Returned: the allocation outlives the function and stays on the heap.

declare noalias ptr @malloc(i64)

define ptr @f() {
entry:
  %p = call ptr @malloc(i64 16)
  store i8 0, ptr %p
  ret ptr %p
}

; A pointer into it (a GEP) returned: the same.
define ptr @g() {
entry:
  %p = call ptr @malloc(i64 16)
  %q = getelementptr inbounds i8, ptr %p, i64 8
  ret ptr %q
}

; CHECK-LABEL: define ptr @f()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         ret ptr %p

; CHECK-LABEL: define ptr @g()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         ret ptr %q

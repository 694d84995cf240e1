; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Published with an atomic exchange or compare-and-swap into a global:
; escapes.

@g = global ptr null

declare noalias ptr @malloc(i64)

define ptr @xchg() {
entry:
  %p = call ptr @malloc(i64 16)
  %old = atomicrmw xchg ptr @g, ptr %p seq_cst
  ret ptr %old
}

define void @cas() {
entry:
  %p = call ptr @malloc(i64 16)
  %r = cmpxchg ptr @g, ptr null, ptr %p seq_cst seq_cst
  ret void
}

; CHECK-LABEL: define ptr @xchg()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)

; CHECK-LABEL: define void @cas()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; A struct holding the pointer copied as a 64-bit integer (what InstCombine
; makes of a small memcpy) into a global: the integer carries the pointer's
; bits, so the pointer escapes.

@g = global i64 0

declare noalias ptr @malloc(i64)

define void @f() {
entry:
  %s = alloca ptr, align 8
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %s
  %bits = load i64, ptr %s
  store i64 %bits, ptr @g
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)

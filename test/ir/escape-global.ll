; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Stored to a global: escapes.

@g = global ptr null
@table = global [4 x ptr] zeroinitializer

declare noalias ptr @malloc(i64)

define void @f() {
entry:
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr @g
  ret void
}

; Into an element of a global array.
define void @into_array(i64 %i) {
entry:
  %p = call ptr @malloc(i64 16)
  %e = getelementptr inbounds [4 x ptr], ptr @table, i64 0, i64 %i
  store ptr %p, ptr %e
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    store ptr %p, ptr @g

; CHECK-LABEL: define void @into_array(
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         store ptr %p, ptr %e

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; A coroutine before CoroSplit ("presplitcoroutine") is left alone: its
; locals may end up in the coroutine frame, which outlives a suspension.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f() presplitcoroutine {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)

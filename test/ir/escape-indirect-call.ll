; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Passed to an indirect call: the callee is unknown, so it escapes.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @f(ptr %fn) {
entry:
  %p = call ptr @malloc(i64 16)
  call void %fn(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @f(
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void %fn(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)

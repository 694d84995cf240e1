; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Passed to a function of the module whose summary says it stores its
; parameter in a global (leaking param): escapes.

@g = global ptr null

declare noalias ptr @malloc(i64)

define void @keep(ptr %x) {
entry:
  store ptr %x, ptr @g
  ret void
}

define void @f() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @keep(ptr %p)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @keep(ptr %p)

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Passed to a declaration the pass knows nothing about (no capture
; attributes): it may keep the pointer, so the allocation stays.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @ext(ptr)

define void @f() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @ext(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @ext(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)

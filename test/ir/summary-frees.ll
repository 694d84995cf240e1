; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Passed to a function that frees it: the caller cannot delete a free inside
; the callee, so the allocation stays (and the callee's free with it).

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @release(ptr %x) {
entry:
  call void @free(ptr %x)
  ret void
}

define void @f() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @release(ptr %p)
  ret void
}

; CHECK-LABEL: define void @release(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    call void @free(ptr %x)

; CHECK-LABEL: define void @f()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @release(ptr %p)

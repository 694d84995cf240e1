; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Handed to realloc: the block is resized or freed by the C library, so the
; allocation cannot become a stack slot.

declare noalias ptr @malloc(i64)
declare ptr @realloc(ptr, i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  %q = call ptr @realloc(ptr %p, i64 32)
  call void @use(ptr %q)
  call void @free(ptr %q)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         %q = call ptr @realloc(ptr %p, i64 32)
; CHECK:         call void @free(ptr %q)

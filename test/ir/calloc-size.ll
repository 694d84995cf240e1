; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; calloc's size is count * size: an overflowing product is not a constant
; size (the call fails at run time), and a product over max-size is too
; large. Both stay.

declare noalias ptr @calloc(i64, i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @overflow() {
entry:
  %p = call ptr @calloc(i64 4294967296, i64 4294967297)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @too_large() {
entry:
  %p = call ptr @calloc(i64 1024, i64 8)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @overflow()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @calloc(i64 4294967296, i64 4294967297)
; CHECK:         call void @free(ptr %p)

; CHECK-LABEL: define void @too_large()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @calloc(i64 1024, i64 8)
; CHECK:         call void @free(ptr %p)

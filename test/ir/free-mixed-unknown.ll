; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; free(q) where q is either the allocation or a pointer loaded from a global:
; the free must stay for the global's pointer, so the allocation stays too.

@g = global ptr null

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f(i1 %c) {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  %old = load ptr, ptr @g
  %q = select i1 %c, ptr %p, ptr %old
  call void @free(ptr %q)
  ret void
}

; CHECK-LABEL: define void @f(
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         call void @free(ptr %q)

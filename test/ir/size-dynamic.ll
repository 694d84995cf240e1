; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<guard-size=0>' -S %s | FileCheck %s
;
; A size that is not a compile-time constant stays on the heap when the
; run-time guard is switched off (guard-size=0; test/ir/guard-*.ll test the
; guard).

declare noalias ptr @malloc(i64)
declare noalias ptr @calloc(i64, i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @malloc_n(i64 %n) {
entry:
  %p = call ptr @malloc(i64 %n)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @calloc_n(i64 %n) {
entry:
  %p = call ptr @calloc(i64 %n, i64 8)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @malloc_n(
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 %n)
; CHECK:         call void @free(ptr %p)

; CHECK-LABEL: define void @calloc_n(
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @calloc(i64 %n, i64 8)
; CHECK:         call void @free(ptr %p)

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Passed to a function that returns its parameter, and the caller only uses
; the result locally: the flow to the callee's result is no escape, so the
; allocation is demoted.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define ptr @id(ptr %x) {
entry:
  ret ptr %x
}

define void @dropped() {
entry:
  %p = call ptr @malloc(i64 16)
  %q = call ptr @id(ptr %p)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @used_locally() {
entry:
  %p = call ptr @malloc(i64 16)
  %q = call ptr @id(ptr %p)
  call void @use(ptr %q)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @dropped()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call ptr @id(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @free
; CHECK:         ret void

; CHECK-LABEL: define void @used_locally()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         %q = call ptr @id(ptr {{.*}}%h2s.slot)
; CHECK-NEXT:    call void @use(ptr {{.*}}%q)
; CHECK-NOT:     @free
; CHECK:         ret void

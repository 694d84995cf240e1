; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; The callee returns what its parameter points to (leaking param: pp to
; result ~r0 level=1). The caller stores its allocation in a local, passes
; the local, and returns the result: the allocation escapes. Used locally
; instead, it is demoted.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define ptr @deref(ptr %pp) {
  %q = load ptr, ptr %pp
  ret ptr %q
}

define ptr @returned() {
entry:
  %cell = alloca ptr, align 8
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %cell
  %q = call ptr @deref(ptr %cell)
  ret ptr %q
}

define void @local() {
entry:
  %cell = alloca ptr, align 8
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %cell
  %q = call ptr @deref(ptr %cell)
  call void @use(ptr %q)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define ptr @returned()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         ret ptr %q

; CHECK-LABEL: define void @local()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void

; REQUIRES: llvm22
; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; A declaration whose parameter is captured only through the return value
; (`captures(ret: address, provenance)`): the result may be the pointer, so
; returning the result returns the allocation; using it locally does not
; (the callee is `nofree`: declared-captures-llvm22.ll has one that is
; not).

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare ptr @skip_blanks(ptr captures(ret: address, provenance)) nofree

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define ptr @returned() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  %q = call ptr @skip_blanks(ptr %p)
  ret ptr %q
}

define void @local() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  %q = call ptr @skip_blanks(ptr %p)
  call void @use(ptr %q)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define ptr @returned()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         %q = call ptr @skip_blanks(ptr %p)
; CHECK-NEXT:    ret ptr %q

; CHECK-LABEL: define void @local()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; On a target with 4-byte pointers the slot of a malloc is aligned to
; 2 * pointer size (8), not to the 16 bytes of a 64-bit malloc.

target datalayout = "e-m:e-p:32:32-i64:64-n32-S128"

declare noalias ptr @malloc(i32)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f() {
entry:
  %p = call ptr @malloc(i32 24)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [24 x i8], align 8
; CHECK-NOT:     @malloc
; CHECK:         call void @use(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @free
; CHECK:         ret void

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; malloc(0) and calloc(0, 16) are demoted to a 1-byte slot (an alloca of
; zero bytes could share its address with a neighbour, while every
; successful malloc returns a distinct pointer); calloc(0, n) clears nothing.

declare noalias ptr @malloc(i64)
declare noalias ptr @calloc(i64, i64)
declare void @free(ptr)

define void @see(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @malloc0() {
entry:
  %p = call ptr @malloc(i64 0)
  call void @see(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @calloc0() {
entry:
  %p = call ptr @calloc(i64 0, i64 16)
  call void @see(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @malloc0()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [1 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void

; CHECK-LABEL: define void @calloc0()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [1 x i8], align 16
; CHECK-NOT:     @calloc
; CHECK-NOT:     memset
; CHECK-NOT:     @free
; CHECK:         ret void

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; strchr returns a pointer into its argument: returning that result returns
; the allocation, so it escapes; using it locally does not.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare ptr @strchr(ptr, i32)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define ptr @returned() {
entry:
  %p = call ptr @malloc(i64 32)
  call void @use(ptr %p)
  %c = call ptr @strchr(ptr %p, i32 47)
  ret ptr %c
}

define void @local() {
entry:
  %p = call ptr @malloc(i64 32)
  call void @use(ptr %p)
  %c = call ptr @strchr(ptr %p, i32 47)
  call void @use(ptr %c)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define ptr @returned()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 32)
; CHECK:         %c = call ptr @strchr(ptr %p, i32 47)
; CHECK-NEXT:    ret ptr %c

; CHECK-LABEL: define void @local()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void

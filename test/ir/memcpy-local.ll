; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Precision: a struct holding the pointer copied with memcpy into another
; local, and the pointer read from the copy: nothing leaves the function, so
; it is demoted.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f() {
entry:
  %s = alloca [16 x i8], align 8
  %d = alloca [16 x i8], align 8
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %s
  call void @use(ptr %s)
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 16, i1 false)
  call void @use(ptr %d)
  %q = load ptr, ptr %d
  call void @use(ptr %q)
  call void @free(ptr %q)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void

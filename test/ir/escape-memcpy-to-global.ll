; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; A local struct holding the pointer is copied with memcpy into a global:
; the copy carries the pointer out, so it escapes.

@g = global [16 x i8] zeroinitializer, align 8

declare noalias ptr @malloc(i64)
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)

define void @f() {
entry:
  %s = alloca [16 x i8], align 8
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %s
  call void @llvm.memcpy.p0.p0.i64(ptr @g, ptr %s, i64 16, i1 false)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    store ptr %p, ptr %s

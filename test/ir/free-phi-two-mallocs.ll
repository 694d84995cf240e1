; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; free(q) where q may be either of two allocations: both are demoted, and
; as the free can then receive nothing but a slot, it is deleted.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f(i1 %c) {
entry:
  br i1 %c, label %a, label %b

a:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  br label %join

b:
  %r = call ptr @malloc(i64 32)
  call void @use(ptr %r)
  br label %join

join:
  %q = phi ptr [ %p, %a ], [ %r, %b ]
  call void @free(ptr %q)
  ret void
}

; CHECK-LABEL: define void @f(
; CHECK-DAG:     alloca [16 x i8], align 16
; CHECK-DAG:     alloca [32 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void

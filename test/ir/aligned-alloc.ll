; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; aligned_alloc(64, 128) becomes a 128-byte slot with the requested 64-byte
; alignment.

declare noalias ptr @aligned_alloc(i64, i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f() {
entry:
  %p = call ptr @aligned_alloc(i64 64, i64 128)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [128 x i8], align 64
; CHECK-NOT:     @aligned_alloc
; CHECK:         call void @use(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @free
; CHECK:         ret void

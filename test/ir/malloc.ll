; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack,sroa,instcombine' -S %s | FileCheck %s
;
; A constant-size malloc whose pointer does not escape becomes a 16-byte,
; 16-aligned slot in the entry block; the lifetime of the slot starts at the
; allocation and ends where the allocation itself was freed; the free is gone.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

; Reads one byte and keeps nothing: its parameter does not escape, and the
; call keeps the slot visible after the cleanup passes (SROA would otherwise
; turn it into registers).
define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f() {
entry:
  %p = call ptr @malloc(i64 16)
  store i8 1, ptr %p
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @llvm.lifetime.start.p0({{.*}}%h2s.slot)
; CHECK-NOT:     @malloc
; CHECK:         store i8 1, ptr %h2s.slot
; CHECK-NEXT:    call void @use(ptr {{.*}}%h2s.slot)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{.*}}%h2s.slot)
; CHECK-NOT:     @free
; CHECK:         ret void

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; calloc(4, 8) becomes a 32-byte slot cleared with a memset at the
; allocation point (not in the entry block: a slot reused by a loop must be
; cleared on every iteration).

declare noalias ptr @calloc(i64, i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f() {
entry:
  %p = call ptr @calloc(i64 4, i64 8)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NOT:     @calloc
; CHECK:         call void @llvm.lifetime.start.p0({{.*}}%h2s.slot)
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr {{.*}}%h2s.slot, i8 0, i64 32, i1 false)
; CHECK-NEXT:    call void @use(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @free
; CHECK:         ret void

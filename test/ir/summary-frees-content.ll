; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; The callee frees what its parameter points to (free(*x)): a pointer the
; caller stored there is freed by the callee, so it stays on the heap; the
; holder itself is demoted.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @free_inner(ptr %x) {
  %q = load ptr, ptr %x
  call void @free(ptr %q)
  ret void
}

define void @f() {
entry:
  %box = call ptr @malloc(i64 8)
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %box
  call void @free_inner(ptr %box)
  call void @free(ptr %box)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [8 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{.*}}%h2s.slot)
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    store ptr %p, ptr %h2s.slot
; CHECK-NEXT:    call void @free_inner(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @free(
; CHECK:         ret void

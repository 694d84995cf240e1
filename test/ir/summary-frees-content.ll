; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<inline-budget=0>' -S %s | FileCheck --check-prefix=OFF %s
; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; The callee frees what its parameter points to (free(*x)): without
; inlining, a pointer the caller stored there is freed by the callee, so it
; stays on the heap; the holder itself is demoted. By default the callee
; is inlined, both frees are the caller's, both blocks are demoted, and
; the cleanup finds nothing left to do.

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

; OFF-LABEL: define void @f()
; OFF-NEXT:  entry:
; OFF-NEXT:    %h2s.slot = alloca [8 x i8], align 16
; OFF-NEXT:    call void @llvm.lifetime.start.p0({{.*}}%h2s.slot)
; OFF-NEXT:    %p = call ptr @malloc(i64 16)
; OFF-NEXT:    store ptr %p, ptr %h2s.slot
; OFF-NEXT:    call void @free_inner(ptr {{.*}}%h2s.slot)
; OFF-NOT:     @free(
; OFF:         ret void

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    ret void

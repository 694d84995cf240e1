; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<inline-budget=0>' -S %s | FileCheck --check-prefix=OFF %s
; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Passed to a function that frees it: the caller cannot delete a free inside
; the callee, so without inlining the allocation stays (and the callee's
; free with it). By default heap2stack inlines the callee (it is all that
; keeps the block on the heap); the free is then the caller's own, and
; goes.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @release(ptr %x) {
entry:
  call void @free(ptr %x)
  ret void
}

define void @f() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @release(ptr %p)
  ret void
}

; OFF-LABEL: define void @release(
; OFF-NEXT:  entry:
; OFF-NEXT:    call void @free(ptr %x)

; OFF-LABEL: define void @f()
; OFF-NOT:     h2s.slot
; OFF:         %p = call ptr @malloc(i64 16)
; OFF-NEXT:    call void @use(ptr %p)
; OFF-NEXT:    call void @release(ptr %p)

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8]
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{.*}}ptr %h2s.slot)
; CHECK-NEXT:    call void @use(ptr %h2s.slot)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{.*}}ptr %h2s.slot)
; CHECK-NEXT:    ret void

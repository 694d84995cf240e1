; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<guard-size=0>' -S %s | FileCheck %s
;
; A tail call that receives an object holding a pointer to a slot may reach
; the slot through memory: it loses `tail` as well, whether the holder is
; itself demoted or stays on the heap.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

; Reads the byte its argument's first pointer points to; keeps nothing.
define void @use_indirect(ptr %h) {
  %q = load ptr, ptr %h
  %v = load volatile i8, ptr %q
  ret void
}

; The holder has a dynamic size and stays on the heap (the guard is off:
; guard-size=0); %p is demoted.
define void @holder_on_heap(i64 %n) {
entry:
  %h = call ptr @malloc(i64 %n)
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %h
  tail call void @use_indirect(ptr %h)
  call void @free(ptr %p)
  call void @free(ptr %h)
  ret void
}

; Both are demoted.
define void @holder_on_stack() {
entry:
  %h = call ptr @malloc(i64 8)
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %h
  tail call void @use_indirect(ptr %h)
  call void @free(ptr %p)
  call void @free(ptr %h)
  ret void
}

; CHECK-LABEL: define void @holder_on_heap(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    %h = call ptr @malloc(i64 %n)
; CHECK-NOT:     tail call
; CHECK:         store ptr %h2s.slot, ptr %h
; CHECK-NOT:     tail call
; CHECK:         call void @use_indirect(ptr {{.*}}%h)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{.*}}%h2s.slot)
; CHECK-NEXT:    call void @free(ptr {{.*}}%h)
; CHECK-NEXT:    ret void

; CHECK-LABEL: define void @holder_on_stack()
; CHECK-NEXT:  entry:
; CHECK-DAG:     %[[H:h2s.slot[0-9]*]] = alloca [8 x i8], align 16
; CHECK-DAG:     %[[P:h2s.slot[0-9]*]] = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         store ptr %[[P]], ptr %[[H]]
; CHECK-NOT:     tail call
; CHECK:         call void @use_indirect(ptr {{.*}}%[[H]])
; CHECK-NOT:     @free
; CHECK:         ret void

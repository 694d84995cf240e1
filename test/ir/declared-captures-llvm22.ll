; REQUIRES: llvm22
; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; A declaration whose parameter is `captures(none)` (LLVM 21+ spelling) and
; that does not free it (`nofree`, on the function or the parameter) does
; not keep the pointer: the allocation is demoted. What the object holds may
; still be read and kept by the callee, so a pointer stored in it escapes.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @look(ptr captures(none) readonly) nofree
declare void @fill(ptr nofree captures(none))
declare void @release(ptr captures(none))

define void @readonly_arg() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @written_arg() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @fill(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @contents_escape() {
entry:
  %box = call ptr @malloc(i64 8)
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %box
  call void @look(ptr %box)
  call void @free(ptr %box)
  ret void
}

; CHECK-LABEL: define void @readonly_arg()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @look(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @free
; CHECK:         ret void

; CHECK-LABEL: define void @written_arg()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @fill(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @free
; CHECK:         ret void

; CHECK-LABEL: define void @contents_escape()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [8 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{.*}}%h2s.slot)
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    store ptr %p, ptr %h2s.slot
; CHECK-NEXT:    call void @look(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @free
; CHECK:         ret void

; `captures(none)` alone does not say the callee leaves the block alone: it may
; free it (LLVM marks free's own parameter so, and infers it for a
; function that reallocs or frees its argument, whose body ThinLTO then
; drops). Without `nofree` the block stays on the heap.
define void @may_free() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @release(ptr %p)
  ret void
}

; CHECK-LABEL: define void @may_free()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @release(ptr %p)

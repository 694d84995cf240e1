; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; free(q) where q is either the allocation or a pointer loaded from a global:
; the allocation is demoted, and the free stays for the global's pointer,
; handed null instead of the slot.

@g = global ptr null

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f(i1 %c) {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  %old = load ptr, ptr @g
  %q = select i1 %c, ptr %p, ptr %old
  call void @free(ptr %q)
  ret void
}

; CHECK-LABEL: define void @f(
; CHECK:         %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         %q = select i1 %c, ptr %h2s.slot, ptr %old
; CHECK-NEXT:    %[[IS:.*]] = icmp eq ptr %q, %h2s.slot
; CHECK-NEXT:    br i1 %[[IS]], label %[[SKIP:[0-9a-z.]+]], label %[[FREE:[0-9a-z.]+]]
; CHECK:       [[FREE]]:
; CHECK-NEXT:    call void @free(ptr {{.*}}%q)
; CHECK-NEXT:    br label %[[SKIP]]

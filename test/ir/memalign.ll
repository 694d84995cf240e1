; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; memalign(align, size): the slot gets the requested alignment, but never
; less than what malloc guarantees (16 on a 64-bit target).

declare noalias ptr @memalign(i64, i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @align32() {
entry:
  %p = call ptr @memalign(i64 32, i64 64)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @align8() {
entry:
  %p = call ptr @memalign(i64 8, i64 64)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; A non-constant alignment makes the size unknown: the site stays.
define void @align_dynamic(i64 %a) {
entry:
  %p = call ptr @memalign(i64 %a, i64 64)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; An alignment that is not a power of two is not a valid request: it stays.
define void @align_bad() {
entry:
  %p = call ptr @memalign(i64 24, i64 64)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @align32()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [64 x i8], align 32
; CHECK-NOT:     @memalign
; CHECK-NOT:     @free
; CHECK:         ret void

; CHECK-LABEL: define void @align8()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [64 x i8], align 16
; CHECK-NOT:     @memalign
; CHECK-NOT:     @free
; CHECK:         ret void

; CHECK-LABEL: define void @align_dynamic(
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @memalign(i64 %a, i64 64)
; CHECK:         call void @free(ptr %p)

; CHECK-LABEL: define void @align_bad()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @memalign(i64 24, i64 64)
; CHECK:         call void @free(ptr %p)

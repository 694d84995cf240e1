; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Stored into a local variable whose address is passed to an unknown
; function: that function may read the pointer out and keep it.

declare noalias ptr @malloc(i64)
declare void @ext(ptr)

define void @f() {
entry:
  %slot = alloca ptr, align 8
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %slot
  call void @ext(ptr %slot)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    store ptr %p, ptr %slot
; CHECK-NEXT:    call void @ext(ptr %slot)

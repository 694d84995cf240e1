; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; A function whose address is taken and that makes an indirect call may
; call itself through it: it is treated as recursive, so its allocation is
; bounded by recursive-budget (default 0) and stays.

@handler = global ptr @f

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f(i32 %n) {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  %h = load ptr, ptr @handler
  call void %h(i32 %n)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @f(
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         call void @free(ptr %p)

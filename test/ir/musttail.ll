; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; A function that makes a musttail call is left alone: the callee reuses the
; caller's frame, so no slot of the caller may be alive there, and the pass
; does not reason about it.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare i32 @next(i32)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define i32 @f(i32 %x) {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  %r = musttail call i32 @next(i32 %x)
  ret i32 %r
}

; CHECK-LABEL: define i32 @f(
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         call void @free(ptr %p)
; CHECK-NEXT:    %r = musttail call i32 @next(i32 %x)

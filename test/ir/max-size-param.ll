; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<max-size=64>' -S %s | FileCheck %s
;
; heap2stack<max-size=64>: 64 bytes are demoted, 65 stay.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @at_limit() {
entry:
  %p = call ptr @malloc(i64 64)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @over_limit() {
entry:
  %p = call ptr @malloc(i64 65)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @at_limit()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [64 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void

; CHECK-LABEL: define void @over_limit()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 65)
; CHECK:         call void @free(ptr %p)

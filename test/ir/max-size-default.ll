; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; The default max-size is 4096 bytes: 4096 is demoted, 4097 stays.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @at_limit() {
entry:
  %p = call ptr @malloc(i64 4096)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @over_limit() {
entry:
  %p = call ptr @malloc(i64 4097)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @at_limit()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [4096 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void

; CHECK-LABEL: define void @over_limit()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 4097)
; CHECK:         call void @free(ptr %p)

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks-output=%t.yaml -disable-output %s
; RUN: FileCheck %s < %t.yaml
;
; -pass-remarks-output writes every remark as YAML: Passed/Demoted for the
; demoted sites, Missed/KeptOnHeap for the others, with the function and the
; message.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @local() {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define ptr @returned() {
  %p = call ptr @malloc(i64 16)
  ret ptr %p
}

; CHECK:      --- !Passed
; CHECK-NEXT: Pass: heap2stack
; CHECK-NEXT: Name: Demoted
; CHECK-NEXT: Function: local
; CHECK-NEXT: Args:
; CHECK-NEXT:   - String: 'malloc(16) does not escape: moved to a 16-byte stack slot'
; CHECK-NEXT: ...
; CHECK-NEXT: --- !Missed
; CHECK-NEXT: Pass: heap2stack
; CHECK-NEXT: Name: KeptOnHeap
; CHECK-NEXT: Function: returned
; CHECK-NEXT: Args:
; CHECK-NEXT:   - String: 'malloc(16) escapes to heap: returned'
; CHECK-NEXT: ...
; CHECK-NOT:  ---

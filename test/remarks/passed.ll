; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -disable-output %s 2>&1 | FileCheck %s
;
; -pass-remarks=heap2stack reports each demoted site with its slot size;
; without -pass-remarks-missed the sites kept on the heap are not reported.

declare noalias ptr @malloc(i64)
declare noalias ptr @calloc(i64, i64)
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

define void @cleared() {
  %p = call ptr @calloc(i64 4, i64 8)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define ptr @returned() {
  %p = call ptr @malloc(i64 16)
  ret ptr %p
}

; CHECK:     remark: {{.*}}malloc(16) does not escape: moved to a 16-byte stack slot
; CHECK-NEXT: remark: {{.*}}calloc(4, 8) does not escape: moved to a 32-byte stack slot
; CHECK-NOT: remark

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; A function that may be replaced at link time (weak) gets no summary: the
; pointer passed to it escapes. linkonce_odr (all copies equivalent) keeps
; its summary.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define weak void @weak_reader(ptr %x) {
  %v = load volatile i8, ptr %x
  ret void
}

define linkonce_odr void @odr_reader(ptr %x) {
  %v = load volatile i8, ptr %x
  ret void
}

define void @calls_weak() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @weak_reader(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @calls_odr() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @odr_reader(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @calls_weak()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @weak_reader(ptr %p)

; CHECK-LABEL: define void @calls_odr()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @odr_reader(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @free
; CHECK:         ret void

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; A function whose frame grows by more than a page (4096 bytes) gets stack
; probes ("probe-stack"="inline-asm"), so the larger frame cannot step over
; the guard page; one that grows by at most a page does not, and a probing
; choice the function already has is kept.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @two_pages() {
entry:
  %a = call ptr @malloc(i64 3000)
  call void @use(ptr %a)
  %b = call ptr @malloc(i64 3000)
  call void @use(ptr %b)
  ret void
}

define void @one_page() {
entry:
  %a = call ptr @malloc(i64 4096)
  call void @use(ptr %a)
  ret void
}

define void @own_probe() #0 {
entry:
  %a = call ptr @malloc(i64 3000)
  call void @use(ptr %a)
  %b = call ptr @malloc(i64 3000)
  call void @use(ptr %b)
  ret void
}

attributes #0 = { "probe-stack"="__my_probe" }

; CHECK:       define void @two_pages() #[[PROBED:[0-9]+]] {
; CHECK:       define void @one_page() {
; CHECK:       define void @own_probe() #[[OWN:[0-9]+]] {
; CHECK-DAG:   attributes #[[PROBED]] = { "probe-stack"="inline-asm" }
; CHECK-DAG:   attributes #[[OWN]] = { "probe-stack"="__my_probe" }

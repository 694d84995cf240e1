; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack,sroa,instcombine' -S %s | FileCheck %s
;
; Precision: a pointer stored into another allocation that does not escape
; does not escape either (Go would call every store through a pointer a heap
; store). Both are demoted; free() of the pointer read back from the holder
; is deleted too.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

; Reads the pointer its argument holds; keeps nothing.
define void @use_indirect(ptr %h) {
  %q = load ptr, ptr %h
  %v = load volatile i8, ptr %q
  ret void
}

define void @f() {
entry:
  %box = call ptr @malloc(i64 8)
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %box
  call void @use_indirect(ptr %box)
  %q = load ptr, ptr %box
  call void @use(ptr %q)
  call void @free(ptr %q)
  call void @free(ptr %box)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-DAG:     %[[BOX:h2s.slot[0-9]*]] = alloca [8 x i8], align 16
; CHECK-DAG:     %[[P:h2s.slot[0-9]*]] = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         store ptr %[[P]], ptr %[[BOX]]
; CHECK-NEXT:    call void @use_indirect(ptr {{.*}}%[[BOX]])
; CHECK-NEXT:    %q = load ptr, ptr %[[BOX]]
; CHECK-NEXT:    call void @use(ptr {{.*}}%q)
; CHECK-NOT:     @free
; CHECK:         ret void

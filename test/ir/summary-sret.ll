; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; A callee that stores its parameter into its sret result writes it into
; the caller's sret temporary. Read back and used locally, the allocation is
; demoted; read back and returned, it escapes.

%pair = type { ptr, i64 }

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @make(ptr noalias sret(%pair) %out, ptr %x) {
  store ptr %x, ptr %out
  %n = getelementptr inbounds %pair, ptr %out, i64 0, i32 1
  store i64 16, ptr %n
  ret void
}

define void @local() {
entry:
  %tmp = alloca %pair, align 8
  %p = call ptr @malloc(i64 16)
  call void @make(ptr sret(%pair) %tmp, ptr %p)
  %q = load ptr, ptr %tmp
  call void @use(ptr %q)
  call void @free(ptr %p)
  ret void
}

define ptr @returned() {
entry:
  %tmp = alloca %pair, align 8
  %p = call ptr @malloc(i64 16)
  call void @make(ptr sret(%pair) %tmp, ptr %p)
  %q = load ptr, ptr %tmp
  ret ptr %q
}

; CHECK-LABEL: define void @local()
; CHECK-NEXT:  entry:
; CHECK-DAG:     %h2s.slot = alloca [16 x i8], align 16
; CHECK-DAG:     %tmp = alloca %pair
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void

; CHECK-LABEL: define ptr @returned()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         ret ptr %q

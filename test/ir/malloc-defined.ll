; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; A `malloc` (and `free`) defined in the module is the program's own
; function, not the C library's: its calls are not allocations.

@pool = global [4096 x i8] zeroinitializer, align 16
@used = global i64 0

define ptr @malloc(i64 %n) {
entry:
  %u = load i64, ptr @used
  %p = getelementptr inbounds i8, ptr @pool, i64 %u
  %u2 = add i64 %u, %n
  store i64 %u2, ptr @used
  ret ptr %p
}

define void @free(ptr %p) {
entry:
  ret void
}

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)

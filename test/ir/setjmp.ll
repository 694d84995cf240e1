; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; A function that calls setjmp (returns_twice) is left alone: a second
; return from setjmp may see the stack differently than the heap.

@env = global [200 x i8] zeroinitializer, align 16

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare i32 @setjmp(ptr) #0

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f() {
entry:
  %p = call ptr @malloc(i64 16)
  %r = call i32 @setjmp(ptr @env) #0
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

attributes #0 = { returns_twice }

; CHECK-LABEL: define void @f()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         call void @free(ptr %p)

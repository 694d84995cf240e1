; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<recursive-stack=0>' -S %s | FileCheck %s
;
; (recursive-stack=0: a recursive function's site then stays on the heap,
; which shows which functions the cycles reach; by default they get the
; depth guard of recursive.ll.)
; A function whose address is taken may be called by every indirect call
; of its type: a cycle through such a call makes it recursive, so its
; allocation is bounded by recursive-budget (default 0) and stays. An
; indirect call of another type cannot reach it (calling a function
; through a pointer of an incompatible type is undefined in C, 6.3.2.3p8).

@handler = global ptr @f
@handler2 = global ptr @f2
@other = global ptr @takes_ptr
@handler3 = global ptr @g3

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

; calls itself through a pointer of its own type
define void @f(i32 %n) {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  %h = load ptr, ptr @handler
  call void %h(i32 %n)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @f(
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         call void @free(ptr %p)

define void @takes_ptr(ptr %x) {
  ret void
}

; address-taken as void (i32), but its indirect call is of type
; void (ptr): only @takes_ptr can be called there, and it calls nothing
define void @f2(i32 %n) {
entry:
  %p = call ptr @malloc(i64 24)
  call void @use(ptr %p)
  %h = load ptr, ptr @other
  call void %h(ptr null)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @f2(
; CHECK:         %h2s.slot = alloca [24 x i8]
; CHECK-NOT:     call ptr @malloc

; g3 calls h3, which calls through a void (i32) pointer: g3 is such a
; function, so g3 -> h3 -> g3 is a cycle
define void @g3(i32 %n) {
entry:
  %p = call ptr @malloc(i64 32)
  call void @use(ptr %p)
  call void @h3(i32 %n)
  call void @free(ptr %p)
  ret void
}

define void @h3(i32 %n) {
  %h = load ptr, ptr @handler3
  call void %h(i32 %n)
  ret void
}

; CHECK-LABEL: define void @g3(
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 32)

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -verify-each -S %s | FileCheck %s
;
; Old C declares `int free();`: the free returns an int that the program may
; even use. Deleting such a free replaces its result by undef (free has no
; value to give), so the module stays valid. Both shapes: a free declared
; `i32 (ptr)` and the variadic call `int free()` produces.

declare ptr @malloc(i64)
declare i32 @free(ptr)

define i32 @typed() {
  %p = call ptr @malloc(i64 16)
  store volatile i8 1, ptr %p
  %r = call i32 @free(ptr %p)
  ret i32 %r
}

; CHECK-LABEL: define i32 @typed()
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret i32 undef

define i32 @variadic() {
  %p = call ptr @malloc(i64 16)
  store volatile i8 1, ptr %p
  %r = call i32 (ptr, ...) @free(ptr %p)
  %s = add i32 %r, 1
  ret i32 %s
}

; CHECK-LABEL: define i32 @variadic()
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret i32 undef

; A guarded buffer (a size known only at run time): the free may receive
; the slot or the heap block, so it stays. Its result is used, so it is not
; skipped for the slot but handed null instead, and still yields its int.
define i32 @guarded(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  store volatile i8 1, ptr %p
  %r = call i32 @free(ptr %p)
  ret i32 %r
}

; CHECK-LABEL: define i32 @guarded(
; CHECK:         %h2s.slot = alloca [256 x i8], align 16
; CHECK:         call ptr @malloc(i64 %n)
; CHECK:         %[[IS:.*]] = icmp eq ptr %[[P:.*]], %h2s.slot
; CHECK-NEXT:    %[[ARG:.*]] = select i1 %[[IS]], ptr null, ptr %[[P]]
; CHECK-NEXT:    %r = call i32 @free(ptr %[[ARG]])
; CHECK-NEXT:    ret i32 %r

; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --match-full-lines
;
; Without debug information every report line starts with the function's
; name. One line per allocation site, then one per pointer parameter, in
; module order; parameters use Go's four forms; an unnamed parameter is
; argN; a function with neither sites nor pointer parameters prints nothing.

@g = global ptr null

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @sink(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @local() {
  %p = call ptr @malloc(i64 16)
  call void @sink(ptr %p)
  call void @free(ptr %p)
  ret void
}

define ptr @returned() {
  %p = call ptr @malloc(i64 8)
  ret ptr %p
}

define void @keep(ptr %p) {
  store ptr %p, ptr @g
  ret void
}

define void @look(ptr %pp) {
  %q = load ptr, ptr %pp
  store ptr %q, ptr @g
  ret void
}

define ptr @pass(ptr %p) {
  ret ptr %p
}

define ptr @deref(ptr %pp) {
  %q = load ptr, ptr %pp
  ret ptr %q
}

define void @release(ptr %p) {
  call void @free(ptr %p)
  ret void
}

define void @both(ptr %out) {
  %p = call ptr @malloc(i64 4)
  store ptr %p, ptr %out
  ret void
}

define void @unnamed(ptr) {
  ret void
}

define i32 @scalar(i32 %n) {
  ret i32 %n
}

; CHECK:      sink: p does not escape
; CHECK-NEXT: local: malloc(16) does not escape
; CHECK-NEXT: returned: malloc(8) escapes to heap
; CHECK-NEXT: keep: leaking param: p
; CHECK-NEXT: look: leaking param content: pp
; CHECK-NEXT: pass: leaking param: p to result ~r0 level=0
; CHECK-NEXT: deref: leaking param: pp to result ~r0 level=1
; CHECK-NEXT: release: leaking param: p
; CHECK-NEXT: both: malloc(4) escapes to heap
; CHECK-NEXT: both: out does not escape
; CHECK-NEXT: unnamed: arg0 does not escape
; CHECK-NOT:  {{.}}

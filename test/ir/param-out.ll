; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<no-freed-escapes>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck --check-prefix=REMARK %s
; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape>' -disable-output %s 2>&1 | FileCheck --check-prefix=PRINT %s
;
; no-freed-escapes: some of these blocks are freed before their function
; returns, which freed-before-return.ll's rule demotes though they
; escape; this test is about the flows that make them escape.
;
; A store through a pointer parameter goes to the caller's memory: the
; callee's summary says which parameter's pointee receives what (to_param),
; and the caller makes that store through its own argument. So a block
; handed to a setter that stores it into a local holder of the caller, or
; to a helper that hands back a pointer derived from it through an
; out-parameter on the caller's stack (jq's jv_string_vfmt), is demoted;
; stored into a global, or into the caller's own parameter, it escapes as
; before, and so it does when the callee then hands the holder to unknown
; code or to a function that leaks what it points to, or returns what it
; stored. A callee that stores a global's address into the holder makes
; it point anywhere: a block stored through what it then holds escapes. The callee's own block stored into the
; caller's memory escapes the callee. The report keeps Go's words: a parameter stored into
; another's pointee leaks.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare ptr @realloc(ptr, i64)
@g = global ptr null

; *dst = src
define internal void @set(ptr %dst, ptr %src) {
  store ptr %src, ptr %dst
  ret void
}
; stores its own block into the caller's memory: it escapes
define internal void @make(ptr %dst) {
  %m = call ptr @malloc(i64 8)
  store ptr %m, ptr %dst
  ret void
}
; *out = p + 1 (a pointer derived from p handed back)
define internal void @derive(ptr %p, ptr %out) {
  %q = getelementptr i8, ptr %p, i64 1
  store ptr %q, ptr %out
  ret void
}

define i8 @local_holder() {
  %h = alloca ptr
  %p = call ptr @malloc(i64 16)
  store i8 5, ptr %p
  call void @set(ptr %h, ptr %p)
  %l = load ptr, ptr %h
  %v = load i8, ptr %l
  call void @free(ptr %p)
  ret i8 %v
}

define void @global_holder() {
  %p = call ptr @malloc(i64 24)
  call void @set(ptr @g, ptr %p)
  ret void
}

define i8 @outparam() {
  %o = alloca ptr
  %p = call ptr @malloc(i64 32)
  store i8 7, ptr %p
  call void @derive(ptr %p, ptr %o)
  %q = load ptr, ptr %o
  %v = load i8, ptr %q
  call void @free(ptr %p)
  ret i8 %v
}

define void @caller_of_make() {
  %o = alloca ptr
  call void @make(ptr %o)
  %m = load ptr, ptr %o
  call void @free(ptr %m)
  ret void
}

; the outer function's param receives it: escapes through a parameter
define void @via_param(ptr %x) {
  %p = call ptr @malloc(i64 40)
  call void @set(ptr %x, ptr %p)
  ret void
}

declare void @unknown(ptr)

; stores src into *dst, then hands dst to unknown code, which may read
; *dst and keep what it finds: the caller's holder escapes, and with it
; the block stored in it
define internal void @set_and_show(ptr %dst, ptr %src) {
  store ptr %src, ptr %dst
  call void @unknown(ptr %dst)
  ret void
}

define void @shown() {
  %h = alloca ptr
  %p = call ptr @malloc(i64 48)
  call void @set_and_show(ptr %h, ptr %p)
  call void @free(ptr %p)
  ret void
}

; stores src into *dst and returns what *dst holds: src comes back
define internal ptr @set_get(ptr %dst, ptr %src) {
  store ptr %src, ptr %dst
  %r = load ptr, ptr %dst
  ret ptr %r
}

define ptr @back() {
  %h = alloca ptr
  %p = call ptr @malloc(i64 56)
  %r = call ptr @set_get(ptr %h, ptr %p)
  ret ptr %r
}
; REMARK-DAG: remark: <unknown>:0:0: malloc(48) escapes to heap: stored into a local variable, which escapes
; REMARK-DAG: remark: <unknown>:0:0: malloc(56) escapes to heap: returned

; stores src into *q, then hands q to a module function that leaks what
; its parameter points to: src escapes in the callee already
define internal void @leak_content(ptr %x) {
  %c = load ptr, ptr %x
  store ptr %c, ptr @g
  ret void
}

define internal void @set_then_leak(ptr %q, ptr %src) {
  store ptr %src, ptr %q
  call void @leak_content(ptr %q)
  ret void
}

define void @leaked_through_holder() {
  %h = alloca ptr
  %p = call ptr @malloc(i64 72)
  call void @set_then_leak(ptr %h, ptr %p)
  call void @free(ptr %p)
  ret void
}
; REMARK-DAG: remark: <unknown>:0:0: malloc(72) escapes to heap: passed to set_then_leak, which leaks it

; stores a global's address into *q: not something the caller replays, so
; q is written and the caller's holder may point anywhere afterwards; a
; block stored through what it holds escapes
define internal void @point_at_global(ptr %q) {
  store ptr @g, ptr %q
  ret void
}

define void @through_written(i1 %c) {
  %h = alloca ptr
  %l = alloca ptr
  store ptr %l, ptr %h
  call void @point_at_global(ptr %h)
  %t = load ptr, ptr %h
  %p = call ptr @malloc(i64 80)
  store ptr %p, ptr %t
  ret void
}
; REMARK-DAG: remark: <unknown>:0:0: malloc(80) escapes to heap: stored to memory the function does not own
; PRINT-DAG: set_then_leak: leaking param: src

; REMARK-DAG: remark: <unknown>:0:0: malloc(16) does not escape: moved to a 16-byte stack slot
; REMARK-DAG: remark: <unknown>:0:0: malloc(32) does not escape: moved to a 32-byte stack slot
; REMARK-DAG: remark: <unknown>:0:0: malloc(24) escapes to heap: stored to memory the function does not own
; REMARK-DAG: remark: <unknown>:0:0: malloc(40) escapes to heap: stored through a parameter
; REMARK-DAG: remark: <unknown>:0:0: malloc(8) escapes to heap: stored through a parameter
; PRINT-DAG: set: leaking param: src
; PRINT-DAG: set: dst does not escape
; PRINT-DAG: derive: leaking param: p
; PRINT-DAG: derive: out does not escape
; PRINT-DAG: via_param: x does not escape

; A qsort comparator that stores one element into the other: qsort's
; lowering replays the store into the array (the array then holds its own
; address), and the array stays local. bsearch's key and array are two
; objects: there the store goes to {heap}.
declare void @qsort(ptr, i64, i64, ptr)
declare ptr @bsearch(ptr, ptr, i64, i64, ptr)

define internal i32 @cmp_stores(ptr %a, ptr %b) {
  store ptr %a, ptr %b
  ret i32 0
}

define void @sorted_storing() {
  %arr = call ptr @malloc(i64 96)
  call void @qsort(ptr %arr, i64 2, i64 8, ptr @cmp_stores)
  call void @free(ptr %arr)
  ret void
}
; REMARK-DAG: remark: <unknown>:0:0: malloc(96) does not escape: moved to a 96-byte stack slot

define ptr @searched_storing(ptr %arr) {
  %key = call ptr @malloc(i64 120)
  %r = call ptr @bsearch(ptr %key, ptr %arr, i64 2, i64 8, ptr @cmp_stores)
  call void @free(ptr %key)
  ret ptr %r
}
; REMARK-DAG: remark: <unknown>:0:0: malloc(120) escapes to heap: passed to bsearch, which leaks it

; A store made deep in a call cycle: the summaries of the cycle's members
; are computed to a fixpoint, the stores they say the callers make
; included, so the caller replays the store and sees the block reach the
; global through its holder.
define internal void @ping(ptr %dst, ptr %src, i32 %n) {
  %z = icmp eq i32 %n, 0
  br i1 %z, label %out, label %more
more:
  %m = sub i32 %n, 1
  call void @pong(ptr %dst, ptr %src, i32 %m)
  br label %out
out:
  ret void
}

define internal void @pong(ptr %dst, ptr %src, i32 %n) {
  %z = icmp eq i32 %n, 0
  br i1 %z, label %store, label %more
store:
  store ptr %src, ptr %dst
  ret void
more:
  call void @ping(ptr %dst, ptr %src, i32 %n)
  ret void
}

define void @cycle(i32 %n) {
  %h = alloca ptr
  store ptr null, ptr %h
  %p = call ptr @malloc(i64 104)
  call void @ping(ptr %h, ptr %p, i32 %n)
  %t = load ptr, ptr %h
  store ptr %t, ptr @g
  ret void
}
; REMARK-DAG: remark: <unknown>:0:0: malloc(104) escapes to heap: stored to global g

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s --check-prefix=IR
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<no-freed-escapes>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s --check-prefix=OFF --implicit-check-not="does not escape"
;
; A block whose address escapes is still dead when its function returns
; if the function frees it (free of the allocation's own value) on every
; path before it returns, and no call in between may leave the function
; another way: longjmp, unwinding, exit or abort (whose handlers run
; while the block is live and may free it themselves), an indirect call,
; an unknown function. Then every use of it happens while the frame is
; live, and it is demoted. The paths on which the allocation returned
; null hold no block.

@g = global ptr null
@fp = global ptr null

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @_ZdlPv(ptr)
declare noalias ptr @realloc(ptr, i64)
declare void @unknown(ptr) nounwind
declare void @returns(ptr) nounwind willreturn
declare void @may_throw(ptr)
declare void @returns_may_throw(ptr) willreturn
declare void @exit(i32) noreturn nounwind
declare void @_exit(i32) noreturn nounwind
declare void @abort() noreturn nounwind
declare void @longjmp(ptr, i32) noreturn nounwind
declare void @qsort(ptr, i64, i64, ptr) nounwind
declare i32 @__gxx_personality_v0(...)

; reads the global: a module function that returns
define i32 @reader() nounwind {
  %p = load ptr, ptr @g
  %v = load i32, ptr %p
  ret i32 %v
}

; a module function that may longjmp
define void @jumper(ptr %env) nounwind {
  call void @longjmp(ptr %env, i32 1)
  unreachable
}

; a module function whose callee may longjmp
define void @jumper_caller(ptr %env) nounwind {
  call void @jumper(ptr %env)
  ret void
}

; a definition the linker may replace
define weak void @weak_fn() nounwind {
  ret void
}

define i32 @cmp_plain(ptr %a, ptr %b) nounwind {
  ret i32 0
}

define i32 @cmp_jumps(ptr %a, ptr %b) nounwind {
  call void @jumper(ptr null)
  ret i32 0
}

; CHECK-DAG: remark: <unknown>:0:0: malloc(4) does not escape: moved to a 4-byte stack slot; it escapes (stored to global g) but is freed before every return
; OFF-DAG: remark: <unknown>:0:0: malloc(4) escapes to heap: stored to global g
; The `tail` mark goes from the call of reader, which reads the slot
; through g: a tail call promises not to touch the caller's frame.
; IR-LABEL: define i32 @global_then_free(
; IR: %h2s.slot = alloca [4 x i8]
; IR: %v = call i32 @reader()
; IR-NOT: call void @free
; IR: ret i32
define i32 @global_then_free(i32 %k) {
  %p = call ptr @malloc(i64 4)
  store i32 %k, ptr %p
  store ptr %p, ptr @g
  %v = tail call i32 @reader()
  store ptr null, ptr @g
  call void @free(ptr %p)
  ret i32 %v
}

; the test of malloc's result: its null side holds no block
; CHECK-DAG: remark: <unknown>:0:0: malloc(5) does not escape: moved to a 5-byte stack slot; it escapes (stored to global g) but is freed before every return
; CHECK-DAG: remark: <unknown>:0:0: malloc(5) escapes to heap: passed to unknown function unknown
define i32 @null_tested(i32 %k) {
  %p = call ptr @malloc(i64 5)
  %bad = icmp eq ptr %p, null
  br i1 %bad, label %fail, label %ok
ok:
  store ptr %p, ptr @g
  call void @free(ptr %p)
  ret i32 0
fail:
  ret i32 -1
}

; ... and the negative: a test of another pointer
define i32 @other_tested(ptr %q) {
  %p = call ptr @malloc(i64 5)
  call void @unknown(ptr %p)
  %bad = icmp eq ptr %q, null
  br i1 %bad, label %fail, label %ok
ok:
  call void @free(ptr %p)
  ret i32 0
fail:
  ret i32 -1
}

; `if (p) free(p)`, and a free on each side of a branch
; CHECK-DAG: remark: <unknown>:0:0: malloc(6) does not escape: moved to a 6-byte stack slot; it escapes (stored to global g) but is freed before every return
define void @conditional_free(i1 %c) {
  %p = call ptr @malloc(i64 6)
  store ptr %p, ptr @g
  br i1 %c, label %a, label %b
a:
  call void @free(ptr %p)
  br label %out
b:
  %nn = icmp ne ptr %p, null
  br i1 %nn, label %b2, label %out
b2:
  call void @free(ptr %p)
  br label %out
out:
  ret void
}

; a callee LLVM says returns, and _exit, which runs none of the
; program's code
; CHECK-DAG: remark: <unknown>:0:0: malloc(7) does not escape: moved to a 7-byte stack slot; it escapes (passed to unknown function returns) but is freed before every return
define void @willreturn_and_exit(i1 %c) {
  %p = call ptr @malloc(i64 7)
  call void @returns(ptr %p)
  br i1 %c, label %die, label %ok
die:
  call void @_exit(i32 1)
  unreachable
ok:
  call void @free(ptr %p)
  ret void
}

; in a loop: freed before the allocation runs again, so one slot serves
; every iteration
; CHECK-DAG: remark: <unknown>:0:0: malloc(8) does not escape: moved to a 8-byte stack slot; it escapes (stored to global g) but is freed before every return
define void @loop(i32 %n) {
entry:
  br label %head
head:
  %i = phi i32 [ 0, %entry ], [ %i1, %body ]
  %more = icmp slt i32 %i, %n
  br i1 %more, label %body, label %out
body:
  %p = call ptr @malloc(i64 8)
  store ptr %p, ptr @g
  %v = call i32 @reader()
  call void @free(ptr %p)
  %i1 = add i32 %i, 1
  br label %head
out:
  ret void
}

; qsort calls a comparator that returns
; CHECK-DAG: remark: <unknown>:0:0: malloc(9) does not escape: moved to a 9-byte stack slot; it escapes (stored to global g) but is freed before every return
define void @sorts(ptr %a) {
  %p = call ptr @malloc(i64 9)
  store ptr %p, ptr @g
  call void @qsort(ptr %a, i64 4, i64 8, ptr @cmp_plain)
  call void @free(ptr %p)
  ret void
}

; ---- kept

; freed on one path only
; CHECK-DAG: remark: <unknown>:0:0: malloc(10) escapes to heap: stored to global g
define void @one_path(i1 %c) {
  %p = call ptr @malloc(i64 10)
  store ptr %p, ptr @g
  br i1 %c, label %a, label %b
a:
  call void @free(ptr %p)
  ret void
b:
  ret void
}

; exit runs atexit handlers, which may free the block through g; abort
; raises SIGABRT, whose handler may too
; CHECK-DAG: remark: <unknown>:0:0: malloc(11) escapes to heap: stored to global g
; CHECK-DAG: remark: <unknown>:0:0: malloc(12) escapes to heap: stored to global g
define void @exits(i1 %c) {
  %p = call ptr @malloc(i64 11)
  store ptr %p, ptr @g
  br i1 %c, label %die, label %ok
die:
  call void @exit(i32 1)
  unreachable
ok:
  call void @free(ptr %p)
  ret void
}
define void @aborts(i1 %c) {
  %p = call ptr @malloc(i64 12)
  store ptr %p, ptr @g
  br i1 %c, label %die, label %ok
die:
  call void @abort()
  unreachable
ok:
  call void @free(ptr %p)
  ret void
}

; a module callee that may longjmp, directly or through another
; CHECK-DAG: remark: <unknown>:0:0: malloc(13) escapes to heap: stored to global g
; CHECK-DAG: remark: <unknown>:0:0: malloc(14) escapes to heap: stored to global g
define void @longjmps(ptr %env) {
  %p = call ptr @malloc(i64 13)
  store ptr %p, ptr @g
  call void @jumper(ptr %env)
  call void @free(ptr %p)
  ret void
}
define void @longjmps_deeper(ptr %env) {
  %p = call ptr @malloc(i64 14)
  store ptr %p, ptr @g
  call void @jumper_caller(ptr %env)
  call void @free(ptr %p)
  ret void
}

; an unknown function that LLVM does not say returns, an indirect call,
; a function that may throw, a definition the linker may replace, a
; comparator that may longjmp
; CHECK-DAG: remark: <unknown>:0:0: malloc(15) escapes to heap: passed to unknown function unknown
; CHECK-DAG: remark: <unknown>:0:0: malloc(16) escapes to heap: stored to global g
; CHECK-DAG: remark: <unknown>:0:0: malloc(17) escapes to heap: passed to unknown function may_throw
; CHECK-DAG: remark: <unknown>:0:0: malloc(18) escapes to heap: stored to global g
; CHECK-DAG: remark: <unknown>:0:0: malloc(19) escapes to heap: stored to global g
define void @unknown_between() {
  %p = call ptr @malloc(i64 15)
  call void @unknown(ptr %p)
  call void @free(ptr %p)
  ret void
}
define void @indirect_between() {
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr @g
  %f = load ptr, ptr @fp
  call void %f()
  call void @free(ptr %p)
  ret void
}
define void @throws_between() {
  %p = call ptr @malloc(i64 17)
  call void @may_throw(ptr %p)
  call void @free(ptr %p)
  ret void
}
define void @weak_between() {
  %p = call ptr @malloc(i64 18)
  store ptr %p, ptr @g
  call void @weak_fn()
  call void @free(ptr %p)
  ret void
}
define void @sorts_jumps(ptr %a) {
  %p = call ptr @malloc(i64 19)
  store ptr %p, ptr @g
  call void @qsort(ptr %a, i64 4, i64 8, ptr @cmp_jumps)
  call void @free(ptr %p)
  ret void
}

; the free does not certainly receive this block: it frees what g holds
; CHECK-DAG: remark: <unknown>:0:0: malloc(20) escapes to heap: stored to global g
define void @frees_loaded() {
  %p = call ptr @malloc(i64 20)
  store ptr %p, ptr @g
  %q = load ptr, ptr @g
  call void @free(ptr %q)
  ret void
}

; allocated again before it is freed: the next iteration's block would
; share the slot while this one lives
; CHECK-DAG: remark: <unknown>:0:0: malloc(21) escapes to heap: stored to global g
define void @loop_free_after(i32 %n) {
entry:
  br label %body
body:
  %i = phi i32 [ 0, %entry ], [ %i1, %body ]
  %p = call ptr @malloc(i64 21)
  store ptr %p, ptr @g
  %i1 = add i32 %i, 1
  %more = icmp slt i32 %i1, %n
  br i1 %more, label %body, label %out
out:
  call void @free(ptr %p)
  ret void
}

; grown by realloc, then the new block freed: not a free of this value
; CHECK-DAG: remark: <unknown>:0:0: malloc(22) escapes to heap: stored to global g
define void @grown() {
  %p = call ptr @malloc(i64 22)
  store ptr %p, ptr @g
  %q = call ptr @realloc(ptr %p, i64 64)
  call void @free(ptr %q)
  ret void
}

; freed by a deallocator of another family
; CHECK-DAG: remark: <unknown>:0:0: malloc(23) escapes to heap: stored to global g
define void @wrong_family() {
  %p = call ptr @malloc(i64 23)
  store ptr %p, ptr @g
  call void @_ZdlPv(ptr %p)
  ret void
}

; an invoke's unwinding leaves the function through resume
; CHECK-DAG: remark: <unknown>:0:0: malloc(24) escapes to heap: stored to global g
define void @unwinds() personality ptr @__gxx_personality_v0 {
  %p = call ptr @malloc(i64 24)
  store ptr %p, ptr @g
  invoke void @returns_may_throw(ptr null) to label %ok unwind label %lp
ok:
  call void @free(ptr %p)
  ret void
lp:
  %l = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %l
}

; ... but not when the landing pad frees it too and returns
; CHECK-DAG: remark: <unknown>:0:0: malloc(25) does not escape: moved to a 25-byte stack slot; it escapes (stored to global g) but is freed before every return
define void @unwind_caught() personality ptr @__gxx_personality_v0 {
  %p = call ptr @malloc(i64 25)
  store ptr %p, ptr @g
  invoke void @returns_may_throw(ptr null) to label %ok unwind label %lp
ok:
  call void @free(ptr %p)
  ret void
lp:
  %l = landingpad { ptr, i32 } catch ptr null
  call void @free(ptr %p)
  ret void
}


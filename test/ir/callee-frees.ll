; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -S %s -o %t.ll 2>&1 | FileCheck --check-prefix=REMARK %s
; RUN: FileCheck %s < %t.ll
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<inline-budget=0>' -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck --check-prefix=OFF %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<inline-budget=3>' -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck --check-prefix=SMALL %s
; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape>' -disable-output %s 2>&1 | FileCheck --check-prefix=PRINT %s
;
; A block whose only obstacle is a module function that frees it (its
; parameter, or what its parameter points to) is demoted after heap2stack
; inlines that call into the allocating function, which it then analyses
; again: the free is then its own, and rewritten as any other. Each
; inlined callee may free through another (release2 -> release): up to
; eight rounds, within inline-budget instructions added per function
; (default 256). A callee that grows its parameter with realloc is one
; that frees it: inlined, its realloc is the growth rule's. Kept, with
; the reason: a callee marked noinline, a
; recursive one, a callee that frees the block and also stores it in a
; global (it escapes: nothing is inlined), and with inline-budget=0 or a
; budget smaller than the callee.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

@g = global ptr null

define internal void @release(ptr %p) {
  %z = icmp eq ptr %p, null
  br i1 %z, label %out, label %do
do:
  call void @free(ptr %p)
  br label %out
out:
  ret void
}

define internal void @release2(ptr %p) {
  call void @release(ptr %p)
  ret void
}

; two rounds: release2, then release
define i8 @twice() {
  %p = call ptr @malloc(i64 32)
  store i8 7, ptr %p
  %v = load i8, ptr %p
  call void @release2(ptr %p)
  ret i8 %v
}
; REMARK-DAG: remark: <unknown>:0:0: malloc(32) does not escape: moved to a 32-byte stack slot; inlined release2, release, which frees it
; (the cleanup's SROA then forwards the byte stored)
; CHECK-LABEL: define i8 @twice(
; CHECK-NOT: call
; CHECK: ret i8 7
; CHECK-NEXT: }

%struct.box = type { ptr, i32 }

define internal void @box_free(ptr %b) {
  %d = load ptr, ptr %b
  call void @free(ptr %d)
  store ptr null, ptr %b
  ret void
}

define internal i64 @box_sum(ptr %b) {
  %d = load ptr, ptr %b
  %v = load i8, ptr %d
  %w = sext i8 %v to i64
  ret i64 %w
}

; what the parameter points to is freed: b.data, stored in a local struct
define i64 @field() {
  %b = alloca %struct.box
  %d = call ptr @malloc(i64 64)
  store i8 1, ptr %d
  store ptr %d, ptr %b
  %s = call i64 @box_sum(ptr %b)
  call void @box_free(ptr %b)
  ret i64 %s
}
; REMARK-DAG: remark: <unknown>:0:0: malloc(64) does not escape: moved to a 64-byte stack slot; inlined box_free, which frees it
; CHECK-LABEL: define i64 @field(
; CHECK: %h2s.slot = alloca [64 x i8]
; CHECK-NOT: @free
; CHECK-NOT: @malloc
; CHECK: store ptr %h2s.slot, ptr %b
; CHECK: call i64 @box_sum(ptr %b)
; CHECK-NOT: @free
; CHECK: ret i64

define internal void @release_noinline(ptr %p) noinline {
  call void @free(ptr %p)
  ret void
}

define void @noinl() {
  %p = call ptr @malloc(i64 8)
  store volatile i8 1, ptr %p
  call void @release_noinline(ptr %p)
  ret void
}
; REMARK-DAG: remark: <unknown>:0:0: malloc(8) escapes to heap: freed by release_noinline, not inlined: marked noinline or optnone
; CHECK-LABEL: define void @noinl(
; CHECK: call ptr @malloc(i64 8)
; CHECK: call void @release_noinline(

; frees its parameter after passing it to itself: inlining it would only move
; the block one step round the cycle, so it is not inlined
define internal void @release_rec(ptr %p, i32 %n) {
  %c = icmp eq i32 %n, 0
  br i1 %c, label %free, label %again
again:
  %m = sub i32 %n, 1
  call void @release_rec(ptr %p, i32 %m)
  ret void
free:
  call void @free(ptr %p)
  ret void
}

define void @rec(i32 %n) {
  %p = call ptr @malloc(i64 12)
  store volatile i8 1, ptr %p
  call void @release_rec(ptr %p, i32 %n)
  ret void
}
; REMARK-DAG: remark: <unknown>:0:0: malloc(12) escapes to heap: freed by release_rec, not inlined: it passes it on round a call cycle

; frees it and leaks it: it escapes, and nothing is inlined
define internal void @free_and_keep(ptr %p) {
  store ptr %p, ptr @g
  call void @free(ptr %p)
  ret void
}

define void @leaky() {
  %p = call ptr @malloc(i64 24)
  store volatile i8 1, ptr %p
  call void @free_and_keep(ptr %p)
  ret void
}
; REMARK-DAG: remark: <unknown>:0:0: malloc(24) escapes to heap: passed to free_and_keep, which leaks it
; CHECK-LABEL: define void @leaky(
; CHECK: call void @free_and_keep(

; OFF-DAG: remark: <unknown>:0:0: malloc(32) escapes to heap: freed by release2, not inlined: inline-budget=0
; OFF-DAG: remark: <unknown>:0:0: malloc(64) escapes to heap: freed by box_free, not inlined: inline-budget=0
; SMALL-DAG: remark: <unknown>:0:0: malloc(32) escapes to heap: freed by release, not inlined: larger than what is left of inline-budget 3
; SMALL-DAG: remark: <unknown>:0:0: malloc(64) escapes to heap: freed by box_free, not inlined: larger than what is left of inline-budget 3

; print<escape> reports what the transform does, after the same inlining.
; PRINT-DAG: twice: malloc(32) does not escape
; PRINT-DAG: field: malloc(64) does not escape
; PRINT-DAG: noinl: malloc(8) escapes to heap
; PRINT-DAG: leaking param: p

; A callee that grows its parameter with realloc and returns the result:
; after inlining, the caller's realloc growth rule applies (a slot of
; guard-size bytes that realloc grows in place, the heap beyond).
declare ptr @realloc(ptr, i64)

define internal ptr @grow(ptr %p, i64 %n) {
  %q = call ptr @realloc(ptr %p, i64 %n)
  ret ptr %q
}

define i8 @grown(i64 %n) {
  %p = call ptr @malloc(i64 16)
  store i8 3, ptr %p
  %q = call ptr @grow(ptr %p, i64 %n)
  %v = load i8, ptr %q
  call void @free(ptr %q)
  ret i8 %v
}
; REMARK-DAG: remark: <unknown>:0:0: malloc(16) does not escape: moved to a 256-byte stack slot; realloc grows it in place up to 256 bytes, on the heap beyond; inlined grow, which frees it
; CHECK-LABEL: define i8 @grown(
; CHECK: %h2s.slot = alloca [256 x i8]
; CHECK: call ptr @realloc(ptr null, i64 %n)
; CHECK-NOT: call ptr @grow(
; CHECK: ret i8

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s --check-prefix=IR
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<inline-budget=0>' -S %s | FileCheck %s --check-prefix=OFF
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<inline-budget=2>' -S %s | FileCheck %s --check-prefix=OFF
;
; An allocating helper (a module function that returns a block it
; allocates, and whose block escapes only by being returned) is inlined
; where its caller frees the result, directly or through a module
; function that frees it, within inline-budget; the caller, analysed
; again, then decides the allocation by its own rules. Not inlined: a
; result the caller does not free (returned, stored), a helper whose block
; also escapes otherwise, a recursive or noinline helper, one larger than
; what is left of inline-budget (make_buf has 3 instructions: the last
; RUN line leaves 2), or any with inline-budget=0.

@g = global ptr null

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define ptr @make_buf(i32 %v) {
  %p = call ptr @malloc(i64 24)
  store i32 %v, ptr %p
  ret ptr %p
}

define void @destroy(ptr %p) {
  call void @free(ptr %p)
  ret void
}

; its block also goes to a global
define ptr @make_registered(i32 %v) {
  %p = call ptr @malloc(i64 32)
  store ptr %p, ptr @g
  ret ptr %p
}

define ptr @make_recursive(i32 %n) {
  %p = call ptr @malloc(i64 40)
  %z = icmp eq i32 %n, 0
  br i1 %z, label %out, label %more
more:
  %n1 = sub i32 %n, 1
  %q = call ptr @make_recursive(i32 %n1)
  call void @free(ptr %q)
  br label %out
out:
  ret ptr %p
}

define ptr @make_noinline(i32 %v) noinline {
  %p = call ptr @malloc(i64 48)
  store i32 %v, ptr %p
  ret ptr %p
}

; CHECK-DAG: remark: <unknown>:0:0: malloc(24) does not escape: moved to a 24-byte stack slot; inlined make_buf, which allocates it
; IR-LABEL: define i32 @frees_result(
; IR-NOT: call
; IR: ret i32 %v
; OFF-LABEL: define i32 @frees_result(
; OFF: call ptr @make_buf
define i32 @frees_result(i32 %v) {
  %p = call ptr @make_buf(i32 %v)
  %x = load i32, ptr %p
  call void @free(ptr %p)
  ret i32 %x
}

; a constructor and a destructor: both inlined
; CHECK-DAG: remark: <unknown>:0:0: malloc(24) does not escape: moved to a 24-byte stack slot; inlined make_buf, which allocates it; inlined destroy, which frees it
define i32 @constructor_destructor(i32 %v) {
  %p = call ptr @make_buf(i32 %v)
  %x = load i32, ptr %p
  call void @destroy(ptr %p)
  ret i32 %x
}

; ---- not inlined

; the caller returns it
; IR-LABEL: define ptr @returns_result(
; IR: call ptr @make_buf
define ptr @returns_result(i32 %v) {
  %p = call ptr @make_buf(i32 %v)
  ret ptr %p
}

; the helper's block also escapes through a global
; IR-LABEL: define void @registered(
; IR: call ptr @make_registered
define void @registered(i32 %v) {
  %p = call ptr @make_registered(i32 %v)
  call void @free(ptr %p)
  ret void
}

; recursive, noinline
; IR-LABEL: define void @recursive(
; IR: call ptr @make_recursive
; IR-LABEL: define void @not_inlinable(
; IR: call ptr @make_noinline
define void @recursive(i32 %n) {
  %p = call ptr @make_recursive(i32 %n)
  call void @free(ptr %p)
  ret void
}
define void @not_inlinable(i32 %v) {
  %p = call ptr @make_noinline(i32 %v)
  call void @free(ptr %p)
  ret void
}

; The helpers' own sites stay as they are, returned.
; CHECK-DAG: remark: <unknown>:0:0: malloc(24) escapes to heap: returned
; CHECK-DAG: remark: <unknown>:0:0: malloc(40) escapes to heap: returned
; CHECK-DAG: remark: <unknown>:0:0: malloc(48) escapes to heap: returned

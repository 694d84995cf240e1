; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<no-freed-escapes>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s
;
; no-freed-escapes: some of these blocks are freed before their function
; returns, which freed-before-return.ll's rule demotes though they
; escape; this test is about the flows that make them escape.
;
; An address turned into an integer and back into a pointer inside the
; function (obstack's and malloca's alignment: (p + 15) & ~15) is a
; pointer into the same object: the integer's location holds the object,
; so the pointer made from it does, and where it goes is followed like any
; other pointer. Demoted: the aligned pointer stored into and freed through
; the original; a round trip through a phi and a select; the difference of
; the aligned pointer and the original (a pointer made only of p's address
; and constants points into p alone). Kept: the aligned
; pointer returned or stored to a global (it carries the block there); the
; integer itself stored to a global (the store carries the block there,
; as it would the pointer: test/ir/int-uses.ll has the integer uses that
; stay in the function); a pointer rebuilt from a pointer difference r + (p - q),
; which may be p or q while carrying neither; and a block stored through a
; pointer made from an integer loaded from memory (any address).

declare noalias ptr @malloc(i64)
declare void @free(ptr)

@g = global ptr null
@gi = global i64 0

define void @align_local() {
  %p = call ptr @malloc(i64 64)
  %i = ptrtoint ptr %p to i64
  %a = add i64 %i, 15
  %m = and i64 %a, -16
  %q = inttoptr i64 %m to ptr
  store volatile i8 1, ptr %q
  call void @free(ptr %p)
  ret void
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(64) does not escape: moved to a 64-byte stack slot

define void @via_phi(i1 %c) {
entry:
  %p = call ptr @malloc(i64 48)
  %i = ptrtoint ptr %p to i64
  br i1 %c, label %up, label %join
up:
  %a = add i64 %i, 8
  br label %join
join:
  %v = phi i64 [ %i, %entry ], [ %a, %up ]
  %s = select i1 %c, i64 %v, i64 %i
  %q = inttoptr i64 %s to ptr
  store volatile i8 2, ptr %q
  call void @free(ptr %p)
  ret void
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(48) does not escape: moved to a 48-byte stack slot

define ptr @returned() {
  %p = call ptr @malloc(i64 32)
  %i = ptrtoint ptr %p to i64
  %m = and i64 %i, -16
  %q = inttoptr i64 %m to ptr
  ret ptr %q
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(32) escapes to heap: returned

define void @stored_ptr() {
  %p = call ptr @malloc(i64 24)
  %i = ptrtoint ptr %p to i64
  %q = inttoptr i64 %i to ptr
  store ptr %q, ptr @g
  ret void
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(24) escapes to heap: stored to global g

define void @stored_int() {
  %p = call ptr @malloc(i64 40)
  %i = ptrtoint ptr %p to i64
  %a = add i64 %i, 1
  store i64 %a, ptr @gi
  %q = inttoptr i64 %a to ptr
  store volatile i8 3, ptr %q
  call void @free(ptr %p)
  ret void
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(40) escapes to heap: stored to global gi

define ptr @rebuilt(ptr %r) {
  %p = call ptr @malloc(i64 56)
  %q = call ptr @malloc(i64 72)
  %ip = ptrtoint ptr %p to i64
  %iq = ptrtoint ptr %q to i64
  %d = sub i64 %ip, %iq
  %ir = ptrtoint ptr %r to i64
  %s = add i64 %ir, %d
  %x = inttoptr i64 %s to ptr
  ret ptr %x
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(56) escapes to heap: converted to an integer
; CHECK-DAG: remark: <unknown>:0:0: malloc(72) escapes to heap: converted to an integer

; The aligned pointer points into p's block alone (its integer is made of
; p's address and constants), so its difference with p is an offset within
; one object and may leave the function (obstack_object_size).
define i64 @aligned_offset() {
  %p = call ptr @malloc(i64 80)
  %i = ptrtoint ptr %p to i64
  %a = add i64 %i, 7
  %m = and i64 %a, -8
  %q = inttoptr i64 %m to ptr
  store volatile i8 4, ptr %q
  %qi = ptrtoint ptr %q to i64
  %d = sub i64 %qi, %i
  call void @free(ptr %p)
  ret i64 %d
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(80) does not escape: moved to a 80-byte stack slot

; An integer loaded from memory may be any address: the pointer made from
; it may point to memory the function does not own, so a block stored
; through it escapes.
define void @from_memory(ptr %slot) {
  %p = call ptr @malloc(i64 88)
  %i = load i64, ptr %slot
  %q = inttoptr i64 %i to ptr
  store ptr %p, ptr %q
  ret void
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(88) escapes to heap: stored to memory the function does not own

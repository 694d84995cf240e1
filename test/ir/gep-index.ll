; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<no-freed-escapes>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s
;
; no-freed-escapes: some of these blocks are freed before their function
; returns, which freed-before-return.ll's rule demotes though they
; escape; this test is about the flows that make them escape.
;
; An address computed from a pointer points into that pointer's objects,
; whatever the index: `table[b]` with b a byte loaded from a buffer reads
; the table, not what the buffer's bytes could be the address of (a UTF-8
; decoder's length table indexed by the string's first byte). Only from a
; null base, `(char *)0 + n`, does the address come from the index. An
; index made from an address (ptrtoint) exposes that address as before.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
@table = global [256 x i8] zeroinitializer
@out = global ptr null

; the buffer holds the address of another block; a byte of it indexes
; the table, and the entry's address is published: neither block escapes
define i8 @byte_index() {
  %buf = call ptr @malloc(i64 16)
  %other = call ptr @malloc(i64 24)
  store ptr %other, ptr %buf
  %b = load i8, ptr %buf
  %i = zext i8 %b to i64
  %e = getelementptr [256 x i8], ptr @table, i64 0, i64 %i
  store ptr %e, ptr @out
  %v = load i8, ptr %e
  call void @free(ptr %other)
  call void @free(ptr %buf)
  ret i8 %v
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(16) does not escape: moved to a 16-byte stack slot
; CHECK-DAG: remark: <unknown>:0:0: malloc(24) does not escape: moved to a 24-byte stack slot

; (char *)0 + the buffer's bytes: a pointer made of them
define void @null_base() {
  %buf = call ptr @malloc(i64 32)
  %other = call ptr @malloc(i64 40)
  store ptr %other, ptr %buf
  %n = load i64, ptr %buf
  %p = getelementptr i8, ptr null, i64 %n
  store ptr %p, ptr @out
  call void @free(ptr %buf)
  ret void
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(32) does not escape: moved to a 32-byte stack slot
; CHECK-DAG: remark: <unknown>:0:0: malloc(40) escapes to heap

; an index made of a block's address exposes it
define void @address_index() {
  %other = call ptr @malloc(i64 48)
  %a = ptrtoint ptr %other to i64
  %h = and i64 %a, 255
  %e = getelementptr [256 x i8], ptr @table, i64 0, i64 %h
  store ptr %e, ptr @out
  call void @free(ptr %other)
  ret void
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(48) escapes to heap: converted to an integer

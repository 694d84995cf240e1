; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<no-freed-escapes>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape>' -disable-output %s 2>&1 | FileCheck --check-prefix=PRINT %s
;
; no-freed-escapes: some of these blocks are freed before their function
; returns, which freed-before-return.ll's rule demotes though they
; escape; this test is about the flows that make them escape.
;
; A helper that returns `end - p` for two of its parameters (a parser's
; cursor and end) cannot tell whether they point into one object; its
; caller can: the difference is the caller's to check on its arguments
; (the diff_with tag), and a wrapper passes it on to its own caller. A
; helper whose result points only into its parameters, or is null
; (`p + 1`, or null at the end), adds no unknown memory to its caller's
; pointer, and a loop `while ((p = next(p, end)))` carries p past its test,
; so p is not null where the loop uses it. Kept: arguments that point into
; two blocks, or into a block and a global; a helper that returns a global
; or its own block; a phi whose incoming value was not tested.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
@g = global [8 x i8] zeroinitializer

; end - p
define internal i64 @span(ptr %p, ptr %end) {
  %a = ptrtoint ptr %end to i64
  %b = ptrtoint ptr %p to i64
  %d = sub i64 %a, %b
  ret i64 %d
}
define internal i64 @wrap(ptr %p, ptr %end) {
  %d = call i64 @span(ptr %p, ptr %end)
  ret i64 %d
}
; p + 1, or null at end
define internal ptr @next(ptr %p, ptr %end) {
  %q = getelementptr i8, ptr %p, i64 1
  %at = icmp eq ptr %q, %end
  %r = select i1 %at, ptr null, ptr %q
  ret ptr %r
}
; a global's address
define internal ptr @elsewhere(ptr %p) {
  ret ptr @g
}
; its own block
define internal ptr @fresh(ptr %p) {
  %m = call ptr @malloc(i64 4)
  ret ptr %m
}

; PRINT-DAG: span: p does not escape
; PRINT-DAG: span: end does not escape
; PRINT-DAG: wrap: p does not escape
; PRINT-DAG: wrap: end does not escape
; PRINT-DAG: next: leaking param: p to result ~r0 level=0

define i64 @one_block() {
  %buf = call ptr @malloc(i64 32)
  %end = getelementptr i8, ptr %buf, i64 10
  %n = call i64 @span(ptr %buf, ptr %end)
  call void @free(ptr %buf)
  ret i64 %n
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(32) does not escape: moved to a 32-byte stack slot

define i64 @through_wrapper() {
  %buf = call ptr @malloc(i64 33)
  %end = getelementptr i8, ptr %buf, i64 10
  %n = call i64 @wrap(ptr %buf, ptr %end)
  call void @free(ptr %buf)
  ret i64 %n
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(33) does not escape: moved to a 33-byte stack slot

define i64 @two_blocks() {
  %a = call ptr @malloc(i64 34)
  %b = call ptr @malloc(i64 35)
  %n = call i64 @span(ptr %a, ptr %b)
  call void @free(ptr %a)
  call void @free(ptr %b)
  ret i64 %n
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(34) escapes to heap: converted to an integer
; CHECK-DAG: remark: <unknown>:0:0: malloc(35) escapes to heap: converted to an integer

define i64 @block_and_global() {
  %a = call ptr @malloc(i64 36)
  %n = call i64 @wrap(ptr %a, ptr @g)
  call void @free(ptr %a)
  ret i64 %n
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(36) escapes to heap: converted to an integer

; p = buf; while ((p = next(p, end))) ...; p - buf
define i64 @cursor_loop() {
entry:
  %buf = call ptr @malloc(i64 37)
  %end = getelementptr i8, ptr %buf, i64 20
  br label %loop
loop:
  %p = phi ptr [ %buf, %entry ], [ %q, %body ]
  %n = call i64 @span(ptr %buf, ptr %p)
  %q = call ptr @next(ptr %p, ptr %end)
  %done = icmp eq ptr %q, null
  br i1 %done, label %exit, label %body
body:
  br label %loop
exit:
  call void @free(ptr %buf)
  ret i64 %n
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(37) does not escape: moved to a 37-byte stack slot

; the same loop, but the back edge does not test q
define i64 @cursor_untested(i1 %c) {
entry:
  %buf = call ptr @malloc(i64 38)
  %end = getelementptr i8, ptr %buf, i64 20
  br label %loop
loop:
  %p = phi ptr [ %buf, %entry ], [ %q, %loop ]
  %n = call i64 @span(ptr %buf, ptr %p)
  %q = call ptr @next(ptr %p, ptr %end)
  br i1 %c, label %exit, label %loop
exit:
  call void @free(ptr %buf)
  ret i64 %n
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(38) escapes to heap: converted to an integer

; the result of a helper that returns a global, or its own block, points
; to memory the caller does not know
define i64 @global_result() {
  %buf = call ptr @malloc(i64 39)
  %q = call ptr @elsewhere(ptr %buf)
  %n = call i64 @span(ptr %buf, ptr %q)
  call void @free(ptr %buf)
  ret i64 %n
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(39) escapes to heap: converted to an integer

define i64 @fresh_result() {
  %buf = call ptr @malloc(i64 40)
  %q = call ptr @fresh(ptr %buf)
  %n = call i64 @span(ptr %buf, ptr %q)
  call void @free(ptr %buf)
  ret i64 %n
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(40) escapes to heap: converted to an integer

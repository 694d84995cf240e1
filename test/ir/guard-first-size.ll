; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -S %s -o %t.ll 2>&1 | FileCheck --check-prefix=REMARK %s
; RUN: FileCheck %s < %t.ll
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<max-size=512>' -pass-remarks=heap2stack -disable-output %s 2>&1 | FileCheck --check-prefix=SMALL %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<guard-size=0>' -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck --check-prefix=OFF %s
;
; A buffer that starts at a constant size and grows when the output does
; not fit (`size = 1024; for (;;) { buf = malloc(size); ... size = n * 2; }`,
; jq's jv_string_vfmt) gets a guarded stack buffer of its first size when
; that is larger than guard-size and within max-size: the first, common,
; try fits. A first size above max-size (or max-size=512) leaves the
; default guard-size; guard-size=0 keeps such sizes on the heap.
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @fill(ptr nocapture, i64) nofree
declare i64 @need(i64)

define i64 @grows() {
entry:
  br label %try
try:
  %size = phi i32 [ 1024, %entry ], [ %twice, %retry ]
  %n64 = sext i32 %size to i64
  %buf = call ptr @malloc(i64 %n64)
  call void @fill(ptr nocapture %buf, i64 %n64)
  %n = call i64 @need(i64 %n64)
  call void @free(ptr %buf)
  %fits = icmp slt i64 %n, %n64
  br i1 %fits, label %done, label %retry
retry:
  %n32 = trunc i64 %n to i32
  %twice = shl i32 %n32, 1
  br label %try
done:
  ret i64 %n
}
; REMARK-DAG: remark: <unknown>:0:0: malloc({{[a-z0-9.]*}}) does not escape: stack buffer of 1024 bytes, heap above
; SMALL-DAG: remark: <unknown>:0:0: malloc({{[a-z0-9.]*}}) does not escape: stack buffer of 256 bytes, heap above
; OFF-DAG: remark: <unknown>:0:0: malloc({{[a-z0-9.]*}}) escapes to heap: non-constant size
; CHECK-LABEL: define i64 @grows(
; CHECK: alloca [1024 x i8], align 16
; CHECK: icmp ule i64 %n64, 1024

; a first size above max-size
define i64 @huge_start(i1 %c, i64 %m) {
entry:
  %size = select i1 %c, i64 65536, i64 %m
  %buf = call ptr @malloc(i64 %size)
  call void @fill(ptr nocapture %buf, i64 %size)
  %n = call i64 @need(i64 %size)
  call void @free(ptr %buf)
  ret i64 %n
}
; REMARK-DAG: remark: <unknown>:0:0: malloc({{[a-z0-9.]*}}) does not escape: stack buffer of 256 bytes, heap above
; CHECK-LABEL: define i64 @huge_start(
; CHECK: alloca [256 x i8], align 16

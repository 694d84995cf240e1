; REQUIRES: llvm22
; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -S %s -o %t.ll 2>&1 | FileCheck --check-prefix=REMARK %s
; RUN: FileCheck %s < %t.ll
;
; clang -Og (LLVM 20 and later) keeps values alive for the debugger with
; llvm.fake.use, a use of the value with no effect on memory: a block it
; names is still demoted (the function's own free, not the rule for blocks
; freed before they escape), and the fake use keeps its operand, now the
; slot. It hides no real escape: a block stored to a global stays.
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global ptr null

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @llvm.fake.use(...)

; REMARK-DAG: remark: <unknown>:0:0: malloc(16) does not escape: moved to a 16-byte stack slot{{$}}
; CHECK-LABEL: define i32 @kept_alive(
; CHECK: %[[S:.*]] = alloca [16 x i8], align 16
; CHECK-NOT: @malloc
; CHECK: call void (...) @llvm.fake.use(ptr {{.*}}%[[S]])
define i32 @kept_alive(i32 %n) {
  %p = call ptr @malloc(i64 16)
  %t = trunc i32 %n to i8
  store i8 %t, ptr %p
  %v = load i8, ptr %p
  call void @free(ptr %p)
  notail call void (...) @llvm.fake.use(ptr %p)
  %r = sext i8 %v to i32
  ret i32 %r
}

; REMARK-DAG: remark: <unknown>:0:0: malloc(24) escapes to heap: stored to global g
define void @still_escapes() {
  %p = call ptr @malloc(i64 24)
  store ptr %p, ptr @g
  notail call void (...) @llvm.fake.use(ptr %p)
  ret void
}

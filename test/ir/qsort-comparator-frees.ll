; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape>' -disable-output %s 2>&1 | FileCheck --check-prefix=PRINT %s
;
; A qsort comparator that frees what an element points to: qsort's
; lowering reads the comparator's tags and nothing there makes its frees
; the caller's, so such a comparator counts as unknown code and the
; elements' blocks stay on the heap. (A free one dereference down is the
; tag freed_levels since callees that free became frees in their callers;
; the comparator check once missed it and demoted the block.) The same
; array sorted by a comparator that only reads is demoted.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @qsort(ptr, i64, i64, ptr)

define internal i32 @cmp_frees(ptr %a, ptr %b) {
  %p = load ptr, ptr %a
  call void @free(ptr %p)
  ret i32 0
}

define internal i32 @cmp_reads(ptr %a, ptr %b) {
  %p = load ptr, ptr %a
  %v = load volatile i8, ptr %p
  ret i32 0
}

define void @sorted_freeing() {
  %arr = alloca [2 x ptr]
  %p = call ptr @malloc(i64 16)
  store volatile i8 1, ptr %p
  store ptr %p, ptr %arr
  call void @qsort(ptr %arr, i64 1, i64 8, ptr @cmp_frees)
  ret void
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(16) kept on the heap: stored into a local variable, which escapes

define void @sorted_reading() {
  %arr = alloca [2 x ptr]
  %p = call ptr @malloc(i64 24)
  store volatile i8 1, ptr %p
  store ptr %p, ptr %arr
  call void @qsort(ptr %arr, i64 1, i64 8, ptr @cmp_reads)
  call void @free(ptr %p)
  ret void
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(24) does not escape: moved to a 24-byte stack slot
; PRINT-DAG: cmp_frees: leaking param content: a
; PRINT-DAG: cmp_reads: a does not escape

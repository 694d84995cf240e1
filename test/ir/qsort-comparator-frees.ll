; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape>' -disable-output %s 2>&1 | FileCheck --check-prefix=PRINT %s
;
; A qsort comparator that frees what an element points to: qsort's
; lowering applies the comparator's tags to the array, so that free is a
; free, one dereference down the array, made by a call heap2stack cannot
; inline (the C library calls the comparator): the elements' blocks stay
; on the heap. (A free one dereference down is the tag freed_levels since
; callees that free became frees in their callers; the comparator check
; once missed it and demoted the block.) The array itself is demoted (jq's
; jv_keys: an array of strings whose comparator may drop a reference).
; One that leaks what an element points to leaves the array demoted and
; the block it holds on the heap; one that leaks an element or frees it
; keeps the array. The same array sorted by a comparator that only reads
; is demoted with its elements' blocks.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @qsort(ptr, i64, i64, ptr)
@g = global ptr null

define internal i32 @cmp_frees(ptr %a, ptr %b) {
  %p = load ptr, ptr %a
  call void @free(ptr %p)
  ret i32 0
}

define internal i32 @cmp_leaks_content(ptr %a, ptr %b) {
  %p = load ptr, ptr %a
  store ptr %p, ptr @g
  ret i32 0
}

define internal i32 @cmp_leaks_element(ptr %a, ptr %b) {
  store ptr %a, ptr @g
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
; CHECK-DAG: remark: <unknown>:0:0: malloc(16) escapes to heap: freed by qsort, not inlined: the library calls the comparator that frees it

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

; a heap array of n pointers, sorted by each comparator
define void @heap_array_freeing(i64 %n) {
  %bytes = shl i64 %n, 3
  %arr = call ptr @malloc(i64 %bytes)
  %p = call ptr @malloc(i64 32)
  store ptr %p, ptr %arr
  call void @qsort(ptr %arr, i64 %n, i64 8, ptr @cmp_frees)
  call void @free(ptr %arr)
  ret void
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(bytes) does not escape: stack buffer of 256 bytes, heap above
; CHECK-DAG: remark: <unknown>:0:0: malloc(32) escapes to heap: freed by qsort, not inlined: the library calls the comparator that frees it

define void @heap_array_leaking(i64 %n) {
  %arr = call ptr @malloc(i64 40)
  %p = call ptr @malloc(i64 48)
  store ptr %p, ptr %arr
  call void @qsort(ptr %arr, i64 5, i64 8, ptr @cmp_leaks_content)
  call void @free(ptr %arr)
  call void @free(ptr %p)
  ret void
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(40) does not escape: moved to a 40-byte stack slot
; CHECK-DAG: remark: <unknown>:0:0: malloc(48) escapes to heap: passed to qsort, which leaks it

define void @element_leaked() {
  %arr = call ptr @malloc(i64 56)
  call void @qsort(ptr %arr, i64 7, i64 8, ptr @cmp_leaks_element)
  call void @free(ptr %arr)
  ret void
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(56) escapes to heap: passed to unknown function qsort

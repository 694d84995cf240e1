; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<no-freed-escapes>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck --check-prefix=REMARK %s
; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape<no-freed-escapes>>' -disable-output %s 2>&1 | FileCheck --check-prefix=PRINT %s
;
; no-freed-escapes: some of these blocks are freed before their function
; returns, which freed-before-return.ll's rule demotes though they
; escape; this test is about the flows that make them escape.
;
; A callee that leaks what its parameter points to, k derefs down, leaks
; that level and everything below it, not the levels above: a set whose
; element array the callee copies into a block that escapes (regex's
; re_acquire_state) leaks the array's contents, not the array. So the
; caller's array is demoted, and a block stored in the array is not. A
; callee that leaks the array itself, or a caller whose array holds
; itself (then it is also two derefs down), keeps it on the heap. The
; report keeps Go's words, `leaking param content`, for every level.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
@g = global ptr null

; struct set { long n; ptr elems; }: copies elems' bytes into a block that
; escapes
define internal void @keep_copy(ptr %s) {
  %ep = getelementptr i8, ptr %s, i64 8
  %e = load ptr, ptr %ep
  %c = call ptr @malloc(i64 128)
  call void @llvm.memcpy.p0.p0.i64(ptr %c, ptr %e, i64 32, i1 false)
  store ptr %c, ptr @g
  ret void
}
; stores elems itself into a global
define internal void @keep_array(ptr %s) {
  %ep = getelementptr i8, ptr %s, i64 8
  %e = load ptr, ptr %ep
  store ptr %e, ptr @g
  ret void
}
; stores elems[0], three derefs of s, into a global
define internal void @keep_third(ptr %s) {
  %ep = getelementptr i8, ptr %s, i64 8
  %e = load ptr, ptr %ep
  %x = load ptr, ptr %e
  %y = load ptr, ptr %x
  store ptr %y, ptr @g
  ret void
}

; PRINT-DAG: keep_copy: leaking param content: s
; PRINT-DAG: keep_array: leaking param content: s
; PRINT-DAG: keep_third: leaking param content: s

; the array and the block it holds: the callee copies only the array's
; bytes, so the array stays local; the block in it leaks with the copy
define i64 @copied() {
  %s = alloca [16 x i8]
  %ep = getelementptr i8, ptr %s, i64 8
  %e = call ptr @malloc(i64 32)
  %inner = call ptr @malloc(i64 8)
  store ptr %inner, ptr %e
  store ptr %e, ptr %ep
  call void @keep_copy(ptr %s)
  %v = load i64, ptr %e
  call void @free(ptr %e)
  ret i64 %v
}
; REMARK-DAG: remark: <unknown>:0:0: malloc(32) does not escape: moved to a 32-byte stack slot
; REMARK-DAG: remark: <unknown>:0:0: malloc(8) escapes to heap: passed to keep_copy, which leaks it
; PRINT-DAG: copied: malloc(32) does not escape
; PRINT-DAG: copied: malloc(8) escapes to heap

define i64 @array_leaked() {
  %s = alloca [16 x i8]
  %ep = getelementptr i8, ptr %s, i64 8
  %e = call ptr @malloc(i64 40)
  store ptr %e, ptr %ep
  call void @keep_array(ptr %s)
  %v = load i64, ptr %e
  call void @free(ptr %e)
  ret i64 %v
}
; REMARK-DAG: remark: <unknown>:0:0: malloc(40) escapes to heap: passed to keep_array, which leaks it
; PRINT-DAG: array_leaked: malloc(40) escapes to heap

; the array holds its own address: two derefs of s reach it again
define i64 @self_holding() {
  %s = alloca [16 x i8]
  %ep = getelementptr i8, ptr %s, i64 8
  %e = call ptr @malloc(i64 48)
  store ptr %e, ptr %e
  store ptr %e, ptr %ep
  call void @keep_copy(ptr %s)
  %v = load i64, ptr %e
  call void @free(ptr %e)
  ret i64 %v
}
; REMARK-DAG: remark: <unknown>:0:0: malloc(48) escapes to heap: stored into malloc(48), which escapes
; PRINT-DAG: self_holding: malloc(48) escapes to heap

; three levels: s -> array (56) -> box (64) -> leaf (72); only the leaf
; is three derefs down
define i64 @third_level() {
  %s = alloca [16 x i8]
  %ep = getelementptr i8, ptr %s, i64 8
  %e = call ptr @malloc(i64 56)
  %box = call ptr @malloc(i64 64)
  %leaf = call ptr @malloc(i64 72)
  store ptr %leaf, ptr %box
  store ptr %box, ptr %e
  store ptr %e, ptr %ep
  call void @keep_third(ptr %s)
  %v = load i64, ptr %box
  call void @free(ptr %box)
  call void @free(ptr %e)
  ret i64 %v
}
; REMARK-DAG: remark: <unknown>:0:0: malloc(56) does not escape: moved to a 56-byte stack slot
; REMARK-DAG: remark: <unknown>:0:0: malloc(64) does not escape: moved to a 64-byte stack slot
; REMARK-DAG: remark: <unknown>:0:0: malloc(72) escapes to heap: passed to keep_third, which leaks it
; PRINT-DAG: third_level: malloc(56) does not escape
; PRINT-DAG: third_level: malloc(64) does not escape
; PRINT-DAG: third_level: malloc(72) escapes to heap

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s
;
; Callees that free: each round inlines, for a site, the one call that
; keeps it; a callee that frees through another callee leaves a call of
; that one, inlined in the next round. Eight rounds at most: a block freed
; eight calls down is demoted, one freed nine calls down is kept.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define internal void @r1(ptr %p) {
  call void @free(ptr %p)
  ret void
}
define internal void @r2(ptr %p) {
  call void @r1(ptr %p)
  ret void
}
define internal void @r3(ptr %p) {
  call void @r2(ptr %p)
  ret void
}
define internal void @r4(ptr %p) {
  call void @r3(ptr %p)
  ret void
}
define internal void @r5(ptr %p) {
  call void @r4(ptr %p)
  ret void
}
define internal void @r6(ptr %p) {
  call void @r5(ptr %p)
  ret void
}
define internal void @r7(ptr %p) {
  call void @r6(ptr %p)
  ret void
}
define internal void @r8(ptr %p) {
  call void @r7(ptr %p)
  ret void
}
define internal void @r9(ptr %p) {
  call void @r8(ptr %p)
  ret void
}

; eight calls down: r8 .. r1, one per round
define void @eight() {
  %p = call ptr @malloc(i64 16)
  store volatile i8 1, ptr %p
  call void @r8(ptr %p)
  ret void
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(16) does not escape: moved to a 16-byte stack slot; inlined r8, r7, r6, r5, r4, r3, r2, r1, which frees it

; nine calls down: r1's call is still there after the eighth round
define void @nine() {
  %p = call ptr @malloc(i64 24)
  store volatile i8 1, ptr %p
  call void @r9(ptr %p)
  ret void
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(24) escapes to heap: freed by r1, not inlined: still freed by a callee after 8 rounds of inlining

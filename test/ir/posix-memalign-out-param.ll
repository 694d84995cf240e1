; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; posix_memalign writing the block into memory the caller owns (an
; out-parameter): the pointer leaves the function through it, so it stays.

declare i32 @posix_memalign(ptr, i64, i64)

define i32 @f(ptr %out) {
entry:
  %r = call i32 @posix_memalign(ptr %out, i64 32, i64 64)
  ret i32 %r
}

; CHECK-LABEL: define i32 @f(
; CHECK-NOT:     h2s.slot
; CHECK:         %r = call i32 @posix_memalign(ptr %out, i64 32, i64 64)
; CHECK-NEXT:    ret i32 %r

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; strtol with a global endptr: the end pointer (into the string) is stored
; to memory the function does not own, so the string escapes.

@end = global ptr null

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare i64 @strtol(ptr, ptr, i32)

define i64 @f() {
entry:
  %p = call ptr @malloc(i64 32)
  store i8 0, ptr %p
  %v = call i64 @strtol(ptr %p, ptr @end, i32 10)
  ret i64 %v
}

; CHECK-LABEL: define i64 @f()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 32)
; CHECK:         call i64 @strtol(ptr %p, ptr @end, i32 10)

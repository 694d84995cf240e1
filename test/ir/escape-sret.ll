; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Stored into the sret argument: that is returning it.

%pair = type { ptr, i64 }

declare noalias ptr @malloc(i64)

define void @f(ptr noalias sret(%pair) %out) {
entry:
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %out
  %len = getelementptr inbounds %pair, ptr %out, i64 0, i32 1
  store i64 16, ptr %len
  ret void
}

; CHECK-LABEL: define void @f(
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    store ptr %p, ptr %out

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Memory that is called (code written into a buffer and executed) stays
; where it is, even though calling through a pointer does not leak it.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @f() {
entry:
  %code = call ptr @malloc(i64 64)
  store i8 -61, ptr %code
  call void %code()
  call void @free(ptr %code)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NOT:     h2s.slot
; CHECK:         %code = call ptr @malloc(i64 64)
; CHECK:         call void %code()
; CHECK-NEXT:    call void @free(ptr %code)

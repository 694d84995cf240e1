; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; A call marked nobuiltin may not be treated as the library function it
; names: it stays.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f() {
entry:
  %p = call ptr @malloc(i64 16) #0
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

attributes #0 = { nobuiltin }

; CHECK-LABEL: define void @f()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16) #[[#]]
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)

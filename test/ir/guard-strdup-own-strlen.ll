; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -S %s -o %t.ll 2>&1 | FileCheck --check-prefix=REMARK %s
; RUN: FileCheck %s < %t.ll
;
; A module that defines its own strlen: the guard of a strdup would call it,
; and it need not be the library's, so the copy stays on the heap.

declare noalias ptr @strdup(ptr)
declare void @free(ptr)

define i64 @strlen(ptr %s) {
  ret i64 3
}

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @dup(ptr %s) {
  %p = call ptr @strdup(ptr %s)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; REMARK: remark: <unknown>:0:0: strdup(s) escapes to heap: non-constant size

; CHECK-LABEL: define void @dup(
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @strdup(ptr %s)
; CHECK:         call void @free(ptr %p)

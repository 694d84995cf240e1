; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Precision: a pointer stored into a local struct (an alloca) that does not
; escape, then read back and used: demoted.

%node = type { ptr, i64 }

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f() {
entry:
  %n = alloca %node, align 8
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %n
  %len = getelementptr inbounds %node, ptr %n, i64 0, i32 1
  store i64 16, ptr %len
  call void @use(ptr %n)
  %q = load ptr, ptr %n
  call void @use(ptr %q)
  call void @free(ptr %q)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         store ptr %h2s.slot, ptr %n
; CHECK-NOT:     @free
; CHECK:         ret void

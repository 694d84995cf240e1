; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Passed byval to a declaration: the callee receives a copy of the pointee,
; never the pointer, so the allocation is demoted; a pointer stored in it is
; copied along and escapes.

%pair = type { ptr, i64 }

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @take(ptr byval(%pair) align 8)

define void @f() {
entry:
  %s = call ptr @malloc(i64 16)
  %p = call ptr @malloc(i64 32)
  store ptr %p, ptr %s
  call void @take(ptr byval(%pair) align 8 %s)
  call void @free(ptr %s)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{.*}}%h2s.slot)
; CHECK-NEXT:    %p = call ptr @malloc(i64 32)
; CHECK-NEXT:    store ptr %p, ptr %h2s.slot
; CHECK-NEXT:    call void @take(ptr {{.*}}byval(%pair) align 8 %h2s.slot)
; CHECK-NOT:     @free
; CHECK:         ret void

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Never freed (a leak): demoted all the same; the slot's lifetime simply
; ends with the function.

declare noalias ptr @malloc(i64)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @llvm.lifetime.start.p0({{.*}}%h2s.slot)
; CHECK-NEXT:    call void @use(ptr {{.*}}%h2s.slot)
; CHECK-NEXT:    ret void

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; A free of a pointer loaded from a global cannot receive the allocation
; (it never reaches memory): the site is demoted, and that free stays.

@g = global ptr null

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  %old = load ptr, ptr @g
  call void @free(ptr %old)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @use(ptr {{.*}}%h2s.slot)
; CHECK-NEXT:    %old = load ptr, ptr @g
; CHECK-NEXT:    call void @free(ptr %old)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{.*}}%h2s.slot)
; CHECK-NEXT:    ret void

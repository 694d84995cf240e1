; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; free(q) where q is a phi of the object and null receives no other object:
; the free is deleted and the site demoted. No lifetime.end is placed there
; (the freed value is not the allocation itself).

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @other()

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f(i1 %c) {
entry:
  br i1 %c, label %alloc, label %join

alloc:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  br label %join

join:
  %q = phi ptr [ %p, %alloc ], [ null, %entry ]
  call void @other()
  call void @free(ptr %q)
  ret void
}

; CHECK-LABEL: define void @f(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @use(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @free
; CHECK-NOT:     lifetime.end
; CHECK:         call void @other()
; CHECK-NOT:     @free
; CHECK-NOT:     lifetime.end
; CHECK:         ret void

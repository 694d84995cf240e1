; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Freed on one path only (the other leaks): still demoted, the free deleted.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @other()

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f(i1 %c) {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  br i1 %c, label %release, label %keep

release:
  call void @free(ptr %p)
  br label %done

keep:
  call void @other()
  br label %done

done:
  ret void
}

; CHECK-LABEL: define void @f(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         call void @use(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @free
; CHECK:         ret void

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Freed on every path: demoted, every free deleted, the slot's lifetime ends
; where each free was.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @left(i32)
declare void @right(i64)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f(i1 %c) {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  br i1 %c, label %a, label %b

a:
  call void @left(i32 1)
  call void @free(ptr %p)
  br label %done

b:
  call void @free(ptr %p)
  call void @right(i64 2)
  br label %done

done:
  ret void
}

; CHECK-LABEL: define void @f(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         call void @left(i32 1)
; CHECK-NOT:     @free
; CHECK:         call void @llvm.lifetime.end.p0({{.*}}%h2s.slot)
; CHECK-NOT:     @free
; CHECK:         call void @right(i64 2)
; CHECK-NOT:     @free
; CHECK:         ret void

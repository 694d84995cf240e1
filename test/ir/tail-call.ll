; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; `tail` promises that the callee touches no alloca of the caller. Once the
; allocation is a slot, every tail call that may receive it (directly or as
; a derived pointer) loses `tail`; a tail call that cannot receive it keeps
; it.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare i64 @strlen(ptr)
declare void @other(i32)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define i64 @f() {
entry:
  %p = call ptr @malloc(i64 16)
  store i8 0, ptr %p
  %n = tail call i64 @strlen(ptr %p)
  %q = getelementptr inbounds i8, ptr %p, i64 4
  tail call void @use(ptr %q)
  tail call void @other(i32 7)
  tail call void @free(ptr %p)
  ret i64 %n
}

; CHECK-LABEL: define i64 @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     tail call i64 @strlen
; CHECK:         %n = call i64 @strlen(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     tail call void @use
; CHECK:         call void @use(ptr {{.*}}%q)
; CHECK-NEXT:    tail call void @other(i32 7)
; CHECK-NOT:     @free
; CHECK:         ret i64 %n

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Mutual recursion where neither function keeps the pointer: the cycle's
; summaries say the parameter does not escape, and the caller (not itself
; on the cycle) demotes its allocation.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @a(ptr %x, i32 %n) {
entry:
  %more = icmp sgt i32 %n, 0
  br i1 %more, label %rec, label %done

rec:
  %m = sub i32 %n, 1
  call void @b(ptr %x, i32 %m)
  br label %done

done:
  ret void
}

define void @b(ptr %x, i32 %n) {
entry:
  %v = load volatile i8, ptr %x
  call void @a(ptr %x, i32 %n)
  ret void
}

define void @caller() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @a(ptr %p, i32 10)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @caller()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @a(ptr {{.*}}%h2s.slot, i32 10)
; CHECK-NOT:     @free
; CHECK:         ret void

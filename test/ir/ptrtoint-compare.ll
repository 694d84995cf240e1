; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; An address converted to an integer that is only compared (an alignment
; check) or subtracted from another address of the same buffer (C's
; `end - p`) cannot be used to rebuild the pointer: still demoted.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @misaligned()
declare void @report_len(i64)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @aligned() {
entry:
  %p = call ptr @malloc(i64 32)
  call void @use(ptr %p)
  %i = ptrtoint ptr %p to i64
  %low = and i64 %i, 15
  %ok = icmp eq i64 %low, 0
  br i1 %ok, label %done, label %bad

bad:
  call void @misaligned()
  br label %done

done:
  call void @free(ptr %p)
  ret void
}

define void @difference() {
entry:
  %p = call ptr @malloc(i64 32)
  call void @use(ptr %p)
  %end = getelementptr inbounds i8, ptr %p, i64 20
  %e = ptrtoint ptr %end to i64
  %b = ptrtoint ptr %p to i64
  %len = sub i64 %e, %b
  call void @report_len(i64 %len)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @aligned()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void

; CHECK-LABEL: define void @difference()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void

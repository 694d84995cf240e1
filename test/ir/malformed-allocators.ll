; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Declarations named like allocators but without their C signatures are
; some other functions: left alone, and no crash. (Regression: a
; one-argument posix_memalign crashed the pass; an i32-returning malloc was
; replaced by a pointer.)

declare i32 @posix_memalign(ptr)
declare i32 @malloc(i64)
declare void @free(i64)

define i32 @pm() {
  %a = alloca ptr
  %r = call i32 @posix_memalign(ptr %a)
  ret i32 %r
}

define i1 @m() {
  %p = call i32 @malloc(i64 16)
  %c = icmp eq i32 %p, 0
  call void @free(i64 0)
  ret i1 %c
}

; CHECK-LABEL: define i32 @pm()
; CHECK:         call i32 @posix_memalign(ptr %a)
; CHECK-LABEL: define i1 @m()
; CHECK:         %p = call i32 @malloc(i64 16)
; CHECK-NEXT:    %c = icmp eq i32 %p, 0
; CHECK-NOT:     h2s.slot

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack,sroa,instcombine' -S %s | FileCheck %s
;
; posix_memalign(&p, 32, 64): the slot (64 bytes, align 32) is stored to p
; and the call's result becomes 0, so the error branch folds away.

declare i32 @posix_memalign(ptr, i64, i64)
declare void @free(ptr)
declare void @fail()

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f() {
entry:
  %pp = alloca ptr, align 8
  %r = call i32 @posix_memalign(ptr %pp, i64 32, i64 64)
  %err = icmp ne i32 %r, 0
  br i1 %err, label %error, label %ok

ok:
  %p = load ptr, ptr %pp, align 8
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void

error:
  call void @fail()
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [64 x i8], align 32
; CHECK-NOT:     @posix_memalign
; CHECK-NOT:     icmp
; CHECK:         call void @use(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @free
; CHECK-NOT:     @fail
; CHECK:         ret void
; CHECK-NEXT:  }

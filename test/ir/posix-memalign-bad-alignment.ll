; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; posix_memalign requires an alignment that is a power of two and a multiple
; of sizeof(void *); with 4 on a 64-bit target it fails with EINVAL and
; leaves *memptr alone. Demoting it (result 0) would change which path the
; program takes, so it stays. 8 is valid and is demoted (slot align 16).

declare i32 @posix_memalign(ptr, i64, i64)
declare void @free(ptr)
declare void @einval()

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @align4() {
entry:
  %pp = alloca ptr, align 8
  %r = call i32 @posix_memalign(ptr %pp, i64 4, i64 64)
  %err = icmp ne i32 %r, 0
  br i1 %err, label %error, label %ok

ok:
  %p = load ptr, ptr %pp, align 8
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void

error:
  call void @einval()
  ret void
}

define void @align8() {
entry:
  %pp = alloca ptr, align 8
  %r = call i32 @posix_memalign(ptr %pp, i64 8, i64 64)
  %err = icmp ne i32 %r, 0
  br i1 %err, label %error, label %ok

ok:
  %p = load ptr, ptr %pp, align 8
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void

error:
  call void @einval()
  ret void
}

; CHECK-LABEL: define void @align4()
; CHECK-NOT:     h2s.slot
; CHECK:         %r = call i32 @posix_memalign(ptr {{.*}}%pp, i64 4, i64 64)
; CHECK:         call void @einval()

; CHECK-LABEL: define void @align8()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [64 x i8], align 16
; CHECK-NOT:     @posix_memalign
; CHECK-NOT:     @einval
; CHECK:         ret void

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; `p == NULL` and `p != NULL` on a demoted allocation fold: a stack slot is
; never null, so the out-of-memory paths disappear.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @abort() noreturn

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @eq() {
entry:
  %p = call ptr @malloc(i64 16)
  %isnull = icmp eq ptr %p, null
  br i1 %isnull, label %oom, label %ok

ok:
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void

oom:
  call void @abort()
  unreachable
}

; null on the left, and `!=`.
define void @ne() {
entry:
  %p = call ptr @malloc(i64 16)
  %nonnull = icmp ne ptr null, %p
  br i1 %nonnull, label %ok, label %oom

ok:
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void

oom:
  call void @abort()
  unreachable
}

; CHECK-LABEL: define void @eq()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     icmp
; CHECK-NOT:     br i1
; CHECK-NOT:     @abort
; CHECK:         call void @use(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @abort
; CHECK:         ret void
; CHECK-NEXT:  }

; CHECK-LABEL: define void @ne()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     icmp
; CHECK-NOT:     br i1
; CHECK-NOT:     @abort
; CHECK:         call void @use(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @abort
; CHECK:         ret void
; CHECK-NEXT:  }

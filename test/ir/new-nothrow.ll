; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; new(std::nothrow) with its null check: demoted, the null check folds, and
; the failure path disappears.

@_ZSt7nothrow = external global i8

declare ptr @_ZnwmRKSt9nothrow_t(i64 noundef, ptr noundef) #0
declare void @_ZdlPv(ptr noundef) #1
declare void @out_of_memory()

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f() {
entry:
  %p = call noalias ptr @_ZnwmRKSt9nothrow_t(i64 noundef 16, ptr noundef @_ZSt7nothrow) #2
  %isnull = icmp eq ptr %p, null
  br i1 %isnull, label %oom, label %ok

ok:
  call void @use(ptr %p)
  call void @_ZdlPv(ptr noundef %p) #3
  ret void

oom:
  call void @out_of_memory()
  ret void
}

attributes #0 = { nobuiltin nounwind allocsize(0) }
attributes #1 = { nobuiltin nounwind }
attributes #2 = { builtin nounwind allocsize(0) }
attributes #3 = { builtin nounwind }

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @_ZnwmRKSt9nothrow_t
; CHECK-NOT:     icmp
; CHECK:         call void @use(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @_ZdlPv
; CHECK-NOT:     @out_of_memory
; CHECK:         ret void
; CHECK-NEXT:  }

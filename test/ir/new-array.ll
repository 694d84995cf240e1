; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; new[] freed by delete[] is demoted.

declare noundef nonnull ptr @_Znam(i64 noundef) #0
declare void @_ZdaPv(ptr noundef) #1

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f() {
entry:
  %p = call noalias noundef nonnull ptr @_Znam(i64 noundef 40) #2
  call void @use(ptr %p)
  call void @_ZdaPv(ptr noundef %p) #3
  ret void
}

attributes #0 = { nobuiltin allocsize(0) }
attributes #1 = { nobuiltin nounwind }
attributes #2 = { builtin allocsize(0) }
attributes #3 = { builtin nounwind }

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [40 x i8], align 16
; CHECK-NOT:     @_Znam
; CHECK:         call void @use(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @_ZdaPv
; CHECK:         ret void

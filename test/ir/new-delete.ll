; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack,sroa,instcombine' -S %s | FileCheck %s
;
; A new-expression (`builtin` call of the `nobuiltin` operator new, as clang
; emits it) freed by delete or by sized delete is demoted.

declare noundef nonnull ptr @_Znwm(i64 noundef) #0
declare void @_ZdlPv(ptr noundef) #1
declare void @_ZdlPvm(ptr noundef, i64 noundef) #1

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @delete() {
entry:
  %p = call noalias noundef nonnull ptr @_Znwm(i64 noundef 16) #2
  call void @use(ptr %p)
  call void @_ZdlPv(ptr noundef %p) #3
  ret void
}

define void @sized_delete() {
entry:
  %p = call noalias noundef nonnull ptr @_Znwm(i64 noundef 24) #2
  call void @use(ptr %p)
  call void @_ZdlPvm(ptr noundef %p, i64 noundef 24) #3
  ret void
}

attributes #0 = { nobuiltin allocsize(0) }
attributes #1 = { nobuiltin nounwind }
attributes #2 = { builtin allocsize(0) }
attributes #3 = { builtin nounwind }

; CHECK-LABEL: define void @delete()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @_Znwm
; CHECK:         call void @use(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @_ZdlPv
; CHECK:         ret void

; CHECK-LABEL: define void @sized_delete()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [24 x i8], align 16
; CHECK-NOT:     @_Znwm
; CHECK:         call void @use(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @_ZdlPvm
; CHECK:         ret void

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; Aligned new (`new T` with alignof(T) = 64) and its aligned delete: the
; slot gets the requested alignment.

declare noundef nonnull ptr @_ZnwmSt11align_val_t(i64 noundef, i64 noundef) #0
declare void @_ZdlPvSt11align_val_t(ptr noundef, i64 noundef) #1

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f() {
entry:
  %p = call noalias noundef nonnull align 64 ptr @_ZnwmSt11align_val_t(i64 noundef 128, i64 noundef 64) #2
  call void @use(ptr %p)
  call void @_ZdlPvSt11align_val_t(ptr noundef %p, i64 noundef 64) #3
  ret void
}

attributes #0 = { nobuiltin allocsize(0) }
attributes #1 = { nobuiltin nounwind }
attributes #2 = { builtin allocsize(0) }
attributes #3 = { builtin nounwind }

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [128 x i8], align 64
; CHECK-NOT:     @_ZnwmSt11align_val_t
; CHECK:         call void @use(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @_ZdlPvSt11align_val_t
; CHECK:         ret void

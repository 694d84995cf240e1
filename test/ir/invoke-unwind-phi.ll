; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -verify-each -S %s | FileCheck %s
;
; An invoked `new` whose unwind block starts with a phi: the invoke becomes a
; branch to its normal destination and the phi loses its entry for the
; invoke's block (the entry from %entry stays), so the site is demoted and
; the module stays valid.

declare noundef nonnull ptr @_Znwm(i64 noundef) #0
declare void @_ZdlPv(ptr noundef) #1
declare void @may_throw()
declare void @cleanup(i32)
declare i32 @__gxx_personality_v0(...)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f() personality ptr @__gxx_personality_v0 {
entry:
  invoke void @may_throw()
          to label %alloc unwind label %lpad

alloc:
  %p = invoke noalias noundef nonnull ptr @_Znwm(i64 noundef 16) #2
          to label %cont unwind label %lpad

cont:
  call void @use(ptr %p)
  call void @_ZdlPv(ptr noundef %p) #3
  ret void

lpad:
  %where = phi i32 [ 1, %entry ], [ 2, %alloc ]
  %lp = landingpad { ptr, i32 }
          cleanup
  call void @cleanup(i32 %where)
  resume { ptr, i32 } %lp
}

attributes #0 = { nobuiltin allocsize(0) }
attributes #1 = { nobuiltin nounwind }
attributes #2 = { builtin allocsize(0) }
attributes #3 = { builtin nounwind }

; CHECK-LABEL: define void @f()
; CHECK:         %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @_Znwm
; CHECK-NOT:     @_ZdlPv
; CHECK:       lpad:
; CHECK-NEXT:    landingpad
; CHECK-NEXT:      cleanup
; CHECK-NEXT:    call void @cleanup(i32 1)

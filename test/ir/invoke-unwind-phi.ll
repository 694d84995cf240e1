; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; An invoked `new` whose unwind block starts with a phi stays: turning the
; invoke into a branch would leave the phi with an entry for a block that no
; longer unwinds to it.

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
; CHECK-NOT:     h2s.slot
; CHECK:         %p = invoke noalias noundef nonnull ptr @_Znwm(i64 noundef 16)
; CHECK:         call void @_ZdlPv(ptr noundef %p)
; CHECK:       lpad:
; CHECK-NEXT:    %where = phi i32 [ 1, %entry ], [ 2, %alloc ]

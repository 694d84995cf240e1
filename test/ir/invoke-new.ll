; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; `new` invoked inside a try block: demoted, the invoke becomes a branch to
; its normal destination, and the landing pad becomes unreachable and goes.

declare noundef nonnull ptr @_Znwm(i64 noundef) #0
declare void @_ZdlPv(ptr noundef) #1
declare i32 @__gxx_personality_v0(...)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f() personality ptr @__gxx_personality_v0 {
entry:
  %p = invoke noalias noundef nonnull ptr @_Znwm(i64 noundef 16) #2
          to label %cont unwind label %lpad

cont:
  call void @use(ptr %p)
  call void @_ZdlPv(ptr noundef %p) #3
  ret void

lpad:
  %lp = landingpad { ptr, i32 }
          cleanup
  resume { ptr, i32 } %lp
}

attributes #0 = { nobuiltin allocsize(0) }
attributes #1 = { nobuiltin nounwind }
attributes #2 = { builtin allocsize(0) }
attributes #3 = { builtin nounwind }

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     invoke
; CHECK-NOT:     @_Znwm
; CHECK:         call void @use(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @_ZdlPv
; CHECK:         ret void
; CHECK-NEXT:  }

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -S %s -o %t.ll 2>&1 | FileCheck --check-prefix=REMARK %s
; RUN: FileCheck %s < %t.ll
; RUN: %opt -passes=verify -disable-output %t.ll
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<guard-size=0>' -pass-remarks-missed=heap2stack -S %s 2>&1 | FileCheck --check-prefix=NOGUARD %s
;
; `new char[n]` invoked (inside a try block) with a size known only at run
; time gets a guarded buffer like a call: the stack arm jumps past the
; invoke to a new block where the invoke's normal edge now leads too, and
; a phi there picks the slot or the invoke's result; the normal
; destination's phis take their entries from that block, the landing
; pad's stay the invoke's.

declare noundef nonnull ptr @_Znam(i64 noundef) #0
declare void @_ZdaPv(ptr noundef) #1
declare i32 @__gxx_personality_v0(...)

declare void @note(i32)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define i32 @f(i64 %n, i32 %k) personality ptr @__gxx_personality_v0 {
entry:
  %p = invoke noalias noundef nonnull ptr @_Znam(i64 noundef %n) #2
          to label %cont unwind label %lpad

cont:
  %from = phi i32 [ %k, %entry ]
  call void @use(ptr %p)
  call void @_ZdaPv(ptr noundef %p) #3
  ret i32 %from

lpad:
  %via = phi i32 [ %k, %entry ]
  %lp = landingpad { ptr, i32 }
          cleanup
  call void @note(i32 %via)
  resume { ptr, i32 } %lp
}

attributes #0 = { nobuiltin allocsize(0) }
attributes #1 = { nobuiltin nounwind }
attributes #2 = { builtin allocsize(0) }
attributes #3 = { builtin nounwind }

; With guard-size=0 it stays an invoke of the allocator:
; NOGUARD: remark: <unknown>:0:0: new[](n) escapes to heap: non-constant size
; NOGUARD-LABEL: define i32 @f(
; NOGUARD-NOT:   h2s.slot
; NOGUARD:       invoke {{.*}} @_Znam(i64 noundef %n)

; REMARK: remark: <unknown>:0:0: new[](n) does not escape: stack buffer of 256 bytes, heap above

; After the cleanup of the changed function (which merges the blocks the
; rewrite made, and folds the single-entry phis), the stack arm is the
; branch straight to %cont, past the invoke; the landing pad is still the
; invoke's alone. (opt's verifier checks the phis the rewrite rebuilt.)
; CHECK-LABEL: define i32 @f(
; CHECK:         %h2s.slot = alloca [256 x i8], align 16
; CHECK:         %[[FITS:.*]] = icmp ule i64 %n, 256
; CHECK-NEXT:    br i1 %[[FITS]], label %cont, label %[[HEAP:.*]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %p = invoke {{.*}} @_Znam(i64 noundef %n)
; CHECK-NEXT:            to label %cont unwind label %lpad
; CHECK:       cont:
; CHECK-NEXT:    %[[PHI:.*]] = phi ptr [ %p, %[[HEAP]] ], [ %h2s.slot, %entry ]
; CHECK-NEXT:    call void @use(ptr %[[PHI]])
; CHECK:         call void @_ZdaPv(
; CHECK:       lpad:
; CHECK-NEXT:    landingpad

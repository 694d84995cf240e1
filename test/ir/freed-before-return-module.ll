; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s --check-prefix=KEPT
; RUN: sed 's/call ptr @signal(/call ptr @not_signal(/' %s | %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output 2>&1 | FileCheck %s --check-prefix=DEMOTED
; RUN: sed 's/call ptr @signal(/call ptr @not_signal(/; s/call i32 @not_cancel(/call i32 @pthread_cancel(/' %s | %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output 2>&1 | FileCheck %s --check-prefix=KEPT
;
; Blocks freed before their function returns are demoted on the
; assumption that nothing leaves the function between two of its
; instructions. A module that both installs a signal handler and calls
; longjmp may leave from anywhere (the handler may longjmp out of what it
; interrupted), and one that cancels threads too (a cancelled thread
; unwinds at its next cancellation point, write here): in such a module
; the rule is off. The first run has signal and longjmp, the second
; neither signal nor pthread_cancel, the third pthread_cancel.

@g = global ptr null
@env = global [200 x i8] zeroinitializer

declare noalias ptr @malloc(i64) nounwind
declare void @free(ptr) nounwind
declare i64 @write(i32, ptr, i64) nounwind
declare ptr @signal(i32, ptr) nounwind
declare ptr @not_signal(i32, ptr) nounwind
declare i32 @not_cancel(i64) nounwind
declare i32 @pthread_cancel(i64) nounwind
declare void @longjmp(ptr, i32) noreturn nounwind

define void @handler(i32 %sig) nounwind {
  call void @longjmp(ptr @env, i32 1)
  unreachable
}

define void @setup(i64 %t) nounwind {
  %old = call ptr @signal(i32 2, ptr @handler)
  %r = call i32 @not_cancel(i64 %t)
  ret void
}

; KEPT: remark: <unknown>:0:0: malloc(16) escapes to heap: stored to global g
; DEMOTED: remark: <unknown>:0:0: malloc(16) does not escape: moved to a 16-byte stack slot; it escapes (stored to global g) but is freed before every return
define void @work() nounwind {
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr @g
  %n = call i64 @write(i32 1, ptr %p, i64 16)
  call void @free(ptr %p)
  ret void
}

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape>' -disable-output %s 2>&1 | FileCheck --check-prefix=REPORT %s
;
; The difference between a buffer and an address the caller knows (its
; parameter) tells the caller where the buffer is: `base + d` rebuilds the
; pointer. Such a difference, when it leaves the function, makes both
; escape. A difference only compared (the vectorizer's overlap check) does
; not, and neither does one between two addresses of the same buffer
; (ptrtoint-compare.ll).

declare noalias ptr @malloc(i64)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define i64 @distance_returned(ptr %base) {
entry:
  %p = call ptr @malloc(i64 32)
  call void @use(ptr %p)
  %a = ptrtoint ptr %p to i64
  %b = ptrtoint ptr %base to i64
  %d = sub i64 %a, %b
  ret i64 %d
}

define i1 @distance_compared(ptr %base) {
entry:
  %p = call ptr @malloc(i64 32)
  call void @use(ptr %p)
  %a = ptrtoint ptr %p to i64
  %b = ptrtoint ptr %base to i64
  %d = sub i64 %a, %b
  %near = icmp ult i64 %d, 16
  ret i1 %near
}

; CHECK-LABEL: define i64 @distance_returned(
; CHECK-NOT:     h2s.slot
; CHECK:         call ptr @malloc(i64 32)
; CHECK:         ret i64

; CHECK-LABEL: define i1 @distance_compared(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret i1

; Without debug information: functions in module order, sites first.
; REPORT:      use: p does not escape
; REPORT-NEXT: distance_returned: malloc(32) escapes to heap
; REPORT-NEXT: distance_returned: leaking param: base
; REPORT-NEXT: distance_compared: malloc(32) does not escape
; REPORT-NEXT: distance_compared: base does not escape
; REPORT-NOT:  {{.}}

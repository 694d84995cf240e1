; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape>' -S %s 2>/dev/null | FileCheck %s --check-prefix=IR
; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=DEFAULT --match-full-lines
; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape<max-size=8;no-loops>>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=PARAMS --match-full-lines
;
; print<escape> reports and changes nothing: the IR after it still holds
; every allocation, and its pass parameters change the verdicts it prints.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @once() {
entry:
  %p = call ptr @malloc(i64 16)
  store i8 0, ptr %p
  call void @free(ptr %p)
  ret void
}

define void @loop(i32 %n) {
entry:
  br label %body

body:
  %i = phi i32 [ 0, %entry ], [ %i.next, %body ]
  %p = call ptr @malloc(i64 8)
  store i32 %i, ptr %p
  call void @free(ptr %p)
  %i.next = add i32 %i, 1
  %more = icmp slt i32 %i.next, %n
  br i1 %more, label %body, label %exit

exit:
  ret void
}

; IR-LABEL: define void @once()
; IR-NOT:     h2s.slot
; IR:         %p = call ptr @malloc(i64 16)
; IR:         call void @free(ptr %p)
; IR-LABEL: define void @loop(
; IR-NOT:     h2s.slot
; IR:         %p = call ptr @malloc(i64 8)
; IR:         call void @free(ptr %p)

; DEFAULT:      once: malloc(16) does not escape
; DEFAULT-NEXT: loop: malloc(8) does not escape
; DEFAULT-NOT:  {{.}}

; PARAMS:      once: malloc(16) escapes to heap
; PARAMS-NEXT: loop: malloc(8) escapes to heap
; PARAMS-NOT:  {{.}}

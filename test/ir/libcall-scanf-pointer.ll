; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; sscanf's "%p" writes a pointer read from text into its argument: what is
; loaded from that local afterwards may point anywhere (a global), so a
; store through it is a store to unknown memory and the stored allocation
; escapes.

@fmt = private unnamed_addr constant [3 x i8] c"%p\00"

declare noalias ptr @malloc(i64)
declare i32 @sscanf(ptr, ptr, ...)

define void @f(ptr %input) {
entry:
  %dst = alloca ptr, align 8
  %buf = call ptr @malloc(i64 16)
  %n = call i32 (ptr, ptr, ...) @sscanf(ptr %input, ptr @fmt, ptr %dst)
  %q = load ptr, ptr %dst, align 8
  store ptr %buf, ptr %q, align 8
  ret void
}

; CHECK-LABEL: define void @f(
; CHECK-NOT:     h2s.slot
; CHECK:         %buf = call ptr @malloc(i64 16)
; CHECK:         store ptr %buf, ptr %q

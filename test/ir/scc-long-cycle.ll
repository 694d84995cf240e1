; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<recursive-budget=1024>' -S %s | FileCheck %s
;
; A call-graph cycle of 40 functions passing a buffer along; the last one
; stores it in a global. The parameter tags need more rounds than a small
; cap allows; whatever the cap, the result must stay sound: the buffer
; escapes. (Regression: giving up re-analysed members one at a time against
; the others' stale optimistic tags and demoted it.)

@gstash = global ptr null
declare ptr @malloc(i64)

define i32 @f1(ptr %p, i32 %n) {
entry:
  %x = call ptr @malloc(i64 16)
  store i8 1, ptr %x
  %c = icmp sgt i32 %n, 0
  br i1 %c, label %go, label %done
go:
  %m = sub i32 %n, 1
  %r = call i32 @f2(ptr %x, i32 %m)
  ret i32 %r
done:
  ret i32 0
}

define i32 @f2(ptr %p, i32 %n) {
entry:
  %r = call i32 @f3(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f3(ptr %p, i32 %n) {
entry:
  %r = call i32 @f4(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f4(ptr %p, i32 %n) {
entry:
  %r = call i32 @f5(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f5(ptr %p, i32 %n) {
entry:
  %r = call i32 @f6(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f6(ptr %p, i32 %n) {
entry:
  %r = call i32 @f7(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f7(ptr %p, i32 %n) {
entry:
  %r = call i32 @f8(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f8(ptr %p, i32 %n) {
entry:
  %r = call i32 @f9(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f9(ptr %p, i32 %n) {
entry:
  %r = call i32 @f10(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f10(ptr %p, i32 %n) {
entry:
  %r = call i32 @f11(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f11(ptr %p, i32 %n) {
entry:
  %r = call i32 @f12(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f12(ptr %p, i32 %n) {
entry:
  %r = call i32 @f13(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f13(ptr %p, i32 %n) {
entry:
  %r = call i32 @f14(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f14(ptr %p, i32 %n) {
entry:
  %r = call i32 @f15(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f15(ptr %p, i32 %n) {
entry:
  %r = call i32 @f16(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f16(ptr %p, i32 %n) {
entry:
  %r = call i32 @f17(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f17(ptr %p, i32 %n) {
entry:
  %r = call i32 @f18(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f18(ptr %p, i32 %n) {
entry:
  %r = call i32 @f19(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f19(ptr %p, i32 %n) {
entry:
  %r = call i32 @f20(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f20(ptr %p, i32 %n) {
entry:
  %r = call i32 @f21(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f21(ptr %p, i32 %n) {
entry:
  %r = call i32 @f22(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f22(ptr %p, i32 %n) {
entry:
  %r = call i32 @f23(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f23(ptr %p, i32 %n) {
entry:
  %r = call i32 @f24(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f24(ptr %p, i32 %n) {
entry:
  %r = call i32 @f25(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f25(ptr %p, i32 %n) {
entry:
  %r = call i32 @f26(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f26(ptr %p, i32 %n) {
entry:
  %r = call i32 @f27(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f27(ptr %p, i32 %n) {
entry:
  %r = call i32 @f28(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f28(ptr %p, i32 %n) {
entry:
  %r = call i32 @f29(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f29(ptr %p, i32 %n) {
entry:
  %r = call i32 @f30(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f30(ptr %p, i32 %n) {
entry:
  %r = call i32 @f31(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f31(ptr %p, i32 %n) {
entry:
  %r = call i32 @f32(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f32(ptr %p, i32 %n) {
entry:
  %r = call i32 @f33(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f33(ptr %p, i32 %n) {
entry:
  %r = call i32 @f34(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f34(ptr %p, i32 %n) {
entry:
  %r = call i32 @f35(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f35(ptr %p, i32 %n) {
entry:
  %r = call i32 @f36(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f36(ptr %p, i32 %n) {
entry:
  %r = call i32 @f37(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f37(ptr %p, i32 %n) {
entry:
  %r = call i32 @f38(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f38(ptr %p, i32 %n) {
entry:
  %r = call i32 @f39(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f39(ptr %p, i32 %n) {
entry:
  %r = call i32 @f40(ptr %p, i32 %n)
  ret i32 %r
}

define i32 @f40(ptr %p, i32 %n) {
entry:
  store ptr %p, ptr @gstash
  %r = call i32 @f1(ptr %p, i32 %n)
  ret i32 %r
}

; CHECK-LABEL: define i32 @f1(
; CHECK-NOT:     h2s.slot
; CHECK:         call ptr @malloc(i64 16)

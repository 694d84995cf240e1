; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape<verbose;guard-size=0>>' -disable-output %s 2>&1 | FileCheck --check-prefix=REPORT %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<guard-size=0>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -S %s -o %t.ll 2>&1 | FileCheck --check-prefix=REMARK %s
; RUN: FileCheck %s < %t.ll
;
; A size that is not a constant but provably at most B bytes gets a slot of
; B bytes: the program may touch only what it asked for, and that fits.
; Bounds come from masks, umin, selects of constants, zero-extension of a
; narrow type, urem, and the branch conditions that lead to the call. A
; size whose bound is above max-size, or that nothing bounds, stays on the
; heap when the guard is off (guard-size=0; it is on by default, and then
; such a size gets a guarded buffer: test/ir/guard-*.ll).

declare ptr @malloc(i64)
declare ptr @calloc(i64, i64)
declare void @free(ptr)
declare i64 @llvm.umin.i64(i64, i64)

define void @use(ptr %p) {
  store volatile i8 1, ptr %p
  ret void
}

define void @masked(i64 %n) {
  %m = and i64 %n, 63
  %p = call ptr @malloc(i64 %m)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}
; CHECK-LABEL: define void @masked(
; CHECK:         alloca [63 x i8], align 16
; CHECK-NOT:     @malloc
; REMARK: remark: <unknown>:0:0: malloc(m) does not escape: moved to a 63-byte stack slot (its size is at most 63)

define void @clamped(i64 %n) {
  %m = call i64 @llvm.umin.i64(i64 %n, i64 100)
  %p = call ptr @malloc(i64 %m)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}
; CHECK-LABEL: define void @clamped(
; CHECK:         alloca [100 x i8], align 16

define void @chosen(i1 %c) {
  %m = select i1 %c, i64 24, i64 40
  %p = call ptr @malloc(i64 %m)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}
; CHECK-LABEL: define void @chosen(
; CHECK:         alloca [40 x i8], align 16

define void @narrow(i8 %n) {
  %m = zext i8 %n to i64
  %p = call ptr @malloc(i64 %m)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}
; CHECK-LABEL: define void @narrow(
; CHECK:         alloca [255 x i8], align 16

define void @remainder(i64 %n) {
  %m = urem i64 %n, 48
  %p = call ptr @malloc(i64 %m)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}
; CHECK-LABEL: define void @remainder(
; CHECK:         alloca [47 x i8], align 16

; `if (n <= 200) { p = malloc(n); ... }`
define void @guarded(i64 %n) {
entry:
  %small = icmp ule i64 %n, 200
  br i1 %small, label %then, label %done
then:
  %p = call ptr @malloc(i64 %n)
  call void @use(ptr %p)
  call void @free(ptr %p)
  br label %done
done:
  ret void
}
; CHECK-LABEL: define void @guarded(
; CHECK:         alloca [200 x i8], align 16

; calloc(n & 7, 16): at most 7 * 16 bytes, all zeroed
define void @zeroed(i64 %n) {
  %c = and i64 %n, 7
  %p = call ptr @calloc(i64 %c, i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}
; CHECK-LABEL: define void @zeroed(
; CHECK:         alloca [112 x i8], align 16
; CHECK:         call void @llvm.memset.p0.i64(ptr {{.*}}, i8 0, i64 112, i1 false)

; Negative: the bound (8191) is above max-size (4096).
define void @too_big(i64 %n) {
  %m = and i64 %n, 8191
  %p = call ptr @malloc(i64 %m)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}
; CHECK-LABEL: define void @too_big(
; CHECK:         call ptr @malloc(i64 %m)
; REMARK: remark: <unknown>:0:0: malloc(m) escapes to heap: non-constant size (at most 8191 bytes > max-size 4096)

; Negative: nothing bounds n; the branch bounds it on the other path only.
define void @unbounded(i64 %n) {
entry:
  %small = icmp ule i64 %n, 200
  br i1 %small, label %done, label %big
big:
  %p = call ptr @malloc(i64 %n)
  call void @use(ptr %p)
  call void @free(ptr %p)
  br label %done
done:
  ret void
}
; CHECK-LABEL: define void @unbounded(
; CHECK:         call ptr @malloc(i64 %n)
; REMARK: remark: <unknown>:0:0: malloc(n) escapes to heap: non-constant size{{$}}

; REPORT-DAG: masked: malloc(m) does not escape
; REPORT-DAG: guarded: malloc(n) does not escape
; REPORT-DAG: too_big: malloc(m) escapes to heap:
; REPORT-DAG: unbounded: malloc(n) escapes to heap:

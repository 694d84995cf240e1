; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<max-size=99999999999;frame-budget=999999999999>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -S %s -o %t.ll 2>&1 | FileCheck --check-prefix=REMARK %s
; RUN: FileCheck %s < %t.ll
;
; No slot is larger than 4 GiB, whatever max-size says: a size bounded by
; 2^33 - 1 bytes stays on the heap (and a constant one too), while a bound
; of 4 GiB is demoted. (With the guarded buffers, a bounded size lost this
; limit once and got an 8 GiB slot.)

declare ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @huge_bound(i64 %n) {
  %m = and i64 %n, 8589934591
  %p = call ptr @malloc(i64 %m)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @huge_constant() {
  %p = call ptr @malloc(i64 8589934592)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @largest_bound(i64 %n) {
  %m = and i64 %n, 4294967295
  %p = call ptr @malloc(i64 %m)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; REMARK: remark: <unknown>:0:0: malloc(m) escapes to heap: too large for stack: 8589934591 bytes > 4294967296, the largest slot
; REMARK-NEXT: remark: <unknown>:0:0: malloc(8589934592) escapes to heap: too large for stack: 8589934592 bytes > 4294967296, the largest slot
; REMARK-NEXT: remark: <unknown>:0:0: malloc(m) does not escape: moved to a 4294967295-byte stack slot (its size is at most 4294967295)

; CHECK-LABEL: define void @huge_bound(
; CHECK-NOT:     alloca
; CHECK:         call ptr @malloc(i64 %m)
; CHECK-LABEL: define void @huge_constant(
; CHECK-NOT:     alloca
; CHECK:         call ptr @malloc(i64 8589934592)
; CHECK-LABEL: define void @largest_bound(
; CHECK:         alloca [4294967295 x i8]

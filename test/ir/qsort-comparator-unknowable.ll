; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; qsort hands the array's elements to its comparator. A comparator that may
; be replaced at link time (weak) or that takes the element pointers as
; integers tells nothing about what it keeps: the array stays on the heap.
; (Regression: both were taken as comparators that keep nothing.)

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @qsort(ptr, i64, i64, ptr)

define weak i32 @weak_cmp(ptr %a, ptr %b) {
  ret i32 0
}

@kept = global i64 0

define internal i32 @int_cmp(i64 %a, i64 %b) {
  store i64 %a, ptr @kept
  ret i32 0
}

define void @with_weak() {
  %p = call ptr @malloc(i64 64)
  call void @qsort(ptr %p, i64 16, i64 4, ptr @weak_cmp)
  call void @free(ptr %p)
  ret void
}

define void @with_int() {
  %p = call ptr @malloc(i64 64)
  call void @qsort(ptr %p, i64 16, i64 4, ptr @int_cmp)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @with_weak()
; CHECK-NOT:     h2s.slot
; CHECK:         call ptr @malloc(i64 64)
; CHECK-LABEL: define void @with_int()
; CHECK-NOT:     h2s.slot
; CHECK:         call ptr @malloc(i64 64)

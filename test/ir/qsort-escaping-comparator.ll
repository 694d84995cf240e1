; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; qsort hands the array's elements to its comparator: with a comparator the
; pass cannot see, or one that stores an element pointer in a global, the
; array escapes.

@last = global ptr null

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @qsort(ptr, i64, i64, ptr)
declare i32 @ext_cmp(ptr, ptr)

define internal i32 @leaky_cmp(ptr %a, ptr %b) {
entry:
  store ptr %a, ptr @last
  %x = load i32, ptr %a
  %y = load i32, ptr %b
  %r = sub i32 %x, %y
  ret i32 %r
}

define void @unknown_comparator() {
entry:
  %p = call ptr @malloc(i64 64)
  call void @qsort(ptr %p, i64 16, i64 4, ptr @ext_cmp)
  call void @free(ptr %p)
  ret void
}

define void @leaking_comparator() {
entry:
  %p = call ptr @malloc(i64 64)
  call void @qsort(ptr %p, i64 16, i64 4, ptr @leaky_cmp)
  call void @free(ptr %p)
  ret void
}

; The comparator is not a function at all (loaded from memory).
define void @indirect_comparator(ptr %cmpp) {
entry:
  %cmp = load ptr, ptr %cmpp
  %p = call ptr @malloc(i64 64)
  call void @qsort(ptr %p, i64 16, i64 4, ptr %cmp)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @unknown_comparator()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 64)
; CHECK-NEXT:    call void @qsort(ptr %p, i64 16, i64 4, ptr @ext_cmp)
; CHECK-NEXT:    call void @free(ptr %p)

; CHECK-LABEL: define void @leaking_comparator()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 64)
; CHECK-NEXT:    call void @qsort(ptr %p, i64 16, i64 4, ptr @leaky_cmp)
; CHECK-NEXT:    call void @free(ptr %p)

; CHECK-LABEL: define void @indirect_comparator(
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 64)
; CHECK-NEXT:    call void @qsort(ptr %p, i64 16, i64 4, ptr %cmp)
; CHECK-NEXT:    call void @free(ptr %p)

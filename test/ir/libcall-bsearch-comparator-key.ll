; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; bsearch hands its key (argument 0) to the comparator as well as the
; array's elements. A comparator that stores its first parameter in a
; global leaks the key: a malloc'd key must stay on the heap. With a
; comparator that keeps nothing, the key is demoted.

@last = global ptr null

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare ptr @bsearch(ptr, ptr, i64, i64, ptr)

define internal i32 @leaky_cmp(ptr %a, ptr %b) {
entry:
  store ptr %a, ptr @last
  %x = load i32, ptr %a
  %y = load i32, ptr %b
  %r = sub i32 %x, %y
  ret i32 %r
}

define internal i32 @plain_cmp(ptr %a, ptr %b) {
entry:
  %x = load i32, ptr %a
  %y = load i32, ptr %b
  %r = sub i32 %x, %y
  ret i32 %r
}

define ptr @leaky(ptr %base) {
entry:
  %key = call ptr @malloc(i64 4)
  store i32 7, ptr %key
  %r = call ptr @bsearch(ptr %key, ptr %base, i64 16, i64 4, ptr @leaky_cmp)
  call void @free(ptr %key)
  ret ptr %r
}

define ptr @plain(ptr %base) {
entry:
  %key = call ptr @malloc(i64 4)
  store i32 7, ptr %key
  %r = call ptr @bsearch(ptr %key, ptr %base, i64 16, i64 4, ptr @plain_cmp)
  call void @free(ptr %key)
  ret ptr %r
}

; CHECK-LABEL: define ptr @leaky(
; CHECK-NOT:     h2s.slot
; CHECK:         %key = call ptr @malloc(i64 4)
; CHECK:         call void @free(ptr %key)

; CHECK-LABEL: define ptr @plain(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [4 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret ptr %r

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; The C library functions the pass knows keep nothing of their pointer
; arguments: memcpy, memset, strlen, printf, snprintf on the object leave it
; demotable.

@hello = private unnamed_addr constant [6 x i8] c"hello\00"
@fmt.s = private unnamed_addr constant [6 x i8] c"<%s>\0A\00"
@fmt.d = private unnamed_addr constant [3 x i8] c"%d\00"

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare ptr @memcpy(ptr, ptr, i64)
declare ptr @memset(ptr, i32, i64)
declare i64 @strlen(ptr)
declare i32 @printf(ptr, ...)
declare i32 @snprintf(ptr, i64, ptr, ...)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @with_memcpy() {
entry:
  %p = call ptr @malloc(i64 32)
  %r = call ptr @memcpy(ptr %p, ptr @hello, i64 6)
  call void @use(ptr %r)
  call void @free(ptr %p)
  ret void
}

define void @with_memset() {
entry:
  %p = call ptr @malloc(i64 32)
  %r = call ptr @memset(ptr %p, i32 0, i64 32)
  call void @use(ptr %r)
  call void @free(ptr %p)
  ret void
}

define i64 @with_strlen() {
entry:
  %p = call ptr @malloc(i64 32)
  call void @use(ptr %p)
  %n = call i64 @strlen(ptr %p)
  call void @free(ptr %p)
  ret i64 %n
}

define i32 @with_printf() {
entry:
  %p = call ptr @malloc(i64 32)
  call void @use(ptr %p)
  %n = call i32 (ptr, ...) @printf(ptr @fmt.s, ptr %p)
  call void @free(ptr %p)
  ret i32 %n
}

define i32 @with_snprintf() {
entry:
  %p = call ptr @malloc(i64 32)
  %n = call i32 (ptr, i64, ptr, ...) @snprintf(ptr %p, i64 32, ptr @fmt.d, i32 42)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret i32 %n
}

; CHECK-LABEL: define void @with_memcpy()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void

; CHECK-LABEL: define void @with_memset()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void

; CHECK-LABEL: define i64 @with_strlen()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         %n = call i64 @strlen(ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @free
; CHECK:         ret i64 %n

; CHECK-LABEL: define i32 @with_printf()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         %n = call i32 (ptr, ...) @printf(ptr {{.*}}@fmt.s, ptr {{.*}}%h2s.slot)
; CHECK-NOT:     @free
; CHECK:         ret i32 %n

; CHECK-LABEL: define i32 @with_snprintf()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         %n = call i32 (ptr, i64, ptr, ...) @snprintf(ptr {{.*}}%h2s.slot, i64 32, ptr {{.*}}@fmt.d, i32 42)
; CHECK-NOT:     @free
; CHECK:         ret i32 %n

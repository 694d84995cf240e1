; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; A caller compiled with -fno-builtin ("no-builtins") or -fno-builtin-malloc
; ("no-builtin-malloc") keeps its mallocs; -fno-builtin-free makes free an
; unknown function that may keep the pointer, so the malloc stays too.
; Disabling an unrelated builtin (memcpy) changes nothing.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @no_builtins() #0 {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @no_builtin_malloc() #1 {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @no_builtin_free() #2 {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @no_builtin_memcpy() #3 {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

attributes #0 = { "no-builtins" }
attributes #1 = { "no-builtin-malloc" }
attributes #2 = { "no-builtin-free" }
attributes #3 = { "no-builtin-memcpy" }

; CHECK-LABEL: define void @no_builtins()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         call void @free(ptr %p)

; CHECK-LABEL: define void @no_builtin_malloc()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         call void @free(ptr %p)

; CHECK-LABEL: define void @no_builtin_free()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         call void @free(ptr %p)

; CHECK-LABEL: define void @no_builtin_memcpy()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void

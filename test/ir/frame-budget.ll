; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<frame-budget=4096>' -S %s | FileCheck %s --check-prefix=SMALL
; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s --check-prefix=DEFAULT
;
; frame-budget bounds the bytes demoted per function, in program order:
; with frame-budget=4096 the first 3000-byte site (3008 bytes once rounded
; to its 16-byte alignment) fits and the second does not. With the default
; budget (8192) both fit.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f() {
entry:
  %a = call ptr @malloc(i64 3000)
  call void @use(ptr %a)
  %b = call ptr @malloc(i64 3000)
  call void @use(ptr %b)
  call void @free(ptr %b)
  call void @free(ptr %a)
  ret void
}

; SMALL-LABEL: define void @f()
; SMALL-NEXT:  entry:
; SMALL-NEXT:    %h2s.slot = alloca [3000 x i8], align 16
; SMALL-NOT:     alloca
; SMALL:         call void @use(ptr {{.*}}%h2s.slot)
; SMALL-NEXT:    %b = call ptr @malloc(i64 3000)
; SMALL-NEXT:    call void @use(ptr %b)
; SMALL-NEXT:    call void @free(ptr %b)
; SMALL-NOT:     @free
; SMALL:         ret void

; DEFAULT-LABEL: define void @f()
; DEFAULT-NEXT:  entry:
; DEFAULT-NEXT:    %h2s.slot{{[0-9]*}} = alloca [3000 x i8], align 16
; DEFAULT-NEXT:    %h2s.slot{{[0-9]*}} = alloca [3000 x i8], align 16
; DEFAULT-NOT:     @malloc
; DEFAULT-NOT:     @free
; DEFAULT:         ret void

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -verify-each -S %s | FileCheck %s
;
; Allocas in address space 5 (datalayout "A5") and a malloc that returns a
; pointer in that same space: the slot has the type the program expects, so
; the site is demoted (the rule compares the two spaces; it does not refuse
; every space but 0). Negative cases: addrspace-alloca-a5.ll and
; addrspace-malloc-result.ll.

target datalayout = "A5"

declare ptr addrspace(5) @malloc(i64)
declare void @free(ptr addrspace(5))

define void @use(ptr addrspace(5) %q) {
  store volatile i8 1, ptr addrspace(5) %q
  ret void
}

define void @same_space() {
  %p = call ptr addrspace(5) @malloc(i64 16)
  call void @use(ptr addrspace(5) %p)
  call void @free(ptr addrspace(5) %p)
  ret void
}

; CHECK-LABEL: define void @same_space()
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16, addrspace(5)
; CHECK-NOT:     @malloc
; CHECK:         call void @use(ptr addrspace(5) {{.*}}%h2s.slot)
; CHECK-NOT:     @free
; CHECK:         ret void

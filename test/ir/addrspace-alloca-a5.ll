; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -verify-each -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape<verbose>>' -disable-output %s 2>&1 | FileCheck --check-prefix=REPORT %s
; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck --check-prefix=REMARK %s
;
; A target whose allocas live in address space 5 (datalayout "A5", as on
; AMDGPU) and an ordinary malloc returning a pointer in address space 0: the
; slot would be `ptr addrspace(5)` where the program expects `ptr`, so the
; site stays on the heap and the module stays valid.

target datalayout = "A5"

declare ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %q) {
  store volatile i8 1, ptr %q
  ret void
}

define void @generic() {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @generic()
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)

; REPORT:      generic: malloc(16) escapes to heap:
; REPORT-NEXT: generic:   flow: {heap} = &{storage for malloc(16)}:
; REPORT-NEXT: generic:     from malloc(16) (not in the stack's address space)
; The remark has the figures.
; REMARK: remark: <unknown>:0:0: malloc(16) escapes to heap: not in the stack's address space: result in address space 0, the stack in 5

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -verify-each -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape<verbose>>' -disable-output %s 2>&1 | FileCheck --check-prefix=REPORT %s
; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck --check-prefix=REMARK %s
;
; An allocator that returns a pointer in another address space than the
; stack's (address space 1 here, the stack in 0): a slot would be a pointer
; of another kind, so the site stays on the heap with that reason, and the
; module stays valid (addrspace-alloca-a5-same.ll is the positive case).

declare ptr addrspace(1) @malloc(i64)
declare void @free(ptr addrspace(1))

define void @use(ptr addrspace(1) %q) {
  store volatile i8 1, ptr addrspace(1) %q
  ret void
}

define void @other_space() {
  %p = call ptr addrspace(1) @malloc(i64 16)
  call void @use(ptr addrspace(1) %p)
  call void @free(ptr addrspace(1) %p)
  ret void
}

; CHECK-LABEL: define void @other_space()
; CHECK-NEXT:    %p = call ptr addrspace(1) @malloc(i64 16)
; CHECK-NEXT:    call void @use(ptr addrspace(1) %p)
; CHECK-NEXT:    call void @free(ptr addrspace(1) %p)

; REPORT:      other_space: malloc(16) escapes to heap:
; REPORT-NEXT: other_space:   flow: {heap} = &{storage for malloc(16)}:
; REPORT-NEXT: other_space:     from malloc(16) (not in the stack's address space)
; The remark has the figures.
; REMARK: remark: <unknown>:0:0: malloc(16) escapes to heap: not in the stack's address space: result in address space 1, the stack in 0

; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape<verbose>>' -disable-output %s 2>&1 | FileCheck %s --match-full-lines
;
; print<escape<verbose>> precedes each site that stays on the heap with Go's
; explanation block: the flow from the allocation to where it escapes, or
; the reason that is not a flow, in Go's words (the remark has the figures:
; test/remarks/missed.ll), as escape-report -m=2 prints it. Demoted sites get no block, and say what
; their slot is (a fixed slot, a guarded buffer, a bound, realloc growth).

@g = global ptr null

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @ext(ptr)

define ptr @returned() {
  %p = call ptr @malloc(i64 16)
  ret ptr %p
}

define void @global() {
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr @g
  ret void
}

define void @passed() {
  %p = call ptr @malloc(i64 16)
  %q = getelementptr inbounds i8, ptr %p, i64 4
  call void @ext(ptr %q)
  ret void
}

define void @large() {
  %p = call ptr @malloc(i64 8192)
  store i8 0, ptr %p
  call void @free(ptr %p)
  ret void
}

define void @dynamic(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  store i8 0, ptr %p
  call void @free(ptr %p)
  ret void
}

define void @local() {
  %p = call ptr @malloc(i64 16)
  store i8 0, ptr %p
  call void @free(ptr %p)
  ret void
}

; CHECK:      returned: malloc(16) escapes to heap:
; CHECK-NEXT: returned:   flow: ~r0 = &{storage for malloc(16)}:
; CHECK-NEXT: returned:     from malloc(16) (spill)
; CHECK-NEXT: returned:     from {{.*}}(return)
; CHECK-NEXT: returned: malloc(16) escapes to heap
; CHECK-NEXT: global: malloc(16) escapes to heap:
; CHECK-NEXT: global:   flow: {heap} = &{storage for malloc(16)}:
; CHECK-NEXT: global:     from malloc(16) (spill)
; CHECK-NEXT: global:     from {{.*}}(assign)
; CHECK-NEXT: global: malloc(16) escapes to heap
; CHECK-NEXT: passed: malloc(16) escapes to heap:
; CHECK-NEXT: passed:   flow: {heap} = &{storage for malloc(16)}:
; CHECK-NEXT: passed:     from malloc(16) (spill)
; CHECK-NEXT: passed:     from {{.*}}(assign)
; CHECK-NEXT: passed:     from {{.*}}(call parameter)
; CHECK-NEXT: passed: malloc(16) escapes to heap
; CHECK-NEXT: large: malloc(8192) escapes to heap:
; CHECK-NEXT: large:   flow: {heap} = &{storage for malloc(8192)}:
; CHECK-NEXT: large:     from malloc(8192) (too large for stack)
; CHECK-NEXT: large: malloc(8192) escapes to heap
; CHECK-NEXT: dynamic: malloc(n) does not escape: stack buffer of 256 bytes, heap above
; CHECK-NEXT: local: malloc(16) does not escape: moved to a 16-byte stack slot
; CHECK-NOT:  {{.}}

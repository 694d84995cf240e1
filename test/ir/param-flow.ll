; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape<verbose>>' -disable-output %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=M1 --implicit-check-not=flow: --implicit-check-not=parameter
;
; print<escape<verbose>> (-m=2) explains a parameter whose form a flow
; makes, as Go's -m=2 does: "parameter p leaks to SINK with derefs=N:", the
; flow from the parameter (N derefs down it) to the sink, then the
; parameter's line. Without debug information the prefix is the function's
; name and the steps have no position. A form that no flow makes (a free)
; and a parameter that does not escape have no block; a caller's leak
; through a callee's summary is the call's two steps (the callee's tag
; loads what the argument points to and sends it to {heap}).

@sink = global ptr null

; CHECK:leak: parameter p leaks to {heap} with derefs=0:
; CHECK-NEXT:leak:   flow: {heap} = p:
; CHECK-NEXT:leak:     from store (assign)
; CHECK-NEXT:leak: leaking param: p
define void @leak(ptr %p) {
  store ptr %p, ptr @sink
  ret void
}

; CHECK-NEXT:content: parameter c leaks to {heap} with derefs=1:
; CHECK-NEXT:content:   flow: {heap} = *c:
; CHECK-NEXT:content:     from load (indirection)
; CHECK-NEXT:content:     from store (assign)
; CHECK-NEXT:content: leaking param content: c
define void @content(ptr %c) {
  %v = load ptr, ptr %c
  store ptr %v, ptr @sink
  ret void
}

; CHECK-NEXT:deep: parameter d leaks to {heap} with derefs=2:
; CHECK-NEXT:deep:   flow: {heap} = **d:
; CHECK-NEXT:deep:     from load (indirection)
; CHECK-NEXT:deep:     from store (assign)
; CHECK-NEXT:deep: leaking param content: d
define void @deep(ptr %d) {
  %v = load ptr, ptr %d
  %w = load ptr, ptr %v
  store ptr %w, ptr @sink
  ret void
}

; CHECK-NEXT:ret: parameter r leaks to ~r0 with derefs=0:
; CHECK-NEXT:ret:   flow: ~r0 = r:
; CHECK-NEXT:ret:     from return (return)
; CHECK-NEXT:ret: leaking param: r to result ~r0 level=0
define ptr @ret(ptr %r) {
  ret ptr %r
}

declare void @free(ptr)

; CHECK-NEXT:freed: leaking param: f
define void @freed(ptr %f) {
  call void @free(ptr %f)
  ret void
}

; CHECK-NEXT:none: n does not escape
define void @none(ptr %n) {
  store i32 1, ptr %n
  ret void
}

; A memcpy of what the parameter points to is no load: the first flow
; reads the stored pointers as they are, one deref down.
; CHECK-NEXT:copied: parameter s leaks to {heap} with derefs=1:
; CHECK-NEXT:copied:   flow: {heap} = *s:
; CHECK-NEXT:copied:     from call llvm.memcpy.p0.p0.i64 (copy)
; CHECK-NEXT:copied:     from call llvm.memcpy.p0.p0.i64 (assign)
; CHECK-NEXT:copied: leaking param content: s
define void @copied(ptr %s) {
  call void @llvm.memcpy.p0.p0.i64(ptr @sink, ptr %s, i64 8, i1 false)
  ret void
}
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)

; A copy's load and store at one statement are one step.
; CHECK-NEXT:twice: parameter s leaks to {heap} with derefs=1:
; CHECK-NEXT:twice:   flow: {heap} = *s:
; CHECK-NEXT:twice:     from call llvm.memcpy.p0.p0.i64 (copy)
; CHECK-NEXT:twice:     from call keep (stored in escaping memory)
; CHECK-NEXT:twice: leaking param content: s
declare void @keep(ptr)
define void @twice(ptr %s) {
  %l = alloca [2 x ptr]
  call void @llvm.memcpy.p0.p0.i64(ptr %l, ptr %s, i64 16, i1 false)
  call void @keep(ptr %l)
  ret void
}

; CHECK-NEXT:caller: parameter a leaks to {heap} with derefs=1:
; CHECK-NEXT:caller:   flow: {heap} = *a:
; CHECK-NEXT:caller:     from call content (indirection)
; CHECK-NEXT:caller:     from call content (call parameter)
; CHECK-NEXT:caller: leaking param content: a
; CHECK-EMPTY:
define void @caller(ptr %a) {
  call void @content(ptr %a)
  ret void
}

; M1: leak: leaking param: p
; M1: content: leaking param content: c
; M1: caller: leaking param content: a

; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape<inline-budget=0;no-freed-escapes>>' -disable-output %s 2>&1 | FileCheck %s
;
; Slots of a local (docs/design.md): a local that a typed struct copy
; writes keeps its bytes in pointer-sized slots, and the copy's bytes of a
; slot that every path overwrites whole before anything may read it are
; left out of the copy (a strong update). @kill copies the caller's
; struct { ptr states; ptr elems; i64 n } into a local, sets the local's
; elems to a fresh block or null on two branches, and frees the local's
; elems: only the fresh block can be freed, not the caller's elems, so
; @kill does not free what its parameter points to and the caller's
; block, held by its struct, is demoted (inline-budget=0: no callee is
; inlined; no-freed-escapes: the rule of blocks freed before the
; function returns stays out of it). Each negative keeps the copy's
; elems where the free reads it, and the caller's block on the heap,
; `freed by a callee not inlined`: the copy's elems read before the
; overwrite, overwritten on one branch only, overwritten by 4 bytes of 8,
; read at an offset known only at run time, the local's address handed to
; a call or stored where other code may read it before the overwrite, and
; an untyped copy (no slots).

%struct.ctx = type { ptr, ptr, i64 }

@g = global ptr null
@n = global i64 0

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @use(ptr)
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)

; CHECK-DAG: kill: c does not escape
define void @kill(ptr %c, i1 %some) noinline {
entry:
  %l = alloca %struct.ctx
  call void @llvm.memcpy.p0.p0.i64(ptr %l, ptr %c, i64 24, i1 false), !tbaa.struct !10
  %e = getelementptr inbounds i8, ptr %l, i64 8
  br i1 %some, label %fresh, label %empty
fresh:
  %m = call ptr @malloc(i64 32)
  store ptr %m, ptr %e, !tbaa !4
  br label %join
empty:
  store ptr null, ptr %e, !tbaa !4
  br label %join
join:
  %s = load ptr, ptr %l, !tbaa !4
  call void @peek(ptr %s)
  %p = load ptr, ptr %e, !tbaa !4
  call void @free(ptr %p)
  ret void
}

; reads what its parameter points to as a long and keeps that
define void @peek(ptr %q) noinline {
  %v = load i64, ptr %q, !tbaa !5
  store i64 %v, ptr @n, !tbaa !5
  ret void
}

; CHECK-DAG: read_first: leaking param content: c
define void @read_first(ptr %c, i1 %some) noinline {
entry:
  %l = alloca %struct.ctx
  call void @llvm.memcpy.p0.p0.i64(ptr %l, ptr %c, i64 24, i1 false), !tbaa.struct !10
  %e = getelementptr inbounds i8, ptr %l, i64 8
  %old = load ptr, ptr %e, !tbaa !4
  %none = icmp eq ptr %old, null
  %z = zext i1 %none to i64
  store i64 %z, ptr @n, !tbaa !5
  %m = call ptr @malloc(i64 32)
  store ptr %m, ptr %e, !tbaa !4
  %p = load ptr, ptr %e, !tbaa !4
  call void @free(ptr %p)
  ret void
}

; CHECK-DAG: one_branch: leaking param content: c
define void @one_branch(ptr %c, i1 %some) noinline {
entry:
  %l = alloca %struct.ctx
  call void @llvm.memcpy.p0.p0.i64(ptr %l, ptr %c, i64 24, i1 false), !tbaa.struct !10
  %e = getelementptr inbounds i8, ptr %l, i64 8
  br i1 %some, label %fresh, label %join
fresh:
  %m = call ptr @malloc(i64 32)
  store ptr %m, ptr %e, !tbaa !4
  br label %join
join:
  %p = load ptr, ptr %e, !tbaa !4
  call void @free(ptr %p)
  ret void
}

; CHECK-DAG: partial: leaking param content: c
define void @partial(ptr %c) noinline {
entry:
  %l = alloca %struct.ctx
  call void @llvm.memcpy.p0.p0.i64(ptr %l, ptr %c, i64 24, i1 false), !tbaa.struct !10
  %e = getelementptr inbounds i8, ptr %l, i64 8
  store i32 0, ptr %e
  %p = load ptr, ptr %e, !tbaa !4
  call void @free(ptr %p)
  ret void
}

; CHECK-DAG: runtime_offset: leaking param content: c
define void @runtime_offset(ptr %c, i64 %k) noinline {
entry:
  %l = alloca %struct.ctx
  call void @llvm.memcpy.p0.p0.i64(ptr %l, ptr %c, i64 24, i1 false), !tbaa.struct !10
  %any = getelementptr inbounds i8, ptr %l, i64 %k
  %x = load i64, ptr %any, !tbaa !5
  store i64 %x, ptr @n, !tbaa !5
  %e = getelementptr inbounds i8, ptr %l, i64 8
  store ptr null, ptr %e, !tbaa !4
  %p = load ptr, ptr %e, !tbaa !4
  call void @free(ptr %p)
  ret void
}

; CHECK-DAG: passed: leaking param content: c
define void @passed(ptr %c) noinline {
entry:
  %l = alloca %struct.ctx
  call void @llvm.memcpy.p0.p0.i64(ptr %l, ptr %c, i64 24, i1 false), !tbaa.struct !10
  call void @look(ptr %l)
  %e = getelementptr inbounds i8, ptr %l, i64 8
  store ptr null, ptr %e, !tbaa !4
  %p = load ptr, ptr %e, !tbaa !4
  call void @free(ptr %p)
  ret void
}

; reads its parameter's second member as a long and keeps it
define void @look(ptr %x) noinline {
  %e = getelementptr inbounds i8, ptr %x, i64 8
  %v = load i64, ptr %e, !tbaa !5
  store i64 %v, ptr @n, !tbaa !5
  ret void
}

; The local's address is stored where @use, called before the overwrite,
; may read the copy's elems and free it.
; CHECK-DAG: stored: leaking param content: c
define void @stored(ptr %c) noinline {
entry:
  %l = alloca %struct.ctx
  call void @llvm.memcpy.p0.p0.i64(ptr %l, ptr %c, i64 24, i1 false), !tbaa.struct !10
  store ptr %l, ptr @g, !tbaa !4
  call void @use(ptr null)
  store ptr null, ptr @g, !tbaa !4
  %e = getelementptr inbounds i8, ptr %l, i64 8
  store ptr null, ptr %e, !tbaa !4
  %p = load ptr, ptr %e, !tbaa !4
  call void @free(ptr %p)
  ret void
}

; CHECK-DAG: untyped: leaking param content: c
define void @untyped(ptr %c) noinline {
entry:
  %l = alloca %struct.ctx
  call void @llvm.memcpy.p0.p0.i64(ptr %l, ptr %c, i64 24, i1 false)
  %e = getelementptr inbounds i8, ptr %l, i64 8
  store ptr null, ptr %e, !tbaa !4
  %p = load ptr, ptr %e, !tbaa !4
  call void @free(ptr %p)
  ret void
}

; The callers: a block in the second member of a local struct, whose
; address goes to one of the functions above, then freed.
; CHECK-DAG: call_kill: malloc(16) does not escape
define void @call_kill(i1 %some) {
  %b = call ptr @malloc(i64 16)
  %x = alloca %struct.ctx
  %e = getelementptr inbounds i8, ptr %x, i64 8
  store ptr %b, ptr %e, !tbaa !4
  call void @kill(ptr %x, i1 %some)
  call void @free(ptr %b)
  ret void
}

; CHECK-DAG: call_one_branch: malloc(16) escapes to heap
define void @call_one_branch(i1 %some) {
  %b = call ptr @malloc(i64 16)
  %x = alloca %struct.ctx
  %e = getelementptr inbounds i8, ptr %x, i64 8
  store ptr %b, ptr %e, !tbaa !4
  call void @one_branch(ptr %x, i1 %some)
  call void @free(ptr %b)
  ret void
}

; CHECK-DAG: call_passed: malloc(16) escapes to heap
define void @call_passed() {
  %b = call ptr @malloc(i64 16)
  %x = alloca %struct.ctx
  %e = getelementptr inbounds i8, ptr %x, i64 8
  store ptr %b, ptr %e, !tbaa !4
  call void @passed(ptr %x)
  call void @free(ptr %b)
  ret void
}

!0 = !{!"Simple C/C++ TBAA"}
!1 = !{!"omnipotent char", !0, i64 0}
!2 = !{!"any pointer", !1, i64 0}
!3 = !{!"long", !1, i64 0}
!4 = !{!2, !2, i64 0}
!5 = !{!3, !3, i64 0}
; { ptr, ptr, long }
!10 = !{i64 0, i64 8, !4, i64 8, i64 8, !4, i64 16, i64 8, !5}

; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape<no-freed-escapes>>' -disable-output %s 2>&1 | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<no-freed-escapes>' -S %s | FileCheck %s --check-prefix=IR
;
; Typed struct copies (docs/design.md): a memcpy or memmove whose
; !tbaa.struct gives every byte it copies a pointer or an arithmetic type
; is those typed accesses. @read_n reads a struct's long at offset 8 and
; keeps it: what an arithmetic read of its parameter's bytes finds leaks
; (raw level 1), not the pointers stored there. A typed copy of *p into a
; local passed to @read_n puts only what *p's arithmetic bytes carry where
; @read_n reads, so p's content does not leak and the caller's block,
; held by its struct's pointer member, is demoted (no-freed-escapes: the
; block is freed before the caller returns, and this test is about the
; flow, not that rule). Each negative is an untyped copy, which puts the
; pointers too where @read_n reads: a character-typed field, a hole between
; fields, fields that end before the copy does, no !tbaa.struct, a length
; known only at run time; and a typed copy whose pointer member is then
; read and kept.

%struct.s = type { ptr, i64, i64 }

@g = global i64 0
@gp = global ptr null

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memmove.p0.p0.i64(ptr, ptr, i64, i1)

; CHECK-DAG: read_n: v does not escape
define void @read_n(ptr %v) noinline {
  %a = getelementptr inbounds i8, ptr %v, i64 8
  %n = load i64, ptr %a, !tbaa !5
  store i64 %n, ptr @g, !tbaa !5
  ret void
}

; CHECK-DAG: read_p: leaking param content: v
define void @read_p(ptr %v) noinline {
  %q = load ptr, ptr %v, !tbaa !4
  store ptr %q, ptr @gp, !tbaa !4
  ret void
}

; CHECK-DAG: copy_typed: p does not escape
define void @copy_typed(ptr %p) noinline {
  %l = alloca %struct.s
  call void @llvm.memcpy.p0.p0.i64(ptr %l, ptr %p, i64 24, i1 false), !tbaa.struct !10
  call void @read_n(ptr %l)
  ret void
}

; CHECK-DAG: move_typed: p does not escape
define void @move_typed(ptr %p) noinline {
  %l = alloca %struct.s
  call void @llvm.memmove.p0.p0.i64(ptr %l, ptr %p, i64 24, i1 false), !tbaa.struct !10
  call void @read_n(ptr %l)
  ret void
}

; CHECK-DAG: copy_char: leaking param content: p
define void @copy_char(ptr %p) noinline {
  %l = alloca %struct.s
  call void @llvm.memcpy.p0.p0.i64(ptr %l, ptr %p, i64 24, i1 false), !tbaa.struct !11
  call void @read_n(ptr %l)
  ret void
}

; CHECK-DAG: copy_hole: leaking param content: p
define void @copy_hole(ptr %p) noinline {
  %l = alloca %struct.s
  call void @llvm.memcpy.p0.p0.i64(ptr %l, ptr %p, i64 24, i1 false), !tbaa.struct !12
  call void @read_n(ptr %l)
  ret void
}

; CHECK-DAG: copy_short: leaking param content: p
define void @copy_short(ptr %p) noinline {
  %l = alloca %struct.s
  call void @llvm.memcpy.p0.p0.i64(ptr %l, ptr %p, i64 24, i1 false), !tbaa.struct !13
  call void @read_n(ptr %l)
  ret void
}

; CHECK-DAG: copy_untagged: leaking param content: p
define void @copy_untagged(ptr %p) noinline {
  %l = alloca %struct.s
  call void @llvm.memcpy.p0.p0.i64(ptr %l, ptr %p, i64 24, i1 false)
  call void @read_n(ptr %l)
  ret void
}

; CHECK-DAG: copy_runtime: leaking param content: p
define void @copy_runtime(ptr %p, i64 %n) noinline {
  %l = alloca %struct.s
  call void @llvm.memcpy.p0.p0.i64(ptr %l, ptr %p, i64 %n, i1 false), !tbaa.struct !10
  call void @read_n(ptr %l)
  ret void
}

; CHECK-DAG: copy_ptr: leaking param content: p
define void @copy_ptr(ptr %p) noinline {
  %l = alloca %struct.s
  call void @llvm.memcpy.p0.p0.i64(ptr %l, ptr %p, i64 24, i1 false), !tbaa.struct !10
  call void @read_p(ptr %l)
  ret void
}

; The callers: a block held by the pointer member of a local struct whose
; address goes to one of the copies above.
; CHECK-DAG: caller_typed: malloc(16) does not escape
; IR-LABEL: define void @caller_typed(
; IR-NOT: call {{.*}}@malloc
; IR: ret void
define void @caller_typed() {
  %b = call ptr @malloc(i64 16)
  %x = alloca %struct.s
  store ptr %b, ptr %x, !tbaa !4
  call void @copy_typed(ptr %x)
  call void @free(ptr %b)
  ret void
}

; CHECK-DAG: caller_move: malloc(16) does not escape
define void @caller_move() {
  %b = call ptr @malloc(i64 16)
  %x = alloca %struct.s
  store ptr %b, ptr %x, !tbaa !4
  call void @move_typed(ptr %x)
  call void @free(ptr %b)
  ret void
}

; CHECK-DAG: caller_char: malloc(16) escapes to heap
; IR-LABEL: define void @caller_char(
; IR: call {{.*}}@malloc(i64 16)
define void @caller_char() {
  %b = call ptr @malloc(i64 16)
  %x = alloca %struct.s
  store ptr %b, ptr %x, !tbaa !4
  call void @copy_char(ptr %x)
  call void @free(ptr %b)
  ret void
}

; CHECK-DAG: caller_hole: malloc(16) escapes to heap
define void @caller_hole() {
  %b = call ptr @malloc(i64 16)
  %x = alloca %struct.s
  store ptr %b, ptr %x, !tbaa !4
  call void @copy_hole(ptr %x)
  call void @free(ptr %b)
  ret void
}

; CHECK-DAG: caller_ptr: malloc(16) escapes to heap
define void @caller_ptr() {
  %b = call ptr @malloc(i64 16)
  %x = alloca %struct.s
  store ptr %b, ptr %x, !tbaa !4
  call void @copy_ptr(ptr %x)
  call void @free(ptr %b)
  ret void
}

!0 = !{!"Simple C/C++ TBAA"}
!1 = !{!"omnipotent char", !0, i64 0}
!2 = !{!"any pointer", !1, i64 0}
!3 = !{!"long", !1, i64 0}
!4 = !{!2, !2, i64 0}
!5 = !{!3, !3, i64 0}
!6 = !{!1, !1, i64 0}
; { ptr, long, long }, every byte typed
!10 = !{i64 0, i64 8, !4, i64 8, i64 8, !5, i64 16, i64 8, !5}
; the first long as char (a union or an array member, as clang writes them)
!11 = !{i64 0, i64 8, !4, i64 8, i64 8, !6, i64 16, i64 8, !5}
; nothing said of bytes 8 to 16
!12 = !{i64 0, i64 8, !4, i64 16, i64 8, !5}
; nothing said of bytes 16 to 24
!13 = !{i64 0, i64 8, !4, i64 8, i64 8, !5}

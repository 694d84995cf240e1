; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<no-freed-escapes>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s
;
; Typed loads (docs/design.md): a load whose type tag (!tbaa) is a C
; arithmetic type cannot read bytes a store tagged with a pointer type
; wrote, and a load tagged with a pointer type cannot read what a store
; tagged with an arithmetic type wrote; LLVM's own type-based alias
; analysis says the two do not alias. Every other pair may: an untagged
; access, a character-typed one (unions, byte copies), memcpy, a tag of a
; type not known here.
;
; Each function allocates an inner block, stores it into a local
; container and copies something out of the container to a global. The
; inner block is kept when what is copied out may be its bytes, demoted
; when the tags say it cannot be. no-freed-escapes keeps the rule of
; blocks freed before their function returns out of the way.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)

@gl = global i64 0
@gp = global ptr null

; A struct { long n; char *p; }: p stored as a pointer, n read as a long.
; CHECK-DAG: remark: {{.*}}: malloc(8) does not escape
define void @long_field() {
  %box = alloca { i64, ptr }, align 8
  %inner = call ptr @malloc(i64 8)
  %f = getelementptr inbounds i8, ptr %box, i64 8
  store ptr %inner, ptr %f, align 8, !tbaa !10
  store i64 3, ptr %box, align 8, !tbaa !12
  %n = load i64, ptr %box, align 8, !tbaa !12
  store i64 %n, ptr @gl, align 8, !tbaa !14
  call void @free(ptr %inner)
  ret void
}

; The same with clang 22's pointer tags: "p1 int" is below "any pointer".
; CHECK-DAG: remark: {{.*}}: malloc(4) does not escape
define void @p1_tag() {
  %box = alloca { i64, ptr }, align 8
  %inner = call ptr @malloc(i64 4)
  %f = getelementptr inbounds i8, ptr %box, i64 8
  store ptr %inner, ptr %f, align 8, !tbaa !20
  %n = load i64, ptr %box, align 8, !tbaa !12
  store i64 %n, ptr @gl, align 8, !tbaa !14
  call void @free(ptr %inner)
  ret void
}

; An old scalar tag (its own type node): "long" still below char.
; CHECK-DAG: remark: {{.*}}: malloc(12) does not escape
define void @scalar_tag() {
  %box = alloca { i64, ptr }, align 8
  %inner = call ptr @malloc(i64 12)
  %f = getelementptr inbounds i8, ptr %box, i64 8
  store ptr %inner, ptr %f, align 8, !tbaa !10
  %n = load i64, ptr %box, align 8, !tbaa !4
  store i64 %n, ptr @gl, align 8
  call void @free(ptr %inner)
  ret void
}

; A pointer-typed load does not read what a long-typed store wrote: the
; address as a long in field n, the pointer field copied out.
; CHECK-DAG: remark: {{.*}}: malloc(16) does not escape
define void @pointer_load() {
  %box = alloca { i64, ptr }, align 8
  %inner = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %inner to i64
  store i64 %i, ptr %box, align 8, !tbaa !12
  %f = getelementptr inbounds i8, ptr %box, i64 8
  store ptr null, ptr %f, align 8, !tbaa !10
  %q = load ptr, ptr %f, align 8, !tbaa !10
  store ptr %q, ptr @gp, align 8, !tbaa !10
  call void @free(ptr %inner)
  ret void
}

; Kept: the load has no tag.
; CHECK-DAG: remark: {{.*}}: malloc(20) escapes to heap
define void @untagged_load() {
  %box = alloca { i64, ptr }, align 8
  %inner = call ptr @malloc(i64 20)
  %f = getelementptr inbounds i8, ptr %box, i64 8
  store ptr %inner, ptr %f, align 8, !tbaa !10
  %n = load i64, ptr %box, align 8
  store i64 %n, ptr @gl, align 8
  call void @free(ptr %inner)
  ret void
}

; Kept: the store of the pointer has no tag (a copy InstCombine made of a
; memcpy, say).
; CHECK-DAG: remark: {{.*}}: malloc(24) escapes to heap
define void @untagged_store() {
  %box = alloca { i64, ptr }, align 8
  %inner = call ptr @malloc(i64 24)
  %f = getelementptr inbounds i8, ptr %box, i64 8
  store ptr %inner, ptr %f, align 8
  %n = load i64, ptr %box, align 8, !tbaa !12
  store i64 %n, ptr @gl, align 8
  call void @free(ptr %inner)
  ret void
}

; Kept: the pointer's bytes memcpy'd into a long array, read as a long
; (legal C: the array's declared type is long).
; CHECK-DAG: remark: {{.*}}: malloc(28) escapes to heap
define void @memcpy_into_long() {
  %slot = alloca ptr, align 8
  %arr = alloca [1 x i64], align 8
  %inner = call ptr @malloc(i64 28)
  store ptr %inner, ptr %slot, align 8, !tbaa !10
  call void @llvm.memcpy.p0.p0.i64(ptr %arr, ptr %slot, i64 8, i1 false)
  %n = load i64, ptr %arr, align 8, !tbaa !12
  store i64 %n, ptr @gl, align 8, !tbaa !14
  call void @free(ptr %inner)
  ret void
}

; Kept: a character-typed load (a union member, a byte copy) reads
; anything.
; CHECK-DAG: remark: {{.*}}: malloc(32) escapes to heap
define void @char_load() {
  %box = alloca { i64, ptr }, align 8
  %inner = call ptr @malloc(i64 32)
  store ptr %inner, ptr %box, align 8, !tbaa !10
  %n = load i64, ptr %box, align 8, !tbaa !16
  store i64 %n, ptr @gl, align 8
  call void @free(ptr %inner)
  ret void
}

; Kept: a type this analysis does not know (an enum of C++, a struct
; access type) may be anything.
; CHECK-DAG: remark: {{.*}}: malloc(36) escapes to heap
define void @unknown_type() {
  %box = alloca { i64, ptr }, align 8
  %inner = call ptr @malloc(i64 36)
  store ptr %inner, ptr %box, align 8, !tbaa !10
  %n = load i64, ptr %box, align 8, !tbaa !18
  store i64 %n, ptr @gl, align 8
  call void @free(ptr %inner)
  ret void
}

; Kept: the long was stored by a long-typed store carrying the address,
; and the long-typed load reads it.
; CHECK-DAG: remark: {{.*}}: malloc(40) escapes to heap
define void @long_roundtrip() {
  %box = alloca { i64, ptr }, align 8
  %inner = call ptr @malloc(i64 40)
  %i = ptrtoint ptr %inner to i64
  store i64 %i, ptr %box, align 8, !tbaa !12
  %n = load i64, ptr %box, align 8, !tbaa !12
  store i64 %n, ptr @gl, align 8, !tbaa !14
  call void @free(ptr %inner)
  ret void
}

; Parameters: read_long reads its pointee's first field as a long and
; stores it to a global. Its summary leaks the pointee's raw bytes only:
; a caller whose pointer went in through a pointer-typed store keeps its
; block off that flow; one that copied the pointer's bytes in untagged
; does not.
define void @read_long(ptr %s) noinline {
  %n = load i64, ptr %s, align 8, !tbaa !12
  store i64 %n, ptr @gl, align 8, !tbaa !14
  ret void
}

; CHECK-DAG: remark: {{.*}}: malloc(44) does not escape
define void @call_typed() {
  %box = alloca { ptr, ptr }, align 8
  %inner = call ptr @malloc(i64 44)
  store ptr %inner, ptr %box, align 8, !tbaa !10
  call void @read_long(ptr %box)
  call void @free(ptr %inner)
  ret void
}

; CHECK-DAG: remark: {{.*}}: malloc(48) escapes to heap
define void @call_untyped() {
  %box = alloca { ptr, ptr }, align 8
  %inner = call ptr @malloc(i64 48)
  store ptr %inner, ptr %box, align 8
  call void @read_long(ptr %box)
  call void @free(ptr %inner)
  ret void
}

; Two levels down: read_long2 reads (*s)->n as a long. The caller's
; container holds a pointer to a second container holding the block.
define void @read_long2(ptr %s) noinline {
  %t = load ptr, ptr %s, align 8, !tbaa !10
  %n = load i64, ptr %t, align 8, !tbaa !12
  store i64 %n, ptr @gl, align 8, !tbaa !14
  ret void
}

; CHECK-DAG: remark: {{.*}}: malloc(52) does not escape
define void @call_typed2() {
  %outer = alloca ptr, align 8
  %box = alloca { ptr, ptr }, align 8
  %inner = call ptr @malloc(i64 52)
  store ptr %inner, ptr %box, align 8, !tbaa !10
  store ptr %box, ptr %outer, align 8, !tbaa !10
  call void @read_long2(ptr %outer)
  call void @free(ptr %inner)
  ret void
}

; CHECK-DAG: remark: {{.*}}: malloc(56) escapes to heap
define void @call_untyped2() {
  %outer = alloca ptr, align 8
  %box = alloca { ptr, ptr }, align 8
  %inner = call ptr @malloc(i64 56)
  store ptr %inner, ptr %box, align 8, !tbaa !16
  store ptr %box, ptr %outer, align 8, !tbaa !10
  call void @read_long2(ptr %outer)
  call void @free(ptr %inner)
  ret void
}

; A callee's store into its caller's memory is replayed in the caller
; with the callee's tag: set_typed stores the pointer pointer-typed, so
; read_long, which reads the box as a long, cannot read it; set_untyped's
; untagged store can be read so.
define void @set_typed(ptr %s, ptr %v) noinline {
  store ptr %v, ptr %s, align 8, !tbaa !10
  ret void
}

define void @set_untyped(ptr %s, ptr %v) noinline {
  store ptr %v, ptr %s, align 8
  ret void
}

; CHECK-DAG: remark: {{.*}}: malloc(60) does not escape
define void @replay_typed() {
  %box = alloca { ptr, ptr }, align 8
  %inner = call ptr @malloc(i64 60)
  call void @set_typed(ptr %box, ptr %inner)
  call void @read_long(ptr %box)
  call void @free(ptr %inner)
  ret void
}

; CHECK-DAG: remark: {{.*}}: malloc(64) escapes to heap
define void @replay_untyped() {
  %box = alloca { ptr, ptr }, align 8
  %inner = call ptr @malloc(i64 64)
  call void @set_untyped(ptr %box, ptr %inner)
  call void @read_long(ptr %box)
  call void @free(ptr %inner)
  ret void
}

; A callee that stores back what it read as a long (s->n++ through a
; helper) stores only what an arithmetic load of the argument reads;
; one that copies the pointer field into the long field untagged stores
; the pointer where a long-typed read finds it.
define void @bump_long(ptr %s) noinline {
  %n = load i64, ptr %s, align 8, !tbaa !12
  %m = add i64 %n, 1
  %q = getelementptr inbounds i8, ptr %s, i64 16
  store i64 %m, ptr %q, align 8, !tbaa !12
  ret void
}

define void @copy_untagged(ptr %s) noinline {
  %f = getelementptr inbounds i8, ptr %s, i64 8
  %p = load ptr, ptr %f, align 8, !tbaa !10
  store ptr %p, ptr %s, align 8
  ret void
}

; CHECK-DAG: remark: {{.*}}: malloc(68) does not escape
define void @replay_raw() {
  %box = alloca { i64, ptr, i64 }, align 8
  %inner = call ptr @malloc(i64 68)
  %f = getelementptr inbounds i8, ptr %box, i64 8
  store ptr %inner, ptr %f, align 8, !tbaa !10
  call void @bump_long(ptr %box)
  call void @read_long(ptr %box)
  call void @free(ptr %inner)
  ret void
}

; CHECK-DAG: remark: {{.*}}: malloc(72) escapes to heap
define void @replay_copied() {
  %box = alloca { i64, ptr, i64 }, align 8
  %inner = call ptr @malloc(i64 72)
  %f = getelementptr inbounds i8, ptr %box, i64 8
  store ptr %inner, ptr %f, align 8, !tbaa !10
  call void @copy_untagged(ptr %box)
  call void @read_long(ptr %box)
  call void @free(ptr %inner)
  ret void
}

; Sizes given to realloc and bounds given to strndup are kept nowhere (as
; malloc's size): a callee that sizes a block by what it read as a long
; leaks nothing of it, even where the caller's untagged store put a
; pointer's bytes there.
declare ptr @realloc(ptr, i64)
declare ptr @strndup(ptr, i64)
@text = constant [4 x i8] c"abc\00"

define void @size_by_long(ptr %s) noinline {
  %n = load i64, ptr %s, align 8, !tbaa !12
  %q = call ptr @realloc(ptr null, i64 %n)
  store ptr %q, ptr @gp, align 8, !tbaa !10
  %d = call ptr @strndup(ptr @text, i64 %n)
  store ptr %d, ptr @gp, align 8, !tbaa !10
  ret void
}

; CHECK-DAG: remark: {{.*}}: malloc(80) does not escape
define void @sized_by_callee() {
  %box = alloca { ptr, ptr }, align 8
  %inner = call ptr @malloc(i64 80)
  store ptr %inner, ptr %box, align 8
  call void @size_by_long(ptr %box)
  call void @free(ptr %inner)
  ret void
}

; Kept: the same long handed to a function nothing is known of, which may
; keep it (only allocators' sizes are exempt).
declare void @take_long(i64)

define void @long_to_unknown(ptr %s) noinline {
  %n = load i64, ptr %s, align 8, !tbaa !12
  call void @take_long(i64 %n)
  ret void
}

; CHECK-DAG: remark: {{.*}}: malloc(84) escapes to heap
define void @long_leaves() {
  %box = alloca { ptr, ptr }, align 8
  %inner = call ptr @malloc(i64 84)
  store ptr %inner, ptr %box, align 8
  call void @long_to_unknown(ptr %box)
  call void @free(ptr %inner)
  ret void
}

!0 = !{!"Simple C/C++ TBAA"}
!1 = !{!"omnipotent char", !0, i64 0}
!2 = !{!"any pointer", !1, i64 0}
!3 = !{!"long", !1, i64 0}
!4 = !{!"long", !1}
!5 = !{!"pair", !3, i64 0, !2, i64 8}
!6 = !{!"p1 int", !2, i64 0}
!7 = !{!"_ZTS4Kind", !1, i64 0}
!10 = !{!2, !2, i64 0}
!12 = !{!5, !3, i64 0}
!14 = !{!3, !3, i64 0}
!16 = !{!1, !1, i64 0}
!18 = !{!7, !7, i64 0}
!20 = !{!6, !6, i64 0}

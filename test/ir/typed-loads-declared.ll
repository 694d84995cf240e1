; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<no-freed-escapes>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s --check-prefixes=CHECK,C
; RUN: sed 's/DW_LANG_C11/DW_LANG_C_plus_plus_14/' %s | %opt -load-pass-plugin=%plugin -passes='heap2stack<no-freed-escapes>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output 2>&1 | FileCheck %s --check-prefixes=CHECK,OFF
; RUN: sed 's/^!llvm.dbg.cu = .*//' %s | %opt -load-pass-plugin=%plugin -passes='heap2stack<no-freed-escapes>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output 2>&1 | FileCheck %s --check-prefixes=CHECK,OFF
;
; Typed loads, declared members (docs/design.md): an access without a
; type tag (LICM's write-back of a promoted field, a byte copy) whose
; address is a local of a named struct type plus a constant offset is
; classed by the member it lies in. The bytes of a declared object keep
; its declared type whatever wrote them (C11 6.5p6): a pointer member's
; bytes are never read as a long, an arithmetic member's never as a
; pointer. Only in a module whose compile units are all C (C++ may reuse a
; local's storage for an object of another type): with a C++ unit (OFF,
; second RUN) or no debug info (OFF, third RUN), every such access reads
; and writes everything, as before.
;
; Each function allocates a block, stores it into a local struct
; set { long alloc; long nelem; long *elems; } with an untagged store,
; copies something out of the struct to a global and frees the block.
; The block is kept when what is copied out may be its bytes.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

%struct.set = type { i64, i64, ptr }
%union.u = type { ptr }
%struct.outer = type { i32, [2 x %struct.set] }

@gl = global i64 0

; The untagged store of the block into elems (offset 16), nelem (offset
; 8) read as a long: nelem's bytes never hold elems'.
; C:   remark: {{.*}}: malloc(16) does not escape
; OFF: remark: {{.*}}: malloc(16) escapes to heap
define void @write_back(i64 %n) {
  %s = alloca %struct.set, align 8
  %p = call ptr @malloc(i64 16)
  %elems = getelementptr inbounds i8, ptr %s, i64 16
  store ptr %p, ptr %elems, align 8
  %nelem = getelementptr inbounds i8, ptr %s, i64 8
  store i64 %n, ptr %nelem, align 8
  %m = load i64, ptr %nelem, align 8, !tbaa !12
  store i64 %m, ptr @gl, align 8, !tbaa !14
  %q = load ptr, ptr %elems, align 8, !tbaa !13
  call void @free(ptr %q)
  ret void
}

; nelem read by an untagged load (LICM's load in the preheader): an
; arithmetic member, read as if tagged long.
; C:   remark: {{.*}}: malloc(24) does not escape
; OFF: remark: {{.*}}: malloc(24) escapes to heap
define void @untagged_read(i64 %n) {
  %s = alloca %struct.set, align 8
  %p = call ptr @malloc(i64 24)
  %elems = getelementptr inbounds %struct.set, ptr %s, i64 0, i32 2
  store ptr %p, ptr %elems, align 8
  %nelem = getelementptr inbounds %struct.set, ptr %s, i64 0, i32 1
  %m = load i64, ptr %nelem, align 8
  store i64 %m, ptr @gl, align 8, !tbaa !14
  call void @free(ptr %p)
  ret void
}

; The set inside an array inside another struct: the member is reached
; through struct members and array elements.
; C:   remark: {{.*}}: malloc(32) does not escape
; OFF: remark: {{.*}}: malloc(32) escapes to heap
define void @nested() {
  %o = alloca %struct.outer, align 8
  %p = call ptr @malloc(i64 32)
  ; outer: i32 at 0, the sets at 8 and 32; the second one's elems at 48
  %elems = getelementptr inbounds %struct.outer, ptr %o, i64 0, i32 1, i64 1, i32 2
  store ptr %p, ptr %elems, align 8
  %nelem = getelementptr inbounds i8, ptr %o, i64 40
  %m = load i64, ptr %nelem, align 8, !tbaa !12
  store i64 %m, ptr @gl, align 8, !tbaa !14
  call void @free(ptr %p)
  ret void
}

; Kept: the bytes of elems itself read by an untagged integer load carry
; the block (a pointer member read as a pointer).
; CHECK: remark: {{.*}}: malloc(40) escapes to heap
define void @pointer_member_read() {
  %s = alloca %struct.set, align 8
  %p = call ptr @malloc(i64 40)
  %elems = getelementptr inbounds i8, ptr %s, i64 16
  store ptr %p, ptr %elems, align 8
  %m = load i64, ptr %elems, align 8
  store i64 %m, ptr @gl, align 8, !tbaa !14
  call void @free(ptr %p)
  ret void
}

; Kept: a union's member is no declared pointer member.
; CHECK: remark: {{.*}}: malloc(48) escapes to heap
define void @union_member() {
  %u = alloca %union.u, align 8
  %p = call ptr @malloc(i64 48)
  store ptr %p, ptr %u, align 8
  %m = load i64, ptr %u, align 8, !tbaa !14
  store i64 %m, ptr @gl, align 8, !tbaa !14
  call void @free(ptr %p)
  ret void
}

; Kept: an offset known only at run time says nothing of the member.
; CHECK: remark: {{.*}}: malloc(56) escapes to heap
define void @runtime_offset(i64 %i) {
  %a = alloca [2 x %struct.set], align 8
  %p = call ptr @malloc(i64 56)
  %elems = getelementptr inbounds [2 x %struct.set], ptr %a, i64 0, i64 %i, i32 2
  store ptr %p, ptr %elems, align 8
  %nelem = getelementptr inbounds i8, ptr %a, i64 8
  %m = load i64, ptr %nelem, align 8, !tbaa !12
  store i64 %m, ptr @gl, align 8, !tbaa !14
  call void @free(ptr %p)
  ret void
}

; Kept: a 16-byte copy of nelem and elems from one set to another (LLVM
; merges such copies) lies in no one member: it reads and writes all the
; bytes, so the long read of the copy's nelem may carry the block.
; CHECK: remark: {{.*}}: malloc(64) escapes to heap
define void @spanning_copy() {
  %t = alloca %struct.set, align 8
  %s = alloca %struct.set, align 8
  %p = call ptr @malloc(i64 64)
  %telems = getelementptr inbounds i8, ptr %t, i64 16
  store ptr %p, ptr %telems, align 8, !tbaa !13
  %tnelem = getelementptr inbounds i8, ptr %t, i64 8
  %w = load i128, ptr %tnelem, align 8
  %snelem = getelementptr inbounds i8, ptr %s, i64 8
  store i128 %w, ptr %snelem, align 8
  %m = load i64, ptr %snelem, align 8, !tbaa !12
  store i64 %m, ptr @gl, align 8, !tbaa !14
  call void @free(ptr %p)
  ret void
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "clang", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "t.c", directory: "/")
!2 = !{i32 2, !"Debug Info Version", i32 3}

!10 = !{!"Simple C/C++ TBAA"}
!11 = !{!"omnipotent char", !10, i64 0}
!15 = !{!"any pointer", !11, i64 0}
!16 = !{!"long", !11, i64 0}
!12 = !{!16, !16, i64 0}
!13 = !{!15, !15, i64 0}
!14 = !{!16, !16, i64 0}

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; The phi that joins a guard's two arms goes at the top of the block after
; the allocation, before the debug records attached to its first
; instruction: a phi that carries records is rejected by the verifier
; ("PHI Node must not have any attached DbgRecords"; m4 built with -g and
; LTO aborted so at the link of src/m4).
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

; CHECK-LABEL: define void @malloc_n(
; CHECK: phi ptr
; CHECK-NEXT: #dbg_value(ptr
; CHECK: call void @use(
define void @malloc_n(i64 %n) !dbg !5 {
  %p = call ptr @malloc(i64 %n), !dbg !8
    #dbg_value(ptr %p, !9, !DIExpression(), !8)
  call void @use(ptr %p), !dbg !8
  call void @free(ptr %p), !dbg !8
  ret void, !dbg !8
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "clang", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "guard.c", directory: "/tmp")
!2 = !{i32 7, !"Dwarf Version", i32 5}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !DISubroutineType(types: !{null})
!5 = distinct !DISubprogram(name: "malloc_n", scope: !1, file: !1, line: 1, type: !4, scopeLine: 1, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0, retainedNodes: !{})
!8 = !DILocation(line: 2, column: 3, scope: !5)
!9 = !DILocalVariable(name: "p", scope: !5, file: !1, line: 2, type: !10)
!10 = !DIBasicType(name: "char*", size: 64, encoding: DW_ATE_address)

; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack-snapshot,inferattrs,instcombine,heap2stack' -pass-remarks-output=%t.yaml -S %s -o %t.out.ll
; RUN: FileCheck %s < %t.yaml
; RUN: FileCheck --check-prefix=IR %s < %t.out.ll
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack-snapshot,inferattrs,instcombine,heap2stack' -pass-remarks=heap2stack -disable-output %s 2>&1 | FileCheck --check-prefix=NOREC --allow-empty %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack-snapshot' -pass-remarks-output=%t.snap.yaml -S %s | FileCheck --check-prefix=SNAP %s
;
; The snapshot (heap2stack-snapshot, which clang's pipelines run at their
; start when the remarks have a reader) records the allocation calls; an
; allocation LLVM deletes before heap2stack runs (here inferattrs and
; instcombine: a
; malloc whose block is only freed) is reported as a Passed
; remark "Deleted" where it was written, in the function it was written
; in. One still there is not (`kept`), nor one of two written at one
; position when one call of that allocator is left there (`half`: which
; one is told by the text). The snapshot is gone from the output. Without
; a reader of the records (-pass-remarks alone) no snapshot is taken.

target triple = "x86_64-pc-linux-gnu"

@g = global ptr null

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @gone() !dbg !10 {
  %p = call ptr @malloc(i64 16), !dbg !11
  call void @free(ptr %p), !dbg !11
  ret void
}

define void @kept() !dbg !20 {
  %p = call ptr @malloc(i64 8), !dbg !21
  store ptr %p, ptr @g, !dbg !21
  ret void
}

define void @half() !dbg !30 {
  %a = call ptr @malloc(i64 9), !dbg !31
  store ptr %a, ptr @g, !dbg !31
  %b = call ptr @malloc(i64 10), !dbg !31
  call void @free(ptr %b), !dbg !31
  ret void
}

; CHECK:      --- !Passed
; CHECK-NEXT: Pass: heap2stack
; CHECK-NEXT: Name: Deleted
; CHECK-NEXT: DebugLoc: { File: d.c, Line: 3, Column: 7 }
; CHECK-NEXT: Function: gone
; CHECK-NEXT: Args:
; CHECK-NEXT:   - Expr: 'malloc(16)'
; CHECK-NEXT:   - String: ' does not escape: '
; CHECK-NEXT:   - Detail: 'no allocation left: LLVM''s optimisations deleted it before heap2stack ran'
; CHECK-NEXT:   - String: ' (allocator '
; CHECK-NEXT:   - Allocator: malloc
; CHECK-NEXT:   - String: ', size '
; CHECK-NEXT:   - Size: '16'
; CHECK-NEXT:   - String: ', reason '
; CHECK-NEXT:   - Reason: deleted
; CHECK-NEXT:   - String: ')'
; CHECK-NEXT: ...
; CHECK:      Name: Deleted
; CHECK-NEXT: DebugLoc: { File: d.c, Line: 9, Column: 2 }
; CHECK-NEXT: Function: half
; CHECK-NEXT: Args:
; CHECK-NEXT:   - Expr: 'malloc(10)'
; CHECK-NOT:  Name: Deleted

; IR-NOT: heap2stack.sites
; NOREC-NOT: Deleted
; NOREC-NOT: does not escape: no allocation left
; SNAP: !heap2stack.sites = !{![[A:[0-9]+]], ![[B:[0-9]+]], ![[C:[0-9]+]], ![[D:[0-9]+]]}
; SNAP-DAG: !{!"gone", !"malloc(16)", !"malloc", !{{[0-9]+}}, !"16"}
; SNAP-DAG: !{!"kept", !"malloc(8)", !"malloc", !{{[0-9]+}}, !"8"}
; SNAP-DAG: !{!"half", !"malloc(9)", !"malloc", !{{[0-9]+}}, !"9"}
; SNAP-DAG: !{!"half", !"malloc(10)", !"malloc", !{{[0-9]+}}, !"10"}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, emissionKind: FullDebug)
!1 = !DIFile(filename: "d.c", directory: "/tmp")
!2 = !{i32 2, !"Debug Info Version", i32 3}
!5 = !DISubroutineType(types: !{})
!10 = distinct !DISubprogram(name: "gone", scope: !1, file: !1, line: 1, type: !5, unit: !0, spFlags: DISPFlagDefinition)
!11 = !DILocation(line: 3, column: 7, scope: !10)
!20 = distinct !DISubprogram(name: "kept", scope: !1, file: !1, line: 5, type: !5, unit: !0, spFlags: DISPFlagDefinition)
!21 = !DILocation(line: 6, column: 7, scope: !20)
!30 = distinct !DISubprogram(name: "half", scope: !1, file: !1, line: 8, type: !5, unit: !0, spFlags: DISPFlagDefinition)
!31 = !DILocation(line: 9, column: 2, scope: !30)

; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape<verbose>>' -disable-output %s 2>&1 | FileCheck %s --match-full-lines
;
; With debug information each step of the explanation block says where it
; happens; every line of the block carries the position of the site.

@g = global ptr null

declare noalias ptr @malloc(i64)

define ptr @returned() !dbg !10 {
  %p = call ptr @malloc(i64 8), !dbg !11
  ret ptr %p, !dbg !12
}

define void @global() !dbg !20 {
  %p = call ptr @malloc(i64 16), !dbg !21
  store ptr %p, ptr @g, !dbg !22
  ret void, !dbg !23
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "hand-written", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "t.c", directory: "/src")
!3 = !{i32 7, !"Dwarf Version", i32 5}
!4 = !{i32 2, !"Debug Info Version", i32 3}
!5 = !DISubroutineType(types: !6)
!6 = !{null}

!10 = distinct !DISubprogram(name: "returned", scope: !1, file: !1, line: 5, type: !5, scopeLine: 5, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!11 = !DILocation(line: 6, column: 10, scope: !10)
!12 = !DILocation(line: 6, column: 3, scope: !10)

!20 = distinct !DISubprogram(name: "global", scope: !1, file: !1, line: 9, type: !5, scopeLine: 9, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!21 = !DILocation(line: 10, column: 7, scope: !20)
!22 = !DILocation(line: 10, column: 5, scope: !20)
!23 = !DILocation(line: 11, column: 1, scope: !20)

; CHECK:      t.c:6:10: malloc(8) escapes to heap:
; CHECK-NEXT: t.c:6:10:   flow: ~r0 = &{storage for malloc(8)}:
; CHECK-NEXT: t.c:6:10:     from malloc(8) (spill) at t.c:6:10
; CHECK-NEXT: t.c:6:10:     from {{.*}}(return) at t.c:6:3
; CHECK-NEXT: t.c:6:10: malloc(8) escapes to heap
; CHECK-NEXT: t.c:10:7: malloc(16) escapes to heap:
; CHECK-NEXT: t.c:10:7:   flow: {heap} = &{storage for malloc(16)}:
; CHECK-NEXT: t.c:10:7:     from malloc(16) (spill) at t.c:10:7
; CHECK-NEXT: t.c:10:7:     from {{.*}}(assign) at t.c:10:5
; CHECK-NEXT: t.c:10:7: malloc(16) escapes to heap
; CHECK-NOT:  {{.}}

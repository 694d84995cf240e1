; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --match-full-lines
;
; With debug information lines are FILE:LINE:COL for allocation sites and
; FILE:LINE for parameters (the line of their DILocalVariable; LLVM keeps no
; column), sorted by file, line and column whatever the order of the
; functions in the module. Lines without a position (a function without
; debug information) sort first and start with the function's name.

@g = global ptr null

declare noalias ptr @malloc(i64)
declare void @free(ptr)

; t.c:8
define void @local() !dbg !10 {
  %p = call ptr @malloc(i64 16), !dbg !11
  store i8 0, ptr %p, !dbg !12
  call void @free(ptr %p), !dbg !13
  ret void, !dbg !14
}

; t.c:3
define void @keep(ptr %p) !dbg !20 {
  store ptr %p, ptr @g, !dbg !24
  ret void, !dbg !25
}

; t.c:5
define ptr @returned() !dbg !30 {
  %p = call ptr @malloc(i64 8), !dbg !31
  ret ptr %p, !dbg !32
}

; t.c:12
define void @look(ptr %pp) !dbg !40 {
  %q = load ptr, ptr %pp, !dbg !43
  store ptr %q, ptr @g, !dbg !44
  ret void, !dbg !45
}

; a.h:1
define void @in_header() !dbg !50 {
  %p = call ptr @malloc(i64 32), !dbg !51
  store i8 0, ptr %p, !dbg !52
  ret void, !dbg !52
}

; no debug information
define void @plain() {
  %p = call ptr @malloc(i64 4)
  store i8 0, ptr %p
  ret void
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "hand-written", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "t.c", directory: "/src")
!2 = !DIFile(filename: "a.h", directory: "/src")
!3 = !{i32 7, !"Dwarf Version", i32 5}
!4 = !{i32 2, !"Debug Info Version", i32 3}
!5 = !DISubroutineType(types: !6)
!6 = !{null}
!7 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: null, size: 64)

!10 = distinct !DISubprogram(name: "local", scope: !1, file: !1, line: 8, type: !5, scopeLine: 8, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!11 = !DILocation(line: 9, column: 13, scope: !10)
!12 = !DILocation(line: 10, column: 6, scope: !10)
!13 = !DILocation(line: 11, column: 3, scope: !10)
!14 = !DILocation(line: 12, column: 1, scope: !10)

!20 = distinct !DISubprogram(name: "keep", scope: !1, file: !1, line: 3, type: !5, scopeLine: 3, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0, retainedNodes: !21)
!21 = !{!22}
!22 = !DILocalVariable(name: "p", arg: 1, scope: !20, file: !1, line: 3, type: !7)
!24 = !DILocation(line: 3, column: 24, scope: !20)
!25 = !DILocation(line: 3, column: 29, scope: !20)

!30 = distinct !DISubprogram(name: "returned", scope: !1, file: !1, line: 5, type: !5, scopeLine: 5, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!31 = !DILocation(line: 6, column: 10, scope: !30)
!32 = !DILocation(line: 6, column: 3, scope: !30)

!40 = distinct !DISubprogram(name: "look", scope: !1, file: !1, line: 12, type: !5, scopeLine: 12, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0, retainedNodes: !41)
!41 = !{!42}
!42 = !DILocalVariable(name: "pp", arg: 1, scope: !40, file: !1, line: 12, type: !7)
!43 = !DILocation(line: 12, column: 28, scope: !40)
!44 = !DILocation(line: 12, column: 26, scope: !40)
!45 = !DILocation(line: 12, column: 33, scope: !40)

!50 = distinct !DISubprogram(name: "in_header", scope: !2, file: !2, line: 1, type: !5, scopeLine: 1, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!51 = !DILocation(line: 2, column: 15, scope: !50)
!52 = !DILocation(line: 3, column: 1, scope: !50)

; CHECK:      plain: malloc(4) does not escape
; CHECK-NEXT: a.h:2:15: malloc(32) does not escape
; CHECK-NEXT: t.c:3: leaking param: p
; CHECK-NEXT: t.c:6:10: malloc(8) escapes to heap
; CHECK-NEXT: t.c:9:13: malloc(16) does not escape
; CHECK-NEXT: t.c:12: leaking param content: pp
; CHECK-NOT:  {{.}}

; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --match-full-lines
;
; An allocation inlined from another function is reported at the outermost
; call site (as Go reports inlined code), not where the malloc was written.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

; xmalloc(16) from h.h:2, inlined into caller at t.c:20:7.
define void @caller() !dbg !10 {
  %p = call ptr @malloc(i64 16), !dbg !13
  store i8 0, ptr %p, !dbg !14
  call void @free(ptr %p), !dbg !14
  ret void, !dbg !14
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "hand-written", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "t.c", directory: "/src")
!2 = !DIFile(filename: "h.h", directory: "/src")
!3 = !{i32 7, !"Dwarf Version", i32 5}
!4 = !{i32 2, !"Debug Info Version", i32 3}
!5 = !DISubroutineType(types: !6)
!6 = !{null}

!10 = distinct !DISubprogram(name: "caller", scope: !1, file: !1, line: 19, type: !5, scopeLine: 19, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!11 = distinct !DISubprogram(name: "xmalloc", scope: !2, file: !2, line: 1, type: !5, scopeLine: 1, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!12 = distinct !DILocation(line: 20, column: 7, scope: !10)
!13 = !DILocation(line: 2, column: 10, scope: !11, inlinedAt: !12)
!14 = !DILocation(line: 21, column: 3, scope: !10)

; CHECK:      t.c:20:7: malloc(16) does not escape
; CHECK-NOT:  {{.}}

; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --match-full-lines
;
; The report is de-duplicated: two sites with the same position and text
; (a loop unrolled by an earlier pass duplicates the call with its debug
; location) give one line. Without debug information two identical sites in
; one function give identical lines, which collapse the same way.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @unrolled() !dbg !10 {
  %a = call ptr @malloc(i64 16), !dbg !11
  store i8 0, ptr %a, !dbg !11
  call void @free(ptr %a), !dbg !11
  %b = call ptr @malloc(i64 16), !dbg !11
  store i8 0, ptr %b, !dbg !11
  call void @free(ptr %b), !dbg !11
  ret void, !dbg !11
}

define void @plain() {
  %a = call ptr @malloc(i64 16)
  store i8 0, ptr %a
  call void @free(ptr %a)
  %b = call ptr @malloc(i64 16)
  store i8 0, ptr %b
  call void @free(ptr %b)
  ret void
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "hand-written", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "t.c", directory: "/src")
!3 = !{i32 7, !"Dwarf Version", i32 5}
!4 = !{i32 2, !"Debug Info Version", i32 3}
!5 = !DISubroutineType(types: !6)
!6 = !{null}
!10 = distinct !DISubprogram(name: "unrolled", scope: !1, file: !1, line: 3, type: !5, scopeLine: 3, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!11 = !DILocation(line: 5, column: 15, scope: !10)

; CHECK:      plain: malloc(16) does not escape
; CHECK-NEXT: t.c:5:15: malloc(16) does not escape
; CHECK-NOT:  {{.}}

; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --match-full-lines
;
; Parameter names and lines come from the parameter's DILocalVariable when
; there is one, found through a #dbg_value record (unoptimised-style IR)
; or the subprogram's retainedNodes; the IR name is used otherwise.

@g = global ptr null

define void @from_record(ptr %0) !dbg !10 {
    #dbg_value(ptr %0, !12, !DIExpression(), !13)
  store ptr %0, ptr @g, !dbg !13
  ret void, !dbg !13
}

define void @from_ir_name(ptr %ir_name) !dbg !20 {
  ret void, !dbg !21
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "hand-written", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "t.c", directory: "/src")
!3 = !{i32 7, !"Dwarf Version", i32 5}
!4 = !{i32 2, !"Debug Info Version", i32 3}
!5 = !DISubroutineType(types: !6)
!6 = !{null}
!7 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: null, size: 64)

!10 = distinct !DISubprogram(name: "from_record", scope: !1, file: !1, line: 4, type: !5, scopeLine: 4, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!12 = !DILocalVariable(name: "buf", arg: 1, scope: !10, file: !1, line: 4, type: !7)
!13 = !DILocation(line: 5, column: 5, scope: !10)

!20 = distinct !DISubprogram(name: "from_ir_name", scope: !1, file: !1, line: 8, type: !5, scopeLine: 8, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!21 = !DILocation(line: 8, column: 30, scope: !20)

; A parameter without a DILocalVariable has no line: its line starts with
; the function's name (and sorts before the positioned lines of its file).
; CHECK:      from_ir_name: ir_name does not escape
; CHECK-NEXT: t.c:4: leaking param: buf
; CHECK-NOT:  {{.}}

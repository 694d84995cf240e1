; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks-output=%t.yaml -disable-output %s
; RUN: FileCheck %s --check-prefix=YAML < %t.yaml
;
; With debug information a remark is placed at the allocation's source
; position, and a reason that points at an instruction (the store into a
; global, the return, the free that also receives another pointer) says
; where it is. YAML records the position as DebugLoc.

@g = global ptr null

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @_ZdlPv(ptr)

define void @local() !dbg !10 {
  %p = call ptr @malloc(i64 16), !dbg !11
  store i8 0, ptr %p, !dbg !12
  call void @free(ptr %p), !dbg !13
  ret void, !dbg !13
}

define ptr @returned() !dbg !20 {
  %p = call ptr @malloc(i64 8), !dbg !21
  ret ptr %p, !dbg !22
}

define void @global() !dbg !30 {
  %p = call ptr @malloc(i64 16), !dbg !31
  store ptr %p, ptr @g, !dbg !32
  ret void, !dbg !33
}

define void @mixed(i1 %c) !dbg !40 {
  %p = call ptr @malloc(i64 4), !dbg !41
  %q = select i1 %c, ptr %p, ptr null, !dbg !42
  %old = load ptr, ptr @g, !dbg !42
  %r = select i1 %c, ptr %q, ptr %old, !dbg !42
  call void @_ZdlPv(ptr %r), !dbg !43
  ret void, !dbg !44
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "hand-written", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "t.c", directory: "/src")
!3 = !{i32 7, !"Dwarf Version", i32 5}
!4 = !{i32 2, !"Debug Info Version", i32 3}
!5 = !DISubroutineType(types: !6)
!6 = !{null}

!10 = distinct !DISubprogram(name: "local", scope: !1, file: !1, line: 2, type: !5, scopeLine: 2, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!11 = !DILocation(line: 3, column: 13, scope: !10)
!12 = !DILocation(line: 4, column: 8, scope: !10)
!13 = !DILocation(line: 5, column: 3, scope: !10)

!20 = distinct !DISubprogram(name: "returned", scope: !1, file: !1, line: 7, type: !5, scopeLine: 7, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!21 = !DILocation(line: 8, column: 10, scope: !20)
!22 = !DILocation(line: 8, column: 3, scope: !20)

!30 = distinct !DISubprogram(name: "global", scope: !1, file: !1, line: 10, type: !5, scopeLine: 10, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!31 = !DILocation(line: 11, column: 7, scope: !30)
!32 = !DILocation(line: 11, column: 5, scope: !30)
!33 = !DILocation(line: 12, column: 1, scope: !30)

!40 = distinct !DISubprogram(name: "mixed", scope: !1, file: !1, line: 14, type: !5, scopeLine: 14, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!41 = !DILocation(line: 15, column: 13, scope: !40)
!42 = !DILocation(line: 16, column: 7, scope: !40)
!43 = !DILocation(line: 17, column: 3, scope: !40)
!44 = !DILocation(line: 18, column: 1, scope: !40)

; CHECK:      remark: t.c:3:13: malloc(16) does not escape: moved to a 16-byte stack slot{{$}}
; CHECK-NEXT: remark: t.c:8:10: malloc(8) escapes to heap: returned at t.c:8:3{{$}}
; CHECK-NEXT: remark: t.c:11:7: malloc(16) escapes to heap: stored to global g at t.c:11:5{{$}}
; CHECK-NEXT: remark: t.c:15:13: malloc(4) escapes to heap: freed by _ZdlPv, a deallocator of another family at t.c:17:3{{$}}
; CHECK-NOT:  remark

; YAML:      --- !Passed
; YAML-NEXT: Pass: heap2stack
; YAML-NEXT: Name: Demoted
; YAML-NEXT: DebugLoc: { File: t.c, Line: 3, Column: 13 }
; YAML-NEXT: Function: local

; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<profile=%S/Inputs/guard-profile.sizes>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -S %s -o %t.ll 2>&1 | FileCheck --check-prefix=REMARK %s
; RUN: FileCheck %s < %t.ll
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<profile=%S/Inputs/guard-profile.sizes;max-size=16384>' -pass-remarks=heap2stack -disable-output %s 2>&1 | FileCheck --check-prefix=BIG %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<profile=%S/Inputs/guard-profile.sizes;guard-size=0>' -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck --check-prefix=OFF %s
; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -disable-output %s 2>&1 | FileCheck --check-prefix=NONE %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<profile=%S/Inputs/guard-profile.sizes>' -print-pipeline-passes -disable-output %s | FileCheck --check-prefix=PIPE %s
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<profile=%t.missing>' -disable-output %s 2>&1 | FileCheck --check-prefix=MISSING %s
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<profile=%S/Inputs/guard-profile-bad-header.sizes>' -disable-output %s 2>&1 | FileCheck --check-prefix=HEADER %s
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<profile=%S/Inputs/guard-profile-bad-count.sizes>' -disable-output %s 2>&1 | FileCheck --check-prefix=COUNT %s
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<profile>' -disable-output %s 2>&1 | FileCheck --check-prefix=NOFILE %s
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<profile=%S/Inputs>' -disable-output %s 2>&1 | FileCheck --check-prefix=DIR %s
;
; profile=FILE sizes the stack buffer of each site whose size is known only
; at run time from the requests a profile saw at the same source position
; (heap2stack-profile sizes writes FILE; test/profile/guard-sizes.c runs the
; whole loop). Inputs/guard-profile.sizes, by hand: bucket b counts the
; requests in (2^(b-1), 2^b].
;   fits      100 in (512, 1024], 1 in (1024, 2048]: 99% fit in 1024
;   large     1 in (64, 128], 10 in (4096, 8192]: most exceed max-size 4096,
;             so no buffer; with max-size=16384, 8000, the largest
;   column    its entry names column 6, the call is at column 5: no match,
;             guard-size
;   renamed   its entry names the function other_function: no match
;   caller    a call written in helper.h:51:5, inlined at caller's 61:3:
;             50 requests of at most 40 bytes, the largest 40: 48 (40 to 16)
;   constant  a constant size needs no buffer: the profile does not apply
;   grows     malloc(16) that a realloc grows: the profile saw its blocks
;             grow to 600 bytes (5 reallocs): a slot of 608, not 256
;   growsbig  the same, grown to 9000: past max-size, guard-size's 256
;   nogrowth  grown at run time but not under the profile (0 reallocs):
;             256
;   bigbound  malloc(n & 2047) grown, the profile's largest 600: the
;             bound, 2047, is the larger slot; not the profile's size
;   smallbound malloc(n & 63) grown, the profile's largest 600: 608, the
;             bound still said as 63
; With guard-size=0 guarded buffers are off, the profile's too.
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare ptr @realloc(ptr, i64)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

; CHECK-LABEL: define void @fits(
; CHECK: alloca [1024 x i8], align 16
; REMARK-DAG: guard-profile.c:11:5: malloc(n) does not escape: stack buffer of 1024 bytes, heap above (sized by the profile)
; BIG-DAG: guard-profile.c:11:5: malloc(n) does not escape: stack buffer of 1024 bytes, heap above (sized by the profile)
; NONE-DAG: guard-profile.c:11:5: malloc(n) does not escape: stack buffer of 256 bytes, heap above{{$}}
; OFF-DAG: guard-profile.c:11:5: malloc(n) escapes to heap: non-constant size{{$}}
define void @fits(i64 %n) !dbg !10 {
  %p = call ptr @malloc(i64 %n), !dbg !11
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @large(
; CHECK-NOT: alloca
; CHECK: call ptr @malloc(i64 %n)
; REMARK-DAG: guard-profile.c:21:5: malloc(n) escapes to heap: too large for stack: most requests the profile saw exceed max-size 4096
; BIG-DAG: guard-profile.c:21:5: malloc(n) does not escape: stack buffer of 8000 bytes, heap above (sized by the profile)
; OFF-DAG: guard-profile.c:21:5: malloc(n) escapes to heap: non-constant size{{$}}
define void @large(i64 %n) !dbg !20 {
  %p = call ptr @malloc(i64 %n), !dbg !21
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @column(
; CHECK: alloca [256 x i8], align 16
; REMARK-DAG: guard-profile.c:31:5: malloc(n) does not escape: stack buffer of 256 bytes, heap above{{$}}
define void @column(i64 %n) !dbg !30 {
  %p = call ptr @malloc(i64 %n), !dbg !31
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @renamed(
; CHECK: alloca [256 x i8], align 16
; REMARK-DAG: guard-profile.c:41:5: malloc(n) does not escape: stack buffer of 256 bytes, heap above{{$}}
define void @renamed(i64 %n) !dbg !40 {
  %p = call ptr @malloc(i64 %n), !dbg !41
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @caller(
; CHECK: alloca [48 x i8], align 16
; REMARK-DAG: helper.h:51:5: malloc(n) does not escape: stack buffer of 48 bytes, heap above (sized by the profile)
define void @caller(i64 %n) !dbg !60 {
  %p = call ptr @malloc(i64 %n), !dbg !52
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @constant(
; CHECK: alloca [100 x i8], align 16
; REMARK-DAG: guard-profile.c:71:5: malloc(100) does not escape: moved to a 100-byte stack slot{{$}}
define void @constant() !dbg !70 {
  %p = call ptr @malloc(i64 100), !dbg !71
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define ptr @grows(
; CHECK: alloca [608 x i8], align 16
; REMARK-DAG: guard-profile.c:81:5: malloc(16) does not escape: moved to a 608-byte stack slot; realloc grows it in place up to 608 bytes, on the heap beyond (sized by the profile){{$}}
; NONE-DAG: guard-profile.c:81:5: malloc(16) does not escape: moved to a 256-byte stack slot; realloc grows it in place up to 256 bytes, on the heap beyond{{$}}
define ptr @grows(i64 %n) !dbg !80 {
  %p = call ptr @malloc(i64 16), !dbg !81
  %q = call ptr @realloc(ptr %p, i64 %n)
  call void @use(ptr %q)
  call void @free(ptr %q)
  ret ptr null
}

; CHECK-LABEL: define ptr @growsbig(
; CHECK: alloca [256 x i8], align 16
; REMARK-DAG: guard-profile.c:91:5: malloc(16) does not escape: moved to a 256-byte stack slot; realloc grows it in place up to 256 bytes, on the heap beyond{{$}}
define ptr @growsbig(i64 %n) !dbg !90 {
  %p = call ptr @malloc(i64 16), !dbg !91
  %q = call ptr @realloc(ptr %p, i64 %n)
  call void @use(ptr %q)
  call void @free(ptr %q)
  ret ptr null
}

; CHECK-LABEL: define ptr @nogrowth(
; CHECK: alloca [256 x i8], align 16
; REMARK-DAG: guard-profile.c:101:5: malloc(16) does not escape: moved to a 256-byte stack slot; realloc grows it in place up to 256 bytes, on the heap beyond{{$}}
define ptr @nogrowth(i64 %n) !dbg !100 {
  %p = call ptr @malloc(i64 16), !dbg !101
  %q = call ptr @realloc(ptr %p, i64 %n)
  call void @use(ptr %q)
  call void @free(ptr %q)
  ret ptr null
}

; REMARK-DAG: guard-profile.c:111:5: malloc(s) does not escape: moved to a 2047-byte stack slot (its size is at most 2047); realloc grows it in place up to 2047 bytes, on the heap beyond{{$}}
define ptr @bigbound(i64 %n, i64 %g) !dbg !110 {
  %s = and i64 %n, 2047
  %p = call ptr @malloc(i64 %s), !dbg !111
  %q = call ptr @realloc(ptr %p, i64 %g)
  call void @use(ptr %q)
  call void @free(ptr %q)
  ret ptr null
}

; REMARK-DAG: guard-profile.c:121:5: malloc(s) does not escape: moved to a 608-byte stack slot (its size is at most 63); realloc grows it in place up to 608 bytes, on the heap beyond (sized by the profile){{$}}
define ptr @smallbound(i64 %n, i64 %g) !dbg !120 {
  %s = and i64 %n, 63
  %p = call ptr @malloc(i64 %s), !dbg !121
  %q = call ptr @realloc(ptr %p, i64 %g)
  call void @use(ptr %q)
  call void @free(ptr %q)
  ret ptr null
}

; PIPE: heap2stack<profile={{.*}}Inputs/guard-profile.sizes>
; MISSING: heap2stack: error: {{.*}}cannot read profile '{{.*}}guard-profile.ll.tmp.missing': No such file or directory
; HEADER: heap2stack: error: {{.*}}profile '{{.*}}guard-profile-bad-header.sizes' is not a sizes file (no '#heap2stack-sizes 1' line: write one with heap2stack-profile sizes)
; COUNT: heap2stack: error: {{.*}}profile '{{.*}}guard-profile-bad-count.sizes', line 2: not a site of a sizes file
; NOFILE: heap2stack: error: {{.*}}parameter 'profile' needs a file: profile=FILE
; DIR: heap2stack: error: {{.*}}cannot read profile '{{.*}}Inputs': Is a directory

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "clang", isOptimized: true, runtimeVersion: 0, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "guard-profile.c", directory: "/src")
!2 = !{i32 2, !"Debug Info Version", i32 3}
!3 = !{i32 7, !"Dwarf Version", i32 5}
!4 = !DISubroutineType(types: !{})
!5 = !DIFile(filename: "helper.h", directory: "/src")
!10 = distinct !DISubprogram(name: "fits", scope: !1, file: !1, line: 10, type: !4, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!11 = !DILocation(line: 11, column: 5, scope: !10)
!20 = distinct !DISubprogram(name: "large", scope: !1, file: !1, line: 20, type: !4, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!21 = !DILocation(line: 21, column: 5, scope: !20)
!30 = distinct !DISubprogram(name: "column", scope: !1, file: !1, line: 30, type: !4, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!31 = !DILocation(line: 31, column: 5, scope: !30)
!40 = distinct !DISubprogram(name: "renamed", scope: !1, file: !1, line: 40, type: !4, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!41 = !DILocation(line: 41, column: 5, scope: !40)
!50 = distinct !DISubprogram(name: "helper", scope: !5, file: !5, line: 50, type: !4, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!52 = !DILocation(line: 51, column: 5, scope: !50, inlinedAt: !61)
!60 = distinct !DISubprogram(name: "caller", scope: !1, file: !1, line: 60, type: !4, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!61 = !DILocation(line: 61, column: 3, scope: !60)
!70 = distinct !DISubprogram(name: "constant", scope: !1, file: !1, line: 70, type: !4, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!71 = !DILocation(line: 71, column: 5, scope: !70)
!80 = distinct !DISubprogram(name: "grows", scope: !1, file: !1, line: 80, type: !4, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!81 = !DILocation(line: 81, column: 5, scope: !80)
!90 = distinct !DISubprogram(name: "growsbig", scope: !1, file: !1, line: 90, type: !4, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!91 = !DILocation(line: 91, column: 5, scope: !90)
!100 = distinct !DISubprogram(name: "nogrowth", scope: !1, file: !1, line: 100, type: !4, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!101 = !DILocation(line: 101, column: 5, scope: !100)
!110 = distinct !DISubprogram(name: "bigbound", scope: !1, file: !1, line: 110, type: !4, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!111 = !DILocation(line: 111, column: 5, scope: !110)
!120 = distinct !DISubprogram(name: "smallbound", scope: !1, file: !1, line: 120, type: !4, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!121 = !DILocation(line: 121, column: 5, scope: !120)

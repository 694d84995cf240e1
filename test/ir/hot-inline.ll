; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<profile=%S/Inputs/hot-inline.sizes>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -S %s -o %t.ll 2>&1 | FileCheck --check-prefix=HOT %s
; RUN: FileCheck %s < %t.ll
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<profile=%S/Inputs/hot-inline.sizes;hot-inline-budget=300>' -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck --check-prefix=SMALL %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<profile=%S/Inputs/hot-inline.sizes;inline-budget=0>' -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck --check-prefix=OFF %s
; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck --check-prefix=NOPROFILE %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<profile=%S/Inputs/hot-inline-flat.sizes>' -pass-remarks=heap2stack -disable-output %s 2>&1 | FileCheck --check-prefix=FLAT %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<hot-inline-budget=8192>' -print-pipeline-passes -disable-output %s | FileCheck --check-prefix=PIPE %s
;
; Callees that free, with a profile (docs/design.md, Hot sites): a site
; the profile counts as hot (among the sites that make 99% of its
; allocation calls) may have its function grow by hot-inline-budget
; (4096) instructions, not inline-budget (256). Inputs/hot-inline.sizes,
; by hand: the site of @hot made 990 of the 1000 calls (listed twice, 10
; and 980, as a package's profile lists a position once per binary; the
; two are one site), @cold's 10, so @hot's alone reach 99% and only it is
; hot (counted apart, 980 and 10 + 10 would make every site hot). Both blocks are freed by
; @release, 452 instructions (150 volatile load, add and store, the free
; and the return): inlined for @hot, not for @cold; with
; hot-inline-budget=300 not for @hot either, the hot budget named; with
; inline-budget=0 not at all; without a profile, neither is hot. In
; Inputs/hot-inline-flat.sizes @hot made 600 calls and @cold 400: 99%
; needs both, both are hot and both blocks demoted (FLAT).
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@sink = global i64 0

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @release(ptr %p) {
  %v0 = load volatile i64, ptr @sink
  %w0 = add i64 %v0, 1
  store volatile i64 %w0, ptr @sink
  %v1 = load volatile i64, ptr @sink
  %w1 = add i64 %v1, 2
  store volatile i64 %w1, ptr @sink
  %v2 = load volatile i64, ptr @sink
  %w2 = add i64 %v2, 3
  store volatile i64 %w2, ptr @sink
  %v3 = load volatile i64, ptr @sink
  %w3 = add i64 %v3, 4
  store volatile i64 %w3, ptr @sink
  %v4 = load volatile i64, ptr @sink
  %w4 = add i64 %v4, 5
  store volatile i64 %w4, ptr @sink
  %v5 = load volatile i64, ptr @sink
  %w5 = add i64 %v5, 6
  store volatile i64 %w5, ptr @sink
  %v6 = load volatile i64, ptr @sink
  %w6 = add i64 %v6, 7
  store volatile i64 %w6, ptr @sink
  %v7 = load volatile i64, ptr @sink
  %w7 = add i64 %v7, 8
  store volatile i64 %w7, ptr @sink
  %v8 = load volatile i64, ptr @sink
  %w8 = add i64 %v8, 9
  store volatile i64 %w8, ptr @sink
  %v9 = load volatile i64, ptr @sink
  %w9 = add i64 %v9, 10
  store volatile i64 %w9, ptr @sink
  %v10 = load volatile i64, ptr @sink
  %w10 = add i64 %v10, 11
  store volatile i64 %w10, ptr @sink
  %v11 = load volatile i64, ptr @sink
  %w11 = add i64 %v11, 12
  store volatile i64 %w11, ptr @sink
  %v12 = load volatile i64, ptr @sink
  %w12 = add i64 %v12, 13
  store volatile i64 %w12, ptr @sink
  %v13 = load volatile i64, ptr @sink
  %w13 = add i64 %v13, 14
  store volatile i64 %w13, ptr @sink
  %v14 = load volatile i64, ptr @sink
  %w14 = add i64 %v14, 15
  store volatile i64 %w14, ptr @sink
  %v15 = load volatile i64, ptr @sink
  %w15 = add i64 %v15, 16
  store volatile i64 %w15, ptr @sink
  %v16 = load volatile i64, ptr @sink
  %w16 = add i64 %v16, 17
  store volatile i64 %w16, ptr @sink
  %v17 = load volatile i64, ptr @sink
  %w17 = add i64 %v17, 18
  store volatile i64 %w17, ptr @sink
  %v18 = load volatile i64, ptr @sink
  %w18 = add i64 %v18, 19
  store volatile i64 %w18, ptr @sink
  %v19 = load volatile i64, ptr @sink
  %w19 = add i64 %v19, 20
  store volatile i64 %w19, ptr @sink
  %v20 = load volatile i64, ptr @sink
  %w20 = add i64 %v20, 21
  store volatile i64 %w20, ptr @sink
  %v21 = load volatile i64, ptr @sink
  %w21 = add i64 %v21, 22
  store volatile i64 %w21, ptr @sink
  %v22 = load volatile i64, ptr @sink
  %w22 = add i64 %v22, 23
  store volatile i64 %w22, ptr @sink
  %v23 = load volatile i64, ptr @sink
  %w23 = add i64 %v23, 24
  store volatile i64 %w23, ptr @sink
  %v24 = load volatile i64, ptr @sink
  %w24 = add i64 %v24, 25
  store volatile i64 %w24, ptr @sink
  %v25 = load volatile i64, ptr @sink
  %w25 = add i64 %v25, 26
  store volatile i64 %w25, ptr @sink
  %v26 = load volatile i64, ptr @sink
  %w26 = add i64 %v26, 27
  store volatile i64 %w26, ptr @sink
  %v27 = load volatile i64, ptr @sink
  %w27 = add i64 %v27, 28
  store volatile i64 %w27, ptr @sink
  %v28 = load volatile i64, ptr @sink
  %w28 = add i64 %v28, 29
  store volatile i64 %w28, ptr @sink
  %v29 = load volatile i64, ptr @sink
  %w29 = add i64 %v29, 30
  store volatile i64 %w29, ptr @sink
  %v30 = load volatile i64, ptr @sink
  %w30 = add i64 %v30, 31
  store volatile i64 %w30, ptr @sink
  %v31 = load volatile i64, ptr @sink
  %w31 = add i64 %v31, 32
  store volatile i64 %w31, ptr @sink
  %v32 = load volatile i64, ptr @sink
  %w32 = add i64 %v32, 33
  store volatile i64 %w32, ptr @sink
  %v33 = load volatile i64, ptr @sink
  %w33 = add i64 %v33, 34
  store volatile i64 %w33, ptr @sink
  %v34 = load volatile i64, ptr @sink
  %w34 = add i64 %v34, 35
  store volatile i64 %w34, ptr @sink
  %v35 = load volatile i64, ptr @sink
  %w35 = add i64 %v35, 36
  store volatile i64 %w35, ptr @sink
  %v36 = load volatile i64, ptr @sink
  %w36 = add i64 %v36, 37
  store volatile i64 %w36, ptr @sink
  %v37 = load volatile i64, ptr @sink
  %w37 = add i64 %v37, 38
  store volatile i64 %w37, ptr @sink
  %v38 = load volatile i64, ptr @sink
  %w38 = add i64 %v38, 39
  store volatile i64 %w38, ptr @sink
  %v39 = load volatile i64, ptr @sink
  %w39 = add i64 %v39, 40
  store volatile i64 %w39, ptr @sink
  %v40 = load volatile i64, ptr @sink
  %w40 = add i64 %v40, 41
  store volatile i64 %w40, ptr @sink
  %v41 = load volatile i64, ptr @sink
  %w41 = add i64 %v41, 42
  store volatile i64 %w41, ptr @sink
  %v42 = load volatile i64, ptr @sink
  %w42 = add i64 %v42, 43
  store volatile i64 %w42, ptr @sink
  %v43 = load volatile i64, ptr @sink
  %w43 = add i64 %v43, 44
  store volatile i64 %w43, ptr @sink
  %v44 = load volatile i64, ptr @sink
  %w44 = add i64 %v44, 45
  store volatile i64 %w44, ptr @sink
  %v45 = load volatile i64, ptr @sink
  %w45 = add i64 %v45, 46
  store volatile i64 %w45, ptr @sink
  %v46 = load volatile i64, ptr @sink
  %w46 = add i64 %v46, 47
  store volatile i64 %w46, ptr @sink
  %v47 = load volatile i64, ptr @sink
  %w47 = add i64 %v47, 48
  store volatile i64 %w47, ptr @sink
  %v48 = load volatile i64, ptr @sink
  %w48 = add i64 %v48, 49
  store volatile i64 %w48, ptr @sink
  %v49 = load volatile i64, ptr @sink
  %w49 = add i64 %v49, 50
  store volatile i64 %w49, ptr @sink
  %v50 = load volatile i64, ptr @sink
  %w50 = add i64 %v50, 51
  store volatile i64 %w50, ptr @sink
  %v51 = load volatile i64, ptr @sink
  %w51 = add i64 %v51, 52
  store volatile i64 %w51, ptr @sink
  %v52 = load volatile i64, ptr @sink
  %w52 = add i64 %v52, 53
  store volatile i64 %w52, ptr @sink
  %v53 = load volatile i64, ptr @sink
  %w53 = add i64 %v53, 54
  store volatile i64 %w53, ptr @sink
  %v54 = load volatile i64, ptr @sink
  %w54 = add i64 %v54, 55
  store volatile i64 %w54, ptr @sink
  %v55 = load volatile i64, ptr @sink
  %w55 = add i64 %v55, 56
  store volatile i64 %w55, ptr @sink
  %v56 = load volatile i64, ptr @sink
  %w56 = add i64 %v56, 57
  store volatile i64 %w56, ptr @sink
  %v57 = load volatile i64, ptr @sink
  %w57 = add i64 %v57, 58
  store volatile i64 %w57, ptr @sink
  %v58 = load volatile i64, ptr @sink
  %w58 = add i64 %v58, 59
  store volatile i64 %w58, ptr @sink
  %v59 = load volatile i64, ptr @sink
  %w59 = add i64 %v59, 60
  store volatile i64 %w59, ptr @sink
  %v60 = load volatile i64, ptr @sink
  %w60 = add i64 %v60, 61
  store volatile i64 %w60, ptr @sink
  %v61 = load volatile i64, ptr @sink
  %w61 = add i64 %v61, 62
  store volatile i64 %w61, ptr @sink
  %v62 = load volatile i64, ptr @sink
  %w62 = add i64 %v62, 63
  store volatile i64 %w62, ptr @sink
  %v63 = load volatile i64, ptr @sink
  %w63 = add i64 %v63, 64
  store volatile i64 %w63, ptr @sink
  %v64 = load volatile i64, ptr @sink
  %w64 = add i64 %v64, 65
  store volatile i64 %w64, ptr @sink
  %v65 = load volatile i64, ptr @sink
  %w65 = add i64 %v65, 66
  store volatile i64 %w65, ptr @sink
  %v66 = load volatile i64, ptr @sink
  %w66 = add i64 %v66, 67
  store volatile i64 %w66, ptr @sink
  %v67 = load volatile i64, ptr @sink
  %w67 = add i64 %v67, 68
  store volatile i64 %w67, ptr @sink
  %v68 = load volatile i64, ptr @sink
  %w68 = add i64 %v68, 69
  store volatile i64 %w68, ptr @sink
  %v69 = load volatile i64, ptr @sink
  %w69 = add i64 %v69, 70
  store volatile i64 %w69, ptr @sink
  %v70 = load volatile i64, ptr @sink
  %w70 = add i64 %v70, 71
  store volatile i64 %w70, ptr @sink
  %v71 = load volatile i64, ptr @sink
  %w71 = add i64 %v71, 72
  store volatile i64 %w71, ptr @sink
  %v72 = load volatile i64, ptr @sink
  %w72 = add i64 %v72, 73
  store volatile i64 %w72, ptr @sink
  %v73 = load volatile i64, ptr @sink
  %w73 = add i64 %v73, 74
  store volatile i64 %w73, ptr @sink
  %v74 = load volatile i64, ptr @sink
  %w74 = add i64 %v74, 75
  store volatile i64 %w74, ptr @sink
  %v75 = load volatile i64, ptr @sink
  %w75 = add i64 %v75, 76
  store volatile i64 %w75, ptr @sink
  %v76 = load volatile i64, ptr @sink
  %w76 = add i64 %v76, 77
  store volatile i64 %w76, ptr @sink
  %v77 = load volatile i64, ptr @sink
  %w77 = add i64 %v77, 78
  store volatile i64 %w77, ptr @sink
  %v78 = load volatile i64, ptr @sink
  %w78 = add i64 %v78, 79
  store volatile i64 %w78, ptr @sink
  %v79 = load volatile i64, ptr @sink
  %w79 = add i64 %v79, 80
  store volatile i64 %w79, ptr @sink
  %v80 = load volatile i64, ptr @sink
  %w80 = add i64 %v80, 81
  store volatile i64 %w80, ptr @sink
  %v81 = load volatile i64, ptr @sink
  %w81 = add i64 %v81, 82
  store volatile i64 %w81, ptr @sink
  %v82 = load volatile i64, ptr @sink
  %w82 = add i64 %v82, 83
  store volatile i64 %w82, ptr @sink
  %v83 = load volatile i64, ptr @sink
  %w83 = add i64 %v83, 84
  store volatile i64 %w83, ptr @sink
  %v84 = load volatile i64, ptr @sink
  %w84 = add i64 %v84, 85
  store volatile i64 %w84, ptr @sink
  %v85 = load volatile i64, ptr @sink
  %w85 = add i64 %v85, 86
  store volatile i64 %w85, ptr @sink
  %v86 = load volatile i64, ptr @sink
  %w86 = add i64 %v86, 87
  store volatile i64 %w86, ptr @sink
  %v87 = load volatile i64, ptr @sink
  %w87 = add i64 %v87, 88
  store volatile i64 %w87, ptr @sink
  %v88 = load volatile i64, ptr @sink
  %w88 = add i64 %v88, 89
  store volatile i64 %w88, ptr @sink
  %v89 = load volatile i64, ptr @sink
  %w89 = add i64 %v89, 90
  store volatile i64 %w89, ptr @sink
  %v90 = load volatile i64, ptr @sink
  %w90 = add i64 %v90, 91
  store volatile i64 %w90, ptr @sink
  %v91 = load volatile i64, ptr @sink
  %w91 = add i64 %v91, 92
  store volatile i64 %w91, ptr @sink
  %v92 = load volatile i64, ptr @sink
  %w92 = add i64 %v92, 93
  store volatile i64 %w92, ptr @sink
  %v93 = load volatile i64, ptr @sink
  %w93 = add i64 %v93, 94
  store volatile i64 %w93, ptr @sink
  %v94 = load volatile i64, ptr @sink
  %w94 = add i64 %v94, 95
  store volatile i64 %w94, ptr @sink
  %v95 = load volatile i64, ptr @sink
  %w95 = add i64 %v95, 96
  store volatile i64 %w95, ptr @sink
  %v96 = load volatile i64, ptr @sink
  %w96 = add i64 %v96, 97
  store volatile i64 %w96, ptr @sink
  %v97 = load volatile i64, ptr @sink
  %w97 = add i64 %v97, 98
  store volatile i64 %w97, ptr @sink
  %v98 = load volatile i64, ptr @sink
  %w98 = add i64 %v98, 99
  store volatile i64 %w98, ptr @sink
  %v99 = load volatile i64, ptr @sink
  %w99 = add i64 %v99, 100
  store volatile i64 %w99, ptr @sink
  %v100 = load volatile i64, ptr @sink
  %w100 = add i64 %v100, 101
  store volatile i64 %w100, ptr @sink
  %v101 = load volatile i64, ptr @sink
  %w101 = add i64 %v101, 102
  store volatile i64 %w101, ptr @sink
  %v102 = load volatile i64, ptr @sink
  %w102 = add i64 %v102, 103
  store volatile i64 %w102, ptr @sink
  %v103 = load volatile i64, ptr @sink
  %w103 = add i64 %v103, 104
  store volatile i64 %w103, ptr @sink
  %v104 = load volatile i64, ptr @sink
  %w104 = add i64 %v104, 105
  store volatile i64 %w104, ptr @sink
  %v105 = load volatile i64, ptr @sink
  %w105 = add i64 %v105, 106
  store volatile i64 %w105, ptr @sink
  %v106 = load volatile i64, ptr @sink
  %w106 = add i64 %v106, 107
  store volatile i64 %w106, ptr @sink
  %v107 = load volatile i64, ptr @sink
  %w107 = add i64 %v107, 108
  store volatile i64 %w107, ptr @sink
  %v108 = load volatile i64, ptr @sink
  %w108 = add i64 %v108, 109
  store volatile i64 %w108, ptr @sink
  %v109 = load volatile i64, ptr @sink
  %w109 = add i64 %v109, 110
  store volatile i64 %w109, ptr @sink
  %v110 = load volatile i64, ptr @sink
  %w110 = add i64 %v110, 111
  store volatile i64 %w110, ptr @sink
  %v111 = load volatile i64, ptr @sink
  %w111 = add i64 %v111, 112
  store volatile i64 %w111, ptr @sink
  %v112 = load volatile i64, ptr @sink
  %w112 = add i64 %v112, 113
  store volatile i64 %w112, ptr @sink
  %v113 = load volatile i64, ptr @sink
  %w113 = add i64 %v113, 114
  store volatile i64 %w113, ptr @sink
  %v114 = load volatile i64, ptr @sink
  %w114 = add i64 %v114, 115
  store volatile i64 %w114, ptr @sink
  %v115 = load volatile i64, ptr @sink
  %w115 = add i64 %v115, 116
  store volatile i64 %w115, ptr @sink
  %v116 = load volatile i64, ptr @sink
  %w116 = add i64 %v116, 117
  store volatile i64 %w116, ptr @sink
  %v117 = load volatile i64, ptr @sink
  %w117 = add i64 %v117, 118
  store volatile i64 %w117, ptr @sink
  %v118 = load volatile i64, ptr @sink
  %w118 = add i64 %v118, 119
  store volatile i64 %w118, ptr @sink
  %v119 = load volatile i64, ptr @sink
  %w119 = add i64 %v119, 120
  store volatile i64 %w119, ptr @sink
  %v120 = load volatile i64, ptr @sink
  %w120 = add i64 %v120, 121
  store volatile i64 %w120, ptr @sink
  %v121 = load volatile i64, ptr @sink
  %w121 = add i64 %v121, 122
  store volatile i64 %w121, ptr @sink
  %v122 = load volatile i64, ptr @sink
  %w122 = add i64 %v122, 123
  store volatile i64 %w122, ptr @sink
  %v123 = load volatile i64, ptr @sink
  %w123 = add i64 %v123, 124
  store volatile i64 %w123, ptr @sink
  %v124 = load volatile i64, ptr @sink
  %w124 = add i64 %v124, 125
  store volatile i64 %w124, ptr @sink
  %v125 = load volatile i64, ptr @sink
  %w125 = add i64 %v125, 126
  store volatile i64 %w125, ptr @sink
  %v126 = load volatile i64, ptr @sink
  %w126 = add i64 %v126, 127
  store volatile i64 %w126, ptr @sink
  %v127 = load volatile i64, ptr @sink
  %w127 = add i64 %v127, 128
  store volatile i64 %w127, ptr @sink
  %v128 = load volatile i64, ptr @sink
  %w128 = add i64 %v128, 129
  store volatile i64 %w128, ptr @sink
  %v129 = load volatile i64, ptr @sink
  %w129 = add i64 %v129, 130
  store volatile i64 %w129, ptr @sink
  %v130 = load volatile i64, ptr @sink
  %w130 = add i64 %v130, 131
  store volatile i64 %w130, ptr @sink
  %v131 = load volatile i64, ptr @sink
  %w131 = add i64 %v131, 132
  store volatile i64 %w131, ptr @sink
  %v132 = load volatile i64, ptr @sink
  %w132 = add i64 %v132, 133
  store volatile i64 %w132, ptr @sink
  %v133 = load volatile i64, ptr @sink
  %w133 = add i64 %v133, 134
  store volatile i64 %w133, ptr @sink
  %v134 = load volatile i64, ptr @sink
  %w134 = add i64 %v134, 135
  store volatile i64 %w134, ptr @sink
  %v135 = load volatile i64, ptr @sink
  %w135 = add i64 %v135, 136
  store volatile i64 %w135, ptr @sink
  %v136 = load volatile i64, ptr @sink
  %w136 = add i64 %v136, 137
  store volatile i64 %w136, ptr @sink
  %v137 = load volatile i64, ptr @sink
  %w137 = add i64 %v137, 138
  store volatile i64 %w137, ptr @sink
  %v138 = load volatile i64, ptr @sink
  %w138 = add i64 %v138, 139
  store volatile i64 %w138, ptr @sink
  %v139 = load volatile i64, ptr @sink
  %w139 = add i64 %v139, 140
  store volatile i64 %w139, ptr @sink
  %v140 = load volatile i64, ptr @sink
  %w140 = add i64 %v140, 141
  store volatile i64 %w140, ptr @sink
  %v141 = load volatile i64, ptr @sink
  %w141 = add i64 %v141, 142
  store volatile i64 %w141, ptr @sink
  %v142 = load volatile i64, ptr @sink
  %w142 = add i64 %v142, 143
  store volatile i64 %w142, ptr @sink
  %v143 = load volatile i64, ptr @sink
  %w143 = add i64 %v143, 144
  store volatile i64 %w143, ptr @sink
  %v144 = load volatile i64, ptr @sink
  %w144 = add i64 %v144, 145
  store volatile i64 %w144, ptr @sink
  %v145 = load volatile i64, ptr @sink
  %w145 = add i64 %v145, 146
  store volatile i64 %w145, ptr @sink
  %v146 = load volatile i64, ptr @sink
  %w146 = add i64 %v146, 147
  store volatile i64 %w146, ptr @sink
  %v147 = load volatile i64, ptr @sink
  %w147 = add i64 %v147, 148
  store volatile i64 %w147, ptr @sink
  %v148 = load volatile i64, ptr @sink
  %w148 = add i64 %v148, 149
  store volatile i64 %w148, ptr @sink
  %v149 = load volatile i64, ptr @sink
  %w149 = add i64 %v149, 150
  store volatile i64 %w149, ptr @sink
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @hot(
; CHECK: %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT: @malloc
; CHECK-NOT: call void @release
; CHECK: ret void
; HOT-DAG: hot-inline.c:11:5: malloc(16) does not escape: moved to a 16-byte stack slot; inlined release, which frees it
; FLAT-DAG: hot-inline.c:11:5: malloc(16) does not escape: moved to a 16-byte stack slot; inlined release, which frees it
; SMALL-DAG: hot-inline.c:11:5: malloc(16) escapes to heap: freed by release at hot-inline.c:13:5, not inlined: larger than what is left of hot-inline-budget 300
; OFF-DAG: hot-inline.c:11:5: malloc(16) escapes to heap: freed by release at hot-inline.c:13:5, not inlined: inline-budget=0
; NOPROFILE-DAG: hot-inline.c:11:5: malloc(16) escapes to heap: freed by release at hot-inline.c:13:5, not inlined: larger than what is left of inline-budget 256
define void @hot() !dbg !10 {
  %p = call ptr @malloc(i64 16), !dbg !11
  call void @use(ptr %p)
  call void @release(ptr %p), !dbg !13
  ret void
}

; CHECK-LABEL: define void @cold(
; CHECK: call ptr @malloc(i64 16)
; CHECK: call void @release(
; HOT-DAG: hot-inline.c:21:5: malloc(16) escapes to heap: freed by release at hot-inline.c:23:5, not inlined: larger than what is left of inline-budget 256
; SMALL-DAG: hot-inline.c:21:5: malloc(16) escapes to heap: freed by release at hot-inline.c:23:5, not inlined: larger than what is left of inline-budget 256
; FLAT-DAG: hot-inline.c:21:5: malloc(16) does not escape: moved to a 16-byte stack slot; inlined release, which frees it
; NOPROFILE-DAG: hot-inline.c:21:5: malloc(16) escapes to heap: freed by release at hot-inline.c:23:5, not inlined: larger than what is left of inline-budget 256
define void @cold() !dbg !20 {
  %p = call ptr @malloc(i64 16), !dbg !21
  call void @use(ptr %p)
  call void @release(ptr %p), !dbg !23
  ret void
}

; PIPE: heap2stack<hot-inline-budget=8192>

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "clang", isOptimized: true, runtimeVersion: 0, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "hot-inline.c", directory: "/src")
!2 = !{i32 2, !"Debug Info Version", i32 3}
!3 = !{i32 7, !"Dwarf Version", i32 5}
!4 = !DISubroutineType(types: !{})
!10 = distinct !DISubprogram(name: "hot", scope: !1, file: !1, line: 10, type: !4, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!11 = !DILocation(line: 11, column: 5, scope: !10)
!13 = !DILocation(line: 13, column: 5, scope: !10)
!20 = distinct !DISubprogram(name: "cold", scope: !1, file: !1, line: 20, type: !4, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!21 = !DILocation(line: 21, column: 5, scope: !20)
!23 = !DILocation(line: 23, column: 5, scope: !20)

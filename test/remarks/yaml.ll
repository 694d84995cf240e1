; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks-output=%t.yaml -disable-output %s
; RUN: FileCheck %s < %t.yaml
; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -pass-remarks-analysis=heap2stack -disable-output %s 2>&1 | FileCheck --check-prefix=PRINTED %s
; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks-output=%t.other.yaml -pass-remarks-filter=inline -disable-output %s
; RUN: not grep heap2stack %t.other.yaml
;
; -pass-remarks-output writes the records: every remark as YAML with named
; arguments (docs/escape-report.md, The records). The message is the first
; arguments (what -pass-remarks prints); Allocator, Size, Reason, ArgNo and
; Form follow for the record file only. Passed/Demoted for the demoted
; sites, Missed/KeptOnHeap for the others, each followed by the Analysis
; remarks of its flow; Analysis/Param for each pointer parameter. A filter
; that does not take heap2stack leaves them out.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @local() {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define ptr @returned() {
  %p = call ptr @malloc(i64 16)
  ret ptr %p
}

; CHECK:      --- !Analysis
; CHECK-NEXT: Pass: heap2stack
; CHECK-NEXT: Name: Param
; CHECK-NEXT: Function: use
; CHECK-NEXT: Args:
; CHECK-NEXT:   - Param: p
; CHECK-NEXT:   - String: ' does not escape'
; CHECK-NEXT:   - String: ' (argument '
; CHECK-NEXT:   - ArgNo: '0'
; CHECK-NEXT:   - String: ', form '
; CHECK-NEXT:   - Form: none
; CHECK-NEXT:   - String: ')'
; CHECK-NEXT: ...
; CHECK-NEXT: --- !Passed
; CHECK-NEXT: Pass: heap2stack
; CHECK-NEXT: Name: Demoted
; CHECK-NEXT: Function: local
; CHECK-NEXT: Args:
; CHECK-NEXT:   - Expr: 'malloc(16)'
; CHECK-NEXT:   - String: ' does not escape: '
; CHECK-NEXT:   - Detail: moved to a 16-byte stack slot
; CHECK-NEXT:   - String: ' (allocator '
; CHECK-NEXT:   - Allocator: malloc
; CHECK-NEXT:   - String: ', size '
; CHECK-NEXT:   - Size: '16'
; CHECK-NEXT:   - String: ', reason '
; CHECK-NEXT:   - Reason: demote
; CHECK-NEXT:   - String: ')'
; CHECK-NEXT: ...
; CHECK-NEXT: --- !Missed
; CHECK-NEXT: Pass: heap2stack
; CHECK-NEXT: Name: KeptOnHeap
; CHECK-NEXT: Function: returned
; CHECK-NEXT: Args:
; CHECK-NEXT:   - Expr: 'malloc(16)'
; CHECK-NEXT:   - String: ' escapes to heap: '
; CHECK-NEXT:   - Detail: returned
; CHECK-NEXT:   - String: ' (allocator '
; CHECK-NEXT:   - Allocator: malloc
; CHECK-NEXT:   - String: ', size '
; CHECK-NEXT:   - Size: '16'
; CHECK-NEXT:   - String: ', reason '
; CHECK-NEXT:   - Reason: escapes
; CHECK-NEXT:   - String: ')'
; CHECK-NEXT: ...
; CHECK-NEXT: --- !Analysis
; CHECK-NEXT: Pass: heap2stack
; CHECK-NEXT: Name: Flow
; CHECK-NEXT: Function: returned
; CHECK-NEXT: Args:
; CHECK-NEXT:   - Expr: 'malloc(16)'
; CHECK-NEXT:   - String: ': flow step '
; CHECK-NEXT:   - Step: '1'
; CHECK-NEXT:   - String: ': '
; CHECK-NEXT:   - Dst: '{temp}'
; CHECK-NEXT:   - String: ' = '
; CHECK-NEXT:   - Src: '{storage}'
; CHECK-NEXT:   - String: ' ('
; CHECK-NEXT:   - Why: spill
; CHECK-NEXT:   - String: ')'
; CHECK-NEXT: ...
; CHECK-NEXT: --- !Analysis
; CHECK-NEXT: Pass: heap2stack
; CHECK-NEXT: Name: Flow
; CHECK-NEXT: Function: returned
; CHECK-NEXT: Args:
; CHECK-NEXT:   - Expr: 'malloc(16)'
; CHECK-NEXT:   - String: ': flow step '
; CHECK-NEXT:   - Step: '2'
; CHECK-NEXT:   - String: ': '
; CHECK-NEXT:   - Dst: '~r0'
; CHECK-NEXT:   - String: ' = '
; CHECK-NEXT:   - Src: '{temp}'
; CHECK-NEXT:   - String: ' ('
; CHECK-NEXT:   - Why: return
; CHECK-NEXT:   - String: ')'
; CHECK-NEXT: ...
; CHECK-NOT:  ---

; The printed remarks are the messages alone.
; PRINTED-DAG: remark: <unknown>:0:0: p does not escape{{$}}
; PRINTED-DAG: remark: <unknown>:0:0: malloc(16) does not escape: moved to a 16-byte stack slot{{$}}
; PRINTED-DAG: remark: <unknown>:0:0: malloc(16) escapes to heap: returned{{$}}
; PRINTED-DAG: remark: <unknown>:0:0: malloc(16): flow step 1: {temp} = {storage} (spill){{$}}
; PRINTED-DAG: remark: <unknown>:0:0: malloc(16): flow step 2: ~r0 = {temp} (return){{$}}

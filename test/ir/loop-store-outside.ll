; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<loop-slots=0>' -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -disable-output %s 2>&1 | FileCheck %s --check-prefix=POOL
;
; Each iteration's pointer is stored into an array declared before the loop:
; the objects of all iterations are alive together, so they cannot share
; one slot. Stays on the heap under loop-slots=0 even though nothing
; escapes the function; by default each execution gets its own slot of a
; pool, as many as the loop's 8 trips.

declare noalias ptr @malloc(i64)

; Reads every element's first byte; keeps nothing.
define void @use_all(ptr %a) {
entry:
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %e = getelementptr inbounds ptr, ptr %a, i64 %i
  %q = load ptr, ptr %e
  %v = load volatile i8, ptr %q
  %i.next = add i64 %i, 1
  %more = icmp ult i64 %i.next, 8
  br i1 %more, label %loop, label %done

done:
  ret void
}

define void @f() {
entry:
  %arr = alloca [8 x ptr], align 16
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %p = call ptr @malloc(i64 16)
  %e = getelementptr inbounds [8 x ptr], ptr %arr, i64 0, i64 %i
  store ptr %p, ptr %e
  %i.next = add i64 %i, 1
  %more = icmp ult i64 %i.next, 8
  br i1 %more, label %loop, label %exit

exit:
  call void @use_all(ptr %arr)
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         store ptr %p, ptr %e

; POOL: remark: {{.*}}: malloc(16) does not escape: 8 stack slots of 16 bytes, one per execution, heap after the last (its loops run at most that often)

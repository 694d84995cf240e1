; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<loop-slots=0>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s --check-prefix=ONESLOT
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<no-loops>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s --check-prefix=NOLOOPS
;
; Rule 8 (loops): a block that does not escape but is stored into memory
; (a pool whose nodes point into the pool, a local root) cannot be shown
; dead at the next allocation by its SSA values; freed on every path
; before the function returns, it is dead before the allocation runs
; again, as an escaping block freed so is. The same pool freed only when a
; test passes outlives the iteration: it gets slots of its own, one per
; execution, 51 of 80 bytes in half the 8 KiB frame budget
; (test/ir/loop-pool.ll), and stays on the heap under loop-slots=0. Kept: every loop site under no-loops.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

; CHECK-DAG: remark: {{.*}}: malloc(96) does not escape: moved to a 96-byte stack slot
; NOLOOPS-DAG: remark: {{.*}}: malloc(96) escapes to heap: live across loop iterations
define void @pool(i32 %n) {
entry:
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %pool = call ptr @malloc(i64 96)
  %second = getelementptr inbounds i8, ptr %pool, i64 48
  store ptr %second, ptr %pool, align 8
  store ptr %pool, ptr %second, align 8
  call void @use(ptr %second)
  call void @free(ptr %pool)
  %i.next = add i32 %i, 1
  %more = icmp slt i32 %i.next, %n
  br i1 %more, label %loop, label %exit

exit:
  ret void
}

; CHECK-DAG: remark: {{.*}}: malloc(80) does not escape: 51 stack slots of 80 bytes, one per execution, heap after the last{{$}}
; ONESLOT-DAG: remark: {{.*}}: malloc(80) escapes to heap: live across loop iterations
; ONESLOT-DAG: remark: {{.*}}: malloc(96) does not escape: moved to a 96-byte stack slot
define void @pool_freed_sometimes(i32 %n, i1 %c) {
entry:
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %latch ]
  %pool = call ptr @malloc(i64 80)
  %second = getelementptr inbounds i8, ptr %pool, i64 40
  store ptr %second, ptr %pool, align 8
  call void @use(ptr %second)
  br i1 %c, label %drop, label %latch

drop:
  call void @free(ptr %pool)
  br label %latch

latch:
  %i.next = add i32 %i, 1
  %more = icmp slt i32 %i.next, %n
  br i1 %more, label %loop, label %exit

exit:
  ret void
}

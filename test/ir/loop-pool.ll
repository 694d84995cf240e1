; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<loop-slots=5>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s --check-prefix=FIVE
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<loop-slots=0>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s --check-prefix=OFF
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<no-loops>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s --check-prefix=OFF
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<frame-budget=100>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s --check-prefix=BUDGET
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<frame-budget=20>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s --check-prefix=ONE
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<frame-budget=10>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s --check-prefix=NONE
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<frame-budget=18446744073709551615;loop-slots=18446744073709551615>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s --check-prefix=HUGE
;
; Pools (rule 8's other way out): a site inside a loop whose blocks outlive
; the iteration (linked into a list that is freed after the loop) gets
; slots of its own, one per execution, counted at run time from 0 at the
; function's entry, and the allocator after the last (the list's loads
; and stores carry C type tags, so the sum it returns, read as a long,
; carries no node: docs/design.md, Typed loads). loop-slots (64)
; slots, or the loops' constant trip counts when those are smaller
; (ScalarEvolution, the product over nested loops), or what half of the
; frame budget left has room for (at least one slot; none when one does
; not fit; never more than 4 GiB, the largest slot, whatever the budget).
; The free after the loop receives slots and heap blocks: it is skipped
; for a pointer inside the pool. A size known only
; at run time gets a guarded buffer per slot, and a block a realloc grows
; a slot of guard-size bytes. Kept: a list that escapes, and everything
; under loop-slots=0 and no-loops.

declare noalias ptr @malloc(i64)
declare noalias ptr @calloc(i64, i64)
declare ptr @realloc(ptr, i64)
declare void @free(ptr)

@g = global ptr null

; A list of n nodes, n known only at run time: 64 slots of 16 bytes.
; REMARK-DAG: remark: {{.*}}: malloc(16) does not escape: 64 stack slots of 16 bytes, one per execution, heap after the last{{$}}
; FIVE-DAG:   remark: {{.*}}: malloc(16) does not escape: 5 stack slots of 16 bytes, one per execution, heap after the last{{$}}
; OFF-DAG:    remark: {{.*}}: malloc(16) escapes to heap: live across loop iterations
; BUDGET-DAG: remark: {{.*}}: malloc(16) does not escape: 3 stack slots of 16 bytes, one per execution, heap after the last{{$}}
; ONE-DAG:    remark: {{.*}}: malloc(16) does not escape: 1 stack slot of 16 bytes, one per execution, heap after the last{{$}}
; NONE-DAG:   remark: {{.*}}: malloc(16) escapes to heap: frame budget exhausted: 16 more bytes exceed frame-budget 10
; HUGE-DAG:   remark: {{.*}}: malloc(16) does not escape: 268435456 stack slots of 16 bytes, one per execution, heap after the last{{$}}
; The counters (slots handed out, and those not freed yet) start at 0 on
; entry (heap2stack's clean-up promotes them to phis); slot i is pool +
; 16 * i. The free after the loop is skipped for a slot, which counts one
; live block fewer; when none is left, the next slot is the first again.
; CHECK-LABEL: define i64 @list(
; CHECK:       entry:
; CHECK-NEXT:    %h2s.pool = alloca [1024 x i8], align 16
; CHECK:       build:
; CHECK-NEXT:    [[I:%h2s.used[.0-9]*]] = phi i64 [ 0, %entry ], [ [[USED:%h2s.used[.0-9]*]], %[[JOIN:[0-9a-z.]+]] ]
; CHECK-NEXT:    [[L:%h2s.live[.0-9]*]] = phi i64 [ 0, %entry ], [ [[LIVE:%h2s.live[.0-9]*]], %[[JOIN]] ]
; CHECK:         [[FITS:%.*]] = icmp ult i64 [[I]], 64
; CHECK-NEXT:    br i1 [[FITS]], label %[[STACK:[0-9a-z.]+]], label %[[HEAP:[0-9a-z.]+]]
; CHECK:       [[STACK]]:
; CHECK-NEXT:    [[SHIFT:%.*]] = shl nuw nsw i64 [[I]], 4
; CHECK-NEXT:    [[SLOT:%.*]] = getelementptr i8, ptr %h2s.pool, i64 [[SHIFT]]
; CHECK-NEXT:    [[NEXT:%.*]] = add nuw nsw i64 [[I]], 1
; CHECK-NEXT:    [[MORE:%.*]] = add i64 [[L]], 1
; CHECK-NEXT:    br label %[[JOIN]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    [[CALL:%.*]] = call ptr @malloc(i64 16)
; CHECK-NEXT:    br label %[[JOIN]]
; CHECK:       [[JOIN]]:
; CHECK-NEXT:    [[USED]] = phi i64 [ [[NEXT]], %[[STACK]] ], [ [[I]], %[[HEAP]] ]
; CHECK-NEXT:    [[LIVE]] = phi i64 [ [[MORE]], %[[STACK]] ], [ [[L]], %[[HEAP]] ]
; CHECK-NEXT:    phi ptr [ [[SLOT]], %[[STACK]] ], [ [[CALL]], %[[HEAP]] ]
; CHECK:       drain:
; CHECK-NEXT:    [[U2:%h2s.used[.0-9]*]] = phi i64
; CHECK-NEXT:    [[L2:%h2s.live[.0-9]*]] = phi i64
; CHECK-DAG:     [[BASE:%.*]] = ptrtoint ptr %h2s.pool to i64
; CHECK-DAG:     [[P:%.*]] = ptrtoint ptr %head2 to i64
; CHECK:         [[D:%.*]] = sub i64 [[P]], [[BASE]]
; CHECK-NEXT:    [[IN:%.*]] = icmp ult i64 [[D]], 1024
; CHECK-NEXT:    [[NEG:%.*]] = sext i1 [[IN]] to i64
; CHECK-NEXT:    [[FEWER:%.*]] = add i64 [[L2]], [[NEG]]
; CHECK-NEXT:    [[EMPTY:%.*]] = icmp eq i64 [[FEWER]], 0
; CHECK-NEXT:    select i1 [[EMPTY]], i64 0, i64 [[U2]]
; CHECK-NEXT:    br i1 [[IN]], label %[[AFTER:[0-9a-z.]+]], label %[[FREE:[0-9a-z.]+]]
; CHECK:       [[FREE]]:
; CHECK-NEXT:    call void @free(ptr {{.*}}%head2)
; CHECK-NEXT:    br label %[[AFTER]]
define i64 @list(i64 %n) {
entry:
  br label %build

build:
  %i = phi i64 [ 0, %entry ], [ %i.next, %build ]
  %head = phi ptr [ null, %entry ], [ %node, %build ]
  %node = call ptr @malloc(i64 16)
  store i64 %i, ptr %node, align 8, !tbaa !3
  %link = getelementptr inbounds i8, ptr %node, i64 8
  store ptr %head, ptr %link, align 8, !tbaa !4
  %i.next = add i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %build, label %drain

drain:
  %head2 = phi ptr [ %node, %build ], [ %rest, %drain ]
  %sum = phi i64 [ 0, %build ], [ %sum.next, %drain ]
  %v = load i64, ptr %head2, align 8, !tbaa !3
  %sum.next = add i64 %sum, %v
  %link2 = getelementptr inbounds i8, ptr %head2, i64 8
  %rest = load ptr, ptr %link2, align 8, !tbaa !4
  call void @free(ptr %head2)
  %done = icmp eq ptr %rest, null
  br i1 %done, label %exit, label %drain

exit:
  ret i64 %sum.next
}

; Ten executions at most (a constant trip count): ten 32-byte zeroed slots;
; each execution clears its own slot. Under loop-slots=5, five.
; REMARK-DAG: remark: {{.*}}: calloc(4, 8) does not escape: 10 stack slots of 32 bytes, one per execution, heap after the last (its loops run at most that often)
; FIVE-DAG:   remark: {{.*}}: calloc(4, 8) does not escape: 5 stack slots of 32 bytes, one per execution, heap after the last{{$}}
; OFF-DAG:    remark: {{.*}}: calloc(4, 8) escapes to heap: live across loop iterations
; CHECK-LABEL: define i64 @ten(
; CHECK:         %h2s.pool = alloca [320 x i8], align 16
; CHECK:         icmp ult i64 {{%.*}}, 10
; CHECK:         call void @llvm.memset.p0.i64(ptr {{.*}}align 16 {{.*}}, i8 0, i64 32, i1 false)
define i64 @ten() {
entry:
  %arr = alloca [10 x ptr], align 8
  br label %build

build:
  %i = phi i64 [ 0, %entry ], [ %i.next, %build ]
  %b = call ptr @calloc(i64 4, i64 8)
  %at = getelementptr inbounds ptr, ptr %arr, i64 %i
  store ptr %b, ptr %at, align 8
  %i.next = add nuw nsw i64 %i, 1
  %more = icmp ult i64 %i.next, 10
  br i1 %more, label %build, label %drain

drain:
  %j = phi i64 [ 0, %build ], [ %j.next, %drain ]
  %sum = phi i64 [ 0, %build ], [ %sum.next, %drain ]
  %at2 = getelementptr inbounds ptr, ptr %arr, i64 %j
  %p = load ptr, ptr %at2, align 8
  %v = load i64, ptr %p, align 8
  %sum.next = add i64 %sum, %v
  call void @free(ptr %p)
  %j.next = add nuw nsw i64 %j, 1
  %again = icmp ult i64 %j.next, 10
  br i1 %again, label %drain, label %exit

exit:
  ret i64 %sum.next
}

; Nested loops of 3 and 4 iterations: 12 slots.
; REMARK-DAG: remark: {{.*}}: malloc(8) does not escape: 12 stack slots of 8 bytes, one per execution, heap after the last (its loops run at most that often)
define void @nested() {
entry:
  %arr = alloca [12 x ptr], align 8
  br label %outer

outer:
  %i = phi i64 [ 0, %entry ], [ %i.next, %outer.latch ]
  br label %inner

inner:
  %j = phi i64 [ 0, %outer ], [ %j.next, %inner ]
  %b = call ptr @malloc(i64 8)
  %k0 = mul i64 %i, 4
  %k = add i64 %k0, %j
  %at = getelementptr inbounds ptr, ptr %arr, i64 %k
  store ptr %b, ptr %at, align 8
  %j.next = add nuw nsw i64 %j, 1
  %more = icmp ult i64 %j.next, 4
  br i1 %more, label %inner, label %outer.latch

outer.latch:
  %i.next = add nuw nsw i64 %i, 1
  %again = icmp ult i64 %i.next, 3
  br i1 %again, label %outer, label %drain

drain:
  %m = phi i64 [ 0, %outer.latch ], [ %m.next, %drain ]
  %at2 = getelementptr inbounds ptr, ptr %arr, i64 %m
  %p = load ptr, ptr %at2, align 8
  call void @free(ptr %p)
  %m.next = add nuw nsw i64 %m, 1
  %fin = icmp ult i64 %m.next, 12
  br i1 %fin, label %drain, label %exit

exit:
  ret void
}

; Kept: the list is published in a global.
; REMARK-DAG: remark: {{.*}}: malloc(24) escapes to heap: stored to global g
define void @published(i64 %n) {
entry:
  br label %build

build:
  %i = phi i64 [ 0, %entry ], [ %i.next, %build ]
  %head = phi ptr [ null, %entry ], [ %node, %build ]
  %node = call ptr @malloc(i64 24)
  store ptr %head, ptr %node, align 8
  %i.next = add i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %build, label %exit

exit:
  store ptr %node, ptr @g, align 8
  ret void
}

; A realloc may grow a block of the site: each slot has guard-size (256)
; bytes, and the realloc compares its pointer with the pool's range; its
; slot is p's own. (80 bytes fit: the move to the heap folds away here;
; test/e2e/loop-pool.c runs both.)
; REMARK-DAG: remark: {{.*}}: malloc(40) does not escape: 10 stack slots of 256 bytes, one per execution, heap after the last (its loops run at most that often); realloc grows it in place up to 256 bytes, on the heap beyond
; OFF-DAG:    remark: {{.*}}: malloc(40) escapes to heap: live across loop iterations
; CHECK-LABEL: define void @grown(
; CHECK:         %h2s.pool = alloca [2560 x i8], align 16
; CHECK:       drain:
; CHECK:         [[D:%.*]] = sub i64
; CHECK-NEXT:    [[IN:%.*]] = icmp ult i64 [[D]], 2560
; CHECK-NEXT:    br i1 [[IN]], label %{{.*}}, label %[[HEAP:[0-9a-z.]+]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    call ptr @realloc(ptr %p, i64 80)
define void @grown() {
entry:
  %arr = alloca [10 x ptr], align 8
  br label %build

build:
  %i = phi i64 [ 0, %entry ], [ %i.next, %build ]
  %b = call ptr @malloc(i64 40)
  %at = getelementptr inbounds ptr, ptr %arr, i64 %i
  store ptr %b, ptr %at, align 8
  %i.next = add nuw nsw i64 %i, 1
  %more = icmp ult i64 %i.next, 10
  br i1 %more, label %build, label %drain

drain:
  %j = phi i64 [ 0, %build ], [ %j.next, %drain ]
  %at2 = getelementptr inbounds ptr, ptr %arr, i64 %j
  %p = load ptr, ptr %at2, align 8
  %big = call ptr @realloc(ptr %p, i64 80)
  call void @free(ptr %big)
  %j.next = add nuw nsw i64 %j, 1
  %again = icmp ult i64 %j.next, 10
  br i1 %again, label %drain, label %exit

exit:
  ret void
}

; A size known only at run time: each slot is a guarded buffer of
; guard-size (256) bytes, 16 of them in half the frame budget; the slot
; serves an execution when one is left and the size fits.
; REMARK-DAG: remark: {{.*}}: malloc(size) does not escape: 16 stack buffers of 256 bytes, one per execution, heap above and after the last{{$}}
; OFF-DAG:    remark: {{.*}}: malloc(size) escapes to heap: live across loop iterations
; CHECK-LABEL: define void @sized(
; CHECK:         %h2s.pool = alloca [4096 x i8], align 16
; CHECK:       build:
; CHECK:         [[LEFT:%.*]] = icmp ult i64 %h2s.used{{[.0-9]*}}, 16
; CHECK-NEXT:    [[FITS:%.*]] = icmp ult i64 %size, 257
; CHECK-NEXT:    [[BOTH:%.*]] = and i1 [[LEFT]], [[FITS]]
; CHECK-NEXT:    br i1 [[BOTH]]
; CHECK:         shl nuw nsw i64 %h2s.used{{[.0-9]*}}, 8
; CHECK:         call ptr @malloc(i64 %size)
define void @sized(i64 %n, i64 %size) {
entry:
  br label %build

build:
  %i = phi i64 [ 0, %entry ], [ %i.next, %build ]
  %head = phi ptr [ null, %entry ], [ %node, %build ]
  %node = call ptr @malloc(i64 %size)
  store ptr %head, ptr %node, align 8
  %i.next = add i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %build, label %drain

drain:
  %rest = load ptr, ptr %node, align 8
  call void @free(ptr %rest)
  call void @free(ptr %node)
  ret void
}

!0 = !{!"Simple C/C++ TBAA"}
!1 = !{!"omnipotent char", !0, i64 0}
!2 = !{!"any pointer", !1, i64 0}
!5 = !{!"long", !1, i64 0}
!3 = !{!5, !5, i64 0}
!4 = !{!2, !2, i64 0}

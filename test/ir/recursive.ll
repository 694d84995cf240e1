; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s --check-prefixes=CHECK,DEPTH
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<recursive-stack=40>' -S %s | FileCheck %s --check-prefixes=CHECK,TWO
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<recursive-budget=64>' -S %s | FileCheck %s --check-prefixes=CHECK,BUDGET
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<recursive-stack=0>' -S %s | FileCheck %s --check-prefixes=CHECK,OFF
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<recursive-stack=0;recursive-budget=8>' -S %s | FileCheck %s --check-prefixes=CHECK,OFF
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<frame-budget=8>' -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s --check-prefix=SMALL
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<recursive-stack=0>' -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s --check-prefix=ZERO
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<recursive-stack=8>' -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s --check-prefix=NARROW
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<recursive-stack=100>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s --check-prefix=PADDED
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<recursive-stack=128>' -S %s | FileCheck %s --check-prefix=FIT
;
; An allocation in a recursive function (Recursion: the outermost frames,
; docs/design.md). Within recursive-budget bytes (default 0) a slot in
; every frame (BUDGET); past it, the frame budget, but only in the
; outermost frames of the module's call cycles on this thread, as long as
; their regions hold at most recursive-stack bytes (default 65536): a
; thread-local count h2s.depth says how many bytes the frames' regions
; hold; a frame that finds room for its own (16 bytes here: at most
; 65536 - 16 already held; with recursive-stack=40, 24: two frames)
; makes its region (a dynamic alloca), adds its bytes and subtracts them
; before it returns; deeper frames use malloc, and the free tests the
; slot only in a frame that has the region (DEPTH, TWO).
; recursive-stack=0: the heap (OFF); recursive-stack=8, less than the
; slot: kept, with the limit named (NARROW).
; Its non-recursive caller uses the ordinary frame budget.

declare noalias ptr @malloc(i64)
declare noalias ptr @aligned_alloc(i64, i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @rec(i32 %n) {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  %more = icmp sgt i32 %n, 0
  br i1 %more, label %again, label %done

again:
  %m = sub i32 %n, 1
  call void @rec(i32 %m)
  br label %done

done:
  call void @free(ptr %p)
  ret void
}

define void @outer() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @rec(i32 3)
  call void @free(ptr %p)
  ret void
}

; DEPTH: @h2s.depth = internal thread_local global i64 0
; CHECK-LABEL:  define void @rec(
; OFF-NOT:        h2s.slot
; OFF:            %p = call ptr @malloc(i64 16)
; OFF:            call void @free(ptr %p)
; BUDGET-NEXT:  entry:
; BUDGET-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; BUDGET-NOT:     @malloc
; BUDGET-NOT:     @free
; DEPTH:          [[D:%.*]] = load i64, ptr @h2s.depth
; DEPTH-NEXT:     [[OK:%.*]] = icmp ule i64 [[D]], 65520
; TWO:            icmp ule i64 %h2s.depth, 24
; DEPTH-NEXT:     br i1 [[OK]], label %[[MAKE:.*]], label %[[JOIN:.*]]
; DEPTH:        [[MAKE]]:
; DEPTH-NEXT:     [[R:%.*]] = alloca i8, i64 16, align 16
; DEPTH-NEXT:     [[D1:%.*]] = add i64 [[D]], 16
; DEPTH-NEXT:     store i64 [[D1]], ptr @h2s.depth
; DEPTH:        [[JOIN]]:
; DEPTH-NEXT:     [[REGION:%.*]] = phi ptr [ [[R]], %[[MAKE]] ], [ null, %entry ]
; DEPTH-NEXT:     br i1 [[OK]], label %[[STACK:.*]], label %[[HEAP:.*]]
; DEPTH:        [[HEAP]]:
; DEPTH-NEXT:     [[M:%.*]] = call ptr @malloc(i64 16)
; DEPTH:        [[STACK]]:
; DEPTH-NEXT:     [[P:%.*]] = phi ptr [ [[M]], %[[HEAP]] ], [ [[REGION]], %[[JOIN]] ]
; DEPTH:        done:
; DEPTH-NEXT:     [[EQ:%.*]] = icmp eq ptr [[P]], [[REGION]]
; DEPTH-NEXT:     [[MINE:%.*]] = and i1 [[EQ]], [[OK]]
; DEPTH-NEXT:     br i1 [[MINE]], label %[[OUT:.*]], label %[[FREE:.*]]
; DEPTH:        [[FREE]]:
; DEPTH-NEXT:     call void @free(ptr [[P]])
; DEPTH:        [[OUT]]:
; DEPTH-NEXT:     [[ONE:%.*]] = select i1 [[OK]], i64 16, i64 0
; DEPTH-NEXT:     [[C:%.*]] = load i64, ptr @h2s.depth
; DEPTH-NEXT:     [[C1:%.*]] = sub i64 [[C]], [[ONE]]
; DEPTH-NEXT:     store i64 [[C1]], ptr @h2s.depth
; CHECK:          ret void

; CHECK-LABEL:  define void @outer()
; CHECK-NEXT:   entry:
; CHECK-NEXT:     %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:      @malloc
; CHECK-NOT:      @free
; CHECK-NOT:      h2s.depth
; CHECK:          ret void

; Past frame-budget too, the recursive site is kept, with the budget that
; applies named; with recursive-stack=0, recursive-budget's words.
; SMALL-DAG: remark: <unknown>:0:0: malloc(16) escapes to heap: recursive function: 16 more bytes exceed frame-budget 8
; SMALL-DAG: remark: <unknown>:0:0: malloc(16) escapes to heap: frame budget exhausted: 16 more bytes exceed frame-budget 8
; ZERO: remark: <unknown>:0:0: malloc(16) escapes to heap: recursive function: 16 bytes exceed recursive-budget 0
; NARROW: remark: <unknown>:0:0: malloc(16) escapes to heap: recursive function: 16 more bytes exceed recursive-stack 8

; Two sites behind one guard share the region, each at its alignment: 16
; bytes at 0 and a 64-aligned 64 bytes at 64, 128 in all. With
; recursive-stack=100 the second does not fit once the padding counts,
; and is kept with the limit named (PADDED); with 128 both are demoted
; and a frame takes its region only when the count is 0 (FIT).
define void @rec2(i32 %n) {
entry:
  %a = call ptr @malloc(i64 16)
  %b = call ptr @aligned_alloc(i64 64, i64 64)
  call void @use(ptr %a)
  call void @use(ptr %b)
  %c = icmp eq i32 %n, 0
  br i1 %c, label %done, label %more
more:
  %m = sub i32 %n, 1
  call void @rec2(i32 %m)
  br label %done
done:
  call void @free(ptr %a)
  call void @free(ptr %b)
  ret void
}
; PADDED-DAG: remark: <unknown>:0:0: malloc(16) does not escape: moved to a 16-byte stack slot in the outermost frames of its call cycle (100 bytes of slots a thread), heap deeper
; PADDED-DAG: remark: <unknown>:0:0: aligned_alloc(64, 64) escapes to heap: recursive function: 64 more bytes exceed recursive-stack 100
; FIT-LABEL: define void @rec2(
; FIT:         icmp ule i64 %h2s.depth, 0
; FIT:         alloca i8, i64 128, align 64
; FIT:         add i64 %h2s.depth, 128

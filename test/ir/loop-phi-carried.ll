; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<loop-slots=0>' -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -disable-output %s 2>&1 | FileCheck %s --check-prefix=POOL
;
; The pointer of one iteration is carried to the next through a phi (`prev =
; cur`) and read there after the next allocation: with one slot the read
; would see the new object. Stays on the heap under loop-slots=0; by
; default each execution gets its own slot of a pool of 64.

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f(i32 %n) {
entry:
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %latch ]
  %prev = phi ptr [ null, %entry ], [ %cur, %latch ]
  %cur = call ptr @malloc(i64 16)
  store i32 %i, ptr %cur
  %first = icmp eq ptr %prev, null
  br i1 %first, label %latch, label %read

read:
  call void @use(ptr %prev)
  call void @free(ptr %prev)
  br label %latch

latch:
  %i.next = add i32 %i, 1
  %more = icmp slt i32 %i.next, %n
  br i1 %more, label %loop, label %exit

exit:
  ret void
}

; CHECK-LABEL: define void @f(
; CHECK-NOT:     h2s.slot
; CHECK:         %cur = call ptr @malloc(i64 16)
; CHECK:         call void @free(ptr %prev)

; POOL: remark: {{.*}}: malloc(16) does not escape: 64 stack slots of 16 bytes, one per execution, heap after the last{{$}}

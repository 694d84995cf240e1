; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<loop-slots=0>' -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -disable-output %s 2>&1 | FileCheck %s --check-prefix=POOL
;
; An irreducible cycle (two entries, so no natural loop) is still a cycle:
; a pointer carried around it through phis and read after the next
; allocation keeps the site out of one shared slot (loop-slots=0: on the
; heap). By default each execution has its own slot in a pool of 64 (no
; trip count: an irreducible cycle is no natural loop), and the read sees
; the object it should.

declare noalias ptr @malloc(i64)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f(i1 %start_in_a, i32 %n) {
entry:
  br i1 %start_in_a, label %a, label %b

a:
  %pa = phi ptr [ null, %entry ], [ %p, %next ]
  br label %b

b:
  %prev = phi ptr [ null, %entry ], [ %pa, %a ]
  %p = call ptr @malloc(i64 16)
  store i8 0, ptr %p
  %first = icmp eq ptr %prev, null
  br i1 %first, label %next, label %read

read:
  call void @use(ptr %prev)
  br label %next

next:
  %more = icmp slt i32 0, %n
  br i1 %more, label %a, label %exit

exit:
  ret void
}

; CHECK-LABEL: define void @f(
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)

; POOL: remark: {{.*}}: malloc(16) does not escape: 64 stack slots of 16 bytes, one per execution, heap after the last{{$}}

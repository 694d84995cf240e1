; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<guard-size=0;inline-budget=0;loop-slots=0;recursive-stack=0>' -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s
;
; -pass-remarks-missed=heap2stack reports each site kept on the heap with
; the reason in words; demoted sites are not reported. (guard-size=0 keeps
; a size known only at run time on the heap, and loop-slots=0 a site in a
; loop whose blocks outlive the iteration; test/ir/guard-alloc.ll tests the
; guard, test/ir/loop-pool.ll the pools.)

@g = global ptr null

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @ext(ptr)
declare ptr @realloc(ptr, i64)
declare ptr @reallocarray(ptr, i64, i64)
declare void @_ZdlPv(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @keep(ptr %x) {
  store ptr %x, ptr @g
  ret void
}

define void @release(ptr %x) {
  call void @free(ptr %x)
  ret void
}

define ptr @returned() {
  %p = call ptr @malloc(i64 16)
  ret ptr %p
}

define void @global() {
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr @g
  ret void
}

define void @param(ptr %out) {
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %out
  ret void
}

define void @unknown() {
  %p = call ptr @malloc(i64 16)
  call void @ext(ptr %p)
  ret void
}

define void @indirect(ptr %fn) {
  %p = call ptr @malloc(i64 16)
  call void %fn(ptr %p)
  ret void
}

define void @leaks() {
  %p = call ptr @malloc(i64 16)
  call void @keep(ptr %p)
  ret void
}

define void @freed() {
  %p = call ptr @malloc(i64 16)
  call void @release(ptr %p)
  ret void
}

define void @resized() {
  %p = call ptr @malloc(i64 16)
  %q = call ptr @reallocarray(ptr %p, i64 4, i64 8)
  call void @free(ptr %q)
  ret void
}

define i32 @integer() {
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  %t = trunc i64 %i to i32
  ret i32 %t
}

define void @assembly() {
  %p = call ptr @malloc(i64 16)
  call void asm sideeffect "", "r"(ptr %p)
  ret void
}

define ptr @container() {
  %box = call ptr @malloc(i64 8)
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %box
  ret ptr %box
}

define void @large() {
  %p = call ptr @malloc(i64 8192)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @dynamic(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @loop(i32 %n) {
entry:
  br label %body

body:
  %i = phi i32 [ 0, %entry ], [ %i.next, %body ]
  %prev = phi ptr [ null, %entry ], [ %p, %body ]
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %prev)
  %i.next = add i32 %i, 1
  %more = icmp slt i32 %i.next, %n
  br i1 %more, label %body, label %exit

exit:
  ret void
}

define void @recursive(i32 %n) {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  %more = icmp sgt i32 %n, 0
  br i1 %more, label %again, label %done

again:
  %m = sub i32 %n, 1
  call void @recursive(i32 %m)
  br label %done

done:
  call void @free(ptr %p)
  ret void
}

define void @budget() {
  %a = call ptr @malloc(i64 3000)
  call void @use(ptr %a)
  %b = call ptr @malloc(i64 3000)
  call void @use(ptr %b)
  %c = call ptr @malloc(i64 3000)
  call void @use(ptr %c)
  ret void
}

define void @family() {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @_ZdlPv(ptr %p)
  ret void
}

define void @optnone() noinline optnone {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK:      remark: {{.*}}malloc(16) escapes to heap: returned{{$}}
; CHECK-NEXT: remark: {{.*}}malloc(16) escapes to heap: stored to global g{{$}}
; CHECK-NEXT: remark: {{.*}}malloc(16) escapes to heap: stored through a parameter{{$}}
; CHECK-NEXT: remark: {{.*}}malloc(16) escapes to heap: passed to unknown function ext{{$}}
; CHECK-NEXT: remark: {{.*}}malloc(16) escapes to heap: passed to an indirect call{{$}}
; CHECK-NEXT: remark: {{.*}}malloc(16) escapes to heap: passed to keep, which leaks it{{$}}
; CHECK-NEXT: remark: {{.*}}malloc(16) escapes to heap: freed by release, not inlined: inline-budget=0{{$}}
; CHECK-NEXT: remark: {{.*}}malloc(16) escapes to heap: passed to reallocarray{{$}}
; CHECK-NEXT: remark: {{.*}}malloc(16) escapes to heap: converted to an integer{{$}}
; CHECK-NEXT: remark: {{.*}}malloc(16) escapes to heap: used by inline asm{{$}}
; CHECK-NEXT: remark: {{.*}}malloc(8) escapes to heap: returned{{$}}
; CHECK-NEXT: remark: {{.*}}malloc(16) escapes to heap: stored into malloc(8), which escapes{{$}}
; CHECK-NEXT: remark: {{.*}}malloc(8192) escapes to heap: too large for stack: 8192 bytes > max-size 4096{{$}}
; CHECK-NEXT: remark: {{.*}}malloc(n) escapes to heap: non-constant size{{$}}
; CHECK-NEXT: remark: {{.*}}malloc(16) escapes to heap: live across loop iterations{{$}}
; CHECK-NEXT: remark: {{.*}}malloc(16) escapes to heap: recursive function: 16 bytes exceed recursive-budget 0{{$}}
; CHECK-NEXT: remark: {{.*}}malloc(3000) escapes to heap: frame budget exhausted: 3000 more bytes exceed frame-budget 8192{{$}}
; CHECK-NEXT: remark: {{.*}}malloc(16) escapes to heap: freed by _ZdlPv, a deallocator of another family{{$}}
; CHECK-NEXT: remark: {{.*}}malloc(16) escapes to heap: optnone function{{$}}
; CHECK-NOT:  remark

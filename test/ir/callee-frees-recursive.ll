; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -S %s -o %t.ll 2>&1 | FileCheck --check-prefix=REMARK %s
; RUN: FileCheck %s < %t.ll
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<recursive-budget=64>' -pass-remarks=heap2stack -disable-output %s 2>&1 | FileCheck --check-prefix=BUDGET %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<recursive-stack=0>' -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck --check-prefix=NOFRAMES %s
;
; Callees that free, on a call cycle (docs/design.md): a callee that frees
; the block itself and recurses only on what it points to (a tree's
; destructor) is inlined once, as any callee that frees; LLVM's own
; inliner refuses a function that calls itself as a matter of policy, and
; the glue asks for every other condition of LLVM's. Not inlined: a callee
; that passes the block itself on round its cycle (inlining would only
; move it one step), one that LLVM cannot inline for another reason (a
; setjmp), and a call of the function itself.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare i32 @setjmp(ptr) returns_twice

%struct.node = type { ptr, ptr, i32 }

; void tree_free(struct node *n) { if (n) { tree_free(n->l);
;     tree_free(n->r); free(n); } }
define internal void @tree_free(ptr %n) {
  %z = icmp eq ptr %n, null
  br i1 %z, label %out, label %do
do:
  %l = load ptr, ptr %n, align 8
  call void @tree_free(ptr %l)
  %rp = getelementptr inbounds i8, ptr %n, i64 8
  %r = load ptr, ptr %rp, align 8
  call void @tree_free(ptr %r)
  call void @free(ptr %n)
  br label %out
out:
  ret void
}

; a root and two leaves, freed by the destructor: the first round inlines
; it for the root, the second for the leaves (their children are null)
define i32 @pair(i32 %a, i32 %b) {
  %root = call ptr @malloc(i64 24)
  %x = call ptr @malloc(i64 24)
  %y = call ptr @malloc(i64 24)
  store ptr null, ptr %x, align 8
  %xr = getelementptr inbounds i8, ptr %x, i64 8
  store ptr null, ptr %xr, align 8
  store ptr null, ptr %y, align 8
  %yr = getelementptr inbounds i8, ptr %y, i64 8
  store ptr null, ptr %yr, align 8
  store ptr %x, ptr %root, align 8
  %rr = getelementptr inbounds i8, ptr %root, i64 8
  store ptr %y, ptr %rr, align 8
  %xv = getelementptr inbounds i8, ptr %x, i64 16
  store i32 %a, ptr %xv, align 4
  %yv = getelementptr inbounds i8, ptr %y, i64 16
  store i32 %b, ptr %yv, align 4
  %u = load volatile i32, ptr %xv, align 4
  %v = load volatile i32, ptr %yv, align 4
  %s = add i32 %u, %v
  call void @tree_free(ptr %root)
  ret i32 %s
}
; REMARK-DAG: remark: <unknown>:0:0: malloc(24) does not escape: moved to a 24-byte stack slot; inlined tree_free, which frees it
; CHECK-LABEL: define i32 @pair(
; CHECK-NOT: @malloc
; CHECK-NOT: @free
; CHECK: ret i32

; mutual recursion: a list freed by two functions taking turns
define internal void @free_a(ptr %p) {
  %z = icmp eq ptr %p, null
  br i1 %z, label %out, label %do
do:
  %next = load ptr, ptr %p, align 8
  call void @free_b(ptr %next)
  call void @free(ptr %p)
  br label %out
out:
  ret void
}

define internal void @free_b(ptr %p) {
  %z = icmp eq ptr %p, null
  br i1 %z, label %out, label %do
do:
  %next = load ptr, ptr %p, align 8
  call void @free_a(ptr %next)
  call void @free(ptr %p)
  br label %out
out:
  ret void
}

define i8 @one_node(i8 %v) {
  %n = call ptr @malloc(i64 16)
  store ptr null, ptr %n, align 8
  %f = getelementptr inbounds i8, ptr %n, i64 8
  store i8 %v, ptr %f, align 1
  %r = load volatile i8, ptr %f, align 1
  call void @free_a(ptr %n)
  ret i8 %r
}
; REMARK-DAG: remark: <unknown>:0:0: malloc(16) does not escape: moved to a 16-byte stack slot; inlined free_a, which frees it
; CHECK-LABEL: define i8 @one_node(
; CHECK-NOT: @malloc
; CHECK-NOT: call void @free(
; CHECK: ret i8

; kept: the destructor hands the block itself on round the cycle
define internal void @release_later(ptr %p, i32 %n) {
  %c = icmp eq i32 %n, 0
  br i1 %c, label %free, label %again
again:
  %m = sub i32 %n, 1
  %q = getelementptr inbounds i8, ptr %p, i64 0
  call void @release_later(ptr %q, i32 %m)
  ret void
free:
  call void @free(ptr %p)
  ret void
}

define void @later(i32 %n) {
  %p = call ptr @malloc(i64 40)
  store volatile i8 1, ptr %p
  call void @release_later(ptr %p, i32 %n)
  ret void
}
; REMARK-DAG: remark: <unknown>:0:0: malloc(40) escapes to heap: freed by release_later, not inlined: it passes it on round a call cycle
; CHECK-LABEL: define void @later(
; CHECK: call ptr @malloc(i64 40)
; CHECK: call void @release_later(

; kept: a recursive destructor that calls setjmp, which LLVM does not
; inline whatever the recursion
define internal void @free_jmp(ptr %n, ptr %env) {
  %z = icmp eq ptr %n, null
  br i1 %z, label %out, label %do
do:
  %j = call i32 @setjmp(ptr %env)
  %l = load ptr, ptr %n, align 8
  call void @free_jmp(ptr %l, ptr %env)
  call void @free(ptr %n)
  br label %out
out:
  ret void
}

define void @jmp(ptr %env) {
  %n = call ptr @malloc(i64 48)
  store ptr null, ptr %n, align 8
  call void @free_jmp(ptr %n, ptr %env)
  ret void
}
; REMARK-DAG: remark: <unknown>:0:0: malloc(48) escapes to heap: freed by free_jmp, not inlined: LLVM cannot inline it there

; a function on the cycle frees, through the other member, a block of its
; own; inlined, the block is its own, and it lies on a call cycle: a slot
; in the outermost frames, within recursive-stack (Recursion: the outermost
; frames); with recursive-budget=64, a slot in every frame; with
; recursive-stack=0, kept
define internal void @walk_b(ptr %p, i32 %n) {
  call void @free(ptr %p)
  %c = icmp eq i32 %n, 0
  br i1 %c, label %out, label %again
again:
  %m = sub i32 %n, 1
  call void @walk_a(i32 %m)
  br label %out
out:
  ret void
}

define void @walk_a(i32 %n) {
  %p = call ptr @malloc(i64 56)
  store volatile i8 1, ptr %p
  call void @walk_b(ptr %p, i32 %n)
  ret void
}
; REMARK-DAG: remark: <unknown>:0:0: malloc(56) does not escape: moved to a 56-byte stack slot in the outermost frames of its call cycle (65536 bytes of slots a thread), heap deeper; inlined walk_b, which frees it
; NOFRAMES-DAG: remark: <unknown>:0:0: malloc(56) escapes to heap: recursive function: 56 bytes exceed recursive-budget 0
; BUDGET-DAG: remark: <unknown>:0:0: malloc(56) does not escape: moved to a 56-byte stack slot; inlined walk_b, which frees it

; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<no-freed-escapes>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s
;
; An integer made from a block's address exposes the block only where it
; leaves the function or goes where the analysis does not follow it. It
; does not when it is stored to the function's own memory (the store
; carries the block into that memory's contents, followed from there),
; used as the index of a GEP from the block itself or from null, or
; passed through a value intrinsic (llvm.uadd.with.overflow, whose
; extractvalue carries it on). Demoted: gnulib's malloca and freea
; inlined (the offset to the aligned address is a difference of two
; integers made from the address, stored in front of the block and read
; back to free it); an address kept in a local and compared. Kept: an
; index into another object, an integer passed to a function or
; returned narrowed (not followed: exposed, "converted to an integer");
; an integer returned whole, stored through a parameter, or kept in a
; local that unknown code is given (followed: the flow names the escape);
; a byte of the address given to llvm.memset (whose value is not
; followed).
;
; A difference of two integers that are each the same address plus a
; bounded offset (constants added or subtracted, an alignment mask of at
; most 4096, a small constant or'ed in) is an offset, like a pointer
; difference within one object: it carries no object, and may leave the
; function (returned below). Not so a difference of an address times two
; and the address (the address itself), one with another block's address,
; or one aligned down to a megabyte (20 bits of the address): those carry
; the blocks they are made of.
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@table = global [256 x i8] zeroinitializer
@bytes = global [8 x i8] zeroinitializer

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @sink(i64)
declare void @unknown(ptr)
declare { i64, i1 } @llvm.uadd.with.overflow.i64(i64, i64)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

; CHECK-DAG: remark: <unknown>:0:0: malloc(139) does not escape: moved to a 139-byte stack slot
define void @malloca() {
  %mem = call ptr @malloc(i64 139)
  %u = ptrtoint ptr %mem to i64
  %o = call { i64, i1 } @llvm.uadd.with.overflow.i64(i64 %u, i64 31)
  %up = extractvalue { i64, i1 } %o, 0
  %r = urem i64 %up, 32
  %a = sub i64 %up, %r
  %b = add i64 %a, 16
  %off = sub i64 %b, %u
  %p = getelementptr i8, ptr %mem, i64 %off
  %slot = getelementptr i8, ptr %p, i64 -8
  store i64 %off, ptr %slot
  call void @use(ptr %p)
  %pi = ptrtoint ptr %p to i64
  %bit = and i64 %pi, 16
  %c = icmp ne i64 %bit, 0
  br i1 %c, label %heap, label %done
heap:
  %back = getelementptr i8, ptr %p, i64 -8
  %o2 = load i64, ptr %back
  %neg = sub i64 0, %o2
  %m2 = getelementptr i8, ptr %p, i64 %neg
  call void @free(ptr %m2)
  br label %done
done:
  ret void
}

; CHECK-DAG: remark: <unknown>:0:0: malloc(32) does not escape: moved to a 32-byte stack slot
define i1 @kept_and_compared(ptr %q) {
  %p = call ptr @malloc(i64 32)
  %s = alloca i64
  %i = ptrtoint ptr %p to i64
  store i64 %i, ptr %s
  call void @use(ptr %p)
  %l = load i64, ptr %s
  %qi = ptrtoint ptr %q to i64
  %c = icmp eq i64 %l, %qi
  call void @free(ptr %p)
  ret i1 %c
}

; CHECK-DAG: remark: <unknown>:0:0: malloc(40) escapes to heap: converted to an integer
define void @index_other() {
  %p = call ptr @malloc(i64 40)
  %i = ptrtoint ptr %p to i64
  %k = and i64 %i, 255
  %e = getelementptr i8, ptr @table, i64 %k
  store volatile i8 1, ptr %e
  call void @free(ptr %p)
  ret void
}

; CHECK-DAG: remark: <unknown>:0:0: malloc(48) escapes to heap: converted to an integer
define void @to_call() {
  %p = call ptr @malloc(i64 48)
  %i = ptrtoint ptr %p to i64
  call void @sink(i64 %i)
  call void @free(ptr %p)
  ret void
}

; CHECK-DAG: remark: <unknown>:0:0: malloc(56) escapes to heap: converted to an integer
define i32 @narrow_return() {
  %p = call ptr @malloc(i64 56)
  %i = ptrtoint ptr %p to i64
  %t = trunc i64 %i to i32
  call void @free(ptr %p)
  ret i32 %t
}

; CHECK-DAG: remark: <unknown>:0:0: malloc(64) escapes to heap: returned
define i64 @returned() {
  %p = call ptr @malloc(i64 64)
  %i = ptrtoint ptr %p to i64
  ret i64 %i
}

; CHECK-DAG: remark: <unknown>:0:0: malloc(72) escapes to heap: stored through a parameter
define void @through_param(ptr %out) {
  %p = call ptr @malloc(i64 72)
  %i = ptrtoint ptr %p to i64
  store i64 %i, ptr %out
  ret void
}

; CHECK-DAG: remark: <unknown>:0:0: malloc(80) escapes to heap: stored into a local variable, which escapes
define void @local_given_away() {
  %p = call ptr @malloc(i64 80)
  %s = alloca i64
  %i = ptrtoint ptr %p to i64
  store i64 %i, ptr %s
  call void @unknown(ptr %s)
  call void @free(ptr %p)
  ret void
}

; CHECK-DAG: remark: <unknown>:0:0: malloc(88) escapes to heap: converted to an integer
define void @memset_byte() {
  %p = call ptr @malloc(i64 88)
  %i = ptrtoint ptr %p to i64
  %b = trunc i64 %i to i8
  call void @llvm.memset.p0.i64(ptr @bytes, i8 %b, i64 8, i1 false)
  call void @free(ptr %p)
  ret void
}

; CHECK-DAG: remark: <unknown>:0:0: malloc(96) does not escape: moved to a 96-byte stack slot
define i64 @offset_returned() {
  %p = call ptr @malloc(i64 96)
  %i = ptrtoint ptr %p to i64
  %a = add i64 %i, 31
  %m = and i64 %a, -32
  %o = or i64 %m, 16
  %d = sub i64 %o, %i
  call void @free(ptr %p)
  ret i64 %d
}

; CHECK-DAG: remark: <unknown>:0:0: malloc(104) escapes to heap: returned
define i64 @doubled() {
  %p = call ptr @malloc(i64 104)
  %i = ptrtoint ptr %p to i64
  %t = mul i64 %i, 2
  %d = sub i64 %t, %i
  call void @free(ptr %p)
  ret i64 %d
}

; CHECK-DAG: remark: <unknown>:0:0: malloc(112) escapes to heap: returned
; CHECK-DAG: remark: <unknown>:0:0: malloc(120) escapes to heap: returned
define i64 @two_blocks() {
  %p = call ptr @malloc(i64 112)
  %q = call ptr @malloc(i64 120)
  %i = ptrtoint ptr %p to i64
  %j = ptrtoint ptr %q to i64
  %a = add i64 %i, 15
  %d = sub i64 %a, %j
  call void @free(ptr %p)
  call void @free(ptr %q)
  ret i64 %d
}

; CHECK-DAG: remark: <unknown>:0:0: malloc(128) escapes to heap: returned
define i64 @megabyte() {
  %p = call ptr @malloc(i64 128)
  %i = ptrtoint ptr %p to i64
  %m = and i64 %i, -1048576
  %d = sub i64 %i, %m
  call void @free(ptr %p)
  ret i64 %d
}

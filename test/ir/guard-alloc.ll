; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -S %s -o %t.ll 2>&1 | FileCheck --check-prefix=REMARK %s
; RUN: FileCheck %s < %t.ll
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<guard-size=64>' -S %s | FileCheck --check-prefix=K64 %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<guard-size=8192>' -pass-remarks=heap2stack -disable-output %s 2>&1 | FileCheck --check-prefix=BIG %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<max-size=128>' -pass-remarks=heap2stack -disable-output %s 2>&1 | FileCheck --check-prefix=SMALL %s
;
; A size known only at run time gets a guarded stack buffer of guard-size
; bytes (256 by default): the allocation runs only when the size does not
; fit, and every free of the block frees null instead of the buffer.
; calloc zeroes the bytes it was asked for; aligned_alloc and
; posix_memalign get a buffer of their alignment, and posix_memalign
; reports success for it. An invoked allocation is guarded too
; (test/ir/guard-invoke.ll; here its landing pad only resumes, so the
; cleanup turns the invoke into a call). The buffer is
; never larger than max-size: guard-size=8192 gives 4096-byte buffers, and
; max-size=128 alone 128-byte ones.
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare noalias ptr @malloc(i64)
declare noalias ptr @calloc(i64, i64)
declare noalias ptr @aligned_alloc(i64, i64)
declare i32 @posix_memalign(ptr, i64, i64)
declare void @free(ptr)
declare ptr @_Znam(i64)
declare void @_ZdaPv(ptr)
declare i32 @__gxx_personality_v0(...)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @malloc_n(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @calloc_n(i64 %c, i64 %n) {
  %p = call ptr @calloc(i64 %c, i64 %n)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @aligned_n(i64 %n) {
  %p = call ptr @aligned_alloc(i64 64, i64 %n)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define i32 @posix_n(i64 %n) {
  %pp = alloca ptr
  %r = call i32 @posix_memalign(ptr %pp, i64 32, i64 %n)
  %bad = icmp ne i32 %r, 0
  br i1 %bad, label %out, label %ok
ok:
  %p = load ptr, ptr %pp
  call void @use(ptr %p)
  call void @free(ptr %p)
  br label %out
out:
  ret i32 %r
}

define void @invoked_n(i64 %n) personality ptr @__gxx_personality_v0 {
  %p = invoke ptr @_Znam(i64 %n) to label %ok unwind label %lp
ok:
  call void @use(ptr %p)
  call void @_ZdaPv(ptr %p)
  ret void
lp:
  %e = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %e
}

; REMARK: remark: <unknown>:0:0: malloc(n) does not escape: stack buffer of 256 bytes, heap above
; REMARK-NEXT: remark: <unknown>:0:0: calloc(c, n) does not escape: stack buffer of 256 bytes, heap above
; REMARK-NEXT: remark: <unknown>:0:0: aligned_alloc(64, n) does not escape: stack buffer of 256 bytes, heap above
; REMARK-NEXT: remark: <unknown>:0:0: posix_memalign(32, n) does not escape: stack buffer of 256 bytes, heap above
; REMARK-NEXT: remark: <unknown>:0:0: new[](n) does not escape: stack buffer of 256 bytes, heap above

; CHECK-LABEL: define void @malloc_n(
; CHECK:         %h2s.slot = alloca [256 x i8], align 16
; CHECK:         %[[FITS:.*]] = icmp ule i64 %n, 256
; CHECK-NEXT:    br i1 %[[FITS]], label %[[STACK:.*]], label %[[HEAP:.*]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %[[P:.*]] = call ptr @malloc(i64 %n)
; CHECK:         %[[Q:.*]] = phi ptr [ %[[P]], %[[HEAP]] ], [ %h2s.slot, %{{.*}} ]
; CHECK-NEXT:    call void @use(ptr %[[Q]])
; CHECK-NEXT:    %[[IS:.*]] = icmp eq ptr %[[Q]], %h2s.slot
; CHECK-NEXT:    br i1 %[[IS]], label %[[SKIP:[0-9a-z.]+]], label %[[FREE:[0-9a-z.]+]]
; CHECK:       [[FREE]]:
; CHECK-NEXT:    call void @free(ptr {{.*}}%[[Q]])
; CHECK-NEXT:    br label %[[SKIP]]

; CHECK-LABEL: define void @calloc_n(
; CHECK:         %h2s.slot = alloca [256 x i8], align 16
; CHECK-DAG:     %[[N:.*]] = icmp ule i64 %n, 256
; CHECK-DAG:     %[[BYTES:.*]] = mul i64 %c, %n
; CHECK-DAG:     %[[C:.*]] = icmp ule i64 %c, 256
; CHECK-DAG:     %[[T:.*]] = icmp ule i64 %[[BYTES]], 256
; CHECK:         br i1 %{{.*}}, label %[[STACK:.*]], label %[[HEAP:.*]]
; CHECK:       [[STACK]]:
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr {{.*}}%h2s.slot, i8 0, i64 %[[BYTES]], i1 false)
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    call ptr @calloc(i64 %c, i64 %n)
; CHECK:         call void @free(ptr

; CHECK-LABEL: define void @aligned_n(
; CHECK:         %h2s.slot = alloca [256 x i8], align 64
; CHECK:         call ptr @aligned_alloc(i64 64, i64 %n)

; CHECK-LABEL: define i32 @posix_n(
; CHECK:         %h2s.slot = alloca [256 x i8], align 32
; CHECK:         br i1 %{{.*}}, label %[[STACK:.*]], label %[[HEAP:.*]]
; CHECK:       [[STACK]]:
; CHECK-NEXT:    store ptr %h2s.slot, ptr %pp
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %[[R:.*]] = call i32 @posix_memalign(ptr {{.*}}%pp, i64 32, i64 %n)
; CHECK:         phi i32 [ 0, %[[STACK]] ], [ %[[R]], %[[HEAP]] ]

; CHECK-LABEL: define void @invoked_n(
; CHECK:         %h2s.slot = alloca [256 x i8], align 16
; CHECK:         icmp ule i64 %n, 256
; CHECK:         call ptr @_Znam(i64 %n)

; K64-LABEL: define void @malloc_n(
; K64:         %h2s.slot = alloca [64 x i8], align 16
; K64:         icmp ule i64 %n, 64

; BIG-COUNT-4: does not escape: stack buffer of 4096 bytes, heap above
; SMALL-COUNT-4: does not escape: stack buffer of 128 bytes, heap above

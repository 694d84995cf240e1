; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -S %s -o %t.ll 2>&1 | FileCheck --check-prefix=REMARK %s
; RUN: FileCheck %s < %t.ll
;
; strdup(s) and strndup(s, n) are allocation sites whose size is known only
; at run time: a guarded buffer of guard-size bytes serves a string shorter
; than it (strlen / strnlen, then a copy and a NUL), strdup itself a longer
; one. The module gets declarations of strlen and strnlen. A copy that is
; returned escapes as any allocation does.

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"

declare noalias ptr @strdup(ptr)
declare noalias ptr @strndup(ptr, i64)
declare void @free(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @dup(ptr %s) {
  %p = call ptr @strdup(ptr %s)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @ndup(ptr %s, i64 %n) {
  %p = call ptr @strndup(ptr %s, i64 %n)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define ptr @returned(ptr %s) {
  %p = call ptr @strdup(ptr %s)
  ret ptr %p
}

; REMARK: remark: <unknown>:0:0: strdup(s) does not escape: stack buffer of 256 bytes, heap above
; REMARK-NEXT: remark: <unknown>:0:0: strndup(s, n) does not escape: stack buffer of 256 bytes, heap above
; REMARK-NEXT: remark: <unknown>:0:0: strdup(s) escapes to heap: returned

; CHECK-LABEL: define void @dup(
; CHECK:         %h2s.slot = alloca [256 x i8], align 16
; CHECK:         %[[LEN:.*]] = call i64 @strlen(ptr {{.*}}%s)
; CHECK-NEXT:    %[[FITS:.*]] = icmp ult i64 %[[LEN]], 256
; CHECK-NEXT:    br i1 %[[FITS]], label %[[STACK:.*]], label %[[HEAP:.*]]
; CHECK:       [[STACK]]:
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr {{.*}}%h2s.slot, ptr {{.*}}%s, i64 %[[LEN]], i1 false)
; CHECK-NEXT:    %[[END:.*]] = getelementptr i8, ptr %h2s.slot, i64 %[[LEN]]
; CHECK-NEXT:    store i8 0, ptr %[[END]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %[[P:.*]] = call ptr @strdup(ptr {{.*}}%s)
; CHECK:         %[[Q:.*]] = phi ptr [ %h2s.slot, %[[STACK]] ], [ %[[P]], %[[HEAP]] ]
; CHECK:         %[[IS:.*]] = icmp eq ptr %[[Q]], %h2s.slot
; CHECK-NEXT:    br i1 %[[IS]], label %{{.*}}, label %[[FREE:[0-9a-z.]+]]
; CHECK:       [[FREE]]:
; CHECK-NEXT:    call void @free(ptr {{.*}}%[[Q]])

; CHECK-LABEL: define void @ndup(
; CHECK:         %[[LEN:.*]] = call i64 @strnlen(ptr %s, i64 %n)
; CHECK-NEXT:    icmp ult i64 %[[LEN]], 256
; CHECK:         call ptr @strndup(ptr %s, i64 %n)

; CHECK-LABEL: define ptr @returned(
; CHECK-NOT:     h2s.slot
; CHECK:         call ptr @strdup(ptr %s)

; CHECK-DAG: declare i64 @strlen(ptr)
; CHECK-DAG: declare i64 @strnlen(ptr, i64)

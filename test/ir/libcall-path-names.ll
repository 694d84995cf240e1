; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -S %s -o %t.ll 2>&1 | FileCheck --check-prefix=REMARK %s
; RUN: FileCheck %s < %t.ll
;
; realpath(path, buf) writes the resolved name into buf and returns buf or
; NULL (or, given NULL, a block it allocates); dirname and basename (GNU's
; and POSIX's __xpg_basename) return a pointer into their argument or a
; static string of their own. None keeps its argument: a buffer handed to
; them and freed through their result stays demotable. Their result may be
; the library's memory, so what is stored through it escapes, and what
; points into the buffer escapes with it when the result does.
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global ptr null

declare noalias ptr @malloc(i64)
declare noalias ptr @strdup(ptr)
declare void @free(ptr)
declare ptr @realpath(ptr, ptr)
declare ptr @dirname(ptr)
declare ptr @basename(ptr)
declare ptr @__xpg_basename(ptr)
declare i64 @strlen(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

; jq's jq_realpath: the buffer is freed through realpath's result, which
; may also be the library's block: that free gets the slot test.
; REMARK-DAG: remark: <unknown>:0:0: malloc(n) does not escape: stack buffer of 256 bytes, heap above
; CHECK-LABEL: define void @resolve(
; CHECK: alloca [256 x i8]
; CHECK: %[[T:.*]] = call ptr @realpath(ptr %path, ptr %{{.*}})
; CHECK: icmp eq ptr %[[T]]
; CHECK: call void @free(
define void @resolve(ptr %path, i64 %n) {
  %buf = call ptr @malloc(i64 %n)
  %t = call ptr @realpath(ptr %path, ptr %buf)
  %z = icmp eq ptr %t, null
  br i1 %z, label %fail, label %ok
fail:
  call void @free(ptr %buf)
  ret void
ok:
  call void @use(ptr %t)
  call void @free(ptr %t)
  ret void
}

; jq's main: dirname of a copy, the copy freed.
; REMARK-DAG: remark: <unknown>:0:0: strdup(s) does not escape: stack buffer of 256 bytes, heap above
define void @parent(ptr %s) {
  %c = call ptr @strdup(ptr %s)
  %d = call ptr @dirname(ptr %c)
  call void @use(ptr %d)
  %e = call ptr @basename(ptr %c)
  call void @use(ptr %e)
  %x = call ptr @__xpg_basename(ptr %c)
  call void @use(ptr %x)
  call void @free(ptr %c)
  ret void
}

; The result points into the buffer: storing it to a global is the
; buffer's escape.
; REMARK-DAG: remark: <unknown>:0:0: malloc(4096) escapes to heap: stored to global g
define void @keep_result(ptr %path) {
  %buf = call ptr @malloc(i64 4096)
  %t = call ptr @realpath(ptr %path, ptr %buf)
  store ptr %t, ptr @g
  ret void
}

; realpath(path, NULL) returns a block the analysis does not know: a
; pointer stored into it escapes.
; REMARK-DAG: remark: <unknown>:0:0: malloc(16) escapes to heap: stored to memory the function does not own
define void @store_into_result(ptr %path) {
  %q = call ptr @malloc(i64 16)
  %r = call ptr @realpath(ptr %path, ptr null)
  store ptr %q, ptr %r
  call void @free(ptr %r)
  ret void
}

; dirname's result may be its static "."; a pointer stored there escapes.
; REMARK-DAG: remark: <unknown>:0:0: malloc(8) escapes to heap: stored to memory the function does not own
define void @store_into_dirname(ptr %s) {
  %q = call ptr @malloc(i64 8)
  %d = call ptr @dirname(ptr %s)
  store ptr %q, ptr %d
  ret void
}

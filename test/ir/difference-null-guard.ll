; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s
;
; `q ? q - buf : -1` with q = strchr(buf, c): strchr returns a pointer into
; buf or null (so do memchr, strstr, memcpy, fgets, bsearch: the library
; functions whose result points into an argument), and the difference is
; used only where q is not null, by a select or because it is computed
; only past a test of q. So it is an offset within buf, which stays on the
; stack. Kept: a difference used when q is null too, or past a test of
; another pointer or reached another way too; and a
; difference with the result of getenv, which points anywhere.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare ptr @strchr(ptr, i32)
declare ptr @getenv(ptr)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

; strchr(buf, c) ? strchr(buf, c) - buf : -1, as LLVM makes it
define i64 @select_guard(i32 %c) {
  %buf = call ptr @malloc(i64 16)
  call void @llvm.memset.p0.i64(ptr %buf, i8 97, i64 15, i1 false)
  %end = getelementptr i8, ptr %buf, i64 15
  store i8 0, ptr %end
  %q = call ptr @strchr(ptr %buf, i32 %c)
  %isnull = icmp eq ptr %q, null
  %a = ptrtoint ptr %q to i64
  %b = ptrtoint ptr %buf to i64
  %d = sub i64 %a, %b
  %r = select i1 %isnull, i64 -1, i64 %d
  call void @free(ptr %buf)
  ret i64 %r
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(16) does not escape: moved to a 16-byte stack slot

; the same test written q != null
define i64 @select_guard_ne(i32 %c) {
  %buf = call ptr @malloc(i64 17)
  store i8 0, ptr %buf
  %q = call ptr @strchr(ptr %buf, i32 %c)
  %ok = icmp ne ptr null, %q
  %a = ptrtoint ptr %q to i64
  %b = ptrtoint ptr %buf to i64
  %d = sub i64 %a, %b
  %r = select i1 %ok, i64 %d, i64 -1
  call void @free(ptr %buf)
  ret i64 %r
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(17) does not escape: moved to a 17-byte stack slot

; if (q) { ... } r = q - buf computed only past the test, one block on
define i64 @branch_guard(i32 %c) {
entry:
  %buf = call ptr @malloc(i64 18)
  store i8 0, ptr %buf
  %q = call ptr @strchr(ptr %buf, i32 %c)
  %isnull = icmp eq ptr %q, null
  br i1 %isnull, label %done, label %found
found:
  br label %found2
found2:
  %a = ptrtoint ptr %q to i64
  %b = ptrtoint ptr %buf to i64
  %d = sub i64 %a, %b
  br label %done
done:
  %r = phi i64 [ -1, %entry ], [ %d, %found2 ]
  call void @free(ptr %buf)
  ret i64 %r
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(18) does not escape: moved to a 18-byte stack slot

; past the test, a diamond: the block computing the difference has two
; predecessors, but the non-null side dominates it
define i64 @branch_guard_diamond(i32 %c, i1 %x) {
entry:
  %buf = call ptr @malloc(i64 24)
  store i8 0, ptr %buf
  %q = call ptr @strchr(ptr %buf, i32 %c)
  %isnull = icmp eq ptr %q, null
  br i1 %isnull, label %done, label %found
found:
  br i1 %x, label %left, label %right
left:
  br label %join
right:
  br label %join
join:
  %a = ptrtoint ptr %q to i64
  %b = ptrtoint ptr %buf to i64
  %d = sub i64 %a, %b
  br label %done
done:
  %r = phi i64 [ -1, %entry ], [ %d, %join ]
  call void @free(ptr %buf)
  ret i64 %r
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(24) does not escape: moved to a 24-byte stack slot

; the select picks the difference when q is null: null - buf is the
; buffer's address, negated
define i64 @select_wrong_arm(i32 %c) {
  %buf = call ptr @malloc(i64 19)
  store i8 0, ptr %buf
  %q = call ptr @strchr(ptr %buf, i32 %c)
  %isnull = icmp eq ptr %q, null
  %a = ptrtoint ptr %q to i64
  %b = ptrtoint ptr %buf to i64
  %d = sub i64 %a, %b
  %r = select i1 %isnull, i64 %d, i64 -1
  call void @free(ptr %buf)
  ret i64 %r
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(19) escapes to heap: converted to an integer

; no test at all
define i64 @unguarded(i32 %c) {
  %buf = call ptr @malloc(i64 20)
  store i8 0, ptr %buf
  %q = call ptr @strchr(ptr %buf, i32 %c)
  %a = ptrtoint ptr %q to i64
  %b = ptrtoint ptr %buf to i64
  %d = sub i64 %a, %b
  call void @free(ptr %buf)
  ret i64 %d
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(20) escapes to heap: converted to an integer

; the branch tests another pointer
define i64 @branch_other(i32 %c, ptr %other) {
entry:
  %buf = call ptr @malloc(i64 21)
  store i8 0, ptr %buf
  %q = call ptr @strchr(ptr %buf, i32 %c)
  %isnull = icmp eq ptr %other, null
  br i1 %isnull, label %done, label %found
found:
  %a = ptrtoint ptr %q to i64
  %b = ptrtoint ptr %buf to i64
  %d = sub i64 %a, %b
  br label %done
done:
  %r = phi i64 [ -1, %entry ], [ %d, %found ]
  call void @free(ptr %buf)
  ret i64 %r
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(21) escapes to heap: converted to an integer

; the block past the test is also reached from elsewhere
define i64 @branch_joined(i32 %c, i1 %x) {
entry:
  %buf = call ptr @malloc(i64 22)
  store i8 0, ptr %buf
  %q = call ptr @strchr(ptr %buf, i32 %c)
  br i1 %x, label %test, label %found
test:
  %isnull = icmp eq ptr %q, null
  br i1 %isnull, label %done, label %found
found:
  %a = ptrtoint ptr %q to i64
  %b = ptrtoint ptr %buf to i64
  %d = sub i64 %a, %b
  br label %done
done:
  %r = phi i64 [ -1, %test ], [ %d, %found ]
  call void @free(ptr %buf)
  ret i64 %r
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(22) escapes to heap: converted to an integer

; getenv's result points anywhere: its difference with buf tells where
; buf is
define i64 @getenv_difference(ptr %name) {
  %buf = call ptr @malloc(i64 23)
  store i8 0, ptr %buf
  %q = call ptr @getenv(ptr %name)
  %isnull = icmp eq ptr %q, null
  %a = ptrtoint ptr %q to i64
  %b = ptrtoint ptr %buf to i64
  %d = sub i64 %a, %b
  %r = select i1 %isnull, i64 -1, i64 %d
  call void @free(ptr %buf)
  ret i64 %r
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(23) escapes to heap: converted to an integer

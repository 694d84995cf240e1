; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<no-freed-escapes>' -S %s | FileCheck %s
;
; no-freed-escapes: some of these blocks are freed before their function
; returns, which freed-before-return.ll's rule demotes though they
; escape; this test is about the flows that make them escape.
;
; Mutual recursion: @a passes its parameter to @b, which passes it back and,
; on one path, stores it in a global. The summaries of the cycle are
; iterated to a fixpoint, so @a's parameter leaks too and the caller's
; allocation stays.

@g = global ptr null

declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @a(ptr %x, i32 %n) {
entry:
  %more = icmp sgt i32 %n, 0
  br i1 %more, label %rec, label %done

rec:
  %m = sub i32 %n, 1
  call void @b(ptr %x, i32 %m)
  br label %done

done:
  ret void
}

define void @b(ptr %x, i32 %n) {
entry:
  %seven = icmp eq i32 %n, 7
  br i1 %seven, label %leak, label %rec

leak:
  store ptr %x, ptr @g
  br label %done

rec:
  call void @a(ptr %x, i32 %n)
  br label %done

done:
  ret void
}

define void @caller() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @a(ptr %p, i32 10)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @caller()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @a(ptr %p, i32 10)
; CHECK-NEXT:    call void @free(ptr %p)

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; The cleanup on slots SROA cannot turn into registers (here: passed to a
; call). InstCombine, the costly part of the cleanup, runs only where SROA
; changed the function or a slot is a copy of constant memory; elsewhere
; InstSimplify must still fold what the rewrite made foldable, and
; SimplifyCFG must remove the branches on the folded comparisons.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare i64 @strlen(ptr nocapture)
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)

@str = private unnamed_addr constant [5 x i8] c"q9q9\00"

; Reads one byte and keeps nothing: its parameter does not escape, and the
; call keeps the slots in memory.
define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

; Two slots are two objects: `p == q` is false, and so is a pointer into a
; slot compared with null. Only InstSimplify folds these two (the rewrite
; folds a null check of the allocation's own result).
define i32 @compare() {
entry:
  %p = call ptr @malloc(i64 8)
  %q = call ptr @malloc(i64 8)
  call void @use(ptr %p)
  call void @use(ptr %q)
  %same = icmp eq ptr %p, %q
  br i1 %same, label %yes, label %next

next:
  %r = getelementptr inbounds i8, ptr %q, i64 4
  %isnull = icmp eq ptr %r, null
  br i1 %isnull, label %yes, label %no

yes:
  call void @free(ptr %p)
  call void @free(ptr %q)
  ret i32 1

no:
  call void @free(ptr %p)
  call void @free(ptr %q)
  ret i32 0
}

; CHECK-LABEL: define i32 @compare()
; CHECK-NOT:     {{icmp|select|br }}
; CHECK:         call void @use(ptr
; CHECK-NEXT:    call void @use(ptr
; CHECK-NOT:     {{icmp|select|br }}
; CHECK:         ret i32 0
; CHECK-NEXT:  }

; strdup of a literal (xstrdup inlined): SROA leaves the slot alone, but it
; is a copy of a constant, so InstCombine runs, reads the constant and folds
; strlen (as clang's attributes have it: the call, not the declaration,
; says it only reads).
define i64 @literal() {
entry:
  %p = call ptr @malloc(i64 5)
  call void @llvm.memcpy.p0.p0.i64(ptr %p, ptr @str, i64 5, i1 false)
  %n = call i64 @strlen(ptr %p) #0
  call void @free(ptr %p)
  ret i64 %n
}

; CHECK-LABEL: define i64 @literal()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    ret i64 4
; CHECK-NEXT:  }

attributes #0 = { nounwind willreturn memory(read) }

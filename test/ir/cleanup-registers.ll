; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack,sroa,instcombine' -S %s | FileCheck %s
;
; A demoted buffer that is only loaded and stored ends up in registers: the
; plugin runs SROA, InstCombine and SimplifyCFG on the functions it changed,
; and running them again afterwards finds nothing more to do.

declare noalias ptr @malloc(i64)
declare noalias ptr @calloc(i64, i64)
declare void @free(ptr)

define i32 @f(i32 %x) {
entry:
  %p = call ptr @malloc(i64 8)
  %isnull = icmp eq ptr %p, null
  br i1 %isnull, label %oom, label %ok

ok:
  store i32 %x, ptr %p
  %q = getelementptr inbounds i32, ptr %p, i64 1
  store i32 42, ptr %q
  %a = load i32, ptr %p
  %b = load i32, ptr %q
  %s = add i32 %a, %b
  call void @free(ptr %p)
  ret i32 %s

oom:
  ret i32 -1
}

; calloc's memset feeds the loads: the zero is forwarded.
define i32 @g() {
entry:
  %p = call ptr @calloc(i64 4, i64 4)
  %q = getelementptr inbounds i32, ptr %p, i64 2
  %v = load i32, ptr %q
  call void @free(ptr %p)
  ret i32 %v
}

; CHECK-LABEL: define i32 @f(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %s = add i32 %x, 42
; CHECK-NEXT:    ret i32 %s
; CHECK-NEXT:  }

; CHECK-LABEL: define i32 @g()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    ret i32 0
; CHECK-NEXT:  }

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -verify-each -S %s | FileCheck %s
;
; A demoted block freed by an invoked `operator delete` (and by an invoked
; `free`, as front ends other than clang emit) whose unwind block starts with
; a phi: the invoke becomes a branch, and the phi loses its entry for the
; invoke's block, so the module stays valid. The other entries stay.

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare ptr @malloc(i64)
declare void @free(ptr)
declare void @may_throw()
declare void @cleanup(i32)
declare i32 @__gxx_personality_v0(...)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @deleted() personality ptr @__gxx_personality_v0 {
entry:
  %p = call ptr @_Znwm(i64 16) #0
  invoke void @may_throw() to label %a unwind label %lpad
a:
  call void @use(ptr %p)
  invoke void @may_throw() to label %b unwind label %lpad
b:
  invoke void @_ZdlPv(ptr %p) #0 to label %done unwind label %lpad
done:
  ret void
lpad:
  %where = phi i32 [ 1, %entry ], [ 2, %a ], [ 3, %b ]
  %lp = landingpad { ptr, i32 } cleanup
  call void @cleanup(i32 %where)
  resume { ptr, i32 } %lp
}

; CHECK-LABEL: define void @deleted()
; CHECK:         %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @_Znwm
; CHECK-NOT:     @_ZdlPv
; CHECK:       lpad:
; CHECK-NEXT:    %where = phi i32 [ 1, %entry ], [ 2, %a ]
; CHECK-NEXT:    landingpad

define void @freed() personality ptr @__gxx_personality_v0 {
entry:
  %p = call ptr @malloc(i64 16)
  invoke void @may_throw() to label %a unwind label %lpad
a:
  call void @use(ptr %p)
  invoke void @free(ptr %p) to label %done unwind label %lpad
done:
  ret void
lpad:
  %where = phi i32 [ 1, %entry ], [ 2, %a ]
  %lp = landingpad { ptr, i32 } cleanup
  call void @cleanup(i32 %where)
  resume { ptr, i32 } %lp
}

; The phi keeps one entry: InstCombine folds it to its value.
; CHECK-LABEL: define void @freed()
; CHECK:         %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:       lpad:
; CHECK-NEXT:    landingpad
; CHECK-NEXT:      cleanup
; CHECK-NEXT:    call void @cleanup(i32 1)

; The unwind block's only predecessor is the deleted invoke: the block dies.
define void @only_edge() personality ptr @__gxx_personality_v0 {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  invoke void @free(ptr %p) to label %done unwind label %lpad
done:
  ret void
lpad:
  %where = phi i32 [ 7, %entry ]
  %lp = landingpad { ptr, i32 } cleanup
  call void @cleanup(i32 %where)
  resume { ptr, i32 } %lp
}

; CHECK-LABEL: define void @only_edge()
; CHECK-NOT:     @free
; CHECK-NOT:     lpad:
; CHECK:         ret void
; CHECK-NEXT:  }

; A guarded buffer (a size known only at run time) freed by an invoke: the
; free may receive the slot or the heap block, so it stays, and as an
; invoke it is handed null for the slot rather than skipped (its edges
; stay as they were).
define void @guarded(i64 %n) personality ptr @__gxx_personality_v0 {
entry:
  %p = call ptr @malloc(i64 %n)
  call void @use(ptr %p)
  invoke void @free(ptr %p) to label %done unwind label %lpad
done:
  ret void
lpad:
  %where = phi i32 [ 7, %entry ]
  %lp = landingpad { ptr, i32 } cleanup
  call void @cleanup(i32 %where)
  resume { ptr, i32 } %lp
}

; CHECK-LABEL: define void @guarded(
; CHECK:         %h2s.slot = alloca [256 x i8], align 16
; CHECK:         call ptr @malloc(i64 %n)
; CHECK:         %[[IS:.*]] = icmp eq ptr %[[P:.*]], %h2s.slot
; CHECK-NEXT:    %[[ARG:.*]] = select i1 %[[IS]], ptr null, ptr %[[P]]
; CHECK-NEXT:    invoke void @free(ptr %[[ARG]])
; CHECK-NEXT:            to label %done unwind label %lpad

attributes #0 = { builtin }

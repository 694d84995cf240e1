; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks-missed=heap2stack -disable-output %s 2>&1 | FileCheck %s
;
; Missed remarks for the rules about the whole function: setjmp, musttail,
; a coroutine before CoroSplit. An invoked new whose unwind block starts
; with a phi is no such rule (the phi loses the invoke's entry): no missed
; remark.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare i32 @setjmp(ptr) returns_twice
declare i32 @next(i32)
declare noundef nonnull ptr @_Znwm(i64 noundef) #0
declare void @_ZdlPv(ptr noundef) #1
declare void @may_throw()
declare i32 @__gxx_personality_v0(...)

@env = global [200 x i8] zeroinitializer

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @jumps() {
  %p = call ptr @malloc(i64 16)
  %r = call i32 @setjmp(ptr @env) returns_twice
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define i32 @tail(i32 %x) {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  %r = musttail call i32 @next(i32 %x)
  ret i32 %r
}

define void @coro() presplitcoroutine {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @unwind_phi() personality ptr @__gxx_personality_v0 {
entry:
  invoke void @may_throw()
          to label %alloc unwind label %lpad

alloc:
  %p = invoke noalias noundef nonnull ptr @_Znwm(i64 noundef 16) #2
          to label %cont unwind label %lpad

cont:
  call void @use(ptr %p)
  call void @_ZdlPv(ptr noundef %p) #3
  ret void

lpad:
  %where = phi i32 [ 1, %entry ], [ 2, %alloc ]
  %lp = landingpad { ptr, i32 }
          cleanup
  resume { ptr, i32 } %lp
}

attributes #0 = { nobuiltin allocsize(0) }
attributes #1 = { nobuiltin nounwind }
attributes #2 = { builtin allocsize(0) }
attributes #3 = { builtin nounwind }

; CHECK:      remark: {{.*}}malloc(16) escapes to heap: function calls setjmp (a returns_twice function){{$}}
; CHECK-NEXT: remark: {{.*}}malloc(16) escapes to heap: function makes a musttail call{{$}}
; CHECK-NEXT: remark: {{.*}}malloc(16) escapes to heap: coroutine not yet split{{$}}
; CHECK-NOT:  remark

; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; The callee writes a pointer the caller does not know into the object the
; caller passes. A pointer later loaded from that object may therefore point
; to a global, and storing through it is a store to unknown memory: the
; stored allocation escapes. The written-to object itself is demoted.

@pool = global [64 x i8] zeroinitializer, align 16

declare noalias ptr @malloc(i64)

define void @point_to_pool(ptr %x) {
  store ptr @pool, ptr %x
  ret void
}

define void @f() {
entry:
  %box = call ptr @malloc(i64 8)
  %p = call ptr @malloc(i64 16)
  call void @point_to_pool(ptr %box)
  %dst = load ptr, ptr %box
  store ptr %p, ptr %dst
  ret void
}

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [8 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{.*}}%h2s.slot)
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @point_to_pool(ptr {{.*}}%h2s.slot)
; CHECK-NEXT:    %dst = load ptr, ptr %h2s.slot
; CHECK-NEXT:    store ptr %p, ptr %dst

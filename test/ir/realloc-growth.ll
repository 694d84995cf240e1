; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -S %s -o %t.ll 2>&1 | FileCheck --check-prefix=REMARK %s
; RUN: FileCheck %s < %t.ll
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<guard-size=0>' -S %s | FileCheck --check-prefix=NOGUARD %s
;
; A block handed to realloc in its own function is demoted to a slot of at
; least guard-size bytes (256 by default). The realloc becomes: for the slot,
; NULL for size 0 (as glibc's realloc frees and returns NULL), the slot
; itself for a size that fits, else realloc(NULL, n) with the slot's bytes
; copied into it unless it is NULL; for any other pointer, the realloc. The
; free of the result hands null to free() for the slot.
; A realloc that may receive the blocks of two sites compares its pointer
; with both slots and grows the one it got (its bytes, its size). Kept: a
; block freed by a deallocator of another family. With guard-size=0 the
; slot keeps the size of the request.

declare noalias ptr @malloc(i64)
declare noalias ptr @aligned_alloc(i64, i64)
declare ptr @realloc(ptr, i64)
declare void @free(ptr)
declare void @_ZdlPv(ptr)

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @grow(i64 %n) {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  %q = call ptr @realloc(ptr %p, i64 %n)
  call void @use(ptr %q)
  call void @free(ptr %q)
  ret void
}

; A block from aligned_alloc may be reallocated: the copy into realloc's
; block claims only the 16 bytes realloc guarantees, not the slot's 64.
define void @aligned_grow(i64 %n) {
entry:
  %p = call ptr @aligned_alloc(i64 64, i64 64)
  call void @use(ptr %p)
  %q = call ptr @realloc(ptr %p, i64 %n)
  call void @use(ptr %q)
  call void @free(ptr %q)
  ret void
}

define void @two_sites(i1 %c, i64 %n) {
entry:
  %p = call ptr @malloc(i64 16)
  %r = call ptr @malloc(i64 32)
  call void @use(ptr %p)
  call void @use(ptr %r)
  %x = select i1 %c, ptr %p, ptr %r
  %q = call ptr @realloc(ptr %x, i64 %n)
  call void @use(ptr %q)
  call void @free(ptr %q)
  %y = select i1 %c, ptr %r, ptr %p
  call void @free(ptr %y)
  ret void
}

define void @family() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @_ZdlPv(ptr %p)
  ret void
}

; REMARK: remark: <unknown>:0:0: malloc(16) does not escape: moved to a 256-byte stack slot; realloc grows it in place up to 256 bytes, on the heap beyond
; REMARK-NEXT: remark: <unknown>:0:0: aligned_alloc(64, 64) does not escape: moved to a 256-byte stack slot; realloc grows it in place up to 256 bytes, on the heap beyond
; REMARK-NEXT: remark: <unknown>:0:0: malloc(16) does not escape: moved to a 256-byte stack slot; realloc grows it in place up to 256 bytes, on the heap beyond
; REMARK-NEXT: remark: <unknown>:0:0: malloc(32) does not escape: moved to a 256-byte stack slot; realloc grows it in place up to 256 bytes, on the heap beyond
; REMARK-NEXT: remark: <unknown>:0:0: malloc(16) escapes to heap: freed by _ZdlPv, a deallocator of another family

; The test p == slot folds (p is the slot here), so the arms for a slot
; are all that is left.
; CHECK-LABEL: define void @grow(
; CHECK:         %h2s.slot = alloca [256 x i8], align 16
; CHECK-NOT:     @malloc(i64 16)
; CHECK:         call void @use(ptr %h2s.slot)
; CHECK-NEXT:    %[[FITS:.*]] = icmp ule i64 %n, 256
; CHECK-NEXT:    br i1 %[[FITS]], label %[[IN:.*]], label %[[OUT:.*]]
; CHECK:       [[IN]]:
; CHECK-NEXT:    %[[ZERO:.*]] = icmp eq i64 %n, 0
; CHECK-NEXT:    %[[KEEP:.*]] = select i1 %[[ZERO]], ptr null, ptr %h2s.slot
; CHECK-NEXT:    br label %[[JOIN:.*]]
; CHECK:       [[OUT]]:
; CHECK-NEXT:    %[[NEW:.*]] = call ptr @realloc(ptr null, i64 %n)
; CHECK-NEXT:    %[[OK:.*]] = icmp ne ptr %[[NEW]], null
; CHECK-NEXT:    %[[LEN:.*]] = select i1 %[[OK]], i64 256, i64 0
; CHECK-NEXT:    %[[DST:.*]] = select i1 %[[OK]], ptr %[[NEW]], ptr %h2s.slot
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr {{.*}}%[[DST]], ptr {{.*}}%h2s.slot, i64 %[[LEN]], i1 false)
; CHECK-NEXT:    br label %[[JOIN]]
; CHECK:       [[JOIN]]:
; CHECK-NEXT:    %[[Q:.*]] = phi ptr [ %[[KEEP]], %[[IN]] ], [ %[[NEW]], %[[OUT]] ]
; CHECK-NEXT:    call void @use(ptr %[[Q]])
; CHECK-NEXT:    %[[IS:.*]] = icmp eq ptr %[[Q]], %h2s.slot
; CHECK-NEXT:    br i1 %[[IS]], label %[[SKIP:[0-9a-z.]+]], label %[[FREE:[0-9a-z.]+]]
; CHECK:       [[FREE]]:
; CHECK-NEXT:    call void @free(ptr {{.*}}%[[Q]])
; CHECK-NEXT:    br label %[[SKIP]]

; CHECK-LABEL: define void @aligned_grow(
; CHECK:         %h2s.slot = alloca [256 x i8], align 64
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr align 16 %{{.*}}, ptr align 64 %h2s.slot,

; Two sites: the slot the realloc got is picked by comparing with each
; (the test against the first folds into %c, the select's condition), and
; that slot is what stays, or what is copied to the heap.
; CHECK-LABEL: define void @two_sites(
; CHECK:         %x = select i1 %c, ptr %h2s.slot, ptr %h2s.slot1
; CHECK-NEXT:    %[[EQ:.*]] = icmp eq ptr %x, %h2s.slot1
; CHECK-NEXT:    %[[S:.*]] = select i1 %[[EQ]], ptr %h2s.slot1, ptr %h2s.slot
; CHECK:         select i1 %{{.*}}, ptr null, ptr %[[S]]
; CHECK:         call ptr @realloc(ptr null, i64 %n)
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr {{.*}}, ptr {{.*}}%[[S]], i64
; CHECK:         call ptr @realloc(ptr %x, i64 %n)

; CHECK-LABEL: define void @family(
; CHECK-NOT:     h2s.slot
; CHECK:         call void @_ZdlPv(ptr %p)

; NOGUARD-LABEL: define void @grow(
; NOGUARD:         %h2s.slot = alloca [16 x i8], align 16
; NOGUARD:         icmp ule i64 %n, 16

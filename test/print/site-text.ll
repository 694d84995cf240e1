; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape<guard-size=0>>' -disable-output %s 2>&1 | FileCheck %s --match-full-lines
;
; (guard-size=0: a size known only at run time stays on the heap, as the
; checks below expect)
; How each allocator is named in the report: constant arguments as numbers,
; named values by name, unnamed ones as `...`; calloc shows count and size,
; the aligned allocators their alignment; C++ allocations are `new`,
; `new[]`, `new(nothrow)`.

@_ZSt7nothrow = external global i8

declare noalias ptr @malloc(i64)
declare noalias ptr @calloc(i64, i64)
declare noalias ptr @aligned_alloc(i64, i64)
declare noalias ptr @memalign(i64, i64)
declare i32 @posix_memalign(ptr, i64, i64)
declare noundef nonnull ptr @_Znwm(i64 noundef) #0
declare noundef nonnull ptr @_Znam(i64 noundef) #0
declare ptr @_ZnwmRKSt9nothrow_t(i64 noundef, ptr noundef) #0
declare noundef nonnull ptr @_ZnwmSt11align_val_t(i64 noundef, i64 noundef) #0

define void @sites(i64 %n, i64 %0) {
entry:
  %pp = alloca ptr, align 8
  %a = call ptr @malloc(i64 16)
  %b = call ptr @malloc(i64 %n)
  %c = call ptr @malloc(i64 %0)
  %d = call ptr @calloc(i64 4, i64 8)
  %e = call ptr @aligned_alloc(i64 64, i64 128)
  %f = call ptr @memalign(i64 32, i64 48)
  %r = call i32 @posix_memalign(ptr %pp, i64 32, i64 64)
  %g = call noalias noundef nonnull ptr @_Znwm(i64 noundef 24) #1
  %h = call noalias noundef nonnull ptr @_Znam(i64 noundef 40) #1
  %i = call noalias ptr @_ZnwmRKSt9nothrow_t(i64 noundef 8, ptr noundef @_ZSt7nothrow) #1
  %j = call noalias noundef nonnull align 64 ptr @_ZnwmSt11align_val_t(i64 noundef 256, i64 noundef 64) #1
  ret void
}

attributes #0 = { nobuiltin allocsize(0) }
attributes #1 = { builtin allocsize(0) }

; CHECK:      sites: malloc(16) does not escape
; CHECK-NEXT: sites: malloc(n) escapes to heap
; CHECK-NEXT: sites: malloc(...) escapes to heap
; CHECK-NEXT: sites: calloc(4, 8) does not escape
; CHECK-NEXT: sites: aligned_alloc(64, 128) does not escape
; CHECK-NEXT: sites: memalign(32, 48) does not escape
; CHECK-NEXT: sites: posix_memalign(32, 64) does not escape
; CHECK-NEXT: sites: new(24) does not escape
; CHECK-NEXT: sites: new[](40) does not escape
; CHECK-NEXT: sites: new(nothrow)(8) does not escape
; CHECK-NEXT: sites: new(256, align 64) does not escape
; CHECK-NOT:  {{.}}

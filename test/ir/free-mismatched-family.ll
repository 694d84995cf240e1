; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; An allocation released by the deallocator of another family (malloc then
; delete, new then free, new[] then delete) is undefined behaviour the pass
; leaves alone: the deallocation cannot be deleted as a matching free, so
; the allocation stays.

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare noundef nonnull ptr @_Znwm(i64 noundef) #0
declare noundef nonnull ptr @_Znam(i64 noundef) #0
declare void @_ZdlPv(ptr noundef) #1

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @malloc_delete() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @_ZdlPv(ptr noundef %p) #3
  ret void
}

define void @new_free() {
entry:
  %p = call noalias noundef nonnull ptr @_Znwm(i64 noundef 16) #2
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @newarray_delete() {
entry:
  %p = call noalias noundef nonnull ptr @_Znam(i64 noundef 16) #2
  call void @use(ptr %p)
  call void @_ZdlPv(ptr noundef %p) #3
  ret void
}

attributes #0 = { nobuiltin allocsize(0) }
attributes #1 = { nobuiltin nounwind }
attributes #2 = { builtin allocsize(0) }
attributes #3 = { builtin nounwind }

; CHECK-LABEL: define void @malloc_delete()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         call void @_ZdlPv(ptr noundef %p)

; CHECK-LABEL: define void @new_free()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call noalias noundef nonnull ptr @_Znwm(i64 noundef 16)
; CHECK:         call void @free(ptr %p)

; CHECK-LABEL: define void @newarray_delete()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call noalias noundef nonnull ptr @_Znam(i64 noundef 16)
; CHECK:         call void @_ZdlPv(ptr noundef %p)

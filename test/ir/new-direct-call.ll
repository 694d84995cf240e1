; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -S %s | FileCheck %s
;
; A direct call of `operator new` (`::operator new(16)` in C++: no `builtin`
; on the call of the `nobuiltin` declaration) is the program's own call, not
; a new-expression: it may be replaced by the user, so it stays.

declare noundef nonnull ptr @_Znwm(i64 noundef) #0
declare void @_ZdlPv(ptr noundef) #1

define void @use(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

define void @f() {
entry:
  %p = call noundef nonnull ptr @_Znwm(i64 noundef 16)
  call void @use(ptr %p)
  call void @_ZdlPv(ptr noundef %p)
  ret void
}

attributes #0 = { nobuiltin allocsize(0) }
attributes #1 = { nobuiltin nounwind }

; CHECK-LABEL: define void @f()
; CHECK-NOT:     h2s.slot
; CHECK:         %p = call noundef nonnull ptr @_Znwm(i64 noundef 16)
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @_ZdlPv(ptr noundef %p)

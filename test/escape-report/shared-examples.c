// docs/escape-report.md's section on the shared examples (Go's escape
// tests ported to C, ../shared/examples) against the examples and the tool:
// each example's ```expected block must be the report its header comment
// gives, and its ```ours block what escape-report prints at -O2 now. The
// docs said c04 was identical to Go's long after it was not; this keeps
// them from drifting again.
//
// REQUIRES: shared_examples
// RUN: python3 %S/../lit/shared-examples.py %h2s_src/docs/escape-report.md %shared_examples %escape_report | FileCheck --check-prefix=OK %s
// OK: 10 examples checked, all agree
//
// A doc that no longer says what the tool prints fails, with the diff.
// RUN: sed 's/^c01_return_pointer.c:39:11: malloc(sizeof(int)) does not escape$/c01_return_pointer.c:39:11: malloc(sizeof(int)) escapes to heap/' %h2s_src/docs/escape-report.md > %t.md
// RUN: not python3 %S/../lit/shared-examples.py %t.md %shared_examples %escape_report | FileCheck --check-prefix=DRIFT %s
// DRIFT: --- docs: c01_return_pointer.c (expected)
// DRIFT: -c01_return_pointer.c:39:11: malloc(sizeof(int)) escapes to heap
// DRIFT: +c01_return_pointer.c:39:11: malloc(sizeof(int)) does not escape
// DRIFT: --- docs: c01_return_pointer.c (ours)
// DRIFT: -c01_return_pointer.c:39:11: malloc(sizeof(int)) escapes to heap
// DRIFT: +c01_return_pointer.c:39:11: malloc(sizeof(int)) does not escape
// DRIFT: 10 examples checked, differences
//
// An example the docs do not cover fails too.
// RUN: rm -rf %t.ex && mkdir %t.ex && cp %shared_examples/c*.c %t.ex/
// RUN: cp %t.ex/c01_return_pointer.c %t.ex/c99_new_case.c
// RUN: not python3 %S/../lit/shared-examples.py %h2s_src/docs/escape-report.md %t.ex %escape_report | FileCheck --check-prefix=MISSING %s
// MISSING: docs: no ```expected and ```ours blocks for c99_new_case.c
//
// At -m=2, c02's parameter block is Go's own, as its header comment gives
// it (under "Expected -m=2 explanation"), line for line.
// RUN: cd %shared_examples && %escape_report -m=2 c02_store_global.c | FileCheck %s --check-prefix=GO --match-full-lines --strict-whitespace
// GO:c02_store_global.c:43:23: parameter yy leaks to {heap} with derefs=0:
// GO-NEXT:c02_store_global.c:43:23:   flow: {heap} = yy:
// GO-NEXT:c02_store_global.c:43:23:     from gxx = yy (assign) at c02_store_global.c:45:6
// GO-NEXT:c02_store_global.c:43:23: leaking param: yy

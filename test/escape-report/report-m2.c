// escape-report -m=2: Go's explanation block before each allocation that
// stays on the heap. For a flow, one `flow: DST = SRC:` line per step that
// ends in a named location, with the statements below it; the first is the
// allocation itself (`&{storage for EXPR}`, spill), and the declaration or
// assignment that names it (assign). For the reasons that are not flows,
// Go's `flow: {heap} = &{storage for EXPR}:` and the reason in words.
// Verdicts that are not explained are the same lines as at -m, except that
// an allocation moved to the stack says what it became (its slot).
// RUN: cd %S && %escape_report -m=2 report-m2.c > %t.out 2> %t.err
// RUN: FileCheck %s --match-full-lines --strict-whitespace < %t.out
// RUN: count 30 < %t.out
// RUN: count 0 < %t.err
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int *global;
extern void consume(void *p);

static __attribute__((noinline)) int use(const char *s)
{
	return s[0] + s[31];
}

int *ret(void)
{
	int *p = malloc(sizeof *p);
	*p = 1;
	return p;
}

void keep(void)
{
	int *x;
	x = malloc(sizeof *x);
	*x = 2;
	global = x;
}

void give(void)
{
	char *m = malloc(64);
	strcpy(m, "hello");
	consume(m);
}

int large(void)
{
	char *b = malloc(8192);
	b[0] = 1;
	b[31] = 2;
	int r = use(b);
	free(b);
	return r;
}

int dynamic(size_t n)
{
	char *b = malloc(n);
	memset(b, 0, n);
	int r = use(b);
	free(b);
	return r;
}

int chain(int n)
{
	char *prev = 0;
	int t = 0;
	for (int i = 0; i < n; i++) {
		char *q = malloc(32);
		q[0] = (char)i;
		if (prev) {
			t += use(prev);
			free(prev);
		}
		prev = q;
	}
	free(prev);
	return t;
}

int depth(int n)
{
	char *b = malloc(32);
	b[0] = (char)n;
	int r = n > 0 ? depth(n - 1) + use(b) : use(b);
	free(b);
	return r;
}

void fine(void)
{
	char *s = malloc(32);
	snprintf(s, 32, "%d", 42);
	puts(s);
	free(s);
}

// CHECK:report-m2.c:20:54: s does not escape
// CHECK-NEXT:report-m2.c:27:11: malloc(sizeof *p) escapes to heap:
// CHECK-NEXT:report-m2.c:27:11:   flow: p = &{storage for malloc(sizeof *p)}:
// CHECK-NEXT:report-m2.c:27:11:     from malloc(sizeof *p) (spill) at report-m2.c:27:11
// CHECK-NEXT:report-m2.c:27:11:     from p = malloc(sizeof *p) (assign) at report-m2.c:27:7
// CHECK-NEXT:report-m2.c:27:11:   flow: ~r0 = p:
// CHECK-NEXT:report-m2.c:27:11:     from return p (return) at report-m2.c:29:2
// CHECK-NEXT:report-m2.c:27:11: malloc(sizeof *p) escapes to heap
// CHECK-NEXT:report-m2.c:35:6: malloc(sizeof *x) escapes to heap:
// CHECK-NEXT:report-m2.c:35:6:   flow: x = &{storage for malloc(sizeof *x)}:
// CHECK-NEXT:report-m2.c:35:6:     from malloc(sizeof *x) (spill) at report-m2.c:35:6
// CHECK-NEXT:report-m2.c:35:6:     from x = malloc(sizeof *x) (assign) at report-m2.c:35:4
// CHECK-NEXT:report-m2.c:35:6:   flow: {heap} = x:
// CHECK-NEXT:report-m2.c:35:6:     from global = x (assign) at report-m2.c:37:9
// CHECK-NEXT:report-m2.c:35:6: malloc(sizeof *x) escapes to heap
// CHECK-NEXT:report-m2.c:42:12: malloc(64) escapes to heap:
// CHECK-NEXT:report-m2.c:42:12:   flow: m = &{storage for malloc(64)}:
// CHECK-NEXT:report-m2.c:42:12:     from malloc(64) (spill) at report-m2.c:42:12
// CHECK-NEXT:report-m2.c:42:12:     from m = malloc(64) (assign) at report-m2.c:42:8
// CHECK-NEXT:report-m2.c:42:12:   flow: {heap} = m:
// CHECK-NEXT:report-m2.c:42:12:     from consume(m) (call parameter) at report-m2.c:44:2
// CHECK-NEXT:report-m2.c:42:12: malloc(64) escapes to heap
// CHECK-NEXT:report-m2.c:49:12: malloc(8192) escapes to heap:
// CHECK-NEXT:report-m2.c:49:12:   flow: {heap} = &{storage for malloc(8192)}:
// CHECK-NEXT:report-m2.c:49:12:     from malloc(8192) (too large for stack) at report-m2.c:49:12
// CHECK-NEXT:report-m2.c:49:12: malloc(8192) escapes to heap
// CHECK-NEXT:report-m2.c:59:12: malloc(n) does not escape: stack buffer of 256 bytes, heap above
// CHECK-NEXT:report-m2.c:71:13: malloc(32) does not escape: 64 stack slots of 32 bytes, one per execution, heap after the last
// ONESLOT:report-m2.c:71:13: malloc(32) escapes to heap:
// ONESLOT-NEXT:report-m2.c:71:13:   flow: {heap} = &{storage for malloc(32)}:
// ONESLOT-NEXT:report-m2.c:71:13:     from malloc(32) (live across loop iterations) at report-m2.c:71:13
// ONESLOT-NEXT:report-m2.c:71:13: malloc(32) escapes to heap
// CHECK-NEXT:report-m2.c:85:12: malloc(32) does not escape: moved to a 32-byte stack slot in the outermost frames of its call cycle (65536 bytes of slots a thread), heap deeper
// NOFRAMES:report-m2.c:85:12: malloc(32) escapes to heap:
// NOFRAMES-NEXT:report-m2.c:85:12:   flow: {heap} = &{storage for malloc(32)}:
// NOFRAMES-NEXT:report-m2.c:85:12:     from malloc(32) (recursive function) at report-m2.c:85:12
// NOFRAMES-NEXT:report-m2.c:85:12: malloc(32) escapes to heap
// CHECK-NEXT:report-m2.c:94:12: malloc(32) does not escape: moved to a 32-byte stack slot

// chain's blocks outlive their iteration: by default each gets its own slot
// of a pool; with loop-slots=0, the explanation of a site kept for it.
// RUN: cd %S && %escape_report -m=2 report-m2.c -- -mllvm -escape-options=loop-slots=0 | FileCheck %s --check-prefix=ONESLOT --match-full-lines --strict-whitespace

// depth is recursive: by default its block has a slot in the outermost
// frames of its call cycle, within recursive-stack bytes a thread; with
// recursive-stack=0, the explanation of a site kept for it.
// RUN: cd %S && %escape_report -m=2 report-m2.c -- -mllvm -escape-options=recursive-stack=0 | FileCheck %s --check-prefix=NOFRAMES --match-full-lines --strict-whitespace

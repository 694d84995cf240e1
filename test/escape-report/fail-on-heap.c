// --fail-on-heap=REGEX: after the report, each allocation that stays on the
// heap in a function whose name matches REGEX (POSIX extended) is named on
// stderr, and the exit status is 3. Inlined code belongs to the function it
// is inlined into (make() in hot_inline). Allocations moved to the stack
// and functions that do not match are fine.
//
// RUN: cd %S && sh -c '%escape_report --fail-on-heap="^hot_" fail-on-heap.c; echo "exit status $?"' > %t.out 2> %t.err
// RUN: FileCheck %s --match-full-lines < %t.out
// RUN: FileCheck %s --check-prefix=GATE --match-full-lines < %t.err
// RUN: count 2 < %t.err
//
// RUN: cd %S && sh -c '%escape_report --fail-on-heap "^(hot_ok|nothing)$" fail-on-heap.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=PASS
// PASS: exit status 0
#include <stdlib.h>

char *kept;

static __attribute__((noinline)) int use(const char *s)
{
	return s[0] + s[31];
}

void hot_path(void)
{
	char *b = malloc(32);
	b[0] = 1;
	kept = b;
}

static char *make(void)
{
	return malloc(16);
}

void hot_inline(void)
{
	kept = make();
}

int hot_ok(void)
{
	char *s = malloc(32);
	s[0] = 1;
	s[31] = 2;
	int r = use(s);
	free(s);
	return r;
}

void cold(void)
{
	kept = malloc(64);
}

// CHECK:fail-on-heap.c:18:54: s does not escape
// CHECK-NEXT:fail-on-heap.c:25:12: malloc(32) escapes to heap
// CHECK-NEXT:fail-on-heap.c:37:9: make() escapes to heap
// CHECK-NEXT:fail-on-heap.c:42:12: malloc(32) does not escape
// CHECK-NEXT:fail-on-heap.c:52:9: malloc(64) escapes to heap
// CHECK-NEXT:exit status 3

// GATE:escape-report: fail-on-heap.c:25:12: malloc(32) escapes to heap in hot_path, which matches --fail-on-heap=^hot_
// GATE-NEXT:escape-report: fail-on-heap.c:37:9: make() escapes to heap in hot_inline, which matches --fail-on-heap=^hot_

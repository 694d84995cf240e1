// escape-report --severity: each text line gets the word editors' problem
// matchers read after the position: `warning:` for an allocation that stays
// on the heap, `error:` for one --fail-on-heap matches, `note:` for the
// rest and for -m=2's explanation lines. Without it, the lines are Go's.
//
// RUN: cd %S && not %escape_report --severity --fail-on-heap='^hot_' severity.c > %t.m1 2> /dev/null
// RUN: FileCheck %s --match-full-lines --strict-whitespace < %t.m1
// CHECK:severity.c:[[#@LINE+41]]:54: note: s does not escape
// CHECK-NEXT:severity.c:[[#@LINE+47]]:12: error: malloc(32) escapes to heap
// CHECK-NEXT:severity.c:[[#@LINE+53]]:12: note: malloc(32) does not escape
// CHECK-NEXT:severity.c:[[#@LINE+62]]:9: warning: malloc(64) escapes to heap
// CHECK-NEXT:severity.c:[[#@LINE+66]]:6: note: address of x escapes
// CHECK-EMPTY:
//
// RUN: cd %S && not %escape_report --severity -m=2 --fail-on-heap='^hot_' severity.c > %t.m2 2> /dev/null
// RUN: FileCheck %s --check-prefix=M2 --match-full-lines --strict-whitespace < %t.m2
// M2:severity.c:[[#@LINE+32]]:54: note: s does not escape
// M2-NEXT:severity.c:[[#L:@LINE+38]]:12: note: malloc(32) escapes to heap:
// M2-NEXT:severity.c:[[#L]]:12: note:   flow: b = &{storage for malloc(32)}:
// M2-NEXT:severity.c:[[#L]]:12: note:     from malloc(32) (spill) at severity.c:[[#L]]:12
// M2-NEXT:severity.c:[[#L]]:12: note:     from b = malloc(32) (assign) at severity.c:[[#L]]:8
// M2-NEXT:severity.c:[[#L]]:12: note:   flow: {heap} = b:
// M2-NEXT:severity.c:[[#L]]:12: note:     from kept = b (assign) at severity.c:[[#L+2]]:7
// M2-NEXT:severity.c:[[#L]]:12: error: malloc(32) escapes to heap
// M2-NEXT:severity.c:[[#L+7]]:12: note: malloc(32) does not escape: moved to a 32-byte stack slot
//
// The words are all --severity adds: without them the lines are the
// default report's.
// RUN: cd %S && %escape_report -m=2 severity.c > %t.plain
// RUN: sed -E 's/: (note|warning|error): /: /' %t.m2 | diff %t.plain -
//
// The problem matcher of docs/escape-report.md's tasks.json example reads
// every line, with its severity, file, line and column.
// RUN: python3 %S/Inputs/problem_matcher.py %h2s_src/docs/escape-report.md %t.m2 | FileCheck %s --check-prefix=MATCHER --match-full-lines
// MATCHER:note severity.c:[[#]]:54: s does not escape
// MATCHER-NEXT:note severity.c:[[#]]:12: malloc(32) escapes to heap:
// MATCHER-NEXT:note severity.c:[[#]]:12: flow: b = &{storage for malloc(32)}:
// MATCHER:error severity.c:[[#]]:12: malloc(32) escapes to heap
// MATCHER-NEXT:note severity.c:[[#]]:12: malloc(32) does not escape: moved to a 32-byte stack slot
// MATCHER:warning severity.c:[[#]]:9: malloc(64) escapes to heap
// MATCHER-NEXT:note severity.c:[[#]]:6: address of x escapes
// RUN: python3 %S/Inputs/problem_matcher.py %h2s_src/docs/escape-report.md %t.m2 | count 15
// RUN: python3 %S/Inputs/problem_matcher.py %h2s_src/docs/escape-report.md %t.plain | FileCheck %s --check-prefix=PLAIN
// PLAIN: unmatched: severity.c:{{.*}}: s does not escape
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

int cold_ok(void)
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

void leak(void)
{
	int x = 1;
	kept = (char *)&x;
}

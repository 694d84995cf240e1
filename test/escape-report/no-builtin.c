// With -fno-builtin (or -fno-builtin-malloc, -ffreestanding) malloc may be
// the program's own function: neither LLVM nor heap2stack touches it, and
// no record mentions it. escape-report then reports no allocation (it
// cannot say "deleted by LLVM") and says why on stderr.
//
// RUN: cd %S && %escape_report no-builtin.c -- -fno-builtin-malloc > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OFF --match-full-lines < %t.out
// RUN: FileCheck %s --check-prefix=WARN --match-full-lines < %t.err
// OFF:no-builtin.c:[[#]]:54: s does not escape
// OFF-NOT:{{.}}
// WARN:escape-report: warning: no-builtin.c: compiled with -fno-builtin or -ffreestanding: heap2stack leaves its allocations alone, and they are not reported
//
// RUN: cd %S && %escape_report no-builtin.c 2>&1 | FileCheck %s --check-prefix=ON --match-full-lines
// ON:no-builtin.c:[[#]]:54: s does not escape
// ON-NEXT:no-builtin.c:[[#]]:12: malloc(32) does not escape
// ON-NOT:{{.}}
#include <stdlib.h>

static __attribute__((noinline)) int use(const char *s)
{
	return s[0] + s[31];
}

int scratch(void)
{
	char *b = malloc(32);
	b[0] = 1;
	b[31] = 2;
	int r = use(b);
	free(b);
	return r;
}

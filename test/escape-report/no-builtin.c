// With -fno-builtin (or -fno-builtin-malloc, -ffreestanding) malloc may be
// the program's own function: neither LLVM nor heap2stack takes it for the
// allocator, so the plugin's snapshot of the allocations has no entry for
// it either, and no remark mentions it. escape-report reports what the
// plugin says and nothing of its own: no allocation, and no warning.
//
// RUN: cd %S && %escape_report no-builtin.c -- -fno-builtin-malloc > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OFF --match-full-lines < %t.out
// RUN: count 0 < %t.err
// OFF:no-builtin.c:[[#]]:54: s does not escape
// OFF-NOT:{{.}}
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

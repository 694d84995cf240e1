// With -fno-builtin (or -fno-builtin-malloc) clang tells the optimizer that
// malloc may be the program's own function: heap2stack leaves it alone.
// Without the flag the same buffer is demoted.
//
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=BUILTIN %s
// RUN: %clang -O2 -fno-builtin -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=NONE --allow-empty %s
// RUN: %clang -O2 -fno-builtin-malloc -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=NONE --allow-empty %s
#include <stdlib.h>

static __attribute__((noinline)) int use(const char *p)
{
	return p[0] + p[31];
}

int scratch(void)
{
	char *p = malloc(32);
	p[0] = 1;
	p[31] = 2;
	int r = use(p);
	free(p);
	return r;
}

// BUILTIN: no-builtin.c:[[@LINE-8]]:12: remark: malloc(32) does not escape: moved to a 32-byte stack slot [-Rpass=heap2stack]
// NONE-NOT: remark

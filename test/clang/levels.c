// The plugin runs in the -O1, -O2, -O3, -Os and -Oz pipelines, and not at
// -O0 (where the optnone function anyway).
//
// RUN: %clang -O0 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=O0 --allow-empty %s
// RUN: %clang -O1 -fpass-plugin=%plugin -Rpass=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -O3 -fpass-plugin=%plugin -Rpass=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -Os -fpass-plugin=%plugin -Rpass=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -Oz -fpass-plugin=%plugin -Rpass=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
#include <stdlib.h>

static __attribute__((noinline)) int sum(const char *p, int n)
{
	int s = 0;
	for (int i = 0; i < n; i++)
		s += p[i];
	return s;
}

int scratch(int n)
{
	char *p = malloc(16);
	for (int i = 0; i < 16; i++)
		p[i] = (char)(n + i);
	int r = sum(p, n & 15);
	free(p);
	return r;
}

// CHECK: levels.c:[[@LINE-8]]:12: remark: malloc(16) does not escape
// O0-NOT: remark

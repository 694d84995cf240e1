// Sizes near 2^64 with max-size and frame-budget raised as far as they go:
// no slot is larger than 4 GiB, and the budget arithmetic must not wrap
// (it did: the allocation became a huge alloca and the null check folded).
//
// RUN: %clang -O2 -Wno-alloc-size %s -o %t.plain
// RUN: %clang -O2 -Wno-alloc-size -fplugin=%plugin -fpass-plugin=%plugin -mllvm '-escape-options=max-size=18446744073709551615;frame-budget=18446744073709551615' %s -o %t.h2s
// RUN: %t.plain > %t.plain.out
// RUN: %t.h2s > %t.h2s.out
// RUN: diff %t.plain.out %t.h2s.out
// RUN: FileCheck %s < %t.h2s.out
// CHECK: null
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) int use(char *p) { return p[0]; }

int main(void)
{
	char *p = malloc(SIZE_MAX - 7);
	if (!p) {
		puts("null");
		return 0;
	}
	p[0] = 1;
	int r = use(p);
	free(p);
	printf("%d\n", r);
	return 0;
}

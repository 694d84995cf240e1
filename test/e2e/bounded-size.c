// Sizes known only at run time but bounded: by a mask (at most 64 bytes)
// and by the branch that leads to the allocation (at most 128 bytes). Both
// are demoted to slots of the bound, and every size from 0 to the bound
// (and past the guard) runs: the output is the same with and without the
// plugin, and under ASan.
//
// RUN: %e2e %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
//
// CHECK-DAG: bounded-size.c:[[@LINE+22]]:{{[0-9]+}}: remark: malloc(...) does not escape: moved to a 64-byte stack slot (its size is at most 64)
// CHECK-DAG: bounded-size.c:[[@LINE+40]]:{{[0-9]+}}: remark: malloc(...) does not escape: moved to a 128-byte stack slot (its size is at most 128)
// CHECK-DAG: bounded-size.c:[[@LINE+46]]:{{[0-9]+}}: remark: calloc(..., 1) escapes to heap: freed by release at
//
// The checksums: computed by the plain build (the reference; the RUN lines
// compare every build with it); the line counts are by construction.
// OUT: masked 201 sums
// OUT: guarded 129 small, 72 large
//
// Plain: 201 (masked) + 201 (guarded, both sides) allocations; with the
// plugin only the 72 of sizes above 128 remain.
// COUNT: alloccount: program=402
// COUNT: alloccount: program=72
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char text[256];

__attribute__((noinline)) static unsigned masked(size_t n)
{
	size_t m = n & 63;
	char *p = malloc(m + 1);
	unsigned h = 0;
	memcpy(p, text, m);
	p[m] = 0;
	for (size_t i = 0; i < m; i++)
		h = h * 31 + (unsigned char)p[i];
	free(p);
	return h;
}

__attribute__((noinline)) static void release(void *p)
{
	free(p);
}

__attribute__((noinline)) static unsigned guarded(size_t n)
{
	unsigned h = 0;
	if (n <= 128) {
		char *p = malloc(n);
		if (n)
			memset(p, (int)n, n);
		for (size_t i = 0; i < n; i++)
			h += (unsigned char)p[i];
		free(p);
	} else {
		char *q = calloc(n, 1);
		q[n - 1] = 3;
		h = (unsigned)n * 3 + (unsigned char)q[n - 1] + (unsigned char)q[0];
		release(q);
	}
	return h;
}

/* the sizes' range, opaque to the optimiser */
volatile size_t limit = 200;

int main(void)
{
	unsigned a = 0, b = 0, small = 0, large = 0;
	size_t top = limit;
	for (int i = 0; i < 255; i++)
		text[i] = (char)('a' + i % 26);
	for (size_t n = 0; n <= top; n++) {
		a = a * 7 + masked(n);
		b = b * 7 + guarded(n);
		if (n <= 128)
			small++;
		else
			large++;
	}
	printf("masked %u sums\nguarded %u small, %u large\n", 201u, small,
	       large);
	printf("checksums %u %u\n", a, b);
	return 0;
}

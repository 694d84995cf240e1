// calloc'd memory reads as zero after demotion: a histogram counted from
// zero, and a buffer in a loop whose previous iteration dirtied the slot, so
// a demotion must zero the slot on every allocation, not once.
//
// RUN: %e2e %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
// RUN: grep remark: %t.rem | count 2
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
#include <stdio.h>
#include <stdlib.h>

/* Number of nonzero entries; not inlined, so the zeroes are read at run
 * time rather than folded from calloc's known contents. */
static __attribute__((noinline)) unsigned nonzero(const int *v, unsigned n)
{
	unsigned k = 0;
	for (unsigned i = 0; i < n; i++)
		k += v[i] != 0;
	return k;
}

static __attribute__((noinline)) void digit_histogram(const char *s)
{
	// CHECK-DAG: calloc.c:[[@LINE+1]]:{{[0-9]+}}: remark: {{.*}}[-Rpass=heap2stack]
	int *h = calloc(10, sizeof *h);
	printf("nonzero before: %u\n", nonzero(h, 10));
	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
			h[*s - '0']++;
	for (unsigned d = 0; d < 10; d++)
		printf("%u:%d ", d, h[d]);
	printf("\n");
	free(h);
}

static __attribute__((noinline)) void rounds(unsigned n)
{
	for (unsigned r = 0; r < n; r++) {
		// CHECK-DAG: calloc.c:[[@LINE+1]]:{{[0-9]+}}: remark: {{.*}}[-Rpass=heap2stack]
		int *v = calloc(8, sizeof *v);
		printf("round %u: nonzero %u\n", r, nonzero(v, 8));
		for (unsigned i = 0; i < 8; i++)
			v[i] = (int)(r * 8 + i + 1);
		printf("round %u: dirty %u\n", r, nonzero(v, 8));
		free(v);
	}
}

int main(int argc, char **argv)
{
	(void)argv;
	digit_histogram("3.14159 26535 89793 23846 26433 83279");
	rounds(3 + (unsigned)argc);
	return 0;
}

// OUT: nonzero before: 0
// OUT: 0:0 1:2 2:4 3:7 4:3 5:3 6:3 7:2 8:3 9:4
// OUT: round 0: nonzero 0
// OUT: round 1: nonzero 0
// OUT: round 2: nonzero 0
// OUT: round 3: nonzero 0
// OUT-NOT: nonzero {{[1-9]}}
// COUNT: alloccount: program=5 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=0 all={{[0-9]+}}

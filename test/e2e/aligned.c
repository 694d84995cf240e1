// aligned_alloc and posix_memalign keep their alignment once demoted: the
// stack slot must be at least as aligned as the allocator promised.
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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Not inlined, and called with different alignments, so the test is made
 * at run time rather than folded from the allocator's alignment. */
static __attribute__((noinline)) int is_aligned(const void *p, uintptr_t a)
{
	return ((uintptr_t)p % a) == 0;
}

static __attribute__((noinline)) unsigned sum(const unsigned char *p, size_t n)
{
	unsigned s = 0;
	for (size_t i = 0; i < n; i++)
		s += p[i];
	return s;
}

static __attribute__((noinline)) void with_aligned_alloc(int seed)
{
	// CHECK-DAG: aligned.c:[[@LINE+1]]:{{[0-9]+}}: remark: {{.*}}[-Rpass=heap2stack]
	unsigned char *p = aligned_alloc(64, 256);
	if (!p)
		return;
	memset(p, seed, 256);
	printf("aligned_alloc(64): aligned %d sum %u\n", is_aligned(p, 64),
	       sum(p, 256));
	free(p);
}

static __attribute__((noinline)) void with_posix_memalign(int seed)
{
	void *q;
	// CHECK-DAG: aligned.c:[[@LINE+1]]:{{[0-9]+}}: remark: {{.*}}[-Rpass=heap2stack]
	if (posix_memalign(&q, 128, 512) != 0)
		return;
	unsigned char *p = q;
	memset(p, seed, 512);
	printf("posix_memalign(128): aligned %d sum %u\n", is_aligned(p, 128),
	       sum(p, 512));
	free(p);
}

int main(int argc, char **argv)
{
	(void)argv;
	with_aligned_alloc(argc);
	with_posix_memalign(argc + 1);
	return 0;
}

// OUT: aligned_alloc(64): aligned 1 sum 256
// OUT: posix_memalign(128): aligned 1 sum 1024
// COUNT: alloccount: program=2 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=0 all={{[0-9]+}}

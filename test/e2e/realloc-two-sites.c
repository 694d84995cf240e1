// A realloc that may receive the blocks of two sites: both are demoted to
// 256-byte slots (guard-size), and the realloc compares its pointer with
// each slot. Every side runs: each site's block grown within its slot (to
// 100 bytes) and beyond it (to 1000 bytes, where the slot's bytes move to
// the heap). Run with and without the plugin and under ASan with
// detect_stack_use_after_return.
//
// RUN: %e2e %t -g -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
//
// Output, by construction: the grown block keeps its first 16 'a's or 32
// 'b's and is filled with 'z' up to the new size; the other block keeps
// its own letters.
// OUT: a 100: 16 a, 84 z; other 32 b
// OUT-NEXT: b 100: 32 b, 68 z; other 16 a
// OUT-NEXT: a 1000: 16 a, 984 z; other 32 b
// OUT-NEXT: b 1000: 32 b, 968 z; other 16 a
//
// Allocation calls (alloccount counts realloc too): 4 runs of two mallocs
// and a realloc, 12; with the plugin, the two reallocs beyond the slot
// (realloc(NULL, 1000)).
// COUNT: alloccount: program=12
// COUNT: alloccount: program=2
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t count(const char *p, size_t n, char c)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += p[i] == c;
	return k;
}

__attribute__((noinline)) static void grow(int first, size_t n)
{
	// CHECK-DAG: realloc-two-sites.c:[[@LINE+2]]:{{[0-9]+}}: remark: malloc(16) does not escape: moved to a 256-byte stack slot; realloc grows it in place up to 256 bytes, on the heap beyond
	// CHECK-DAG: realloc-two-sites.c:[[@LINE+2]]:{{[0-9]+}}: remark: malloc(32) does not escape: moved to a 256-byte stack slot; realloc grows it in place up to 256 bytes, on the heap beyond
	char *a = malloc(16);
	char *b = malloc(32);
	if (!a || !b)
		abort();
	memset(a, 'a', 16);
	memset(b, 'b', 32);
	char *x = first ? a : b;
	size_t had = first ? 16 : 32;
	char *q = realloc(x, n);
	if (!q)
		abort();
	memset(q + had, 'z', n - had);
	char *other = first ? b : a;
	char oc = first ? 'b' : 'a';
	size_t on = first ? 32 : 16;
	printf("%c %zu: %zu %c, %zu z; other %zu %c\n", first ? 'a' : 'b', n,
	       count(q, n, first ? 'a' : 'b'), first ? 'a' : 'b',
	       count(q, n, 'z'), count(other, on, oc), oc);
	free(q);
	free(other);
}

int main(int argc, char **argv)
{
	size_t small = (size_t)argc * 100, large = (size_t)argc * 1000;
	(void)argv;
	grow(1, small);
	grow(0, small);
	grow(1, large);
	grow(0, large);
	return 0;
}

// Typed loads through a helper (docs/design.md): a small set { long
// alloc, nelem; long *elems; } on the stack whose elements are a block of
// their own, filled by a helper that is not inlined. The helper stores
// the element count back (a value it read as a long: replayed in the
// caller as a store of what a long-typed load of the set reads, not of
// the elems pointer). The count, read as a long, then goes to a callback
// through a function pointer (a call that may do anything, so the rule of
// blocks freed before their function returns cannot help). The elements
// block is demoted. A wrong demotion would show as a different output or
// an ASan report.
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
// CHECK: typed-replay.c:[[@LINE+33]]:{{[0-9]+}}: remark: malloc(64) does not escape: moved to a 64-byte stack slot
//
// Output, by construction: run(k) adds the squares 0..k-1 (k <= 8) and
// reports the count; the counts of k = 1..8 sum to 36, the sums of squares
// k(k-1)(2k-1)/6 for k = 1..8 to 0+1+5+14+30+55+91+140 = 336.
// OUT: count 36 squares 336
//
// Allocation calls: one block per run, 8 runs; with the plugin none.
// COUNT: alloccount: program=8
// COUNT: alloccount: program=0
#include <stdio.h>
#include <stdlib.h>

struct set {
	long alloc, nelem;
	long *elems;
};

static long counted;

static void count(long n) { counted += n; }
static void (*volatile report)(long) = count;

static __attribute__((noinline)) void set_add(struct set *s, long v)
{
	if (s->nelem < s->alloc)
		s->elems[s->nelem++] = v;
}

static __attribute__((noinline)) long run(int k)
{
	struct set s = {8, 0, NULL};
	long sum = 0;
	s.elems = malloc(8 * sizeof *s.elems);
	if (!s.elems)
		abort();
	for (int i = 0; i < k; i++)
		set_add(&s, (long)i * i);
	report(s.nelem);
	for (long i = 0; i < s.nelem; i++)
		sum += s.elems[i];
	free(s.elems);
	return sum;
}

int main(void)
{
	long squares = 0;
	for (int k = 1; k <= 8; k++)
		squares += run(k);
	printf("count %ld squares %ld\n", counted, squares);
	return 0;
}

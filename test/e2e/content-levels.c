// A helper that copies what a set's element array holds into memory that
// outlives it (regex's re_acquire_state interns a node set this way) leaks
// the array's contents, not the array: the caller's array is demoted, and
// a block stored in such an array, whose address the copy takes along, is
// kept. The helpers are not inlined. Run with and without the plugin and
// under ASan with detect_stack_use_after_return; the copies are read after
// the functions that made the arrays have returned.
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
// Output, by construction: set(k) fills elems[i] = k * i for i < 8 and
// returns id * 1000 + elems[7]: set(3) is interned first (id 0), 21;
// set(5) second (id 1), 1035. The interned copies sum to 3 * 28 = 84 and
// 5 * 28 = 140. names() publishes a copy of an array holding "hello" and
// "world"; they are printed after it returned.
// OUT: set 21
// OUT-NEXT: set 1035
// OUT-NEXT: interned 84 140
// OUT-NEXT: names hello world
//
// Allocation calls: set() 2 x (array + copy), names() array + 2 strings +
// copy: 8; with the plugin the three arrays are on the stack: 5.
// COUNT: alloccount: program=8
// COUNT: alloccount: program=5
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct set {
	long n;
	long *elems;
};

static long *table[4];
static int ntable;

// Copies the set's elements into a block the table keeps.
__attribute__((noinline)) static int intern(const struct set *s)
{
	long *c = malloc(s->n * sizeof *c);
	if (!c)
		abort();
	memcpy(c, s->elems, s->n * sizeof *c);
	table[ntable] = c;
	return ntable++;
}

__attribute__((noinline)) long set(long k)
{
	struct set s;
	long r;
	int id;
	s.n = 8;
	// CHECK-DAG: content-levels.c:[[@LINE+1]]:{{[0-9]+}}: remark: malloc(64) does not escape: moved to a 64-byte stack slot
	s.elems = malloc(8 * sizeof(long));
	if (!s.elems)
		abort();
	for (long i = 0; i < 8; i++)
		s.elems[i] = k * i;
	id = intern(&s);
	r = s.elems[7];
	free(s.elems);
	return id * 1000 + r;
}

struct names {
	long n;
	char **v;
};

static char **published;

// Publishes a copy of the pointers the array holds.
__attribute__((noinline)) static void publish(const struct names *h)
{
	published = malloc(h->n * sizeof *published);
	if (!published)
		abort();
	memcpy(published, h->v, h->n * sizeof *published);
}

__attribute__((noinline)) void names(void)
{
	struct names h;
	h.n = 2;
	// CHECK-DAG: content-levels.c:[[@LINE+1]]:{{[0-9]+}}: remark: malloc(16) does not escape: moved to a 16-byte stack slot
	h.v = malloc(2 * sizeof(char *));
	// CHECK-DAG: content-levels.c:[[@LINE+1]]:{{[0-9]+}}: remark: malloc(6) escapes to heap: passed to publish, which leaks it
	h.v[0] = malloc(6);
	h.v[1] = malloc(6);
	if (!h.v || !h.v[0] || !h.v[1])
		abort();
	memcpy(h.v[0], "hello", 6);
	memcpy(h.v[1], "world", 6);
	publish(&h);
	free(h.v);
}

int main(void)
{
	long s0 = 0, s1 = 0;
	printf("set %ld\n", set(3));
	printf("set %ld\n", set(5));
	for (int i = 0; i < 8; i++) {
		s0 += table[0][i];
		s1 += table[1][i];
	}
	printf("interned %ld %ld\n", s0, s1);
	names();
	printf("names %s %s\n", published[0], published[1]);
	return 0;
}

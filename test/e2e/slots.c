// Slots of a local (docs/design.md), at run time. bkref() copies its
// caller's context with a struct assignment (a typed copy), replaces the
// copy's limits with a copy of the caller's (elems written on both
// branches of init_copy, as gnulib regex's re_node_set_init_copy does)
// before anything reads them, grows them, hands the context down the
// recursion and frees its elems: always its own block, never the
// caller's. With a slot per member and the copy's elems left out (every
// path overwrites them first), bkref frees nothing of its caller's: its
// block is demoted (a guarded buffer in the outermost frames of the
// recursion, realloc growing it in place), and so are run()'s blocks.
// Before the slots, the copy put the caller's elems where the free reads
// them, and every block stayed on the heap, `freed by a callee not
// inlined`.
//
// drop() is the negative: its copy's elems are the caller's and are freed
// (on the path main takes) before anything replaces them; main's block
// stays on the heap. A wrong demotion would be a free of a stack address
// (ASan reports it; the plain allocator aborts), or a use of a dead frame.
//
// Both sides of the guard at run time: run(3, 3)'s sets are 24 to 64
// bytes (in the 256-byte buffer, grown in place), run(40, 5)'s 320 bytes
// and more (the allocator).
//
// RUN: %e2e %t -O2 -g %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -g -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
//
// CHECK-DAG: slots.c:[[@LINE+45]]:{{[0-9]+}}: remark: malloc(...) does not escape: stack buffer of 256 bytes, heap above in the outermost frames of its call cycle
// CHECK-DAG: slots.c:[[@LINE+111]]:{{[0-9]+}}: remark: malloc(24) does not escape
// CHECK-DAG: slots.c:[[@LINE+110]]:{{[0-9]+}}: remark: malloc(320) does not escape
// CHECK-DAG: slots.c:[[@LINE+126]]:{{[0-9]+}}: remark: malloc(32) escapes to heap: freed by drop
//
// Output, by construction: the deepest rec() sums the caller's elements
// and the d inserted on the way down: 1 + 2 + 3 + (3 + 2 + 1) = 12, and
// 1 + ... + 40 + (5 + 4 + 3 + 2 + 1) = 835; drop() leaves elems null and
// adds 0: total 847.
// OUT: 12
// OUT-NEXT: 835
// OUT-NEXT: total 847
//
// Allocation calls (alloccount counts reallocs): run(3, 3): its block, and
// a malloc and a realloc per level, 7; run(40, 5): 1 + 5 + 5; drop's
// block: 19. With the plugin: run(3, 3) none; run(40, 5): the 320-byte
// block in its slot, the sets on the heap (above the buffer) with their
// reallocs, 10; drop's block: 11.
// COUNT: alloccount: program=19
// COUNT: alloccount: program=11
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	long alloc, nelem;
	long *elems;
} set;

typedef struct {
	void **states;
	long last;
	set limits;
} ctx;

static long total;

static int rec(ctx *c, int d);

/* As gnulib regex's re_node_set_init_copy: elems set on both branches. */
static int init_copy(set *dst, const set *src)
{
	dst->nelem = src->nelem;
	if (src->nelem > 0) {
		dst->alloc = dst->nelem;
		dst->elems = malloc(sizeof(long) * (size_t)dst->alloc);
		if (!dst->elems) {
			dst->alloc = dst->nelem = 0;
			return 1;
		}
		memcpy(dst->elems, src->elems, sizeof(long) * (size_t)src->nelem);
	} else {
		dst->alloc = dst->nelem = 0;
		dst->elems = NULL;
	}
	return 0;
}

static int insert(set *s, long v)
{
	if (s->nelem == s->alloc) {
		long *g = realloc(s->elems, 2 * sizeof(long) * (size_t)(s->alloc + 1));
		if (!g)
			return 1;
		s->elems = g;
		s->alloc = 2 * (s->alloc + 1);
	}
	s->elems[s->nelem++] = v;
	return 0;
}

/* A copy of the caller's context whose limits are replaced by a copy of
 * them before anything reads them, grown, handed down the recursion and
 * freed: its own block, never the caller's. */
__attribute__((noinline)) static int bkref(ctx *c, int d)
{
	ctx local;
	int r;
	local = *c;
	if (init_copy(&local.limits, &c->limits))
		return 1;
	r = insert(&local.limits, d) ? 1 : rec(&local, d - 1);
	free(local.limits.elems);
	return r;
}

__attribute__((noinline)) static int rec(ctx *c, int d)
{
	if (d <= 0) {
		for (long i = 0; i < c->limits.nelem; i++)
			total += c->limits.elems[i];
		return 0;
	}
	return bkref(c, d);
}

/* The negative: the copy's limits are the caller's, and are freed (on a
 * path the caller chooses) before anything replaces them. */
__attribute__((noinline)) static void drop(ctx *c, int really)
{
	ctx local = *c;
	if (really) {
		free(local.limits.elems);
		local.limits.elems = NULL;
	}
	total += local.limits.elems != NULL;
}

static long run(long n, int d)
{
	ctx c = {NULL, 0, {n, n, NULL}};
	long before = total;
	c.limits.elems = malloc(sizeof(long) * (size_t)n);
	if (!c.limits.elems)
		abort();
	for (long i = 0; i < n; i++)
		c.limits.elems[i] = i + 1;
	if (rec(&c, d))
		abort();
	free(c.limits.elems);
	return total - before;
}

int main(int argc, char **argv)
{
	ctx x = {NULL, 0, {4, 4, NULL}};
	(void)argv;
	printf("%ld\n", run(3, 3));
	printf("%ld\n", run(40, 5));
	x.limits.elems = malloc(4 * sizeof(long));
	drop(&x, argc > 0);
	printf("total %ld\n", total);
	return 0;
}

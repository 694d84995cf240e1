// jq's jv_keys: an array of values that hold reference-counted strings,
// sorted by a comparator that takes a reference and drops it (which frees
// a string whose count reaches 0). The comparator frees what an element
// points to, never the array, so the array is demoted: a guarded buffer,
// as its size is known at run time, and both sides run (4 keys fit in 256
// bytes, 40 do not). The strings stay on the heap. Run with and without
// the plugin and under ASan with detect_stack_use_after_return.
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
// Output, by construction: keys(n) makes n strings "k<i * 7 % n>" (7 and
// n share no factor: each of 0..n-1 once), sorts them, and prints the
// first, the last and n. As strings "k0" < "k1" < "k10" < ... < "k9":
// n = 4: k0 .. k3; n = 40: k0 .. k9 (strcmp order).
// OUT: keys k0 k3 4
// OUT-NEXT: keys k0 k9 40
//
// Allocation calls: per keys(n), n strings and the array: 4 + 1 + 40 + 1
// = 46; with the plugin the array of 4 is on the stack: 45.
// COUNT: alloccount: program=46
// COUNT: alloccount: program=45
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct str {
	int refs;
	char text[12];
};

struct value {
	int kind;
	struct str *s;
};

__attribute__((noinline)) static void drop(struct str *s)
{
	if (--s->refs == 0)
		free(s);
}

static int cmp_keys(const void *pa, const void *pb)
{
	const struct value *a = pa, *b = pb;
	int r;
	a->s->refs++;
	b->s->refs++;
	r = strcmp(a->s->text, b->s->text);
	drop(a->s);
	drop(b->s);
	return r;
}

__attribute__((noinline)) void keys(int n)
{
	// CHECK-DAG: qsort-refcounted.c:[[@LINE+1]]:{{[0-9]+}}: remark: calloc(..., 16) does not escape: stack buffer of 256 bytes, heap above
	struct value *v = calloc(n, sizeof *v);
	if (!v)
		abort();
	for (int i = 0; i < n; i++) {
		v[i].kind = 1;
		v[i].s = malloc(sizeof *v[i].s);
		if (!v[i].s)
			abort();
		v[i].s->refs = 1;
		snprintf(v[i].s->text, sizeof v[i].s->text, "k%d", i * 7 % n);
	}
	qsort(v, n, sizeof *v, cmp_keys);
	printf("keys %s %s %d\n", v[0].s->text, v[n - 1].s->text, n);
	for (int i = 0; i < n; i++)
		drop(v[i].s);
	free(v);
}

int main(void)
{
	keys(4);
	keys(40);
	return 0;
}

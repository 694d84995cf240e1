// Typed loads, declared members (docs/design.md): multiples() keeps its
// array in a local struct set { long alloc; long nelem; long *elems; },
// puts the array there with memcpy (LLVM makes that an untagged store into
// elems) and hands the struct to note(), which reads nelem as a long and
// passes it to a callback through a function pointer (a call that may do
// anything). The bytes of a declared object keep its declared type, so the
// long read of nelem never reads elems' bytes: the array is demoted. The
// rule trusts declared types only in a module that debug info says is C,
// so built with -g0 (no compile unit) the array stays on the heap, `passed
// to note, which leaks it`, as before the rule.
//
// publish() is the negative: the same kind of struct, and elems' own bytes
// copied out into a long (memcpy, legal C) that the callback keeps; main
// prints the string through it after publish() returned. A wrong
// demotion would be a use of a dead frame, which ASan with
// detect_stack_use_after_return reports; the output would also differ.
//
// RUN: %e2e %t -O2 -g %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -g -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
// RUN: %clang -O2 -g0 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.g0.rem
// RUN: FileCheck --check-prefix=G0 %s < %t.g0.rem
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
//
// CHECK-DAG: typed-loads-declared.c:[[@LINE+38]]:{{[0-9]+}}: remark: malloc(64) does not escape: moved to a 64-byte stack slot
// CHECK-DAG: typed-loads-declared.c:[[@LINE+63]]:{{[0-9]+}}: remark: malloc(16) escapes to heap
// G0: typed-loads-declared.c:[[@LINE+36]]:{{[0-9]+}}: remark: malloc(64) escapes to heap: passed to note, which leaks it
//
// Output, by construction: multiples(20, k) keeps the i < 20 with
// i % k == 0, at most 8: k = 1: 0..7, sum 28; k = 2: 0, 2, ..., 14, 56;
// k = 3: 0, 3, ..., 18, 63; k = 4: 0, 4, 8, 12, 16, 40; k = 5: 0, 5, 10,
// 15, 30. In all 217, and the last nelem noted is k = 5's, 4.
// OUT: sum 217 last 4
// OUT-NEXT: kept kept
//
// Allocation calls: 5 arrays and publish's one; with the plugin,
// publish's only.
// COUNT: alloccount: program=6
// COUNT: alloccount: program=1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct set {
	long alloc;
	long nelem;
	long *elems;
};

static long last, sum;

static void keep_long(long n) { last = n; }
static void (*volatile keep)(long) = keep_long;

static __attribute__((noinline)) void note(const struct set *s)
{
	keep(s->nelem);
}

static __attribute__((noinline)) long multiples(int n, int k)
{
	struct set s;
	long *p = malloc(8 * sizeof *p);
	if (!p)
		abort();
	s.alloc = 8;
	s.nelem = 0;
	memcpy(&s.elems, &p, sizeof p);
	for (int i = 0; i < n && s.nelem < s.alloc; i++)
		if (i % k == 0)
			s.elems[s.nelem++] = i;
	note(&s);
	long t = 0;
	for (long i = 0; i < s.nelem; i++)
		t += s.elems[i];
	free(s.elems);
	return t;
}

struct text {
	long len;
	char *str;
};

static __attribute__((noinline)) void publish(void)
{
	struct text t;
	long word;
	char *p = malloc(16);
	if (!p)
		abort();
	strcpy(p, "kept");
	t.len = 4;
	memcpy(&t.str, &p, sizeof p);
	memcpy(&word, &t.str, sizeof word);
	keep(word);
}

int main(void)
{
	for (int k = 1; k <= 5; k++)
		sum += multiples(20, k);
	printf("sum %ld last %ld\n", sum, last);
	publish();
	printf("kept %s\n", (const char *)last);
	free((char *)last);
	return 0;
}

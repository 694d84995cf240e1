// Allocating helpers: record_new returns a block it allocates, too large
// for LLVM's inliner at its three call sites, small enough for
// inline-budget. Where the caller frees the result (directly, or through
// record_free) heap2stack inlines the helper and demotes the block; where
// the result outlives the caller (returned to main, pushed onto a global
// list freed later) the helper stays a call and the block on the heap.
// Run with and without the plugin and under ASan with
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
// Output, by construction: record_new copies the name and sums its bytes
// times their positions (1-based) plus the id; "ab" with id 1 is
// 97 + 2 * 98 + 1 = 294, "abc" with id 2 is 97 + 196 + 3 * 99 + 2 = 592,
// "x" with id 3 is 120 + 3 = 123, "yz" with id 4 is 121 + 244 + 4 = 369,
// "kept" with id 5 is 107 + 202 + 336 + 464 + 5 = 1114.
// OUT: checked ab 294
// OUT-NEXT: checked abc 592
// OUT-NEXT: listed 123 369
// OUT-NEXT: kept kept 1114
//
// Allocation calls: 5 records; with the plugin the two checked ones go.
// COUNT: alloccount: program=5
// COUNT: alloccount: program=3
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct record {
	struct record *next;
	unsigned id, sum, len;
	char name[24];
};

static struct record *list;

// Large enough that LLVM's inliner leaves its calls alone at -O2.
struct record *record_new(unsigned id, const char *name)
{
	// The remarks of the copies inlined into check and check_destroyed
	// are at the allocation's own line, as LLVM places remarks.
	// CHECK-DAG: allocating-helpers.c:[[@LINE+3]]:{{[0-9]+}}: remark: malloc(48) escapes to heap: returned
	// CHECK-DAG: allocating-helpers.c:[[@LINE+2]]:{{[0-9]+}}: remark: malloc(48) does not escape: moved to a 48-byte stack slot; inlined record_new, which allocates it
	// CHECK-DAG: allocating-helpers.c:[[@LINE+1]]:{{[0-9]+}}: remark: malloc(48) does not escape: moved to a 48-byte stack slot; inlined record_new, which allocates it
	struct record *r = malloc(sizeof *r);
	if (!r)
		abort();
	r->next = NULL;
	r->id = id;
	r->len = 0;
	r->sum = id;
	memset(r->name, 0, sizeof r->name);
	for (const char *p = name; *p && r->len < sizeof r->name - 1; p++) {
		r->name[r->len] = *p;
		r->len++;
		r->sum += (unsigned)(unsigned char)*p * r->len;
		if (r->sum > 100000u)
			r->sum %= 9973u;
		if (*p == '/' || *p == '\\')
			r->name[r->len - 1] = '_';
		if (r->len % 8 == 0 && r->sum % 3 == 0)
			r->sum ^= 0x55u;
		if (r->len % 8 == 0 && r->sum % 5 == 0)
			r->sum ^= 0xaau;
	}
	return r;
}

void record_free(struct record *r)
{
	free(r);
}

__attribute__((noinline)) void check(unsigned id, const char *name)
{
	struct record *r = record_new(id, name);
	printf("checked %s %u\n", r->name, r->sum);
	free(r);
}

__attribute__((noinline)) void check_destroyed(unsigned id, const char *name)
{
	struct record *r = record_new(id, name);
	printf("checked %s %u\n", r->name, r->sum);
	record_free(r);
}

// Not inlined: the record outlives the call.
__attribute__((noinline)) void push(unsigned id, const char *name)
{
	struct record *r = record_new(id, name);
	r->next = list;
	list = r;
}

__attribute__((noinline)) struct record *keep(unsigned id, const char *name)
{
	return record_new(id, name);
}

int main(void)
{
	struct record *k;
	check(1, "ab");
	check_destroyed(2, "abc");
	push(4, "yz");
	push(3, "x");
	printf("listed");
	while (list) {
		struct record *n = list->next;
		printf(" %u", list->sum);
		record_free(list);
		list = n;
	}
	printf("\n");
	k = keep(5, "kept");
	printf("kept %s %u\n", k->name, k->sum);
	record_free(k);
	return 0;
}

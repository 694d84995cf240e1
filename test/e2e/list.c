// A linked list built and freed in one function. No node escapes, but each
// node allocated in the loop is still live in the next iteration, so the
// nodes cannot share one stack slot: each execution gets a slot of its own
// from a pool (of 10 when LLVM sees n is at most 10 from the two calls, as
// LLVM 22 does; else of 64; the pool's other side runs in loop-pool.c),
// and the frees after the loop free null for them. (A wrong demotion links a slot to itself; the
// loops are bounded by n so that such a bug shows as a wrong output rather
// than a hang.) Under loop-slots=0 the allocation stays on the heap.
//
// RUN: %e2e %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
// RUN: grep remark: %t.rem | count 1
// RUN: %clang -O2 -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-options=loop-slots=0 -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=ONESLOT %s
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
#include <stdio.h>
#include <stdlib.h>

struct node {
	int value;
	struct node *next;
};

static __attribute__((noinline)) long list_sum(int n, int seed)
{
	struct node *head = NULL;
	for (int i = 0; i < n; i++) {
		// CHECK-DAG: list.c:[[@LINE+2]]:{{[0-9]+}}: remark: malloc(16) does not escape: {{10 stack slots of 16 bytes, one per execution, heap after the last \(its loops run at most that often\)|64 stack slots of 16 bytes, one per execution, heap after the last}} [-Rpass=heap2stack]
		// ONESLOT: list.c:[[@LINE+1]]:{{[0-9]+}}: remark: malloc(16) escapes to heap: live across loop iterations
		struct node *x = malloc(sizeof *x);
		if (!x)
			abort();
		x->value = seed * i + 1;
		x->next = head;
		head = x;
	}
	long sum = 0;
	int count = 0;
	for (struct node *p = head; p && count <= n; p = p->next, count++)
		sum += (long)p->value * (count + 1);
	printf("visited %d nodes\n", count);
	for (int i = 0; head && i < n; i++) {
		struct node *next = head->next;
		free(head);
		head = next;
	}
	return sum;
}

int main(int argc, char **argv)
{
	(void)argv;
	printf("sum %ld\n", list_sum(10, argc + 2));
	printf("sum %ld\n", list_sum(5, argc));
	return 0;
}

// OUT: visited 10 nodes
// OUT: sum 550
// OUT: visited 5 nodes
// OUT: sum 35
// Allocation calls: 10 + 5 nodes; with the plugin none (both lists fit
// the slots).
// COUNT: alloccount: program=15 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=0 all={{[0-9]+}}

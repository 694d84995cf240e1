// Callees that free, on a call cycle (docs/design.md): tree_free() is
// recursive, so LLVM's inliner leaves it alone; it frees the node it is
// given and recurses only on the children, so heap2stack inlines it into
// pair_sum(), whose three nodes it then demotes (the root in the first
// round, the leaves in the second). The same tree_free() frees a tree
// built on the heap by build() and kept in a global until main frees it:
// heap blocks still reach free(). drop_a()/drop_b() free a list taking
// turns (mutual recursion); one_node() demotes its node. count_down()
// hands its block on to itself before freeing it: kept.
//
// RUN: %e2e %t -g -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -g -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
//
// CHECK-DAG: callee-free-recursive.c:[[@LINE+50]]:{{[0-9]+}}: remark: malloc(24) does not escape: moved to a 24-byte stack slot; inlined tree_free, which frees it
// CHECK-DAG: callee-free-recursive.c:[[@LINE+39]]:{{[0-9]+}}: remark: malloc(24) does not escape: moved to a 24-byte stack slot; inlined tree_free, which frees it
// CHECK-DAG: callee-free-recursive.c:[[@LINE+101]]:{{[0-9]+}}: remark: malloc(16) does not escape: moved to a 16-byte stack slot; inlined drop_a, which frees it
// CHECK-DAG: callee-free-recursive.c:[[@LINE+121]]:{{[0-9]+}}: remark: malloc(32) escapes to heap: freed by release_after at {{.*}}, not inlined: it passes it on round a call cycle
//
// Output, by construction: pair_sum(i, 2 * i) for i = 0..99 sums 3 * i:
// 3 * 4950 = 14850. The heap tree of depth 3 holds 1 + 2 + 4 = 7 nodes
// valued by their depth (0, 1, 1, 2, 2, 2, 2): 10. one_node(v) for
// v = 0..9 returns v + 1: 55. count_down(5): release_after() returns what
// was stored, 5, at the bottom and r * 3 + 1 above: 16, 49, 148, 445, 1336
// (not a tail call, so LLVM keeps the recursion).
// OUT: pairs 14850
// OUT-NEXT: heap tree 10
// OUT-NEXT: nodes 55
// OUT-NEXT: count 1336
//
// Allocation calls: 300 for the pairs, 7 for the heap tree, 10 nodes, 1
// for count_down: 318; with the plugin the heap tree's and count_down's:
// 8.
// COUNT: alloccount: program=318
// COUNT: alloccount: program=8
#include <stdio.h>
#include <stdlib.h>

struct node {
	struct node *l, *r;
	int v;
};

static void tree_free(struct node *n)
{
	if (!n)
		return;
	tree_free(n->l);
	tree_free(n->r);
	free(n);
}

static struct node *leaf(int v)
{
	struct node *n = malloc(sizeof *n);
	if (!n)
		abort();
	n->l = n->r = NULL;
	n->v = v;
	return n;
}

static __attribute__((noinline)) int pair_sum(int a, int b)
{
	struct node *root = malloc(sizeof *root);
	if (!root)
		abort();
	root->l = leaf(a);
	root->r = leaf(b);
	root->v = 0;
	int s = root->l->v + root->r->v;
	tree_free(root);
	return s;
}

static struct node *kept;

static __attribute__((noinline)) struct node *build(int depth, int v)
{
	if (depth == 0)
		return NULL;
	struct node *n = leaf(v);
	n->l = build(depth - 1, v + 1);
	n->r = build(depth - 1, v + 1);
	return n;
}

static int tree_sum(const struct node *n)
{
	return n ? n->v + tree_sum(n->l) + tree_sum(n->r) : 0;
}

struct link {
	struct link *next;
	int v;
};

static void drop_b(struct link *p);

static void drop_a(struct link *p)
{
	if (!p)
		return;
	drop_b(p->next);
	free(p);
}

static void drop_b(struct link *p)
{
	if (!p)
		return;
	drop_a(p->next);
	free(p);
}

static __attribute__((noinline)) int one_node(int v)
{
	struct link *n = malloc(sizeof *n);
	if (!n)
		abort();
	n->next = NULL;
	n->v = v + 1;
	int r = *(volatile int *)&n->v;
	drop_a(n);
	return r;
}

static int release_after(char *p, int n)
{
	if (n > 0)
		return release_after(p, n - 1) * 3 + 1;
	int r = *(volatile char *)p;
	free(p);
	return r;
}

static __attribute__((noinline)) int count_down(int n)
{
	char *p = malloc(32);
	if (!p)
		abort();
	*(volatile char *)p = (char)n;
	return release_after(p, n);
}

int main(void)
{
	int pairs = 0, nodes = 0;
	for (int i = 0; i < 100; i++)
		pairs += pair_sum(i, 2 * i);
	printf("pairs %d\n", pairs);
	kept = build(3, 0);
	printf("heap tree %d\n", tree_sum(kept));
	tree_free(kept);
	for (int v = 0; v < 10; v++)
		nodes += one_node(v);
	printf("nodes %d\n", nodes);
	printf("count %d\n", count_down(5));
	return 0;
}

/*
 * tree: a binary search tree built for each query from a small key set,
 * searched, and freed, with one malloc per node (iterative insert and an
 * iterative free through an explicit stack).
 *
 * Expected: each node is stored into another node (or the root) inside the
 * insertion loop, so one node outlives the iteration that made it and one
 * slot cannot serve them all. heap2stack gives the site a pool (64 slots of
 * 24 bytes, 32 apart; query() is inlined into main's loop, so the trip
 * count does not bound them): every query frees all its nodes, the pool
 * empties and the next query starts again from its first slot, so no node
 * comes from malloc. The Attributor keeps them on the heap. tree_pool.c is
 * the same work with the nodes carved from one per-query buffer, and
 * tree_stack.c the hand-written stack version heap2stack's is judged
 * against.
 */
#include "kernel.h"

#define KEYS 48

struct node {
	int key;
	struct node *left, *right;
};

static uint64_t query(const int *keys, int probe)
{
	struct node *root = NULL;
	for (int i = 0; i < KEYS; i++) {
		struct node **at = &root;
		while (*at)
			at = keys[i] < (*at)->key ? &(*at)->left : &(*at)->right;
		struct node *n = malloc(sizeof *n);
		if (!n)
			abort();
		n->key = keys[i];
		n->left = n->right = NULL;
		*at = n;
	}
	uint64_t h = 0;
	int depth = 0;
	for (struct node *p = root; p; depth++) {
		if (p->key == probe) {
			h = (uint64_t)depth * 1000 + 1;
			break;
		}
		p = probe < p->key ? p->left : p->right;
	}
	struct node *stack[KEYS];
	int sp = 0;
	if (root)
		stack[sp++] = root;
	while (sp) {
		struct node *p = stack[--sp];
		if (p->left)
			stack[sp++] = p->left;
		if (p->right)
			stack[sp++] = p->right;
		h += (uint64_t)p->key;
		free(p);
	}
	return h;
}

int main(int argc, char **argv)
{
	int keys[KEYS];
	uint64_t sum = 0;
	unsigned long n = 300000ul * scale(argc, argv);
	for (unsigned long q = 0; q < n; q++) {
		for (int i = 0; i < KEYS; i++)
			keys[i] = (int)(rng() % 1000);
		sum = mix(sum, query(keys, (int)(rng() % 1000)));
	}
	report("tree", sum);
	return 0;
}

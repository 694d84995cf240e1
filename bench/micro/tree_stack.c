/*
 * tree_stack: tree.c written by hand the way heap2stack rewrites it: the
 * nodes of each query come from an array on the stack, 48 of them, and
 * nothing is freed (the array dies with the query's frame). Same keys,
 * same checksum as tree.c and tree_pool.c; the baseline tree with
 * heap2stack is judged against (`python3 bench/micro/pair.py tree
 * tree_stack`).
 *
 * Expected: no allocation, nothing for heap2stack to do.
 */
#include "kernel.h"

#define KEYS 48

struct node {
	int key;
	struct node *left, *right;
};

static uint64_t query(const int *keys, int probe)
{
	struct node pool[KEYS];
	struct node *root = NULL;
	for (int i = 0; i < KEYS; i++) {
		struct node **at = &root;
		while (*at)
			at = keys[i] < (*at)->key ? &(*at)->left : &(*at)->right;
		struct node *n = &pool[i];
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
	report("tree_stack", sum);
	return 0;
}

/*
 * tree_pool: tree.c's work (a binary search tree built per query, searched,
 * discarded), with the nodes carved from one buffer malloc'd per query and
 * freed at its end, the arena pattern real code uses for short-lived
 * structures.
 *
 * Expected: the pool (48 nodes of 24 bytes, 1152 bytes) does not escape:
 * pointers into it are stored only into the pool itself and into the local
 * root; heap2stack demotes it. Over the Attributor's 128-byte limit.
 */
#include "kernel.h"

#define KEYS 48

struct node {
	int key;
	struct node *left, *right;
};

static uint64_t query(const int *keys, int probe)
{
	struct node *pool = malloc(KEYS * sizeof *pool);
	if (!pool)
		abort();
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
	free(pool);
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
	report("tree_pool", sum);
	return 0;
}

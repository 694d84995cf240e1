/*
 * domtree.c: the dominator tree, by the iterative algorithm of Cooper, Harvey
 * and Kennedy ("A Simple, Fast Dominance Algorithm", 2001).
 *
 * Blocks are processed in reverse post-order until no immediate dominator
 * changes; two candidate dominators are intersected by walking up the
 * partially built tree, comparing reverse post-order positions.
 */
#include "internal.h"

#include <stdlib.h>

/* The nearest common ancestor of reachable blocks a and b in the partial
 * tree doms (where doms[entry] == entry). */
static unsigned dom_intersect(const h2s_cfg *g, const unsigned *doms,
			      unsigned a, unsigned b)
{
	while (a != b) {
		while (g->rpo_num[a] > g->rpo_num[b])
			a = doms[a];
		while (g->rpo_num[b] > g->rpo_num[a])
			b = doms[b];
	}
	return a;
}

/* The new immediate dominator of reachable block b other than the entry: the
 * intersection of its predecessors already processed. At least one is,
 * since its DFS parent precedes it in reverse post-order. */
static unsigned dom_from_preds(const h2s_cfg *g, const unsigned *doms,
			       unsigned b)
{
	unsigned nd = H2S_NONE, k;
	for (k = 0; k < g->pred[b].n; k++) {
		unsigned p = g->pred[b].v[k];
		if (doms[p] == H2S_NONE)
			continue; /* unreachable or not yet processed */
		nd = nd == H2S_NONE ? p : dom_intersect(g, doms, p, nd);
	}
	assert(nd != H2S_NONE);
	return nd;
}

/* Fills g->idom (block -> immediate dominator; H2S_NONE for the entry and for
 * unreachable blocks). Requires cfg_build; replaces any previous idom. */
void dom_build(h2s_cfg *g)
{
	unsigned *doms = xcalloc(g->n, sizeof *doms);
	unsigned i;
	int changed = 1;

	for (i = 0; i < g->n; i++)
		doms[i] = H2S_NONE;
	if (g->nrpo) {
		assert(g->rpo[0] == 0);
		doms[0] = 0;
	}
	while (changed) {
		changed = 0;
		for (i = 1; i < g->nrpo; i++) {
			unsigned b = g->rpo[i];
			unsigned nd = dom_from_preds(g, doms, b);
			if (doms[b] != nd) {
				doms[b] = nd;
				changed = 1;
			}
		}
	}
	if (g->nrpo)
		doms[0] = H2S_NONE;
	free(g->idom);
	g->idom = doms;
}

/* 1 when block a dominates block b. Every block dominates itself; an
 * unreachable b is dominated by every block; an unreachable a dominates only
 * itself and unreachable blocks. Walks the idom chain up from b. */
int dom_dominates(const h2s_cfg *g, unsigned a, unsigned b)
{
	assert(g->idom && a < g->n && b < g->n);
	if (a == b || g->rpo_num[b] == H2S_NONE)
		return 1;
	if (g->rpo_num[a] == H2S_NONE)
		return 0;
	for (; b != H2S_NONE; b = g->idom[b])
		if (b == a)
			return 1;
	return 0;
}

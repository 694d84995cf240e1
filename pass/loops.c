/*
 * loops.c: natural loops and cycles of the CFG.
 *
 * A back edge is an edge u->h between reachable blocks where h dominates u.
 * The natural loop of header h is h plus every reachable block that reaches
 * a source of a back edge into h without passing through h; back edges
 * sharing a header form one loop (as in LLVM's LoopInfo). Natural loops are
 * nested or disjoint, so the innermost loop containing a block is the one
 * with the smallest body.
 *
 * Irreducible cycles have no dominating header and are no natural loops;
 * in_cycle catches them (and self-loops) from the strongly connected
 * components of the CFG.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* 1 when some reachable predecessor of h is the source of a back edge. */
static int loop_is_header(const h2s_cfg *g, unsigned h)
{
	unsigned k;
	for (k = 0; k < g->pred[h].n; k++) {
		unsigned u = g->pred[h].v[k];
		if (g->rpo_num[u] != H2S_NONE && dom_dominates(g, h, u))
			return 1;
	}
	return 0;
}

/* Marks in `in` (zeroed, n entries) the body of the natural loop headed by
 * h, using `work` (n entries) as a stack; returns the number of blocks. */
static unsigned loop_body(const h2s_cfg *g, unsigned h, unsigned char *in,
			  unsigned *work)
{
	unsigned sp = 0, size = 1, k;

	in[h] = 1;
	for (k = 0; k < g->pred[h].n; k++) {
		unsigned u = g->pred[h].v[k];
		if (g->rpo_num[u] == H2S_NONE || !dom_dominates(g, h, u) ||
		    in[u])
			continue;
		in[u] = 1;
		size++;
		work[sp++] = u;
	}
	while (sp) {
		unsigned b = work[--sp];
		for (k = 0; k < g->pred[b].n; k++) {
			unsigned p = g->pred[b].v[k];
			if (g->rpo_num[p] == H2S_NONE || in[p])
				continue;
			assert(dom_dominates(g, h, p));
			in[p] = 1;
			size++;
			assert(sp < g->n);
			work[sp++] = p;
		}
	}
	return size;
}

/* Fills g->loop_depth and g->loop_header from the natural loops. */
static void loops_natural(h2s_cfg *g)
{
	unsigned char *in = xcalloc(g->n, 1);
	unsigned *work = xcalloc(g->n, sizeof *work);
	unsigned *inner = xcalloc(g->n, sizeof *inner); /* innermost's size */
	unsigned i, b;

	g->loop_depth = xcalloc(g->n, sizeof *g->loop_depth);
	g->loop_header = xcalloc(g->n, sizeof *g->loop_header);
	for (b = 0; b < g->n; b++)
		g->loop_header[b] = H2S_NONE;
	for (i = 0; i < g->nrpo; i++) {
		unsigned h = g->rpo[i], size;
		if (!loop_is_header(g, h))
			continue;
		memset(in, 0, g->n);
		size = loop_body(g, h, in, work);
		for (b = 0; b < g->n; b++) {
			if (!in[b])
				continue;
			g->loop_depth[b]++;
			if (g->loop_header[b] == H2S_NONE || size < inner[b]) {
				g->loop_header[b] = h;
				inner[b] = size;
			}
		}
	}
	free(in);
	free(work);
	free(inner);
}

/* Fills g->in_cycle: a block lies on a cycle when its strongly connected
 * component has several blocks or it branches to itself. */
static void loops_cycles(h2s_cfg *g)
{
	unsigned *comp = xcalloc(g->n, sizeof *comp);
	unsigned *size, ncomp, b, k;

	ncomp = scc_compute(g->n, g->succ, comp);
	size = xcalloc(ncomp, sizeof *size);
	for (b = 0; b < g->n; b++)
		size[comp[b]]++;
	g->in_cycle = xcalloc(g->n, 1);
	for (b = 0; b < g->n; b++) {
		if (size[comp[b]] > 1)
			g->in_cycle[b] = 1;
		for (k = 0; k < g->succ[b].n; k++)
			if (g->succ[b].v[k] == b)
				g->in_cycle[b] = 1;
	}
	free(comp);
	free(size);
}

/* Fills g->loop_depth, g->loop_header and g->in_cycle (arrays of g->n
 * entries; unreachable blocks get depth 0 and no header). Requires dom_build;
 * replaces any previous loop arrays. */
void loops_build(h2s_cfg *g)
{
	assert(g->idom || g->n == 0);
	free(g->loop_depth);
	free(g->loop_header);
	free(g->in_cycle);
	loops_natural(g);
	loops_cycles(g);
}

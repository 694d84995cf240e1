/*
 * cfg.c: the control-flow graph of one function.
 *
 * Blocks are numbered in function order (block 0 is the entry). Successor
 * lists come from each block's terminator with duplicates removed (a switch
 * may name the same destination several times); predecessor lists are their
 * inverse. Reverse post-order comes from an iterative depth-first search from
 * the entry, so only reachable blocks are numbered in it.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* Fills g->n, g->block and g->index from the blocks of fn in function
 * order. */
static void cfg_number(h2s_cfg *g, LLVMValueRef fn)
{
	LLVMBasicBlockRef bb;
	unsigned i = 0;

	g->n = LLVMCountBasicBlocks(fn);
	g->block = xcalloc(g->n, sizeof *g->block);
	map_reserve(&g->index, g->n);
	for (bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb)) {
		assert(i < g->n);
		g->block[i] = bb;
		map_put(&g->index, ptrkey(bb), i);
		i++;
	}
	assert(i == g->n);
}

/* Fills g->succ and g->pred from the terminators. Each list holds a block at
 * most once; pred lists are in increasing block order. */
static void cfg_edges(h2s_cfg *g)
{
	unsigned *seen = xcalloc(g->n, sizeof *seen); /* last b + 1 that saw it */
	unsigned b, k;

	g->succ = xcalloc(g->n, sizeof *g->succ);
	g->pred = xcalloc(g->n, sizeof *g->pred);
	for (b = 0; b < g->n; b++) {
		LLVMValueRef term = LLVMGetBasicBlockTerminator(g->block[b]);
		unsigned ns = term ? LLVMGetNumSuccessors(term) : 0;
		for (k = 0; k < ns; k++) {
			unsigned s = cfg_index(g, LLVMGetSuccessor(term, k));
			assert(s != H2S_NONE);
			if (seen[s] == b + 1)
				continue;
			seen[s] = b + 1;
			uvec_push(&g->succ[b], s);
			uvec_push(&g->pred[s], b);
		}
	}
	free(seen);
}

/* Fills g->rpo, g->nrpo and g->rpo_num by an iterative depth-first search
 * from block 0, visiting successors in list order. Unreachable blocks get
 * rpo_num H2S_NONE. */
static void cfg_rpo(h2s_cfg *g)
{
	unsigned *stack = xcalloc(g->n, sizeof *stack); /* DFS path */
	unsigned *next = xcalloc(g->n, sizeof *next);   /* next succ to try */
	unsigned *post = xcalloc(g->n, sizeof *post);   /* post-order */
	unsigned char *visited = xcalloc(g->n, 1);
	unsigned sp = 0, npost = 0, i;

	g->rpo_num = xcalloc(g->n, sizeof *g->rpo_num);
	for (i = 0; i < g->n; i++)
		g->rpo_num[i] = H2S_NONE;
	if (g->n) {
		visited[0] = 1;
		stack[sp++] = 0;
	}
	while (sp) {
		unsigned b = stack[sp - 1];
		if (next[b] < g->succ[b].n) {
			unsigned s = g->succ[b].v[next[b]++];
			if (!visited[s]) {
				visited[s] = 1;
				assert(sp < g->n);
				stack[sp++] = s;
			}
		} else {
			post[npost++] = b;
			sp--;
		}
	}
	g->nrpo = npost;
	g->rpo = xcalloc(g->n, sizeof *g->rpo);
	for (i = 0; i < npost; i++) {
		g->rpo[i] = post[npost - 1 - i];
		g->rpo_num[g->rpo[i]] = i;
	}
	assert(!g->n || (g->nrpo && g->rpo[0] == 0));
	free(stack);
	free(next);
	free(post);
	free(visited);
}

/* Builds the CFG of fn, a function with a body: fills n, block, index, succ,
 * pred, rpo, nrpo and rpo_num. Every other field is zeroed; g is overwritten
 * without being freed. */
void cfg_build(h2s_cfg *g, LLVMValueRef fn)
{
	memset(g, 0, sizeof *g);
	cfg_number(g, fn);
	cfg_edges(g);
	cfg_rpo(g);
}

/* Block index of bb, or H2S_NONE when bb is not a block of g's function. */
unsigned cfg_index(const h2s_cfg *g, LLVMBasicBlockRef bb)
{
	uint64_t v;
	if (!bb || !map_get(&g->index, ptrkey(bb), &v))
		return H2S_NONE;
	return (unsigned)v;
}

/* Frees everything g owns (including the dominator and loop arrays when they
 * were built) and zeroes g. */
void cfg_free(h2s_cfg *g)
{
	unsigned b;
	if (g->succ)
		for (b = 0; b < g->n; b++)
			uvec_free(&g->succ[b]);
	if (g->pred)
		for (b = 0; b < g->n; b++)
			uvec_free(&g->pred[b]);
	free(g->succ);
	free(g->pred);
	free(g->block);
	map_free(&g->index);
	free(g->rpo);
	free(g->rpo_num);
	free(g->idom);
	free(g->loop_depth);
	free(g->loop_header);
	free(g->in_cycle);
	memset(g, 0, sizeof *g);
}

unsigned fn_num_insts(LLVMValueRef fn)
{
	unsigned n = 0;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
	     bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef I = LLVMGetFirstInstruction(bb); I;
		     I = LLVMGetNextInstruction(I))
			n++;
	return n;
}

/*
 * scc.c: strongly connected components by Tarjan's algorithm, written with
 * an explicit stack so that deep graphs cannot overflow the C stack.
 *
 * Components are numbered in the order Tarjan completes them, which is a
 * reverse topological order of the condensation: for an edge u->v between
 * different components, comp[v] < comp[u].
 */
#include "internal.h"

#include <stdlib.h>

typedef struct scc_state {
	unsigned n;
	const h2s_uvec *adj;
	unsigned *comp;      /* output; H2S_NONE until assigned */
	unsigned *num;       /* DFS discovery number + 1, 0 = unvisited */
	unsigned *low;       /* lowest discovery number + 1 reachable */
	unsigned *next;      /* next adjacency position to explore */
	unsigned *path;      /* DFS call stack */
	unsigned *open;      /* Tarjan's stack of nodes without a component */
	unsigned char *on_open;
	unsigned npath, nopen, counter, ncomp;
} scc_state;

/* Discovers node v: numbers it and pushes it on both stacks. */
static void scc_enter(scc_state *s, unsigned v)
{
	assert(s->num[v] == 0);
	s->num[v] = s->low[v] = ++s->counter;
	s->path[s->npath++] = v;
	s->open[s->nopen++] = v;
	s->on_open[v] = 1;
}

/* Finishes v, whose edges are all explored: if v roots a component, pops it
 * off the open stack and numbers it. */
static void scc_finish(scc_state *s, unsigned v)
{
	unsigned w;
	if (s->low[v] != s->num[v])
		return;
	do {
		assert(s->nopen);
		w = s->open[--s->nopen];
		s->on_open[w] = 0;
		s->comp[w] = s->ncomp;
	} while (w != v);
	s->ncomp++;
}

/* Runs the depth-first search from unvisited root r. */
static void scc_visit(scc_state *s, unsigned r)
{
	scc_enter(s, r);
	while (s->npath) {
		unsigned v = s->path[s->npath - 1];
		if (s->next[v] < s->adj[v].n) {
			unsigned w = s->adj[v].v[s->next[v]++];
			assert(w < s->n);
			if (s->num[w] == 0)
				scc_enter(s, w);
			else if (s->on_open[w] && s->num[w] < s->low[v])
				s->low[v] = s->num[w];
			continue;
		}
		s->npath--;
		scc_finish(s, v);
		if (s->npath) {
			unsigned u = s->path[s->npath - 1];
			if (s->low[v] < s->low[u])
				s->low[u] = s->low[v];
		}
	}
}

/* Strongly connected components of the graph on nodes 0..n-1 with adjacency
 * lists adj[0..n-1] (entries < n). Writes comp[v] for every node and returns
 * the number of components; see the header for the numbering contract. */
unsigned scc_compute(unsigned n, const h2s_uvec *adj, unsigned *comp)
{
	scc_state s = {0};
	unsigned v;

	s.n = n;
	s.adj = adj;
	s.comp = comp;
	s.num = xcalloc(n, sizeof *s.num);
	s.low = xcalloc(n, sizeof *s.low);
	s.next = xcalloc(n, sizeof *s.next);
	s.path = xcalloc(n, sizeof *s.path);
	s.open = xcalloc(n, sizeof *s.open);
	s.on_open = xcalloc(n, 1);
	for (v = 0; v < n; v++)
		comp[v] = H2S_NONE;
	for (v = 0; v < n; v++)
		if (s.num[v] == 0)
			scc_visit(&s, v);
	assert(s.nopen == 0);
	free(s.num);
	free(s.low);
	free(s.next);
	free(s.path);
	free(s.open);
	free(s.on_open);
	return s.ncomp;
}

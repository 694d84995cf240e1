/*
 * The fixpoint over one function's location graph.
 *
 * Each location holds the set of objects it may point to. A worklist
 * propagates sets along copy edges; a load edge `d = *a` becomes, for every
 * object o that a may point to, a copy edge content(o) -> d; a store edge
 * `*a = v` becomes a copy edge v -> content(o), or v -> {heap} when o is
 * memory the function does not own (v -> ~r0 for an sret parameter). These
 * derived edges are added as the sets grow, as in Andersen's analysis; the
 * sets only grow, so the loop terminates. A visit handles only the objects
 * that arrived since the location's last visit (difference propagation):
 * the others went along every edge that existed then, and an edge made
 * later takes the whole set when it is made.
 *
 * Reaching a sink has consequences Go also draws: an object that reaches
 * {heap} or ~r0 escapes, so everything stored in it escapes too, and unknown
 * code may write unknown pointers into it; an object that reaches {exposed}
 * may have unknown pointers written into it.
 *
 * For every (location, object) pair the edge that first brought the object
 * there is recorded, so report.c can print the flow as Go's -m=2 does.
 */
#include "internal.h"

#include <string.h>

typedef struct worklist {
	h2s_uvec q;
	uint64_t *delta;  /* visit()'s scratch: f->g.words words */
} worklist;

static void push(h2s_func *f, worklist *w, unsigned l)
{
	if (!f->g.locs[l].queued) {
		f->g.locs[l].queued = 1;
		uvec_push(&w->q, l);
	}
}

/* Queues l to handle its whole set again (edges were added to it outside
 * derive()); what was handled before is found again and changes
 * nothing. */
static void revisit(h2s_func *f, worklist *w, unsigned l)
{
	if (f->g.locs[l].done)
		memset(f->g.locs[l].done, 0, f->g.words * sizeof(uint64_t));
	push(f, w, l);
}

unsigned why_edge(const h2s_func *f, unsigned loc, unsigned obj)
{
	const h2s_uvec *w = &f->g.locs[loc].why;
	for (unsigned i = 0; i < w->n; i += 2)
		if (w->v[i] == obj)
			return w->v[i + 1];
	return H2S_NONE;
}

void why_record(h2s_func *f, unsigned loc, unsigned obj, unsigned e)
{
	arena_push(&f->g.arena, &f->g.locs[loc].why, obj);
	arena_push(&f->g.arena, &f->g.locs[loc].why, e);
}

/* dst |= bits; records edge e as the reason for every new object whose
 * flows are explained (see why_unexplained). Returns 1 when dst changed. */
static int merge(h2s_func *f, unsigned dst, const uint64_t *bits, unsigned e)
{
	uint64_t *d = f->g.locs[dst].pts;
	int changed = 0;
	for (unsigned w = 0; w < f->g.words; w++) {
		uint64_t add = bits[w] & ~d[w];
		if (!add)
			continue;
		changed = 1;
		d[w] |= add;
		if (w == 0)
			add &= ~why_unexplained(f);
		while (add) {
			unsigned b = (unsigned)__builtin_ctzll(add);
			add &= add - 1;
			why_record(f, dst, w * 64 + b, e);
		}
	}
	return changed;
}

/* Adds the copy edge src -> dst derived from edge `parent` through object
 * `via`, once, and propagates along it. */
static void derive(h2s_func *f, worklist *w, unsigned src, unsigned dst,
		   unsigned parent, unsigned via, h2s_why why)
{
	unsigned id;
	uint64_t key = ((uint64_t)src << 32) | dst;
	if (!map_add(&f->g.edgeset, key, 1))
		return;
	id = graph_new_edge(f, E_COPY, why, src, dst,
			    parent != H2S_NONE ? f->g.edges[parent].inst : NULL);
	f->g.edges[id].parent = parent;
	f->g.edges[id].via = via;
	arena_push(&f->g.arena, &f->g.locs[src].copies, id);
	if (merge(f, dst, f->g.locs[src].pts, id))
		push(f, w, dst);
}

/* Makes content(o), ptrs(o) and raw(o) hold unknown pointers: unknown code
 * may write there, through any type. */
static void expose(h2s_func *f, worklist *w, unsigned o, unsigned parent)
{
	derive(f, w, f->g.unknownloc, f->g.objs[o].content, parent, o, W_EXPOSED);
	derive(f, w, f->g.unknownloc, f->g.objs[o].ptrs, parent, o, W_EXPOSED);
	derive(f, w, f->g.unknownloc, f->g.objs[o].raw, parent, o, W_EXPOSED);
	for (unsigned k = 0; k < f->g.objs[o].nslots; k++)
		derive(f, w, f->g.unknownloc, f->g.objs[o].slots + k, parent, o,
		       W_EXPOSED);
}

/* The slot of object o a load edge reads (slots.c), or H2S_NONE. */
static unsigned load_slot(const h2s_func *f, const h2s_edge *e, unsigned o)
{
	if (e->slot_obj != o || !f->g.objs[o].nslots || !e->slot_mask)
		return H2S_NONE;
	for (unsigned k = 0; k < f->g.objs[o].nslots; k++)
		if (e->slot_mask >> k & 1)
			return f->g.objs[o].slots + k;
	return H2S_NONE;
}

/* Where a load edge reads object o: a load tagged with a pointer type
 * reads what stores not tagged with an arithmetic type wrote, one tagged
 * with an arithmetic type what stores not tagged with a pointer type
 * wrote (the tags say the bytes cannot be the same), any other load all
 * of it. */
static unsigned load_part(const h2s_func *f, const h2s_edge *e, unsigned o)
{
	unsigned slot = load_slot(f, e, o);
	if (slot != H2S_NONE)
		return slot;
	switch ((h2s_tbaa)e->tbaa) {
	case TBAA_POINTER:
		return f->g.objs[o].ptrs;
	case TBAA_ARITH:
		return f->g.objs[o].raw;
	default:
		return f->g.objs[o].content;
	}
}

/* A store edge's write into object o's own locations: content(o), and
 * ptrs(o) and raw(o) unless its tag says the bytes are of the other
 * kind. */
static void store_into(h2s_func *f, worklist *w, unsigned id, unsigned o,
		       h2s_why why)
{
	unsigned src = f->g.edges[id].src;
	h2s_tbaa t = (h2s_tbaa)f->g.edges[id].tbaa;
	derive(f, w, src, f->g.objs[o].content, id, o, why);
	if (t != TBAA_ARITH)
		derive(f, w, src, f->g.objs[o].ptrs, id, o, why);
	if (t != TBAA_POINTER)
		derive(f, w, src, f->g.objs[o].raw, id, o, why);
	/* a slotted local: the slots the store's bytes lie in when its
	 * address is the local plus a constant, all of them otherwise */
	for (unsigned k = 0; k < f->g.objs[o].nslots; k++)
		if (f->g.edges[id].slot_obj != o ||
		    (f->g.edges[id].slot_mask >> k & 1))
			derive(f, w, src, f->g.objs[o].slots + k, id, o, why);
}

/* Consequences of object o reaching sink location l. */
static void sink(h2s_func *f, worklist *w, unsigned l, unsigned o)
{
	h2s_obj *ob = &f->g.objs[o];
	unsigned e;
	if (ob->kind != OBJ_ALLOCA && ob->kind != OBJ_SITE)
		return;
	if (f->g.locs[l].kind == LOC_EXPOSED) {
		if (ob->sunk & 2)
			return;
		ob->sunk |= 2;
		e = why_edge(f, l, o);
		expose(f, w, o, e);
		derive(f, w, ob->content, f->g.exposed, e, o, W_EXPOSED);
		return;
	}
	if (ob->sunk & 1)
		return;
	ob->sunk |= 1;
	e = why_edge(f, l, o);
	/* escaped via {heap} or ~r0: what it holds is reachable from outside */
	derive(f, w, ob->content, f->g.heap, e, o, W_ESCAPED_MEM);
	expose(f, w, o, e);
}

/* The out location of a store into object ob, a parameter's own pointee
 * other than sret's (the caller's memory: the summary says where the
 * store goes), or H2S_NONE. */
static unsigned param_out(const h2s_func *f, const h2s_obj *ob)
{
	return ob->kind == OBJ_PARAM && ob->level == 0 && !ob->sret
		       ? f->g.pout[ob->param]
		       : H2S_NONE;
}

/* Where a store into external object ob goes: ~r0 for an sret
 * parameter, its out location for another parameter's own pointee,
 * {heap} otherwise. */
static unsigned external_target(const h2s_func *f, const h2s_obj *ob)
{
	if (ob->sret)
		return f->g.result;
	if (param_out(f, ob) != H2S_NONE)
		return param_out(f, ob);
	return f->g.heap;
}

static h2s_why store_why(const h2s_obj *ob, h2s_why dflt)
{
	if (!ob->external)
		return dflt;
	if (ob->sret)
		return W_RETURN;
	return ob->kind == OBJ_PARAM ? W_STORE_PARAM : W_STORE_GLOBAL;
}

/* The objects of location l's set its edges have not been handled for,
 * into w->delta; they count as handled from now on. Returns 0 when there
 * are none. */
static int take_delta(h2s_func *f, worklist *w, unsigned l)
{
	h2s_loc *L = &f->g.locs[l];
	uint64_t any = 0;
	if (!L->done)
		L->done = arena_alloc(&f->g.arena, f->g.words * sizeof(uint64_t));
	for (unsigned k = 0; k < f->g.words; k++) {
		w->delta[k] = L->pts[k] & ~L->done[k];
		L->done[k] |= w->delta[k];
		any |= w->delta[k];
	}
	return any != 0;
}

/* The next object at or above `from` in w->delta, or H2S_NONE. */
static unsigned next_new(const h2s_func *f, const worklist *w, unsigned from)
{
	for (unsigned k = from >> 6; k < f->g.words; k++) {
		uint64_t bits = w->delta[k];
		if (k == from >> 6)
			bits &= ~(uint64_t)0 << (from & 63);
		if (bits)
			return k * 64 + (unsigned)__builtin_ctzll(bits);
	}
	return H2S_NONE;
}

/* Handles location l's edges for the objects that arrived since its last
 * visit: what came before went along every edge that existed then, and an
 * edge made since (derive()) took the whole set when it was made. Objects
 * arriving during the visit make l queued again. */
static void visit(h2s_func *f, worklist *w, unsigned l)
{
	h2s_loc *L;
	if (!take_delta(f, w, l))
		return;
	/* copies: indexes, since derive() may grow the vectors */
	for (unsigned i = 0; i < f->g.locs[l].copies.n; i++) {
		unsigned id = f->g.locs[l].copies.v[i];
		unsigned dst = f->g.edges[id].dst;
		uint64_t word0 = w->delta[0];
		int changed;
		/* the null object is in word 0 (graph_init) */
		if (f->g.edges[id].nonnull)
			w->delta[0] &= ~((uint64_t)1 << f->g.null_obj);
		changed = merge(f, dst, w->delta, id);
		w->delta[0] = word0;
		if (changed)
			push(f, w, dst);
	}
	for (unsigned i = 0; i < f->g.locs[l].loads.n; i++) {
		unsigned id = f->g.locs[l].loads.v[i];
		for (unsigned o = next_new(f, w, 0); o != H2S_NONE;
		     o = next_new(f, w, o + 1))
			derive(f, w, load_part(f, &f->g.edges[id], o),
			       f->g.edges[id].dst, id, o,
			       (h2s_why)f->g.edges[id].why);
	}
	for (unsigned i = 0; i < f->g.locs[l].stores.n; i++) {
		unsigned id = f->g.locs[l].stores.v[i];
		for (unsigned o = next_new(f, w, 0); o != H2S_NONE;
		     o = next_new(f, w, o + 1)) {
			h2s_obj *ob = &f->g.objs[o];
			ob->written = 1;
			if (!ob->external) {
				store_into(f, w, id, o,
					   (h2s_why)f->g.edges[id].why);
				continue;
			}
			if (param_out(f, ob) != H2S_NONE) {
				/* the function reads back what it stored */
				store_into(f, w, id, o, W_STORE_PARAM);
				if (f->g.edges[id].tbaa != TBAA_POINTER)
					derive(f, w, f->g.edges[id].src,
					       f->g.pout_raw[ob->param], id, o,
					       W_STORE_PARAM);
			}
			derive(f, w, f->g.edges[id].src, external_target(f, ob),
			       id, o, store_why(ob, (h2s_why)f->g.edges[id].why));
		}
	}
	L = &f->g.locs[l];
	if (L->kind == LOC_HEAP || L->kind == LOC_RESULT ||
	    L->kind == LOC_EXPOSED || L->kind == LOC_PARAM_OUT)
		for (unsigned o = next_new(f, w, 0); o != H2S_NONE;
		     o = next_new(f, w, o + 1))
			sink(f, w, l, o);
}

/* The one object location l's set holds, not counting null when nonnull
 * (the null object is in word 0: graph_init), or H2S_NONE when it holds
 * none or several. */
static unsigned only_object(const h2s_func *f, unsigned l, int nonnull)
{
	unsigned found = H2S_NONE;
	for (unsigned k = 0; k < f->g.words; k++) {
		uint64_t bits = f->g.locs[l].pts[k];
		if (k == 0 && nonnull)
			bits &= ~((uint64_t)1 << f->g.null_obj);
		if (!bits)
			continue;
		if (found != H2S_NONE || (bits & (bits - 1)))
			return H2S_NONE;
		found = k * 64 + (unsigned)__builtin_ctzll(bits);
	}
	return found;
}

/* 1 when objects a and b (only_object's) are the own pointees (level 0) of
 * two parameters, i and j, both below 32. */
static int param_pair(const h2s_func *f, unsigned a, unsigned b, unsigned *i,
		      unsigned *j)
{
	const h2s_obj *oa, *ob;
	if (a == H2S_NONE || b == H2S_NONE)
		return 0;
	oa = &f->g.objs[a];
	ob = &f->g.objs[b];
	if (oa->kind != OBJ_PARAM || ob->kind != OBJ_PARAM || oa->level ||
	    ob->level || oa->param == ob->param || oa->param >= 32 ||
	    ob->param >= 32)
		return 0;
	*i = oa->param;
	*j = ob->param;
	return 1;
}

int pdiff_params(const h2s_func *f, const h2s_pdiff *d, unsigned *i,
		 unsigned *j)
{
	return param_pair(f, only_object(f, d->a, d->a_nonnull),
			  only_object(f, d->b, d->b_nonnull), i, j);
}

/* A pointer difference that leaves the function is harmless only when both
 * pointers point into one and the same object: otherwise it tells how to
 * reach one from the other (or from an address nothing here knows, like
 * the frame address), and both escape. Between two parameters' own
 * pointees it is the caller's to check (diff_with): the caller makes the
 * same check on its two arguments. A pointer that may be null counts
 * as one object when the difference is used only where it is not (C
 * defines no difference with a null pointer; lower.c's diff_needs_nonnull
 * finds the test). Returns 1 when it added flows (the fixpoint must go
 * on). */
static int check_differences(h2s_func *f, worklist *w)
{
	int added = 0;
	for (unsigned i = 0; i < f->npdiff; i++) {
		h2s_pdiff *d = &f->pdiffs[i];
		unsigned a, b, pi, pj;
		if (d->done)
			continue;
		a = only_object(f, d->a, d->a_nonnull);
		b = only_object(f, d->b, d->b_nonnull);
		if ((a != H2S_NONE && a == b) || param_pair(f, a, b, &pi, &pj))
			continue;
		d->done = 1;
		/* new edges from a and b: their whole sets go along them */
		graph_to_heap(f, d->a, W_PTRTOINT, d->inst);
		graph_to_heap(f, d->b, W_PTRTOINT, d->inst);
		revisit(f, w, d->a);
		revisit(f, w, d->b);
		added = 1;
	}
	return added;
}

static int pts_empty(const h2s_func *f, unsigned l)
{
	for (unsigned k = 0; k < f->g.words; k++)
		if (f->g.locs[l].pts[k])
			return 0;
	return 1;
}

/* A store through a pointer that points to nothing we know of (a pointer
 * from a source the graph does not model) goes to {heap}: where it
 * writes is unknown. Stores through null do not count. Returns 1 when it
 * added flows. */
static int check_empty_stores(h2s_func *f, worklist *w)
{
	unsigned before = f->g.nedge;
	for (unsigned l = 0; l < f->g.nloc; l++) {
		if (l == f->g.nullloc || l == f->g.nullptrloc || !f->g.locs[l].stores.n ||
		    !pts_empty(f, l))
			continue;
		for (unsigned i = 0; i < f->g.locs[l].stores.n; i++) {
			unsigned id = f->g.locs[l].stores.v[i];
			derive(f, w, f->g.edges[id].src, f->g.heap, id, H2S_NONE,
			       W_STORE_GLOBAL);
		}
	}
	return f->g.nedge != before;
}

unsigned escape_sink(const h2s_func *f, unsigned obj)
{
	if (loc_has(f, f->g.heap, obj))
		return f->g.heap;
	if (loc_has(f, f->g.result, obj))
		return f->g.result;
	if (loc_has(f, f->g.called, obj))
		return f->g.called;
	for (unsigned i = 0; f->g.pout && i < f->nparams; i++)
		if (f->g.pout[i] != H2S_NONE && loc_has(f, f->g.pout[i], obj))
			return f->g.pout[i];
	return H2S_NONE;
}

void solve(h2s_func *f)
{
	worklist w = {{0}, NULL};
	w.delta = arena_alloc(&f->g.arena, f->g.words * sizeof(uint64_t));
	for (unsigned l = 0; l < f->g.nloc; l++)
		for (unsigned k = 0; k < f->g.words; k++)
			if (f->g.locs[l].pts[k]) {
				push(f, &w, l);
				break;
			}
	/* Every location with out-edges must be visited at least once even
	 * when its set only grows later: push() handles that; locations with
	 * empty sets have nothing to propagate yet. */
	do {
		while (w.q.n) {
			unsigned l = w.q.v[--w.q.n];
			f->g.locs[l].queued = 0;
			visit(f, &w, l);
		}
	} while (check_differences(f, &w) | check_empty_stores(f, &w));
	uvec_free(&w.q);
}

void objs_reaching(const h2s_func *f, uint64_t *set)
{
	int changed = 1;
	while (changed) {
		changed = 0;
		for (unsigned o = 0; o < f->g.nobj; o++) {
			if (bit_test(set, o) ||
			    !loc_meets(f, f->g.objs[o].content, set))
				continue;
			bit_set(set, o);
			changed = 1;
		}
	}
}

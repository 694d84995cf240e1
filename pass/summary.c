/*
 * Parameter summaries: Go's leak tags, read off one function's solved graph.
 *
 * For parameter p with pointee objects P0 (what p points to), P1 (what *p
 * points to), ...:
 *   heap          P0 reaches {heap}            -> leaking param: p
 *   content_from  the smallest k >= 1 whose Pk reaches it (0: none)
 *                                              -> leaking param content: p
 *   result_level  smallest k with Pk in ~r0    -> ... to result ~r0 level=k
 *                 (result_levels keeps every such k for the callers)
 *   to_param      bit q of [k]: Pk is stored into parameter q's pointee
 *                 (the caller makes that store; at the deepest level it
 *                 counts as a content leak of that level); to_param_raw
 *                 the same by a store not tagged with a pointer type (the
 *                 caller's store is tagged with one when this bit is not);
 *                 raw_to_param the same for Rk (the caller stores what an
 *                 arithmetic load of its argument's level k - 1 reads)
 *   freed         P0 reaches a free()          (a caller cannot demote it
 *                                                unless it inlines the call)
 *   freed_levels  bit k: Pk reaches a free(), 1 <= k < H2S_MAX_LEVEL
 *   raw_levels    bit k: Rk, what the bytes of P(k-1) carry when read as
 *                 an arithmetic type (graph.c), reaches {heap}: the caller
 *                 sends raw(o) of its objects k - 1 derefs down there
 *                 (no Go tag: Go's integers carry no pointer)
 *   written       a store may write through p, or p reaches code that may
 *                 (a caller's object may then hold unknown pointers)
 *   diff_with     bit j: p minus parameter j (a pointer difference) leaves
 *                 the function; the caller checks that its two arguments
 *                 point into one object
 * and for the function, result_known: what it returns points only to its
 * parameters' objects, or is null (a caller need not add unknown memory),
 * and result_null: it may return null.
 * A freed pointee at the deepest level, which stands for every level below
 * it, counts as a content leak of that level. A leak at level k makes the
 * caller send what k derefs of its argument point to to {heap}, and {heap}
 * takes the contents of what it holds, so the levels below k leak with it;
 * the levels above k do not: an array of integers whose bytes the callee
 * copies into memory that escapes is not itself leaked. "Reaches a free()"
 * includes the frees of the functions it calls (call.c records those
 * calls as frees).
 *
 * heap2stack.c computes them bottom-up over the call graph's strongly
 * connected components, iterating inside a component until no tag changes.
 */
#include "internal.h"

#include <string.h>

/* 1 when everything stored into the parameter pointee location l is
 * what the caller's replay of to_param stores: the parameters' pointees
 * above the deepest level, or null. */
static int replayed(const h2s_func *f, unsigned l)
{
	if (l == H2S_NONE)
		return 0;
	for (unsigned o = 0; o < f->g.nobj; o++) {
		const h2s_obj *ob = &f->g.objs[o];
		if (!loc_has(f, l, o) || ob->kind == OBJ_NULL)
			continue;
		if (ob->kind != OBJ_PARAM || ob->level >= H2S_MAX_LEVEL)
			return 0;
	}
	return 1;
}

/* What k >= 1 derefs of the parameter point to leaks. */
static void leak_from(h2s_ptag *t, unsigned k)
{
	if (t->content_from == 0 || k < t->content_from)
		t->content_from = (unsigned char)k;
}

/* What parameter i's object o, Pk or its raw object Rk (raw), says of
 * tag t. A raw object that reaches {heap} is a raw leak of its level, and
 * one stored into a parameter's pointee a raw_to_param; whatever else
 * happens to it is said of Pk, which stands for more. */
static void tag_object(h2s_func *f, h2s_ptag *t, unsigned i, unsigned o,
		       unsigned k, int raw)
{
	if (loc_has(f, f->g.heap, o)) {
		if (raw)
			t->raw_levels |= (unsigned char)(1u << k);
		else if (k == 0)
			t->heap = 1;
		else
			leak_from(t, k);
	}
	/* stored into another parameter's pointee (or its own): the caller
	 * does that store */
	for (unsigned q = 0; q < f->nparams; q++) {
		if (f->g.pout[q] == H2S_NONE || !loc_has(f, f->g.pout[q], o))
			continue;
		if (raw && k < H2S_MAX_LEVEL) {
			/* replayed as a store of what an arithmetic load of
			 * the argument's level k - 1 reads */
			t->raw_to_param[k] |= (uint32_t)1 << q;
		} else if (k < H2S_MAX_LEVEL) {
			t->to_param[k] |= (uint32_t)1 << q;
			if (loc_has(f, f->g.pout_raw[q], o))
				t->to_param_raw[k] |= (uint32_t)1 << q;
		} else {
			leak_from(t, k);
		}
	}
	if (loc_has(f, f->g.result, o)) {
		t->result_levels |= (unsigned char)(1u << k);
		if (t->result_level < 0 || k < (unsigned)t->result_level)
			t->result_level = (signed char)k;
	}
	/* written by a store here, or handed to code that may write through
	 * it; stores into the pointee that only store what the caller replays
	 * (to_param) write nothing the caller does not see */
	if ((f->g.objs[o].written &&
	     !(k == 0 && replayed(f, f->g.pout[i]))) ||
	    loc_has(f, f->g.exposed, o))
		t->written = 1;
	for (unsigned r = 0; r < f->nfree; r++)
		if (loc_has(f, f->frees[r].loc, o)) {
			if (k == 0)
				t->freed = 1;
			else if (k < H2S_MAX_LEVEL)
				t->freed_levels |= (unsigned char)(1u << k);
			else
				leak_from(t, k);
		}
}

void summarize(h2s_func *f)
{
	for (unsigned i = 0; i < f->nparams; i++) {
		h2s_ptag *t = &f->ptags[i];
		unsigned p0 = f->param_obj[i];
		t->heap = t->content_from = t->freed = t->written = 0;
		t->freed_levels = t->raw_levels = 0;
		t->diff_with = 0;
		memset(t->to_param, 0, sizeof t->to_param);
		memset(t->to_param_raw, 0, sizeof t->to_param_raw);
		memset(t->raw_to_param, 0, sizeof t->raw_to_param);
		t->result_level = -1;
		t->result_levels = 0;
		if (p0 == H2S_NONE)
			continue;
		for (unsigned k = 0; k <= 2 * H2S_MAX_LEVEL; k++) {
			unsigned o = p0 + k;
			int raw = k > H2S_MAX_LEVEL;
			unsigned lv = raw ? k - H2S_MAX_LEVEL : k;
			assert(f->g.objs[o].kind == OBJ_PARAM &&
			       f->g.objs[o].param == i &&
			       f->g.objs[o].level == lv &&
			       f->g.objs[o].rawbytes == raw);
			tag_object(f, t, i, o, lv, raw);
		}
		/* a content leak from level k takes every raw leak at or below
		 * it along */
		if (t->content_from)
			t->raw_levels &= (unsigned char)((1u << t->content_from) - 1);
	}
	for (unsigned d = 0; d < f->npdiff; d++) {
		unsigned i, j;
		if (!f->pdiffs[d].done && pdiff_params(f, &f->pdiffs[d], &i, &j))
			f->ptags[i].diff_with |= (uint32_t)1 << j;
	}
	f->result_known = 1;
	f->result_null = (unsigned char)loc_has(f, f->g.result, f->g.null_obj);
	for (unsigned o = 0; o < f->g.nobj; o++)
		if (loc_has(f, f->g.result, o) && f->g.objs[o].kind != OBJ_PARAM &&
		    f->g.objs[o].kind != OBJ_NULL)
			f->result_known = 0;
}

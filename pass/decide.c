/*
 * Verdicts: which allocation sites move to the stack.
 *
 * A site is demoted only when every rule below allows it, checked in this
 * order (the first that fails is the reason reported):
 *   1. the function may be optimised (not optnone) and is not a coroutine
 *      awaiting CoroSplit (its locals may live in the coroutine frame);
 *   2. its object reaches neither {heap} nor ~r0 (the escape analysis),
 *      or the function frees it on every path before it returns, with no
 *      call in between that may leave the function otherwise (exits.c);
 *   3. the pointer it yields is in the address space of the stack (the
 *      datalayout's alloca address space): a slot in another one would be
 *      another kind of pointer;
 *   4. its size is a compile-time constant or provably at most a constant
 *      (then the slot has that many bytes), at most max-size bytes, and
 *      its alignment a constant the allocator accepts; any other size gets
 *      a guarded buffer of guard-size bytes (the allocator runs when the
 *      size does not fit);
 *   5. every deallocation that may receive it is of its family (free for
 *      malloc, delete for new, delete[] for new[]); transform.c rewrites
 *      frees and reallocs that may also receive other pointers (a realloc
 *      compares its pointer with every slot it may receive);
 *   6. the function neither calls a returns_twice function (setjmp) nor
 *      makes a musttail call;
 *   7. inside a CFG cycle, the object from one iteration is dead before the
 *      allocation runs again: it is never stored into memory, and no SSA
 *      value holding it is live at the allocation, or it is freed before
 *      the function returns (which frees it before the allocation runs
 *      again). Then one slot in the entry block serves every iteration.
 *      Otherwise a pool of loop-slots slots (fewer when the loops' trip
 *      counts are smaller) serves the first executions, one slot each,
 *      and the allocator the rest;
 *   8. the per-function budget (recursive-budget for functions in a call
 *      cycle, frame-budget otherwise) still has room.
 */
#include "internal.h"

#include <string.h>

/* ------------------------------------------------------------ sizes */

static int const_u64(LLVMValueRef v, uint64_t *out)
{
	if (!v || !LLVMIsAConstantInt(v))
		return 0;
	if (LLVMGetIntTypeWidth(LLVMTypeOf(v)) > 64)
		return 0;
	*out = LLVMConstIntGetZExtValue(v);
	return 1;
}

static LLVMValueRef arg(LLVMValueRef call, int i)
{
	return i < 0 ? NULL : LLVMGetOperand(call, (unsigned)i);
}

/* The largest value of the size argument v of call: itself when it is a
 * constant, else, with `bounds`, what the glue's value tracking proves
 * (see value_max in heap2stack.h). Returns 0 when nothing bounds it. */
static int size_max(h2s_func *f, LLVMValueRef call, LLVMValueRef v,
		    int bounds, uint64_t *max, int *constant)
{
	const h2s_hooks *h = &f->mod->hooks;
	*constant = const_u64(v, max);
	if (*constant)
		return 1;
	return bounds && v &&
	       LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMIntegerTypeKind &&
	       LLVMGetIntTypeWidth(LLVMTypeOf(v)) <= 64 && h->value_max &&
	       h->value_max(h->ctx, v, call, max);
}

/* Fills size, size_known, bounded and align from the call's arguments: a
 * size that is not constant but provably at most B gets a slot of B
 * bytes (the program may use only what it asked for, which fits). The
 * bound is sought only with `bounds`: value tracking is most of what
 * deciding costs, and a site that escapes needs none. */
static void site_size(h2s_func *f, h2s_site *s, int bounds)
{
	const h2s_allocfn *a = s->alloc;
	uint64_t size = 0, count = 1, align = 0;
	unsigned base = a->min_align;
	int csize = 1, ccount = 1, known;
	if (base > 2 * f->mod->ptr_bytes)
		base = 2 * f->mod->ptr_bytes;
	known = size_max(f, s->call, arg(s->call, a->size_arg), bounds, &size,
			 &csize);
	if (known && a->count_arg >= 0)
		known = size_max(f, s->call, arg(s->call, a->count_arg), bounds,
				 &count, &ccount);
	if (known && count && size > UINT64_MAX / count)
		known = 0;
	s->size_known = known && csize && ccount;
	s->bounded = known && !s->size_known;
	s->size = known ? size * count : 0;
	s->bound = s->bounded ? s->size : 0;
	s->align = base;
	/* posix_memalign stores a plain `void *` */
	s->addrspace = a->kind == AK_POSIX_MEMALIGN
			       ? 0
			       : LLVMGetPointerAddressSpace(LLVMTypeOf(s->call));
	if (a->align_arg >= 0) {
		/* posix_memalign fails with EINVAL unless the alignment is
		 * also a multiple of sizeof(void *) */
		if (!const_u64(arg(s->call, a->align_arg), &align) ||
		    !align || (align & (align - 1)) || align > (1u << 16) ||
		    (a->kind == AK_POSIX_MEMALIGN && align % f->mod->ptr_bytes))
			s->bad_align = 1;
		else if (align > s->align)
			s->align = align;
	}
}

/* ------------------------------------------------------------ liveness */

typedef struct inst_pos {
	unsigned block, idx;
} inst_pos;

static inst_pos position(h2s_map *index, LLVMValueRef I)
{
	uint64_t v = 0;
	inst_pos p;
	map_get(index, ptrkey(I), &v);
	p.block = (unsigned)(v >> 32);
	p.idx = (unsigned)v;
	return p;
}

static void number_insts(h2s_func *f, h2s_map *index)
{
	map_reserve(index, fn_num_insts(f->fn));
	for (unsigned b = 0; b < f->cfg.n; b++) {
		unsigned i = 0;
		for (LLVMValueRef I = LLVMGetFirstInstruction(f->cfg.block[b]); I;
		     I = LLVMGetNextInstruction(I), i++)
			map_put(index, ptrkey(I), ((uint64_t)b << 32) | i);
	}
}

/* 1 when the SSA value v (an instruction) may be used after the allocation
 * `at` executes again, i.e. v is live at `at`: some path from `at` reaches a
 * use of v without passing v's definition. Phi uses count at the end of the
 * incoming block. */
static int live_at(h2s_func *f, h2s_map *index, LLVMValueRef v,
		   LLVMValueRef at)
{
	inst_pos def = position(index, v), a = position(index, at);
	unsigned n = f->cfg.n;
	unsigned *first_use = xcalloc(n, sizeof(unsigned)); /* idx+1, 0=none */
	unsigned *last_use = xcalloc(n, sizeof(unsigned));
	h2s_map edge_use = {0};
	unsigned char *seen = xcalloc(n, 1);
	h2s_uvec stack = {0};
	int live = 0;

	for (LLVMUseRef u = LLVMGetFirstUse(v); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef U = LLVMGetUser(u);
		if (LLVMIsAPHINode(U)) {
			unsigned to = cfg_index(&f->cfg, LLVMGetInstructionParent(U));
			for (unsigned k = 0; k < LLVMCountIncoming(U); k++)
				if (LLVMGetIncomingValue(U, k) == v) {
					unsigned from = cfg_index(
						&f->cfg, LLVMGetIncomingBlock(U, k));
					map_put(&edge_use,
						((uint64_t)from << 32) | to, 1);
				}
			continue;
		}
		inst_pos p = position(index, U);
		if (!first_use[p.block] || p.idx + 1 < first_use[p.block])
			first_use[p.block] = p.idx + 1;
		if (p.idx + 1 > last_use[p.block])
			last_use[p.block] = p.idx + 1;
	}

	/* the rest of the allocation's own block */
	if (def.block == a.block && def.idx > a.idx) {
		/* redefined later in this block: only uses in between see the
		 * old value */
		for (LLVMUseRef u = LLVMGetFirstUse(v); u && !live;
		     u = LLVMGetNextUse(u)) {
			LLVMValueRef U = LLVMGetUser(u);
			inst_pos p;
			if (LLVMIsAPHINode(U))
				continue;
			p = position(index, U);
			if (p.block == a.block && p.idx > a.idx && p.idx < def.idx)
				live = 1;
		}
		goto out;
	}
	if (last_use[a.block] > a.idx + 1)
		live = 1;
	uvec_push(&stack, a.block);
	while (!live && stack.n) {
		unsigned b = stack.v[--stack.n];
		h2s_uvec *succ = &f->cfg.succ[b];
		for (unsigned k = 0; k < succ->n && !live; k++) {
			unsigned s = succ->v[k];
			uint64_t one;
			if (map_get(&edge_use, ((uint64_t)b << 32) | s, &one)) {
				live = 1;
				break;
			}
			if (seen[s])
				continue;
			seen[s] = 1;
			if (first_use[s] &&
			    (def.block != s || first_use[s] - 1 < def.idx)) {
				live = 1;
				break;
			}
			if (def.block != s)
				uvec_push(&stack, s);
		}
	}
out:
	free(first_use);
	free(last_use);
	free(seen);
	map_free(&edge_use);
	uvec_free(&stack);
	return live;
}

/* Rule 7. Returns 1 when one slot may serve every execution of the site;
 * otherwise sets s->where to the instruction that keeps the object alive. */
static int dead_each_iteration(h2s_func *f, h2s_map *index, h2s_site *s)
{
	for (unsigned o = 0; o < f->g.nobj; o++)
		if (loc_has(f, f->g.objs[o].content, s->obj)) {
			unsigned e = why_edge(f, f->g.objs[o].content, s->obj);
			s->where = e != H2S_NONE ? f->g.edges[e].inst : NULL;
			return 0;
		}
	for (unsigned l = 0; l < f->g.nloc; l++) {
		LLVMValueRef v = f->g.locs[l].value;
		if (f->g.locs[l].kind != LOC_VALUE || !LLVMIsAInstruction(v) ||
		    v == s->call || !loc_has(f, l, s->obj))
			continue;
		if (live_at(f, index, v, s->call)) {
			s->where = v;
			return 0;
		}
	}
	return 1;
}

/* ------------------------------------------------------------ rules */

/* Rule 5: every deallocation that may see the object is of its family,
 * and a realloc that may see it can be rewritten (the glue splits
 * blocks; the rewrite compares the pointer with every slot the realloc
 * may receive). Sets s->grows. */
static h2s_reason frees_ok(h2s_func *f, h2s_site *s)
{
	for (unsigned r = 0; r < f->nfree; r++) {
		h2s_free *fr = &f->frees[r];
		if (fr->callee || !loc_has(f, fr->loc, s->obj))
			continue;
		s->where = fr->call;
		if (strcmp(fr->family, s->alloc->family))
			return R_FAMILY;
		if (!fr->grow)
			continue;
		if (!f->mod->hooks.if_else)
			return R_MIXED_FREE;
		s->grows = 1;
	}
	s->where = NULL;
	return R_DEMOTE;
}

/* The first call of a module function that frees the object (its tags
 * say so), or NULL. heap2stack.c may inline it and decide again. */
static LLVMValueRef callee_free(h2s_func *f, const h2s_site *s)
{
	for (unsigned r = 0; r < f->nfree; r++)
		if (f->frees[r].callee && loc_has(f, f->frees[r].loc, s->obj))
			return f->frees[r].call;
	return NULL;
}

/* The guarded buffer's bytes: guard-size, but never above max-size (a
 * smaller max-size lowers it, so max-size alone bounds every slot). */
static uint64_t guard_bytes(const h2s_options *o)
{
	return o->guard_size < o->max_size ? o->guard_size : o->max_size;
}

/* Rule 4's run-time variant: a size the compiler cannot bound is served
 * by a stack buffer of guard-size bytes when it fits, by the allocator
 * otherwise. The test needs the glue's block splitting (transform.c's
 * guard_invoke rebuilds an invoke's normal edge). */
static int guard_ok(h2s_func *f, h2s_site *s)
{
	const h2s_allocfn *a = s->alloc;
	uint64_t k = s->guard, c;
	/* constants whose product overflows: no size would ever fit */
	if (const_u64(arg(s->call, a->size_arg), &c) &&
	    (a->count_arg < 0 || const_u64(arg(s->call, a->count_arg), &c)))
		return 0;
	/* strdup's test calls strlen (strnlen), which must be the library's
	 * with a size_t as wide as a pointer */
	if ((a->kind == AK_STRDUP || a->kind == AK_STRNDUP) &&
	    (!lib_length_ok(f->mod->mod, a->kind == AK_STRNDUP,
			    8 * f->mod->ptr_bytes) ||
	     (a->kind == AK_STRNDUP &&
	      LLVMGetIntTypeWidth(LLVMTypeOf(arg(s->call, 1))) !=
		      8 * f->mod->ptr_bytes)))
		return 0;
	return k && k < H2S_MAX_SLOT && f->mod->hooks.if_else;
}

/* Rule 7 with its switch; numbers the instructions on first use. A block
 * the function frees on every path before it returns, or before the
 * allocation runs again, is dead each iteration too, whatever holds it
 * (exits.c). */
static int loop_ok(h2s_func *f, h2s_map *index, int *numbered, h2s_site *s)
{
	if (!f->mod->opt.loops)
		return 0;
	if (!*numbered) {
		number_insts(f, index);
		*numbered = 1;
	}
	return dead_each_iteration(f, index, s) || freed_before_return(f, s);
}

/* Rule 4: a size that is neither constant nor bounded within max-size is
 * served by a guarded buffer (or stays on the heap without one). */
static int needs_guard(const h2s_options *o, const h2s_site *s)
{
	return !s->size_known && (!s->bounded || s->size > o->max_size);
}

/* Rule 7's other way out: a site whose blocks outlive the iteration (a
 * tree built in a loop and freed after it) gets slots of its own, one per
 * execution, counted at run time; the executions after the last slot call
 * the allocator. Sound whatever the count, since no two executions share a
 * slot and nothing of the site outlives the call (it does not escape).
 * A size known only at run time gets a guarded buffer per slot (both
 * tests at run time); a block a realloc may grow, a slot of at least
 * guard-size bytes that it leaves for the heap beyond. The count is
 * loop-slots, or the loops' trip counts when those are smaller; the
 * budget may lower it further. */
static int pool_ok(h2s_func *f, h2s_site *s)
{
	const h2s_options *o = &f->mod->opt;
	const h2s_hooks *h = &f->mod->hooks;
	uint64_t trips;
	if (!o->loops || !o->loop_slots || !h->if_else)
		return 0;
	s->slots = o->loop_slots;
	s->trips_bounded = 0;
	if (h->trips_max && h->trips_max(h->ctx, s->call, &trips) &&
	    trips <= s->slots) {
		s->slots = trips ? trips : 1;
		s->trips_bounded = 1;
	}
	s->where = NULL;
	return 1;
}

/* The largest constant, at most max, that a size the program computes at
 * run time starts from: the size is a phi or select (through integer
 * casts) with constant inputs besides others, the buffer that starts at
 * 1024 bytes and doubles (jq's jv_string_vfmt). 0 when there is none. */
static uint64_t first_size(LLVMValueRef v, uint64_t max)
{
	uint64_t best = 0, c;
	unsigned n, first = 0;
	while (v && (LLVMIsAZExtInst(v) || LLVMIsASExtInst(v)))
		v = LLVMGetOperand(v, 0);
	if (!v || !(LLVMIsAPHINode(v) || LLVMIsASelectInst(v)))
		return 0;
	/* a select's condition picks; it is not a size */
	first = LLVMIsASelectInst(v) ? 1 : 0;
	n = (unsigned)LLVMGetNumOperands(v);
	for (unsigned k = first; k < n; k++)
		if (const_u64(LLVMGetOperand(v, k), &c) && c <= max && c > best)
			best = c;
	return best;
}

/* The bytes of the slot of a site that passed every other rule: its size
 * or bound, else guard-size with a run-time test (or the size the program
 * starts from, when that is larger and within max-size); a block that a
 * realloc may grow gets at least guard-size, so that growth stays in it
 * for a while (realloc may return the block it was given), or the
 * largest size the profile saw its blocks grow to, when that is larger
 * and within max-size. */
static void slot_size(h2s_func *f, h2s_site *s)
{
	uint64_t k = guard_bytes(&f->mod->opt), grown = 0;
	s->grown_profiled = 0;
	if (s->grows && k && profile_growth(f, s, &grown) && grown > k)
		k = grown;
	else
		grown = 0;
	if (needs_guard(&f->mod->opt, s)) {
		uint64_t start = 0;
		if (s->alloc->count_arg < 0 && s->alloc->size_arg >= 0 &&
		    !s->profiled)
			start = first_size(arg(s->call, s->alloc->size_arg),
					   f->mod->opt.max_size);
		s->guarded = 1;
		s->bounded = 0;
		s->size = start > s->guard ? start : s->guard;
	}
	if (s->grows && s->size < k)
		s->size = k;
	/* the profile's size is the slot's only when nothing asked for more */
	s->grown_profiled = grown && s->size == grown;
}

void decide(h2s_func *f)
{
	const h2s_options *opt = &f->mod->opt;
	/* on a call cycle: recursive-budget in every frame, or, past it, the
	 * frame budget (at most recursive-stack) in the outermost frames, as
	 * long as the cycles' frames on the thread hold at most
	 * recursive-stack bytes of slots (the depth guard, transform.c) */
	uint64_t deep = deep_budget(opt);
	int frames = f->recursive && deep > opt->recursive_budget;
	uint64_t budget = !f->recursive ? opt->frame_budget
			  : frames      ? deep
					: opt->recursive_budget;
	f->frames = (unsigned char)frames;
	uint64_t used = 0;
	h2s_map index = {0};
	int numbered = 0;

	f->allocates_result = 0;
	for (unsigned i = 0; i < f->found.nsite; i++) {
		h2s_site *s = &f->found.sites[i];
		unsigned sink = escape_sink(f, s->obj);
		int usable = !f->optnone && !f->coroutine;
		s->block = cfg_index(&f->cfg, LLVMGetInstructionParent(s->call));
		s->freed_here = usable && sink != H2S_NONE &&
				freed_before_return(f, s);
		site_size(f, s, usable && (sink == H2S_NONE || s->freed_here));
		s->guarded = s->grows = s->profiled = 0;
		s->slots = 0;
		s->trips_bounded = 0;
		s->guard = guard_bytes(opt);
		if (s->guard && needs_guard(opt, s) &&
		    profile_guard(f, s, &s->guard))
			s->profiled = 1;
		s->where = NULL;
		s->flow_edge = sink != H2S_NONE ? why_edge(f, sink, s->obj)
						: H2S_NONE;
		if (sink == f->g.result)
			f->allocates_result = 1;
		if (f->optnone) {
			s->reason = R_OPTNONE;
		} else if (f->coroutine) {
			s->reason = R_COROUTINE;
		} else if (sink != H2S_NONE && !s->freed_here) {
			s->reason = R_ESCAPES;
		} else if (s->addrspace != f->mod->alloca_as) {
			s->reason = R_ADDRSPACE;
		} else if (s->bad_align) {
			s->reason = R_BAD_ALIGN;
		} else if (needs_guard(opt, s) && !guard_ok(f, s)) {
			/* a profile that saw mostly requests above max-size
			 * calls for no buffer */
			s->reason = s->profiled && !s->guard ? R_TOO_LARGE
							     : R_DYNAMIC_SIZE;
		} else if (!needs_guard(opt, s) && (s->size > opt->max_size ||
						    s->size > H2S_MAX_SLOT)) {
			s->reason = R_TOO_LARGE;
		} else if ((s->reason = frees_ok(f, s)) != R_DEMOTE) {
			/* R_FAMILY or R_MIXED_FREE, at s->where */
		} else if (f->calls_setjmp) {
			s->reason = R_SETJMP;
		} else if (f->has_musttail) {
			s->reason = R_MUSTTAIL;
		} else if (f->cfg.in_cycle[s->block] && !s->freed_here &&
			   !loop_ok(f, &index, &numbered, s) && !pool_ok(f, s)) {
			/* (a block freed before the function returns is freed
			 * before the allocation runs again: exits.c) */
			s->reason = R_LOOP;
		} else if ((s->where = callee_free(f, s))) {
			/* last: inlining it is worth it only when nothing else
			 * keeps the site; heap2stack.c sets not_inlined */
			s->reason = R_CALLEE_FREE;
		} else {
			uint64_t need, at = used;
			slot_size(f, s);
			need = site_stride(s);
			/* behind the depth guard the slots share one region,
			 * each at its alignment (transform.c): the padding
			 * counts, so that the region is within the budget */
			if (frames && used <= budget)
				at = round_up(used, s->align);
			if (s->slots && need <= budget && at <= budget - need) {
				/* as many slots as half the budget left has
				 * room for (the other sites keep the rest),
				 * at most H2S_MAX_SLOT bytes in all, and at
				 * least one */
				uint64_t room = (budget - at) / 2 / need;
				if (room > H2S_MAX_SLOT / need)
					room = H2S_MAX_SLOT / need;
				if (!room)
					room = 1;
				if (room < s->slots) {
					s->slots = room;
					s->trips_bounded = 0;
				}
				need *= s->slots;
			}
			if (need > budget || at > budget - need) {
				s->reason = f->recursive ? R_RECURSIVE : R_BUDGET;
			} else {
				used = at + need;
				s->reason = R_DEMOTE;
			}
		}
	}
	map_free(&index);
	/* past recursive-budget: every slot of the function behind the
	 * depth guard */
	f->depth_guard = frames && used > opt->recursive_budget;
}

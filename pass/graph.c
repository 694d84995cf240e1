/*
 * The location graph of one function: its locations, objects and edges,
 * and the primitives lower.c and call.c build it with (Go's graph.go).
 *
 * Locations (h2s_loc) are SSA values, the contents of objects, unnamed
 * temporaries, and three sinks: {heap} (everything that outlives the
 * function), ~r0 (the result) and {exposed} (memory that unknown code may
 * write pointers into). Objects (h2s_obj) are what pointers point to: each
 * allocation site, each alloca, each parameter's pointee at each dereference
 * level, and one `unknown` object standing for all memory the function does
 * not own (globals, what unknown calls return).
 *
 * Edges are Go's flows: a copy `dst = src` (GEP, casts, phi, select,
 * integer arithmetic on loaded pointer bits), a load `dst = *src` and a store
 * `*dst = src`. An allocation or alloca seeds its own location with its
 * object (Go's `p = &{storage}`). Everything the analysis does not model
 * flows to {heap}: that is the rule that keeps it sound.
 */
#include "internal.h"

#include <string.h>

static unsigned new_loc(h2s_func *f, h2s_lkind kind)
{
	h2s_loc *l;
	if (f->g.nloc == f->g.loccap) {
		f->g.loccap = f->g.loccap ? 2 * f->g.loccap : 64;
		f->g.locs = xrealloc(f->g.locs, f->g.loccap * sizeof *f->g.locs);
	}
	l = &f->g.locs[f->g.nloc];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	l->obj = H2S_NONE;
	l->pts = arena_alloc(&f->g.arena, f->g.words * sizeof(uint64_t));
	return f->g.nloc++;
}

static unsigned new_obj(h2s_func *f, h2s_okind kind, LLVMValueRef inst)
{
	h2s_obj *o;
	if (f->g.nobj == f->g.objcap) {
		f->g.objcap = f->g.objcap ? 2 * f->g.objcap : 16;
		f->g.objs = xrealloc(f->g.objs, f->g.objcap * sizeof *f->g.objs);
	}
	o = &f->g.objs[f->g.nobj];
	memset(o, 0, sizeof *o);
	o->kind = kind;
	o->inst = inst;
	o->content = H2S_NONE;
	o->ptrs = H2S_NONE;
	o->raw = H2S_NONE;
	o->site = H2S_NONE;
	o->param = H2S_NONE;
	return f->g.nobj++;
}

unsigned graph_new_edge(h2s_func *f, h2s_ekind kind, h2s_why why,
			unsigned src, unsigned dst, LLVMValueRef inst)
{
	h2s_edge *e;
	if (f->g.nedge == f->g.edgecap) {
		f->g.edgecap = f->g.edgecap ? 2 * f->g.edgecap : 64;
		f->g.edges = xrealloc(f->g.edges, f->g.edgecap * sizeof *f->g.edges);
	}
	e = &f->g.edges[f->g.nedge];
	e->kind = (unsigned char)kind;
	e->why = (unsigned char)why;
	e->src = src;
	e->dst = dst;
	e->inst = inst;
	e->parent = H2S_NONE;
	e->via = H2S_NONE;
	e->nonnull = 0;
	e->tbaa = TBAA_ANY;
	e->slot_obj = H2S_NONE;
	e->slot_mask = 0;
	return f->g.nedge++;
}

/* Adds an edge and indexes it at the location the solver visits it from.
 * An edge from the location of null-like constants (integers, null,
 * undef), which never holds an object, would carry nothing, and a store
 * through it is no store the solver counts (solve.c): it is left out,
 * and H2S_NONE returned. */
unsigned add_edge(h2s_func *f, h2s_ekind kind, h2s_why why,
		  unsigned src, unsigned dst, LLVMValueRef inst)
{
	unsigned id;
	if (kind == E_STORE ? dst == f->g.nullloc : src == f->g.nullloc)
		return H2S_NONE;
	id = graph_new_edge(f, kind, why, src, dst, inst);
	switch (kind) {
	case E_COPY:
		arena_push(&f->g.arena, &f->g.locs[src].copies, id);
		break;
	case E_LOAD:
		arena_push(&f->g.arena, &f->g.locs[src].loads, id);
		break;
	case E_STORE:
		arena_push(&f->g.arena, &f->g.locs[dst].stores, id);
		break;
	}
	return id;
}

/* Seeds location l with object o: Go's `l = &{storage for o}`. The seed is
 * an edge with no source so that flows can be traced back to it. */
void seed(h2s_func *f, unsigned l, unsigned o, h2s_why why,
	  LLVMValueRef inst)
{
	unsigned id = graph_new_edge(f, E_COPY, why, H2S_NONE, l, inst);
	f->g.edges[id].via = o;
	if (!bit_test(f->g.locs[l].pts, o)) {
		bit_set(f->g.locs[l].pts, o);
		if (o >= 64 || !(why_unexplained(f) >> o & 1))
			why_record(f, l, o, id);
	}
}

int is_null_like(LLVMValueRef v)
{
	return LLVMIsAConstantPointerNull(v) || LLVMIsAUndefValue(v) ||
	       LLVMIsAConstantInt(v) || LLVMIsAConstantFP(v) ||
	       LLVMIsAConstantAggregateZero(v) ||
	       LLVMIsAConstantDataSequential(v) || LLVMIsABasicBlock(v) ||
	       LLVMIsAInlineAsm(v) || LLVMIsAMDNode(v) || LLVMIsAMDString(v) ||
	       LLVMIsABlockAddress(v) || LLVMIsAConstantTokenNone(v);
}

/* The location of an operand value. Instructions get a location of their
 * own; constants are either null-like (point nowhere) or point to unknown
 * memory (globals, constant expressions). */
unsigned graph_value_loc(h2s_func *f, LLVMValueRef v)
{
	uint64_t l;
	if (map_get(&f->g.valloc, ptrkey(v), &l))
		return (unsigned)l;
	if (LLVMIsAInstruction(v) || LLVMIsAArgument(v)) {
		unsigned n = new_loc(f, LOC_VALUE);
		f->g.locs[n].value = v;
		map_put(&f->g.valloc, ptrkey(v), n);
		return n;
	}
	if (LLVMIsAConstantPointerNull(v) ||
	    (LLVMIsAUndefValue(v) && has_pointer_type(v)))
		return f->g.nullptrloc;
	return is_null_like(v) ? f->g.nullloc : f->g.unknownloc;
}

int is_pointer(LLVMValueRef v)
{
	return LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMPointerTypeKind;
}

/* A pointer, or a vector of pointers. */
int has_pointer_type(LLVMValueRef v)
{
	LLVMTypeRef t = LLVMTypeOf(v);
	LLVMTypeKind k = LLVMGetTypeKind(t);
	if (k == LLVMVectorTypeKind || k == LLVMScalableVectorTypeKind)
		k = LLVMGetTypeKind(LLVMGetElementType(t));
	return k == LLVMPointerTypeKind;
}

/* An integer or float scalar narrower than a pointer. It may hold some of
 * a pointer's bytes (char-by-char copies), and those are followed through
 * arithmetic into memory; but a pointer is not rebuilt from narrow values
 * handed to a call or returned, so those flows are not followed (see
 * docs/design.md, Limits). */
int is_narrow_scalar(h2s_func *f, LLVMValueRef v)
{
	LLVMTypeRef t = LLVMTypeOf(v);
	switch (LLVMGetTypeKind(t)) {
	case LLVMIntegerTypeKind:
		return LLVMGetIntTypeWidth(t) < 8 * f->mod->ptr_bytes;
	case LLVMHalfTypeKind:
	case LLVMBFloatTypeKind:
	case LLVMFloatTypeKind:
		return 1;
	default:
		return 0;
	}
}

/* --------------------------------------------------------------- objects */

/* Creates the objects of parameter i: its pointee at levels 0..MAX, one
 * after the other, then its raw objects R1..RMAX (make_contents relies on
 * the order). Rk stands for what the bytes of level k - 1 carry when a load
 * of an arithmetic type reads them (Typed loads in docs/design.md): the
 * caller's raw(o) of its objects k - 1 derefs down, a part of what Pk
 * stands for. They are external: a store into one is a flow to {heap}
 * (to ~r0 for an sret parameter). */
static void make_param(h2s_func *f, unsigned i)
{
	for (unsigned k = 0; k <= 2 * H2S_MAX_LEVEL; k++) {
		unsigned o = new_obj(f, OBJ_PARAM, NULL);
		f->g.objs[o].param = i;
		f->g.objs[o].level = k <= H2S_MAX_LEVEL ? k : k - H2S_MAX_LEVEL;
		f->g.objs[o].rawbytes = (unsigned char)(k > H2S_MAX_LEVEL);
		f->g.objs[o].external = 1;
		f->g.objs[o].sret = (unsigned char)(k == 0 && f->sret_param == i);
		if (k == 0)
			f->param_obj[i] = o;
	}
}

/* First pass: every object of the function, so that bitset sizes are known
 * before any location exists. Returns the number of instructions. */
static unsigned collect_objects(h2s_func *f)
{
	unsigned i = 0, ninst = 0;
	f->g.unknown_obj = new_obj(f, OBJ_UNKNOWN, NULL);
	f->g.objs[f->g.unknown_obj].external = 1;
	f->g.null_obj = new_obj(f, OBJ_NULL, NULL);
	assert(f->g.unknown_obj < 64 && f->g.null_obj < 64); /* why_unexplained */
	f->nparams = LLVMCountParams(f->fn);
	f->param_obj = xcalloc(f->nparams ? f->nparams : 1, sizeof(unsigned));
	for (LLVMValueRef a = LLVMGetFirstParam(f->fn); a;
	     a = LLVMGetNextParam(a), i++) {
		f->param_obj[i] = H2S_NONE;
		if (is_pointer(a))
			make_param(f, i);
	}
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->fn); bb;
	     bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef I = LLVMGetFirstInstruction(bb); I;
		     I = LLVMGetNextInstruction(I)) {
			const h2s_allocfn *a;
			ninst++;
			if (LLVMIsAAllocaInst(I)) {
				unsigned o = new_obj(f, OBJ_ALLOCA, I);
				unsigned n = alloca_slots(f, I);
				if (n) {
					f->g.objs[o].nslots = n;
					map_put(&f->g.slotobj, ptrkey(I), o);
				}
			} else if ((LLVMIsACallInst(I) || LLVMIsAInvokeInst(I)) &&
				   (a = lib_alloc_call(I))) {
				unsigned o = new_obj(f, OBJ_SITE, I);
				h2s_site *s;
				if (f->found.nsite == f->found.sitecap) {
					f->found.sitecap = f->found.sitecap ? 2 * f->found.sitecap : 8;
					f->found.sites = xrealloc(f->found.sites,
							    f->found.sitecap * sizeof *s);
				}
				s = &f->found.sites[f->found.nsite];
				memset(s, 0, sizeof *s);
				s->call = I;
				s->alloc = a;
				s->obj = o;
				s->flow_edge = H2S_NONE;
				f->g.objs[o].site = f->found.nsite++;
			}
		}
	return ninst;
}

/* Gives every object its content, ptrs and raw locations. A parameter
 * object's content and ptrs hold the next level's object (the deepest
 * level holds itself); its raw holds the next level's raw object, which
 * stands for a part of what the next level does. A raw object Rk is read
 * through like Pk: its content and ptrs hold P(k+1), its raw R(k+1).
 * Unknown memory holds unknown pointers in all three. */
static void make_contents(h2s_func *f)
{
	for (unsigned o = 0; o < f->g.nobj; o++) {
		unsigned *part[3] = {&f->g.objs[o].content, &f->g.objs[o].ptrs,
				     &f->g.objs[o].raw};
		for (unsigned k = 0; k < 3; k++) {
			*part[k] = new_loc(f, LOC_CONTENT);
			f->g.locs[*part[k]].obj = o;
		}
		/* a slotted local's slots (slots.c) */
		for (unsigned k = 0; k < f->g.objs[o].nslots; k++) {
			unsigned l = new_loc(f, LOC_CONTENT);
			f->g.locs[l].obj = o;
			if (k == 0)
				f->g.objs[o].slots = l;
		}
	}
	for (unsigned o = 0; o < f->g.nobj; o++) {
		h2s_obj *ob = &f->g.objs[o];
		if (ob->kind == OBJ_UNKNOWN) {
			seed(f, ob->content, o, W_LOAD, NULL);
			seed(f, ob->ptrs, o, W_LOAD, NULL);
			seed(f, ob->raw, o, W_LOAD, NULL);
		} else if (ob->kind == OBJ_PARAM) {
			unsigned p0 = f->param_obj[ob->param];
			unsigned next = ob->level < H2S_MAX_LEVEL ? ob->level + 1
								  : H2S_MAX_LEVEL;
			seed(f, ob->content, p0 + next, W_LOAD, NULL);
			seed(f, ob->ptrs, p0 + next, W_LOAD, NULL);
			seed(f, ob->raw,
			     ob->level < H2S_MAX_LEVEL ? p0 + H2S_MAX_LEVEL + next
						       : p0 + H2S_MAX_LEVEL,
			     W_LOAD, NULL);
		}
	}
}

void graph_init(h2s_func *f)
{
	/* every instruction and parameter may get a location; room for
	 * about as many as most functions end with spares the copies of
	 * growing the arrays */
	unsigned ninst = collect_objects(f);
	map_reserve(&f->g.valloc, ninst + f->nparams);
	f->g.loccap = ninst + f->nparams + f->g.nobj + 16;
	f->g.locs = xrealloc(f->g.locs, f->g.loccap * sizeof *f->g.locs);
	f->g.edgecap = 2 * ninst + 16;
	f->g.edges = xrealloc(f->g.edges, f->g.edgecap * sizeof *f->g.edges);
	f->g.words = (f->g.nobj + 63) / 64;
	f->g.heap = new_loc(f, LOC_HEAP);
	f->g.result = new_loc(f, LOC_RESULT);
	f->g.exposed = new_loc(f, LOC_EXPOSED);
	f->g.nullloc = new_loc(f, LOC_TEMP);
	f->g.nullptrloc = new_loc(f, LOC_TEMP);
	seed(f, f->g.nullptrloc, f->g.null_obj, W_ASSIGN, NULL);
	f->g.unknownloc = new_loc(f, LOC_TEMP);
	f->g.called = new_loc(f, LOC_TEMP);
	seed(f, f->g.unknownloc, f->g.unknown_obj, W_OTHER_INST, NULL);
	make_contents(f);
	/* where stores through each pointer parameter go (solve.c) */
	f->g.pout = xcalloc(f->nparams ? f->nparams : 1, sizeof *f->g.pout);
	f->g.pout_raw = xcalloc(f->nparams ? f->nparams : 1,
				sizeof *f->g.pout_raw);
	for (unsigned i = 0; i < f->nparams; i++) {
		int out = f->param_obj[i] != H2S_NONE && i != f->sret_param &&
			  i < H2S_PARAM_OUTS;
		f->g.pout[i] = out ? new_loc(f, LOC_PARAM_OUT) : H2S_NONE;
		f->g.pout_raw[i] = out ? new_loc(f, LOC_TEMP) : H2S_NONE;
	}
}


/* ----------------------------------------------------- building blocks */

unsigned temp(h2s_func *f) { return new_loc(f, LOC_TEMP); }

/* dst = *src, as a fresh temporary. */
unsigned load_into_temp(h2s_func *f, unsigned src, h2s_why why,
			LLVMValueRef inst)
{
	unsigned t = temp(f);
	add_edge(f, E_LOAD, why, src, t, inst);
	return t;
}

void graph_to_heap(h2s_func *f, unsigned l, h2s_why why, LLVMValueRef inst)
{
	add_edge(f, E_COPY, why, l, f->g.heap, inst);
}

void to_heap(h2s_func *f, LLVMValueRef v, h2s_why why,
	     LLVMValueRef inst)
{
	if (is_narrow_scalar(f, v) && inst &&
	    (LLVMIsACallInst(inst) || LLVMIsAInvokeInst(inst) ||
	     LLVMIsACallBrInst(inst)))
		return; /* a narrow call argument */
	add_edge(f, E_COPY, why, graph_value_loc(f, v), f->g.heap, inst);
}

void copy_from(h2s_func *f, LLVMValueRef dst, LLVMValueRef src,
	       h2s_why why)
{
	add_edge(f, E_COPY, why, graph_value_loc(f, src),
		 graph_value_loc(f, dst), dst);
}

/* The object collect_objects made for alloca or allocation call I. It
 * made them in instruction order, which graph_build follows: the search
 * starts at *next, just past the previous one. */
unsigned inst_object(h2s_func *f, LLVMValueRef I, unsigned *next)
{
	for (unsigned o = *next; o < f->g.nobj; o++)
		if (f->g.objs[o].inst == I) {
			*next = o + 1;
			return o;
		}
	for (unsigned o = 0; o < *next; o++)
		if (f->g.objs[o].inst == I)
			return o;
	return H2S_NONE;
}

/* ----------------------------------------------------------- the driver */

void graph_build(h2s_func *f)
{
	unsigned i = 0, next = 0;
	for (LLVMValueRef a = LLVMGetFirstParam(f->fn); a;
	     a = LLVMGetNextParam(a), i++) {
		unsigned l = graph_value_loc(f, a);
		if (f->param_obj[i] != H2S_NONE)
			seed(f, l, f->param_obj[i], W_ARG, NULL);
		else
			seed(f, l, f->g.unknown_obj, W_ARG, NULL);
	}
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->fn); bb;
	     bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef I = LLVMGetFirstInstruction(bb); I;
		     I = LLVMGetNextInstruction(I))
			lower_inst(f, I, &next);
}

void graph_free(h2s_func *f)
{
	arena_free(&f->g.arena);
	free(f->g.locs);
	free(f->g.objs);
	free(f->g.edges);
	map_free(&f->g.valloc);
	map_free(&f->g.edgeset);
	map_free(&f->g.slotobj);
	free(f->g.pout);
	f->g.pout = NULL;
	free(f->g.pout_raw);
	f->g.pout_raw = NULL;
	f->g.locs = NULL;
	f->g.objs = NULL;
	f->g.edges = NULL;
	f->g.nloc = f->g.nobj = f->g.nedge = 0;
	f->g.loccap = f->g.objcap = f->g.edgecap = 0;
}

/*
 * Lowering one function's IR into the location graph.
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
	if (f->nloc == f->loccap) {
		f->loccap = f->loccap ? 2 * f->loccap : 64;
		f->locs = xrealloc(f->locs, f->loccap * sizeof *f->locs);
	}
	l = &f->locs[f->nloc];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	l->obj = H2S_NONE;
	l->pts = arena_alloc(&f->arena, f->words * sizeof(uint64_t));
	return f->nloc++;
}

static unsigned new_obj(h2s_func *f, h2s_okind kind, LLVMValueRef inst)
{
	h2s_obj *o;
	if (f->nobj == f->objcap) {
		f->objcap = f->objcap ? 2 * f->objcap : 16;
		f->objs = xrealloc(f->objs, f->objcap * sizeof *f->objs);
	}
	o = &f->objs[f->nobj];
	memset(o, 0, sizeof *o);
	o->kind = kind;
	o->inst = inst;
	o->content = H2S_NONE;
	o->site = H2S_NONE;
	o->param = H2S_NONE;
	return f->nobj++;
}

unsigned graph_new_edge(h2s_func *f, h2s_ekind kind, h2s_why why,
			unsigned src, unsigned dst, LLVMValueRef inst)
{
	h2s_edge *e;
	if (f->nedge == f->edgecap) {
		f->edgecap = f->edgecap ? 2 * f->edgecap : 64;
		f->edges = xrealloc(f->edges, f->edgecap * sizeof *f->edges);
	}
	e = &f->edges[f->nedge];
	e->kind = (unsigned char)kind;
	e->why = (unsigned char)why;
	e->src = src;
	e->dst = dst;
	e->inst = inst;
	e->parent = H2S_NONE;
	e->via = H2S_NONE;
	e->nonnull = 0;
	return f->nedge++;
}

/* Adds an edge and indexes it at the location the solver visits it from.
 * An edge from the location of null-like constants (integers, null,
 * undef), which never holds an object, would carry nothing, and a store
 * through it is no store the solver counts (solve.c): it is left out,
 * and H2S_NONE returned. */
static unsigned add_edge(h2s_func *f, h2s_ekind kind, h2s_why why,
			 unsigned src, unsigned dst, LLVMValueRef inst)
{
	unsigned id;
	if (kind == E_STORE ? dst == f->nullloc : src == f->nullloc)
		return H2S_NONE;
	id = graph_new_edge(f, kind, why, src, dst, inst);
	switch (kind) {
	case E_COPY:
		arena_push(&f->arena, &f->locs[src].copies, id);
		break;
	case E_LOAD:
		arena_push(&f->arena, &f->locs[src].loads, id);
		break;
	case E_STORE:
		arena_push(&f->arena, &f->locs[dst].stores, id);
		break;
	}
	return id;
}

/* Seeds location l with object o: Go's `l = &{storage for o}`. The seed is
 * an edge with no source so that flows can be traced back to it. */
static void seed(h2s_func *f, unsigned l, unsigned o, h2s_why why,
		 LLVMValueRef inst)
{
	unsigned id = graph_new_edge(f, E_COPY, why, H2S_NONE, l, inst);
	f->edges[id].via = o;
	if (!bit_test(f->locs[l].pts, o)) {
		bit_set(f->locs[l].pts, o);
		if (o >= 64 || !(why_unexplained(f) >> o & 1))
			why_record(f, l, o, id);
	}
}

static int is_null_like(LLVMValueRef v)
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
static int has_pointer_type(LLVMValueRef v);

unsigned graph_value_loc(h2s_func *f, LLVMValueRef v)
{
	uint64_t l;
	if (map_get(&f->valloc, ptrkey(v), &l))
		return (unsigned)l;
	if (LLVMIsAInstruction(v) || LLVMIsAArgument(v)) {
		unsigned n = new_loc(f, LOC_VALUE);
		f->locs[n].value = v;
		map_put(&f->valloc, ptrkey(v), n);
		return n;
	}
	if (LLVMIsAConstantPointerNull(v) ||
	    (LLVMIsAUndefValue(v) && has_pointer_type(v)))
		return f->nullptrloc;
	return is_null_like(v) ? f->nullloc : f->unknownloc;
}

static int is_pointer(LLVMValueRef v)
{
	return LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMPointerTypeKind;
}

/* A pointer, or a vector of pointers. */
static int has_pointer_type(LLVMValueRef v)
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
static int is_narrow_scalar(h2s_func *f, LLVMValueRef v)
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

static int has_enum_attr(LLVMValueRef call, LLVMValueRef callee, unsigned idx,
			 const char *name)
{
	unsigned kind = LLVMGetEnumAttributeKindForName(name, strlen(name));
	if (!kind)
		return 0;
	if (LLVMGetCallSiteEnumAttribute(call, idx, kind))
		return 1;
	return callee && LLVMIsAFunction(callee) &&
	       LLVMGetEnumAttributeAtIndex(callee, idx, kind) != NULL;
}

/* 1 when the stored value v is computed only from constants and from loads
 * of the very address it is stored to (`p->n++`, `*p ^= 1`): whatever
 * pointer bytes it may carry were already there, so the store moves none.
 * Every other store is a flow: C lets any object's bytes be copied through
 * any type (char, unions, memcpy into a long), so every load carries what
 * the memory holds, whatever its type. */
static int rewrites_same_address(LLVMValueRef v, LLVMValueRef addr,
				 unsigned depth)
{
	if (depth > 6)
		return 0;
	if (LLVMIsAConstantInt(v) || LLVMIsAConstantFP(v))
		return 1;
	if (LLVMIsALoadInst(v))
		return LLVMGetOperand(v, 0) == addr;
	if (!LLVMIsAInstruction(v) || LLVMIsAPHINode(v) || LLVMIsACallInst(v) ||
	    LLVMIsAInvokeInst(v))
		return 0;
	switch (LLVMGetInstructionOpcode(v)) {
	case LLVMAdd: case LLVMSub: case LLVMMul: case LLVMAnd: case LLVMOr:
	case LLVMXor: case LLVMShl: case LLVMLShr: case LLVMAShr:
	case LLVMUDiv: case LLVMSDiv: case LLVMURem: case LLVMSRem:
	case LLVMTrunc: case LLVMZExt: case LLVMSExt: case LLVMFreeze:
	case LLVMFAdd: case LLVMFSub: case LLVMFMul: case LLVMFDiv:
	case LLVMFNeg:
		for (unsigned k = 0; k < (unsigned)LLVMGetNumOperands(v); k++)
			if (!rewrites_same_address(LLVMGetOperand(v, k), addr,
						   depth + 1))
				return 0;
		return 1;
	default:
		return 0;
	}
}

/* --------------------------------------------------------------- objects */

/* Creates the objects of parameter i: its pointee at levels 0..MAX, one
 * after the other (make_contents relies on it). They are external: a store
 * into one is a flow to {heap} (to ~r0 for an sret parameter). */
static void make_param(h2s_func *f, unsigned i)
{
	for (unsigned k = 0; k <= H2S_MAX_LEVEL; k++) {
		unsigned o = new_obj(f, OBJ_PARAM, NULL);
		f->objs[o].param = i;
		f->objs[o].level = k;
		f->objs[o].external = 1;
		f->objs[o].sret = (unsigned char)(k == 0 && f->sret_param == i);
		if (k == 0)
			f->param_obj[i] = o;
	}
}

/* First pass: every object of the function, so that bitset sizes are known
 * before any location exists. Returns the number of instructions. */
static unsigned collect_objects(h2s_func *f)
{
	unsigned i = 0, ninst = 0;
	f->unknown_obj = new_obj(f, OBJ_UNKNOWN, NULL);
	f->objs[f->unknown_obj].external = 1;
	f->null_obj = new_obj(f, OBJ_NULL, NULL);
	assert(f->unknown_obj < 64 && f->null_obj < 64); /* why_unexplained */
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
				new_obj(f, OBJ_ALLOCA, I);
			} else if ((LLVMIsACallInst(I) || LLVMIsAInvokeInst(I)) &&
				   (a = lib_alloc_call(I))) {
				unsigned o = new_obj(f, OBJ_SITE, I);
				h2s_site *s;
				if (f->nsite == f->sitecap) {
					f->sitecap = f->sitecap ? 2 * f->sitecap : 8;
					f->sites = xrealloc(f->sites,
							    f->sitecap * sizeof *s);
				}
				s = &f->sites[f->nsite];
				memset(s, 0, sizeof *s);
				s->call = I;
				s->alloc = a;
				s->obj = o;
				s->flow_edge = H2S_NONE;
				f->objs[o].site = f->nsite++;
			}
		}
	return ninst;
}

/* Gives every object its content location. A parameter object's content
 * holds the next level's object (the deepest level holds itself); unknown
 * memory holds unknown pointers. */
static void make_contents(h2s_func *f)
{
	for (unsigned o = 0; o < f->nobj; o++) {
		unsigned l = new_loc(f, LOC_CONTENT);
		f->locs[l].obj = o;
		f->objs[o].content = l;
	}
	for (unsigned o = 0; o < f->nobj; o++) {
		h2s_obj *ob = &f->objs[o];
		if (ob->kind == OBJ_UNKNOWN)
			seed(f, ob->content, o, W_LOAD, NULL);
		else if (ob->kind == OBJ_PARAM)
			seed(f, ob->content,
			     ob->level < H2S_MAX_LEVEL ? o + 1 : o, W_LOAD, NULL);
	}
}

void graph_init(h2s_func *f)
{
	/* every instruction and parameter may get a location; room for
	 * about as many as most functions end with spares the copies of
	 * growing the arrays */
	unsigned ninst = collect_objects(f);
	map_reserve(&f->valloc, ninst + f->nparams);
	f->loccap = ninst + f->nparams + f->nobj + 16;
	f->locs = xrealloc(f->locs, f->loccap * sizeof *f->locs);
	f->edgecap = 2 * ninst + 16;
	f->edges = xrealloc(f->edges, f->edgecap * sizeof *f->edges);
	f->words = (f->nobj + 63) / 64;
	f->heap = new_loc(f, LOC_HEAP);
	f->result = new_loc(f, LOC_RESULT);
	f->exposed = new_loc(f, LOC_EXPOSED);
	f->nullloc = new_loc(f, LOC_TEMP);
	f->nullptrloc = new_loc(f, LOC_TEMP);
	seed(f, f->nullptrloc, f->null_obj, W_ASSIGN, NULL);
	f->unknownloc = new_loc(f, LOC_TEMP);
	f->called = new_loc(f, LOC_TEMP);
	seed(f, f->unknownloc, f->unknown_obj, W_OTHER_INST, NULL);
	make_contents(f);
	/* where stores through each pointer parameter go (solve.c) */
	f->pout = xcalloc(f->nparams ? f->nparams : 1, sizeof *f->pout);
	for (unsigned i = 0; i < f->nparams; i++)
		f->pout[i] = f->param_obj[i] != H2S_NONE &&
					     i != f->sret_param &&
					     i < H2S_PARAM_OUTS
				     ? new_loc(f, LOC_PARAM_OUT)
				     : H2S_NONE;
}

/* ------------------------------------------------------------- lowering */

static unsigned temp(h2s_func *f) { return new_loc(f, LOC_TEMP); }

/* dst = *src, as a fresh temporary. */
static unsigned load_into_temp(h2s_func *f, unsigned src, h2s_why why,
			       LLVMValueRef inst)
{
	unsigned t = temp(f);
	add_edge(f, E_LOAD, why, src, t, inst);
	return t;
}

void graph_to_heap(h2s_func *f, unsigned l, h2s_why why, LLVMValueRef inst)
{
	add_edge(f, E_COPY, why, l, f->heap, inst);
}

static void to_heap(h2s_func *f, LLVMValueRef v, h2s_why why,
		    LLVMValueRef inst)
{
	if (is_narrow_scalar(f, v) && inst &&
	    (LLVMIsACallInst(inst) || LLVMIsAInvokeInst(inst) ||
	     LLVMIsACallBrInst(inst)))
		return; /* a narrow call argument */
	add_edge(f, E_COPY, why, graph_value_loc(f, v), f->heap, inst);
}

static void copy_from(h2s_func *f, LLVMValueRef dst, LLVMValueRef src,
		      h2s_why why)
{
	add_edge(f, E_COPY, why, graph_value_loc(f, src),
		 graph_value_loc(f, dst), dst);
}

static int is_intrinsic_named(const char *name, const char *prefix)
{
	return !strncmp(name, prefix, strlen(prefix));
}

/* Intrinsics with no effect on where pointers go. */
static const char *const inert_intrinsics[] = {
	"llvm.lifetime.", "llvm.dbg.", "llvm.assume", "llvm.invariant.",
	"llvm.experimental.noalias.scope.decl", "llvm.prefetch",
	"llvm.objectsize", "llvm.is.constant", "llvm.donothing",
	"llvm.pseudoprobe", "llvm.var.annotation", "llvm.memset",
	"llvm.sideeffect", "llvm.va_end",
	"llvm.trap", "llvm.debugtrap", "llvm.ubsantrap", "llvm.stackrestore",
	"llvm.allow.runtime.check", "llvm.allow.ubsan.check",
	/* -Og keeps values alive for the debugger: a use of the register,
	 * nothing done with what it points to (LLVM 20+) */
	"llvm.fake.use",
};

/* Intrinsics whose result is (derived from) their first operand. */
static const char *const passthrough_intrinsics[] = {
	"llvm.launder.invariant.group", "llvm.strip.invariant.group",
	"llvm.ptrmask", "llvm.ssa.copy", "llvm.expect",
};

/* What an intrinsic call does with its operands, as lower_intrinsic
 * lowers it (int_exposes reads the same). */
typedef enum intrinsic_kind {
	INTR_INERT,    /* nothing: no pointer moves (llvm.memset's value too) */
	INTR_VA,       /* va_start, va_copy */
	INTR_MEMCPY,   /* memcpy, memmove: contents copied */
	INTR_PASS,     /* the result is (derived from) operand 0 */
	INTR_VALUE,    /* no pointer operand: the result is computed from the
			* operands (min, max, bswap, *.with.overflow) */
	INTR_OTHER,    /* operands escape, the result is unknown */
} intrinsic_kind;

static intrinsic_kind classify_intrinsic(LLVMValueRef I, LLVMValueRef callee,
					 unsigned nargs)
{
	const char *name = fn_name(callee);
	for (size_t k = 0; k < sizeof inert_intrinsics / sizeof *inert_intrinsics;
	     k++)
		if (is_intrinsic_named(name, inert_intrinsics[k]))
			return INTR_INERT;
	if (is_intrinsic_named(name, "llvm.va_start") ||
	    is_intrinsic_named(name, "llvm.va_copy"))
		return INTR_VA;
	if (is_intrinsic_named(name, "llvm.memcpy") ||
	    is_intrinsic_named(name, "llvm.memmove"))
		return INTR_MEMCPY;
	for (size_t k = 0;
	     k < sizeof passthrough_intrinsics / sizeof *passthrough_intrinsics;
	     k++)
		if (is_intrinsic_named(name, passthrough_intrinsics[k]))
			return INTR_PASS;
	for (unsigned k = 0; k < nargs; k++)
		if (has_pointer_type(LLVMGetOperand(I, k)))
			return INTR_OTHER;
	return INTR_VALUE;
}

static void lower_intrinsic(h2s_func *f, LLVMValueRef I, LLVMValueRef callee,
			    unsigned nargs)
{
	const char *name = fn_name(callee);
	unsigned t;
	switch (classify_intrinsic(I, callee, nargs)) {
	case INTR_INERT:
		return;
	case INTR_VA:
		/* the va_list now holds pointers to the caller's arguments */
		add_edge(f, E_STORE, W_OTHER_INST, f->unknownloc,
			 graph_value_loc(f, LLVMGetOperand(I, 0)), I);
		if (is_intrinsic_named(name, "llvm.va_copy")) {
			t = load_into_temp(
				f, graph_value_loc(f, LLVMGetOperand(I, 1)),
				W_MEMCPY, I);
			add_edge(f, E_STORE, W_MEMCPY, t,
				 graph_value_loc(f, LLVMGetOperand(I, 0)), I);
		}
		return;
	case INTR_MEMCPY:
		t = load_into_temp(f, graph_value_loc(f, LLVMGetOperand(I, 1)),
				   W_MEMCPY, I);
		add_edge(f, E_STORE, W_MEMCPY, t,
			 graph_value_loc(f, LLVMGetOperand(I, 0)), I);
		return;
	case INTR_PASS:
		copy_from(f, I, LLVMGetOperand(I, 0), W_ASSIGN);
		return;
	case INTR_VALUE:
		/* Pure value intrinsics (min, max, bswap, ...): the result
		 * is computed from the operands. One that makes a pointer
		 * from nothing (frameaddress, stacksave, thread.pointer)
		 * points to memory we do not know. */
		for (unsigned k = 0; k < nargs; k++)
			copy_from(f, I, LLVMGetOperand(I, k), W_ASSIGN);
		if (LLVMGetTypeKind(LLVMTypeOf(I)) == LLVMPointerTypeKind)
			seed(f, graph_value_loc(f, I), f->unknown_obj,
			     W_OTHER_INST, I);
		return;
	case INTR_OTHER:
		break;
	}
	for (unsigned k = 0; k < nargs; k++)
		to_heap(f, LLVMGetOperand(I, k), W_OTHER_INST, I);
	seed(f, graph_value_loc(f, I), f->unknown_obj, W_CALL_RESULT, I);
}

static void add_free_at(h2s_func *f, LLVMValueRef I, unsigned l,
			const char *family, int grow, int callee);
static void add_pdiff_locs(h2s_func *f, unsigned a, unsigned b,
			   LLVMValueRef inst, int a_nonnull, int b_nonnull);
static unsigned deref(h2s_func *f, unsigned *chain, unsigned lv,
		      LLVMValueRef I);
static void chain_init(unsigned *chain, unsigned al);
static void lower_deep_tags(h2s_func *f, LLVMValueRef I, unsigned *chain,
			    const h2s_ptag *t);

/* The module function a library call hands its elements to (a qsort or
 * bsearch comparator) whose tags its caller may use, or NULL: a function
 * defined here, not replaceable at link time, declaring its first two
 * parameters as pointers. */
static const h2s_func *comparator_func(h2s_func *f, LLVMValueRef cmp)
{
	const h2s_func *g;
	uint64_t idx;
	if (!cmp || !LLVMIsAFunction(cmp) ||
	    !map_get(&f->mod->fnindex, ptrkey(cmp), &idx))
		return NULL;
	g = &f->mod->fns[idx];
	if (!g->ptags || g->nparams < 2 || g->interposable || !g->pptr[0] ||
	    !g->pptr[1])
		return NULL;
	return g;
}

/* qsort(base, n, size, cmp) and bsearch(key, base, n, size, cmp) call cmp
 * with pointers into their array arguments: what cmp's tags say of either
 * parameter happens to what the argument al points to (both tags for
 * every argument: the call does not say which parameter gets which). A
 * comparator that leaks or frees an element itself makes the argument
 * escape (the caller's to_heap); what it frees or leaks k derefs down is
 * freed or leaked k derefs down the argument; a store into the other
 * element is replayed into the array when there is one array (qsort), and
 * goes to {heap} otherwise; a difference of its two parameters is checked
 * on the arguments (nargs of them in args). Its int result is qsort's. */
static int comparator_keeps_element(const h2s_func *g)
{
	for (unsigned i = 0; i < 2; i++)
		if (g->ptags[i].heap || g->ptags[i].freed)
			return 1;
	return 0;
}

static void lower_comparator(h2s_func *f, LLVMValueRef I, unsigned al,
			     const h2s_func *g, const unsigned *args,
			     unsigned nargs)
{
	unsigned chain[H2S_MAX_LEVEL + 1];
	chain_init(chain, al);
	add_edge(f, E_COPY, W_EXPOSED, al, f->exposed, I);
	for (unsigned i = 0; i < 2; i++) {
		const h2s_ptag *t = &g->ptags[i];
		lower_deep_tags(f, I, chain, t);
		for (unsigned lv = 0; lv < H2S_MAX_LEVEL; lv++) {
			if (!t->to_param[lv])
				continue;
			if (nargs == 1 && !(t->to_param[lv] >> 2))
				add_edge(f, E_STORE, W_STORE,
					 deref(f, chain, lv, I), al, I);
			else
				add_edge(f, E_COPY, W_CALL_LEAK,
					 deref(f, chain, lv, I), f->heap, I);
		}
		if (t->diff_with & 3)
			for (unsigned k = 0; k < nargs; k++)
				add_pdiff_locs(f, al, args[k], I, 0, 0);
	}
}

/* 1 when fmt is a constant string whose conversions print no pointer
 * (%p): then printf's other arguments are read, and their bytes copied,
 * but no address is printed that scanf could turn back into a pointer. */
static int format_prints_no_pointer_at(LLVMValueRef fmt, unsigned depth)
{
	LLVMValueRef init;
	const char *s;
	size_t len;
	/* a choice between constant formats (SimplifyCFG merges calls) */
	if (fmt && depth < 4 && LLVMIsASelectInst(fmt))
		return format_prints_no_pointer_at(LLVMGetOperand(fmt, 1),
						   depth + 1) &&
		       format_prints_no_pointer_at(LLVMGetOperand(fmt, 2),
						   depth + 1);
	if (fmt && depth < 4 && LLVMIsAPHINode(fmt)) {
		for (unsigned i = 0; i < LLVMCountIncoming(fmt); i++)
			if (!format_prints_no_pointer_at(
				    LLVMGetIncomingValue(fmt, i), depth + 1))
				return 0;
		return 1;
	}
	while (fmt && LLVMIsAConstantExpr(fmt))
		fmt = LLVMGetOperand(fmt, 0);
	if (!fmt || !LLVMIsAGlobalVariable(fmt) || !LLVMIsGlobalConstant(fmt))
		return 0;
	init = LLVMGetInitializer(fmt);
	if (!init || !LLVMIsAConstantDataSequential(init) ||
	    !LLVMIsConstantString(init))
		return 0;
	s = LLVMGetAsString(init, &len);
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '%')
			continue;
		i++;
		while (i < len && strchr("-+ #0123456789.*'$hlLqjzt", s[i]))
			i++;
		if (i < len && s[i] == 'p')
			return 0;
	}
	return 1;
}

static int format_prints_no_pointer(LLVMValueRef fmt)
{
	return format_prints_no_pointer_at(fmt, 0);
}

static void lower_libcall(h2s_func *f, LLVMValueRef I, const h2s_libfn *lf,
			  unsigned nargs)
{
	unsigned res = graph_value_loc(f, I);
	LLVMValueRef cmp = NULL;
	int printed_addresses = 0, retalias = 0, retother = 0;
	unsigned arrays[2], narrays = 0;
	unsigned fixed = LLVMCountParamTypes(LLVMGetCalledFunctionType(I));
	for (unsigned k = 0; k < nargs && k < 6; k++) {
		if (lf->arg[k] & LF_COMPARATOR)
			cmp = LLVMGetOperand(I, k);
		if ((lf->arg[k] & LF_CALLBACK) && narrays < 2)
			arrays[narrays++] =
				graph_value_loc(f, LLVMGetOperand(I, k));
		if ((lf->arg[k] & LF_FORMAT) &&
		    !format_prints_no_pointer(LLVMGetOperand(I, k)))
			printed_addresses = 1;
	}
	for (unsigned k = 0; k < nargs; k++) {
		unsigned fl = k < fixed && k < 6 ? lf->arg[k] : lf->rest;
		LLVMValueRef a = LLVMGetOperand(I, k);
		unsigned al = graph_value_loc(f, a);
		if (fl & LF_COMPARATOR)
			continue;
		if (!has_pointer_type(a)) {
			/* an integer may be a pointer's bytes (printf's %lx,
			 * memcpy'd into a long): its value leaves; the table
			 * speaks of what pointer arguments point to */
			to_heap(f, a, W_CALL_UNKNOWN, I);
			continue;
		}
		if (k >= fixed && printed_addresses) {
			/* %p, or a format we cannot read */
			to_heap(f, a, W_PRINTED, I);
			fl = LF_NOCAP | LF_OUT; /* (escaped just now) */
		}
		if (fl & LF_OUT) {
			unsigned c = load_into_temp(f, al, W_LOAD, I);
			add_edge(f, E_COPY, W_CALL_UNKNOWN, c, f->heap, I);
		}
		if (fl & LF_CALLBACK) {
			const h2s_func *g = comparator_func(f, cmp);
			if (!g || comparator_keeps_element(g))
				to_heap(f, a, W_CALL_UNKNOWN, I);
			else
				lower_comparator(f, I, al, g, arrays, narrays);
		} else if (fl & LF_ESCAPE) {
			to_heap(f, a, W_REALLOC, I);
		} else if (!(fl & LF_NOCAP)) {
			to_heap(f, a, W_CALL_UNKNOWN, I);
		}
		/* whatever it writes (scanf's %p) is unknown to us */
		if (fl & LF_WRITES)
			add_edge(f, E_COPY, W_EXPOSED, al, f->exposed, I);
		if (fl & LF_RETALIAS) {
			add_edge(f, E_COPY, W_CALL_RESULT, al, res, I);
			retalias = 1;
		}
		if (fl & LF_RETOTHER)
			retother = 1;
		if (fl & LF_ENDPTR)
			add_edge(f, E_STORE, W_STORE,
				 graph_value_loc(f, LLVMGetOperand(I, 0)), al, I);
		if (fl & LF_MEMCPY_SRC) {
			unsigned t = load_into_temp(f, al, W_MEMCPY, I);
			add_edge(f, E_STORE, W_MEMCPY, t,
				 graph_value_loc(f, LLVMGetOperand(I, 0)), I);
		}
	}
	/* every function of the table that returns a pointer into an
	 * argument returns that or null (strchr, memcpy, fgets, bsearch),
	 * or, marked LF_RETOTHER, memory of its own too (dirname, realpath);
	 * the others' results point anywhere */
	seed(f, res, retalias ? f->null_obj : f->unknown_obj, W_CALL_RESULT, I);
	if (retalias && retother)
		seed(f, res, f->unknown_obj, W_CALL_RESULT, I);
}

/* What lv derefs of an argument point to, loaded at call I once per
 * argument and level: chain[0] is the argument's location, chain[k]
 * H2S_NONE until a load of chain[k - 1] is needed. */
static unsigned deref(h2s_func *f, unsigned *chain, unsigned lv,
		      LLVMValueRef I)
{
	for (unsigned k = 1; k <= lv; k++)
		if (chain[k] == H2S_NONE)
			chain[k] = load_into_temp(f, chain[k - 1], W_LOAD, I);
	return chain[lv];
}

/* chain for deref: the argument's location al, no level loaded yet. */
static void chain_init(unsigned *chain, unsigned al)
{
	chain[0] = al;
	for (unsigned lv = 1; lv <= H2S_MAX_LEVEL; lv++)
		chain[lv] = H2S_NONE;
}

/* What a callee's tag t says happens below its parameter's own pointee:
 * what the freed levels point to is freed by call I (a free the transform
 * leaves alone), and what content_from derefs of the argument point to
 * leaks. */
static void lower_deep_tags(h2s_func *f, LLVMValueRef I, unsigned *chain,
			    const h2s_ptag *t)
{
	for (unsigned lv = 1; lv < H2S_MAX_LEVEL; lv++)
		if (t->freed_levels & (1u << lv))
			add_free_at(f, I, deref(f, chain, lv, I), NULL, 0, 1);
	if (t->content_from)
		add_edge(f, E_COPY, W_CALL_LEAK,
			 deref(f, chain, t->content_from, I), f->heap, I);
}

/* A call to a function defined in this module: each argument flows where
 * the callee's parameter tag says (Go's tagged parameters). A block the
 * callee frees (at the argument's level or a few derefs below) ends its
 * life at the call: a free the transform leaves alone, so such a block is
 * kept on the heap unless heap2stack.c inlines the call. */
static void lower_summarized(h2s_func *f, LLVMValueRef I, h2s_func *g,
			     unsigned nargs)
{
	unsigned res = graph_value_loc(f, I);
	unsigned target = res; /* where ~r0 of the callee lands */
	int store_result = 0;
	/* only the signature of g is used: g may be a member of the same
	 * call-graph cycle that has not been analysed yet */
	if (g->sret_param != H2S_NONE && g->sret_param < nargs) {
		target = graph_value_loc(f, LLVMGetOperand(I, g->sret_param));
		store_result = 1;
	}
	for (unsigned k = 0; k < nargs; k++) {
		LLVMValueRef a = LLVMGetOperand(I, k);
		unsigned al = graph_value_loc(f, a);
		unsigned chain[H2S_MAX_LEVEL + 1];
		const h2s_ptag *t;
		chain_init(chain, al);
		if (k >= g->nparams || !g->pptr[k]) {
			/* variadic or non-pointer parameter: its bits may be
			 * anything the callee wants them to be */
			to_heap(f, a, W_CALL_UNKNOWN, I);
			continue;
		}
		t = &g->ptags[k];
		if (t->heap)
			add_edge(f, E_COPY, W_CALL_LEAK, al, f->heap, I);
		if (t->freed)
			add_free_at(f, I, al, NULL, 0, 1);
		lower_deep_tags(f, I, chain, t);
		if (t->written || t->heap)
			add_edge(f, E_COPY, W_EXPOSED, al, f->exposed, I);
		/* every dereference level that reaches the callee's ~r0; the
		 * deepest stands for itself and everything below it */
		for (unsigned lv = 0, v = al; lv <= H2S_MAX_LEVEL; lv++) {
			if (lv == H2S_MAX_LEVEL &&
			    (t->result_levels & (1u << lv))) {
				unsigned below = temp(f);
				add_edge(f, E_COPY, W_LOAD, v, below, I);
				add_edge(f, E_LOAD, W_LOAD, below, below, I);
				v = below;
			}
			if (t->result_levels & (1u << lv)) {
				if (store_result)
					add_edge(f, E_STORE, W_CALL_RESULT, v,
						 target, I);
				else
					add_edge(f, E_COPY, W_CALL_RESULT, v, res, I);
			}
			if (lv < H2S_MAX_LEVEL && (t->result_levels >> (lv + 1)))
				v = load_into_temp(f, v, W_LOAD, I);
		}
		/* a difference of two of its parameters leaves the callee:
		 * the same check on the two arguments here */
		for (unsigned j = 0; j < 32 && t->diff_with; j++) {
			if (!(t->diff_with >> j & 1))
				continue;
			if (j < nargs)
				add_pdiff_locs(f, al,
					       graph_value_loc(
						       f, LLVMGetOperand(I, j)),
					       I, 0, 0);
			else
				add_edge(f, E_COPY, W_PTRTOINT, al, f->heap, I);
		}
		/* what the callee stores into another parameter's pointee:
		 * a store through that argument here */
		for (unsigned lv = 0; lv < H2S_MAX_LEVEL; lv++) {
			unsigned v;
			if (!t->to_param[lv])
				continue;
			v = deref(f, chain, lv, I);
			for (unsigned i = 0; i < H2S_PARAM_OUTS; i++) {
				if (!(t->to_param[lv] >> i & 1))
					continue;
				if (i < nargs)
					add_edge(f, E_STORE, W_STORE, v,
						 graph_value_loc(
							 f, LLVMGetOperand(I, i)),
						 I);
				else
					add_edge(f, E_COPY, W_CALL_LEAK, v,
						 f->heap, I);
			}
		}
	}
	/* what it returns that is not its parameters' (its own blocks,
	 * globals), or of parameters this call does not pass, is unknown
	 * memory here */
	if (!g->result_known || nargs < g->nparams)
		seed(f, res, f->unknown_obj, W_CALL_RESULT, I);
	else if (g->result_null)
		seed(f, res, f->null_obj, W_CALL_RESULT, I);
}

/* A declaration we know nothing about beyond its attributes. */
static void lower_declared(h2s_func *f, LLVMValueRef I, LLVMValueRef callee,
			   unsigned nargs)
{
	unsigned res = graph_value_loc(f, I);
	for (unsigned k = 0; k < nargs; k++) {
		LLVMValueRef a = LLVMGetOperand(I, k);
		unsigned al = graph_value_loc(f, a);
		int via_ret = 1;
		if (!is_pointer(a)) {
			to_heap(f, a, W_CALL_UNKNOWN, I);
			continue;
		}
		if (has_enum_attr(I, callee, k + 1, "byval")) {
			/* the callee gets a copy of the pointee */
			unsigned c = load_into_temp(f, al, W_LOAD, I);
			add_edge(f, E_COPY, W_CALL_UNKNOWN, c, f->heap, I);
			continue;
		}
		/* not captured, and not freed: `nocapture` alone allows the
		 * callee to free the block (LLVM marks free's own parameter
		 * so, and infers it for a function that reallocs or frees its
		 * argument, whose body ThinLTO may then drop) */
		if (!compat_param_nocapture(I, callee, k, &via_ret) ||
		    !(has_enum_attr(I, callee, LLVMAttributeFunctionIndex,
				    "nofree") ||
		      has_enum_attr(I, callee, k + 1, "nofree"))) {
			to_heap(f, a, W_CALL_UNKNOWN, I);
			continue;
		}
		/* Not captured; what it points to may still be read and
		 * leaked, and unknown pointers may be written into it. */
		unsigned c = load_into_temp(f, al, W_LOAD, I);
		add_edge(f, E_COPY, W_CALL_UNKNOWN, c, f->heap, I);
		if (!has_enum_attr(I, callee, k + 1, "readonly") &&
		    !has_enum_attr(I, callee, k + 1, "readnone"))
			add_edge(f, E_COPY, W_EXPOSED, al, f->exposed, I);
		if (via_ret)
			add_edge(f, E_COPY, W_CALL_RESULT, al, res, I);
	}
	seed(f, res, f->unknown_obj, W_CALL_RESULT, I);
}

static void lower_unknown_call(h2s_func *f, LLVMValueRef I, unsigned nargs,
			       h2s_why why)
{
	for (unsigned k = 0; k < nargs; k++)
		to_heap(f, LLVMGetOperand(I, k), why, I);
	/* Calling through a pointer does not leak it, but memory that is
	 * executed must stay where it is. */
	add_edge(f, E_COPY, W_OTHER_INST,
		 graph_value_loc(f, LLVMGetCalledValue(I)), f->called, I);
	seed(f, graph_value_loc(f, I), f->unknown_obj, W_CALL_RESULT, I);
}

h2s_func *callee_func(h2s_result *r, LLVMValueRef call)
{
	LLVMValueRef c = LLVMGetCalledValue(call);
	uint64_t idx;
	if (!c || !LLVMIsAFunction(c) || !map_get(&r->fnindex, ptrkey(c), &idx))
		return NULL;
	return r->fns[idx].interposable ? NULL : &r->fns[idx];
}

static void note_call_flags(h2s_func *f, LLVMValueRef I, LLVMValueRef callee)
{
	if (has_enum_attr(I, callee, LLVMAttributeFunctionIndex,
			  "returns_twice"))
		f->calls_setjmp = 1;
	if (LLVMIsACallInst(I) && LLVMGetTailCallKind(I) == LLVMTailCallKindMustTail)
		f->has_musttail = 1;
}

/* Records call I as the end of the blocks location l points to. */
static void add_free_at(h2s_func *f, LLVMValueRef I, unsigned l,
			const char *family, int grow, int callee)
{
	if (f->nfree == f->freecap) {
		f->freecap = f->freecap ? 2 * f->freecap : 8;
		f->frees = xrealloc(f->frees, f->freecap * sizeof *f->frees);
	}
	memset(&f->frees[f->nfree], 0, sizeof *f->frees);
	f->frees[f->nfree].call = I;
	f->frees[f->nfree].loc = l;
	f->frees[f->nfree].family = family;
	f->frees[f->nfree].grow = grow;
	f->frees[f->nfree].callee = callee;
	f->nfree++;
}

static void add_free(h2s_func *f, LLVMValueRef I, const char *family, int grow)
{
	add_free_at(f, I, graph_value_loc(f, LLVMGetOperand(I, 0)), family,
		    grow, 0);
}

/* q = realloc(p, n) ends the life of p's block, or continues it as q: in
 * place, or, once the transform has demoted it, as a heap block that
 * holds its bytes. So q points to p's objects and to a new heap block,
 * and p's contents are copied into whatever q points to. */
static void lower_realloc(h2s_func *f, LLVMValueRef I)
{
	unsigned p = graph_value_loc(f, LLVMGetOperand(I, 0));
	unsigned q = graph_value_loc(f, I);
	unsigned t = load_into_temp(f, p, W_MEMCPY, I);
	add_free(f, I, "malloc", 1);
	add_edge(f, E_COPY, W_CALL_RESULT, p, q, I);
	add_edge(f, E_STORE, W_MEMCPY, t, q, I);
	seed(f, q, f->unknown_obj, W_CALL_RESULT, I);
	/* an integer may be a pointer's bytes, as for every library call */
	to_heap(f, LLVMGetOperand(I, 1), W_CALL_UNKNOWN, I);
}

/* The object collect_objects made for alloca or allocation call I. It
 * made them in instruction order, which graph_build follows: the search
 * starts at *next, just past the previous one. */
static unsigned inst_object(h2s_func *f, LLVMValueRef I, unsigned *next)
{
	for (unsigned o = *next; o < f->nobj; o++)
		if (f->objs[o].inst == I) {
			*next = o + 1;
			return o;
		}
	for (unsigned o = 0; o < *next; o++)
		if (f->objs[o].inst == I)
			return o;
	return H2S_NONE;
}

static void lower_call(h2s_func *f, LLVMValueRef I, unsigned *next)
{
	LLVMValueRef callee = LLVMGetCalledValue(I);
	unsigned nargs = LLVMGetNumArgOperands(I);
	const h2s_allocfn *a;
	const h2s_libfn *lf;
	const char *family;
	h2s_func *g;
	note_call_flags(f, I, callee);
	if (LLVMIsAInlineAsm(callee)) {
		lower_unknown_call(f, I, nargs, W_ASM);
		return;
	}
	if (LLVMIsAFunction(callee) && LLVMGetIntrinsicID(callee)) {
		lower_intrinsic(f, I, callee, nargs);
		return;
	}
	if ((a = lib_alloc_call(I))) {
		unsigned obj = inst_object(f, I, next);
		assert(obj != H2S_NONE && f->objs[obj].kind == OBJ_SITE);
		if (a->kind == AK_POSIX_MEMALIGN) {
			unsigned t = temp(f);
			seed(f, t, obj, W_ALLOC, I);
			add_edge(f, E_STORE, W_ASSIGN, t,
				 graph_value_loc(f, LLVMGetOperand(I, 0)), I);
		} else {
			seed(f, graph_value_loc(f, I), obj, W_ALLOC, I);
		}
		if (a->kind == AK_STRDUP || a->kind == AK_STRNDUP) {
			/* the copy holds the source's bytes; the source
			 * itself is only read */
			unsigned t = load_into_temp(
				f, graph_value_loc(f, LLVMGetOperand(I, 0)),
				W_MEMCPY, I);
			add_edge(f, E_STORE, W_MEMCPY, t, graph_value_loc(f, I),
				 I);
			if (a->kind == AK_STRNDUP)
				to_heap(f, LLVMGetOperand(I, 1), W_CALL_UNKNOWN,
					I);
		}
		return;
	}
	if ((family = lib_free_call(I))) {
		add_free(f, I, family, 0);
		return;
	}
	if (lib_realloc_call(I)) {
		lower_realloc(f, I);
		return;
	}
	if ((g = callee_func(f->mod, I)) && g->ptags) {
		lower_summarized(f, I, g, nargs);
		return;
	}
	if ((lf = lib_effects(I))) {
		lower_libcall(f, I, lf, nargs);
		return;
	}
	if (LLVMIsAFunction(callee) && LLVMIsDeclaration(callee)) {
		lower_declared(f, I, callee, nargs);
		return;
	}
	lower_unknown_call(f, I, nargs, W_CALL_UNKNOWN);
}

static void copy_operands(h2s_func *f, LLVMValueRef I, unsigned first)
{
	unsigned n = (unsigned)LLVMGetNumOperands(I);
	for (unsigned k = first; k < n; k++)
		copy_from(f, I, LLVMGetOperand(I, k), W_ASSIGN);
}

static int is_pointer_difference(LLVMValueRef I)
{
	return LLVMGetInstructionOpcode(I) == LLVMSub &&
	       LLVMIsAPtrToIntInst(LLVMGetOperand(I, 0)) &&
	       LLVMIsAPtrToIntInst(LLVMGetOperand(I, 1));
}

/* The largest offset from an address that address_offset follows: a
 * difference of two such integers reveals at most the low 13 bits of the
 * address. */
#define OFFSET_BOUND 4096

/* A constant within +-OFFSET_BOUND: adds its magnitude to *bound. */
static int small_constant(LLVMValueRef v, uint64_t *bound)
{
	long long c;
	if (!LLVMIsAConstantInt(v))
		return 0;
	c = LLVMConstIntGetSExtValue(v);
	if (c < -OFFSET_BOUND || c > OFFSET_BOUND)
		return 0;
	*bound += (uint64_t)(c < 0 ? -c : c);
	return 1;
}

/* 1 when the integer v is the address of *base (a ptrtoint of it) plus
 * an offset of at most *bound (added to): plus or minus small constants,
 * aligned down by a mask of high ones (`& -32`: at most 31 less), or'ed
 * with a small constant (at most that much more), through
 * llvm.uadd.with.overflow's sum (obstack's and malloca's alignment). */
static int address_offset(LLVMValueRef v, LLVMValueRef *base, uint64_t *bound,
			  unsigned depth)
{
	LLVMValueRef agg, callee;
	long long m;
	if (depth > 8 || *bound > OFFSET_BOUND)
		return 0;
	if (LLVMIsAPtrToIntInst(v)) {
		*base = LLVMGetOperand(v, 0);
		return 1;
	}
	if (LLVMIsAExtractValueInst(v)) {
		agg = LLVMGetOperand(v, 0);
		if (LLVMGetNumIndices(v) != 1 || LLVMGetIndices(v)[0] != 0 ||
		    !LLVMIsACallInst(agg))
			return 0;
		callee = LLVMGetCalledValue(agg);
		return LLVMIsAFunction(callee) &&
		       is_intrinsic_named(fn_name(callee),
					  "llvm.uadd.with.overflow") &&
		       small_constant(LLVMGetOperand(agg, 1), bound) &&
		       address_offset(LLVMGetOperand(agg, 0), base, bound,
				      depth + 1);
	}
	if (!LLVMIsAInstruction(v))
		return 0;
	switch (LLVMGetInstructionOpcode(v)) {
	case LLVMAdd:
		if (small_constant(LLVMGetOperand(v, 1), bound))
			return address_offset(LLVMGetOperand(v, 0), base, bound,
					      depth + 1);
		return small_constant(LLVMGetOperand(v, 0), bound) &&
		       address_offset(LLVMGetOperand(v, 1), base, bound,
				      depth + 1);
	case LLVMOr:
		/* x | c is between x and x + c, for c >= 0 */
		if (LLVMIsAConstantInt(LLVMGetOperand(v, 1)) &&
		    LLVMConstIntGetSExtValue(LLVMGetOperand(v, 1)) < 0)
			return 0;
		/* fall through */
	case LLVMSub:
		return small_constant(LLVMGetOperand(v, 1), bound) &&
		       address_offset(LLVMGetOperand(v, 0), base, bound,
				      depth + 1);
	case LLVMAnd:
		/* x & -2^k is between x - (2^k - 1) and x */
		if (!LLVMIsAConstantInt(LLVMGetOperand(v, 1)))
			return 0;
		m = LLVMConstIntGetSExtValue(LLVMGetOperand(v, 1));
		if (m >= 0 || m < -OFFSET_BOUND || ((-m) & (-m - 1)))
			return 0;
		*bound += (uint64_t)(-m - 1);
		return address_offset(LLVMGetOperand(v, 0), base, bound,
				      depth + 1);
	default:
		return 0;
	}
}

/* `a - b` where a and b are both one address plus bounded offsets
 * (address_offset): the difference of two offsets, at most 2 x
 * OFFSET_BOUND either way, carries no object, as a pointer difference
 * within one object does not (malloca's `aligned - (uintptr_t)mem`). It
 * reveals no more of the address than its low 13 bits, from which no
 * pointer can be rebuilt (docs/design.md, Limits). */
static int is_offset_difference(LLVMValueRef I)
{
	LLVMValueRef pa = NULL, pb = NULL;
	uint64_t ba = 0, bb = 0;
	return LLVMGetInstructionOpcode(I) == LLVMSub &&
	       !is_pointer_difference(I) &&
	       address_offset(LLVMGetOperand(I, 0), &pa, &ba, 0) &&
	       address_offset(LLVMGetOperand(I, 1), &pb, &bb, 0) && pa == pb;
}

/* 1 when I is integer arithmetic whose value carries its operands'
 * objects (lower_inst copies their sets into it; the condition of a
 * select too): everything but a pointer difference, which carries
 * neither object (solve.c checks where it goes), and a difference of two
 * offsets from one address. */
static int carries_operands(LLVMValueRef I)
{
	switch (LLVMGetInstructionOpcode(I)) {
	case LLVMSub:
		return !is_pointer_difference(I) && !is_offset_difference(I);
	case LLVMAdd: case LLVMMul: case LLVMAnd: case LLVMOr: case LLVMXor:
	case LLVMShl: case LLVMLShr: case LLVMAShr: case LLVMURem:
	case LLVMSRem: case LLVMUDiv: case LLVMSDiv: case LLVMTrunc:
	case LLVMZExt: case LLVMSExt: case LLVMFreeze: case LLVMSelect:
	case LLVMPHI: case LLVMExtractValue: case LLVMInsertValue:
		return 1;
	default:
		return 0;
	}
}

/* The value an address is computed from by GEPs and casts. */
static LLVMValueRef address_root(LLVMValueRef p)
{
	for (unsigned k = 0; k < 32 && p; k++) {
		if (!LLVMIsAGetElementPtrInst(p) && !LLVMIsABitCastInst(p) &&
		    !LLVMIsAAddrSpaceCastInst(p))
			break;
		p = LLVMGetOperand(p, 0);
	}
	return p;
}

/* 1 when the graph follows an integer carrying origin's objects into use
 * U, of which it is operand `op`, so that the objects escape only where
 * the flow takes them (the use then needs no check of its own): a store
 * of the integer (into the stored-to objects' contents); an index of a
 * GEP from null (copied into the pointer) or from origin itself (the
 * pointer points into origin's objects already: obstack's and malloca's
 * `p + (aligned - (uintptr_t)p)`); a return of a value as wide as a
 * pointer (to ~r0). Every other instruction that may take a pointer's
 * bits where the graph does not follow them (a GEP into another object,
 * a call, a narrow return) is an exposure. */
static int follows_int_use(h2s_func *f, LLVMValueRef U, unsigned op,
			   LLVMValueRef origin)
{
	switch (LLVMGetInstructionOpcode(U)) {
	case LLVMStore:
		return op == 0 && !rewrites_same_address(LLVMGetOperand(U, 0),
							 LLVMGetOperand(U, 1), 0);
	case LLVMGetElementPtr:
		return op > 0 &&
		       (is_null_like(LLVMGetOperand(U, 0)) ||
			address_root(LLVMGetOperand(U, 0)) == address_root(origin));
	case LLVMRet:
		return !is_narrow_scalar(f, LLVMGetOperand(U, 0));
	default:
		return 0;
	}
}

/* 1 when U is an intrinsic call whose result the graph computes from its
 * operand `op` (lower_intrinsic): the integer flows on into it. */
static int intrinsic_carries(LLVMValueRef U, unsigned op)
{
	LLVMValueRef callee;
	intrinsic_kind k;
	if (!LLVMIsACallInst(U))
		return 0;
	callee = LLVMGetCalledValue(U);
	if (!LLVMIsAFunction(callee) || !LLVMGetIntrinsicID(callee) ||
	    op >= LLVMGetNumArgOperands(U))
		return 0;
	k = classify_intrinsic(U, callee, LLVMGetNumArgOperands(U));
	return k == INTR_VALUE || (k == INTR_PASS && op == 0);
}

/* The index of the operand of U that use u is. */
static unsigned use_operand(LLVMValueRef U, LLVMUseRef u)
{
	unsigned n = (unsigned)LLVMGetNumOperands(U);
	for (unsigned k = 0; k < n; k++)
		if (LLVMGetOperandUse(U, k) == u)
			return k;
	return n;
}

/* 1 when the integer v, computed from a pointer's address, may let code
 * outside the function rebuild the pointer without the graph seeing it.
 * It cannot when every use of v only compares it (alignment and ordering
 * checks), or subtracts it from another address, or computes an integer
 * that again only does so, or, when v `carries` the objects of origin
 * (the pointer converted: the integer's location holds its objects, as
 * integer arithmetic copies its operands' sets), turns it back into a
 * pointer (inttoptr) or goes where the graph follows it
 * (follows_int_use, intrinsic_carries): then the pointer made from it, or
 * the memory it is stored to, holds those objects, and where they go
 * is followed like any other (obstack's and malloca's alignment,
 * `(char *)(((uintptr_t)p + 15) & ~15)`, the offset malloca stores in
 * front of its block). C's pointer subtraction is lowered to sub
 * (ptrtoint p), (ptrtoint q): the difference is an offset that carries
 * neither object; when it is more than compared (the vectorizer's
 * overlap checks only compare it) it is harmless only while p and q point
 * into one object, which solve.c checks (h2s_pdiff), and a pointer made
 * from it (r + (p - q) may be p) exposes both. */
static int int_exposes(h2s_func *f, LLVMValueRef v, unsigned depth,
		       LLVMValueRef origin)
{
	if (depth > 8)
		return 1;
	for (LLVMUseRef u = LLVMGetFirstUse(v); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef U = LLVMGetUser(u);
		LLVMOpcode op = LLVMGetInstructionOpcode(U);
		unsigned k;
		/* a comparison, or a branch on a bit computed from the
		 * address (the overflow bit of llvm.uadd.with.overflow) */
		if (op == LLVMICmp || op == LLVMSwitch || op == LLVMBr ||
		    is_pointer_difference(U) || is_offset_difference(U))
			continue;
		if (op == LLVMIntToPtr) {
			if (origin)
				continue;
			return 1;
		}
		if (origin) {
			k = use_operand(U, u);
			if (follows_int_use(f, U, k, origin))
				continue;
			if (intrinsic_carries(U, k)) {
				if (int_exposes(f, U, depth + 1, origin))
					return 1;
				continue;
			}
		}
		if (!carries_operands(U) || int_exposes(f, U, depth + 1, origin))
			return 1;
	}
	return 0;
}

/* 1 when the integer v is computed, by arithmetic that keeps its operands'
 * objects (graph.c copies them), from addresses (ptrtoint) and constants
 * alone, with at least one address: its location then holds the objects
 * of every address it is made of, and a pointer made from it points into
 * one of them, as a GEP from them would (the analysis assumes of integer
 * arithmetic what it assumes of GEPs). Not so for a pointer difference,
 * which carries neither object, nor for an integer loaded from memory, a
 * parameter or a call's result: a pointer made from those may point to
 * memory the function does not own. seen: a set of the values visited
 * (phis make cycles). */
static int int_from_addresses(LLVMValueRef v, h2s_map *seen, unsigned *budget,
			      int *address)
{
	unsigned n, first = 0;
	if (LLVMIsAConstantInt(v))
		return 1;
	if (!LLVMIsAInstruction(v) || !*budget)
		return 0;
	if (!map_add(seen, ptrkey(v), 1))
		return 1;
	--*budget;
	if (LLVMIsAPtrToIntInst(v)) {
		*address = 1;
		return 1;
	}
	if (!carries_operands(v))
		return 0;
	/* a select's condition picks; its bits are not the value */
	first = LLVMIsASelectInst(v) ? 1 : 0;
	n = (unsigned)LLVMGetNumOperands(v);
	for (unsigned k = first; k < n; k++)
		if (!int_from_addresses(LLVMGetOperand(v, k), seen, budget,
					address))
			return 0;
	return 1;
}

/* 1 when c is `icmp eq/ne p, null` (either order); *eq: which. */
int null_test(LLVMValueRef c, LLVMValueRef p, int *eq)
{
	LLVMIntPredicate pred;
	LLVMValueRef x, y;
	if (!c || !LLVMIsAICmpInst(c))
		return 0;
	pred = LLVMGetICmpPredicate(c);
	if (pred != LLVMIntEQ && pred != LLVMIntNE)
		return 0;
	x = LLVMGetOperand(c, 0);
	y = LLVMGetOperand(c, 1);
	if (!((x == p && LLVMIsAConstantPointerNull(y)) ||
	      (y == p && LLVMIsAConstantPointerNull(x))))
		return 0;
	*eq = pred == LLVMIntEQ;
	return 1;
}

/* 1 when the value of pointer difference d = p - q matters only where p is
 * not null: every use of d is a select that picks another value when p is
 * null (`q ? q - buf : -1`), or d is computed only where p is not null. A
 * null p then adds nothing the difference can reveal. */
static int nonnull_at_end(h2s_func *f, LLVMValueRef v, LLVMBasicBlockRef b,
			  LLVMValueRef phi);

static int diff_needs_nonnull(h2s_func *f, LLVMValueRef d, LLVMValueRef p)
{
	int all_selects = 1;
	for (LLVMUseRef u = LLVMGetFirstUse(d); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef U = LLVMGetUser(u);
		int eq;
		if (LLVMIsASelectInst(U) &&
		    null_test(LLVMGetOperand(U, 0), p, &eq) &&
		    LLVMGetOperand(U, eq ? 1 : 2) != d &&
		    LLVMGetOperand(U, 0) != d)
			continue;
		all_selects = 0;
		break;
	}
	return all_selects ||
	       nonnull_at_end(f, p, LLVMGetInstructionParent(d), NULL);
}

/* 1 when control reaches the end of block b (an incoming block of phi,
 * or with phi NULL a block that computes something) only after a test
 * found v not null: b is dominated by the non-null side of a branch on
 * `v == null`, taken into a block with that one edge in, or b is the
 * branch's block and the phi's block that side. */
static int nonnull_at_end(h2s_func *f, LLVMValueRef v, LLVMBasicBlockRef b,
			  LLVMValueRef phi)
{
	if (!LLVMIsAInstruction(v) && !LLVMIsAArgument(v))
		return 0;
	for (LLVMUseRef u = LLVMGetFirstUse(v); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef c = LLVMGetUser(u);
		int eq;
		if (!null_test(c, v, &eq))
			continue;
		for (LLVMUseRef cu = LLVMGetFirstUse(c); cu;
		     cu = LLVMGetNextUse(cu)) {
			LLVMValueRef T = LLVMGetUser(cu);
			LLVMBasicBlockRef nn, other, a;
			unsigned ia, inn, ib;
			if (!LLVMIsABranchInst(T) || !LLVMIsConditional(T) ||
			    LLVMGetCondition(T) != c)
				continue;
			a = LLVMGetInstructionParent(T);
			nn = LLVMGetSuccessor(T, eq ? 1 : 0);
			other = LLVMGetSuccessor(T, eq ? 0 : 1);
			if (nn == other)
				continue;
			if (phi && a == b && LLVMGetInstructionParent(phi) == nn)
				return 1;
			if (!f->cfg.idom) {
				cfg_build(&f->cfg, f->fn);
				dom_build(&f->cfg);
			}
			ia = cfg_index(&f->cfg, a);
			inn = cfg_index(&f->cfg, nn);
			ib = cfg_index(&f->cfg, b);
			if (ia == H2S_NONE || inn == H2S_NONE || ib == H2S_NONE ||
			    f->cfg.pred[inn].n != 1 || f->cfg.pred[inn].v[0] != ia)
				continue;
			if (dom_dominates(&f->cfg, inn, ib))
				return 1;
		}
	}
	return 0;
}

/* A phi: a copy of each incoming value, without its null object where
 * the value comes in only after a test found it not null (the loop
 * `while ((p = next(p)))` carries p past its test). */
static void lower_phi(h2s_func *f, LLVMValueRef I)
{
	unsigned n = LLVMCountIncoming(I);
	int ptr = is_pointer(I);
	for (unsigned k = 0; k < n; k++) {
		LLVMValueRef v = LLVMGetIncomingValue(I, k);
		unsigned id = add_edge(f, E_COPY, W_ASSIGN,
				       graph_value_loc(f, v),
				       graph_value_loc(f, I), I);
		if (ptr && id != H2S_NONE &&
		    nonnull_at_end(f, v, LLVMGetIncomingBlock(I, k), I))
			f->edges[id].nonnull = 1;
	}
}

static void add_pdiff_locs(h2s_func *f, unsigned a, unsigned b,
			   LLVMValueRef inst, int a_nonnull, int b_nonnull)
{
	if (f->npdiff == f->pdiffcap) {
		f->pdiffcap = f->pdiffcap ? 2 * f->pdiffcap : 4;
		f->pdiffs = xrealloc(f->pdiffs, f->pdiffcap * sizeof *f->pdiffs);
	}
	f->pdiffs[f->npdiff].a = a;
	f->pdiffs[f->npdiff].b = b;
	f->pdiffs[f->npdiff].inst = inst;
	f->pdiffs[f->npdiff].done = 0;
	f->pdiffs[f->npdiff].a_nonnull = (unsigned char)a_nonnull;
	f->pdiffs[f->npdiff].b_nonnull = (unsigned char)b_nonnull;
	f->npdiff++;
}

static void add_pdiff(h2s_func *f, LLVMValueRef sub)
{
	LLVMValueRef pa = LLVMGetOperand(LLVMGetOperand(sub, 0), 0);
	LLVMValueRef pb = LLVMGetOperand(LLVMGetOperand(sub, 1), 0);
	add_pdiff_locs(f, graph_value_loc(f, pa), graph_value_loc(f, pb), sub,
		       diff_needs_nonnull(f, sub, pa), diff_needs_nonnull(f, sub, pb));
}

static void lower_inst(h2s_func *f, LLVMValueRef I, unsigned *next)
{
	LLVMOpcode op = LLVMGetInstructionOpcode(I);
	unsigned n = (unsigned)LLVMGetNumOperands(I);
	switch (op) {
	case LLVMAlloca: {
		unsigned o = inst_object(f, I, next);
		if (o != H2S_NONE)
			seed(f, graph_value_loc(f, I), o, W_ALLOC, I);
		break;
	}
	case LLVMLoad:
		add_edge(f, E_LOAD, W_LOAD, graph_value_loc(f, LLVMGetOperand(I, 0)),
			 graph_value_loc(f, I), I);
		break;
	case LLVMStore:
		if (!rewrites_same_address(LLVMGetOperand(I, 0),
					   LLVMGetOperand(I, 1), 0))
			add_edge(f, E_STORE, W_STORE,
				 graph_value_loc(f, LLVMGetOperand(I, 0)),
				 graph_value_loc(f, LLVMGetOperand(I, 1)), I);
		break;
	case LLVMAtomicRMW:
	case LLVMAtomicCmpXchg: {
		unsigned addr = graph_value_loc(f, LLVMGetOperand(I, 0));
		add_edge(f, E_LOAD, W_LOAD, addr, graph_value_loc(f, I), I);
		add_edge(f, E_STORE, W_STORE,
			 graph_value_loc(f, LLVMGetOperand(I, n - 1)), addr, I);
		break;
	}
	case LLVMPHI:
		lower_phi(f, I);
		break;
	case LLVMGetElementPtr:
		/* an address computed from a pointer points into its objects
		 * (C gives p + i no other object); the indices' objects
		 * matter only from a null base, `(char *)0 + n`, the integer
		 * idiom for a pointer (an index made of an address exposes
		 * that address where it is made: int_exposes) */
		copy_from(f, I, LLVMGetOperand(I, 0), W_ASSIGN);
		if (is_null_like(LLVMGetOperand(I, 0)))
			copy_operands(f, I, 1);
		break;
	case LLVMBitCast:
	case LLVMAddrSpaceCast:
	case LLVMFreeze:
	case LLVMSelect:
	case LLVMExtractValue:
	case LLVMInsertValue:
	case LLVMExtractElement:
	case LLVMInsertElement:
	case LLVMShuffleVector:
	/* integer arithmetic on loaded pointer bits keeps them; a pointer
	 * difference is an offset (solve.c checks where it goes) */
	case LLVMSub:
		if (!is_pointer_difference(I) && !is_offset_difference(I))
			copy_operands(f, I, 0);
		break;
	case LLVMAdd: case LLVMMul: case LLVMUDiv:
	case LLVMSDiv: case LLVMURem: case LLVMSRem: case LLVMShl:
	case LLVMLShr: case LLVMAShr: case LLVMAnd: case LLVMOr:
	case LLVMXor: case LLVMTrunc: case LLVMZExt: case LLVMSExt:
		copy_operands(f, I, 0);
		break;
	case LLVMIntToPtr: {
		/* a pointer into the objects of the addresses the integer is
		 * made of, or, when it may be made of something else too,
		 * anywhere */
		h2s_map seen = {0};
		unsigned budget = 64;
		int address = 0;
		copy_operands(f, I, 0);
		if (!int_from_addresses(LLVMGetOperand(I, 0), &seen, &budget,
					&address) ||
		    !address)
			seed(f, graph_value_loc(f, I), f->unknown_obj,
			     W_OTHER_INST, I);
		map_free(&seen);
		break;
	}
	case LLVMPtrToInt:
		/* the integer stands for the object: comparing it with one
		 * kept from an earlier loop iteration keeps that one alive */
		copy_operands(f, I, 0);
		if (int_exposes(f, I, 0, LLVMGetOperand(I, 0)))
			to_heap(f, LLVMGetOperand(I, 0), W_PTRTOINT, I);
		for (LLVMUseRef u = LLVMGetFirstUse(I); u; u = LLVMGetNextUse(u))
			if (is_pointer_difference(LLVMGetUser(u)) &&
			    LLVMGetOperand(LLVMGetUser(u), 0) == I &&
			    int_exposes(f, LLVMGetUser(u), 0, NULL))
				add_pdiff(f, LLVMGetUser(u));
		break;
	case LLVMRet:
		if (n && !is_narrow_scalar(f, LLVMGetOperand(I, 0)))
			add_edge(f, E_COPY, W_RETURN,
				 graph_value_loc(f, LLVMGetOperand(I, 0)),
				 f->result, I);
		break;
	case LLVMCall:
	case LLVMInvoke:
		lower_call(f, I, next);
		break;
	case LLVMCallBr:
		lower_unknown_call(f, I, LLVMGetNumArgOperands(I), W_ASM);
		break;
	/* numbers made from pointer bytes can be turned back into them */
	case LLVMFAdd: case LLVMFSub: case LLVMFMul: case LLVMFDiv:
	case LLVMFRem: case LLVMFNeg: case LLVMFPTrunc: case LLVMFPExt:
	case LLVMFPToUI: case LLVMFPToSI: case LLVMUIToFP: case LLVMSIToFP:
		copy_operands(f, I, 0);
		break;
	case LLVMICmp: case LLVMFCmp: case LLVMBr: case LLVMSwitch:
	case LLVMUnreachable: case LLVMFence:
		break;
	case LLVMVAArg:
	case LLVMLandingPad:
	case LLVMCatchPad:
	case LLVMCleanupPad:
	case LLVMCatchSwitch:
		seed(f, graph_value_loc(f, I), f->unknown_obj, W_OTHER_INST, I);
		break;
	default:
		/* Anything not modelled above: its operands escape. */
		for (unsigned k = 0; k < n; k++)
			to_heap(f, LLVMGetOperand(I, k), W_OTHER_INST, I);
		if (LLVMGetTypeKind(LLVMTypeOf(I)) != LLVMVoidTypeKind)
			seed(f, graph_value_loc(f, I), f->unknown_obj,
			     W_OTHER_INST, I);
		break;
	}
}

void graph_build(h2s_func *f)
{
	unsigned i = 0, next = 0;
	for (LLVMValueRef a = LLVMGetFirstParam(f->fn); a;
	     a = LLVMGetNextParam(a), i++) {
		unsigned l = graph_value_loc(f, a);
		if (f->param_obj[i] != H2S_NONE)
			seed(f, l, f->param_obj[i], W_ARG, NULL);
		else
			seed(f, l, f->unknown_obj, W_ARG, NULL);
	}
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->fn); bb;
	     bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef I = LLVMGetFirstInstruction(bb); I;
		     I = LLVMGetNextInstruction(I))
			lower_inst(f, I, &next);
}

void graph_free(h2s_func *f)
{
	arena_free(&f->arena);
	free(f->locs);
	free(f->objs);
	free(f->edges);
	map_free(&f->valloc);
	map_free(&f->edgeset);
	free(f->pout);
	f->pout = NULL;
	f->locs = NULL;
	f->objs = NULL;
	f->edges = NULL;
	f->nloc = f->nobj = f->nedge = 0;
	f->loccap = f->objcap = f->edgecap = 0;
}

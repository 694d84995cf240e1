/*
 * Lowering calls into the location graph (Go's call.go): allocation,
 * free and realloc calls, intrinsics, the library functions libfuncs.c
 * describes (qsort's and bsearch's comparators among them), calls of
 * module functions through their parameter tags, declarations through
 * their attributes, and unknown calls, whose arguments escape.
 */
#include "internal.h"

#include <string.h>

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

int is_intrinsic_named(const char *name, const char *prefix)
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

/* 1 when call I calls an intrinsic of kind k. */
static int calls_intrinsic(LLVMValueRef I, intrinsic_kind k)
{
	LLVMValueRef callee = LLVMGetCalledValue(I);
	return callee && LLVMIsAFunction(callee) &&
	       LLVMGetIntrinsicID(callee) &&
	       classify_intrinsic(I, callee, LLVMGetNumArgOperands(I)) == k;
}

int call_is_inert(LLVMValueRef I)
{
	return calls_intrinsic(I, INTR_INERT);
}

int call_is_memcpy(LLVMValueRef I)
{
	return calls_intrinsic(I, INTR_MEMCPY);
}

/* memcpy(dst, src, n): dst's objects get what src's hold. A struct
 * assignment's copy, whose !tbaa.struct gives every byte a pointer or an
 * arithmetic type, is those typed accesses: its pointer members read
 * ptrs(src) and write pointer-typed, its arithmetic members read raw(src)
 * and write arithmetic-typed (Typed struct copies in docs/design.md).
 * Any other copy is untyped. */
static void lower_memcpy(h2s_func *f, LLVMValueRef I)
{
	unsigned src = graph_value_loc(f, LLVMGetOperand(I, 1));
	unsigned dst = graph_value_loc(f, LLVMGetOperand(I, 0));
	unsigned classes = 0, t;
	uint64_t slots[3];
	if (struct_copy_classes(f, I, &classes, slots)) {
		uint64_t killed = 0;
		map_get(&f->slot_kill, ptrkey(I), &killed);
		for (unsigned c = TBAA_POINTER; c <= TBAA_ARITH; c++) {
			unsigned ld, st;
			if (!(classes & (1u << c)))
				continue;
			t = temp(f);
			ld = add_edge(f, E_LOAD, W_MEMCPY, src, t, I);
			st = add_edge(f, E_STORE, W_MEMCPY, t, dst, I);
			if (ld != H2S_NONE)
				f->g.edges[ld].tbaa = (unsigned char)c;
			if (st == H2S_NONE)
				continue;
			f->g.edges[st].tbaa = (unsigned char)c;
			/* into a slotted local at offset 0: the slots this
			 * class's members lie in, but those killed */
			copy_slots(f, st, LLVMGetOperand(I, 0),
				   slots[c] & ~killed);
		}
		return;
	}
	t = load_into_temp(f, src, W_MEMCPY, I);
	add_edge(f, E_STORE, W_MEMCPY, t, dst, I);
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
		add_edge(f, E_STORE, W_OTHER_INST, f->g.unknownloc,
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
		lower_memcpy(f, I);
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
			seed(f, graph_value_loc(f, I), f->g.unknown_obj,
			     W_OTHER_INST, I);
		return;
	case INTR_OTHER:
		break;
	}
	for (unsigned k = 0; k < nargs; k++)
		to_heap(f, LLVMGetOperand(I, k), W_OTHER_INST, I);
	seed(f, graph_value_loc(f, I), f->g.unknown_obj, W_CALL_RESULT, I);
}

/* 1 when U is an intrinsic call whose result the graph computes from its
 * operand `op` (lower_intrinsic): the integer flows on into it. */
int intrinsic_carries(LLVMValueRef U, unsigned op)
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

/* What an arithmetic-typed load of what lv - 1 derefs of the argument
 * point to reads (a callee's raw object R lv), into a fresh temporary. */
static unsigned raw_load(h2s_func *f, unsigned *chain, unsigned lv,
			 LLVMValueRef I)
{
	unsigned r = temp(f);
	unsigned id = add_edge(f, E_LOAD, W_LOAD, deref(f, chain, lv - 1, I),
			       r, I);
	if (id != H2S_NONE)
		f->g.edges[id].tbaa = TBAA_ARITH;
	return r;
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
 * leaves alone), what content_from derefs of the argument point to
 * leaks, and so does what the raw levels' bytes carry. */
static void lower_deep_tags(h2s_func *f, LLVMValueRef I, unsigned *chain,
			    const h2s_ptag *t)
{
	for (unsigned lv = 1; lv < H2S_MAX_LEVEL; lv++)
		if (t->freed_levels & (1u << lv))
			add_free_at(f, I, deref(f, chain, lv, I), NULL, 0, 1);
	if (t->content_from)
		add_edge(f, E_COPY, W_CALL_LEAK,
			 deref(f, chain, t->content_from, I), f->g.heap, I);
	for (unsigned lv = 1; lv <= H2S_MAX_LEVEL; lv++)
		if (t->raw_levels & (1u << lv))
			/* what the bytes lv - 1 derefs down carry, read as an
			 * arithmetic type (a typed load), leaks */
			add_edge(f, E_COPY, W_CALL_LEAK, raw_load(f, chain, lv, I),
				 f->g.heap, I);
}

/* The stores a callee made into the pointees of the parameters in mask,
 * of what location v holds: the same stores here, through the arguments
 * (into {heap} for a parameter this call does not pass). Those of the
 * parameters in typed were all pointer-typed in the callee, and are so
 * here; the others are untyped. */
static void replay_stores(h2s_func *f, LLVMValueRef I, unsigned v,
			  uint32_t mask, uint32_t typed, unsigned nargs)
{
	for (unsigned i = 0; i < H2S_PARAM_OUTS; i++) {
		unsigned id;
		if (!(mask >> i & 1))
			continue;
		if (i >= nargs) {
			add_edge(f, E_COPY, W_CALL_LEAK, v, f->g.heap, I);
			continue;
		}
		id = add_edge(f, E_STORE, W_STORE, v,
			      graph_value_loc(f, LLVMGetOperand(I, i)), I);
		if (id != H2S_NONE && (typed >> i & 1))
			f->g.edges[id].tbaa = TBAA_POINTER;
	}
}

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
	add_edge(f, E_COPY, W_EXPOSED, al, f->g.exposed, I);
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
					 deref(f, chain, lv, I), f->g.heap, I);
		}
		if (t->diff_with & 3)
			for (unsigned k = 0; k < nargs; k++)
				add_pdiff_locs(f, al, args[k], I, 0, 0);
	}
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
		    !lib_format_prints_no_pointer(LLVMGetOperand(I, k)))
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
			add_edge(f, E_COPY, W_CALL_UNKNOWN, c, f->g.heap, I);
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
			add_edge(f, E_COPY, W_EXPOSED, al, f->g.exposed, I);
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
	seed(f, res, retalias ? f->g.null_obj : f->g.unknown_obj, W_CALL_RESULT, I);
	if (retalias && retother)
		seed(f, res, f->g.unknown_obj, W_CALL_RESULT, I);
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
			add_edge(f, E_COPY, W_CALL_LEAK, al, f->g.heap, I);
		if (t->freed)
			add_free_at(f, I, al, NULL, 0, 1);
		lower_deep_tags(f, I, chain, t);
		if (t->written || t->heap)
			add_edge(f, E_COPY, W_EXPOSED, al, f->g.exposed, I);
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
				add_edge(f, E_COPY, W_PTRTOINT, al, f->g.heap, I);
		}
		/* what the callee stores into another parameter's pointee:
		 * a store through that argument here; of a raw object Rk,
		 * a store of what an arithmetic load of the argument's level
		 * k - 1 reads */
		for (unsigned lv = 1; lv < H2S_MAX_LEVEL; lv++)
			if (t->raw_to_param[lv])
				replay_stores(f, I, raw_load(f, chain, lv, I),
					      t->raw_to_param[lv], 0, nargs);
		for (unsigned lv = 0; lv < H2S_MAX_LEVEL; lv++)
			if (t->to_param[lv])
				replay_stores(f, I, deref(f, chain, lv, I),
					      t->to_param[lv],
					      t->to_param[lv] & ~t->to_param_raw[lv],
					      nargs);
	}
	/* what it returns that is not its parameters' (its own blocks,
	 * globals), or of parameters this call does not pass, is unknown
	 * memory here */
	if (!g->result_known || nargs < g->nparams)
		seed(f, res, f->g.unknown_obj, W_CALL_RESULT, I);
	else if (g->result_null)
		seed(f, res, f->g.null_obj, W_CALL_RESULT, I);
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
			add_edge(f, E_COPY, W_CALL_UNKNOWN, c, f->g.heap, I);
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
		add_edge(f, E_COPY, W_CALL_UNKNOWN, c, f->g.heap, I);
		if (!has_enum_attr(I, callee, k + 1, "readonly") &&
		    !has_enum_attr(I, callee, k + 1, "readnone"))
			add_edge(f, E_COPY, W_EXPOSED, al, f->g.exposed, I);
		if (via_ret)
			add_edge(f, E_COPY, W_CALL_RESULT, al, res, I);
	}
	seed(f, res, f->g.unknown_obj, W_CALL_RESULT, I);
}

void lower_unknown_call(h2s_func *f, LLVMValueRef I, unsigned nargs,
			h2s_why why)
{
	for (unsigned k = 0; k < nargs; k++)
		to_heap(f, LLVMGetOperand(I, k), why, I);
	/* Calling through a pointer does not leak it, but memory that is
	 * executed must stay where it is. */
	add_edge(f, E_COPY, W_OTHER_INST,
		 graph_value_loc(f, LLVMGetCalledValue(I)), f->g.called, I);
	seed(f, graph_value_loc(f, I), f->g.unknown_obj, W_CALL_RESULT, I);
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
	seed(f, q, f->g.unknown_obj, W_CALL_RESULT, I);
	/* the size only sizes the block, as malloc's does: nothing keeps
	 * it or can give it back as an address */
}

void lower_call(h2s_func *f, LLVMValueRef I, unsigned *next)
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
		assert(obj != H2S_NONE && f->g.objs[obj].kind == OBJ_SITE);
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
			/* strndup's bound, like every allocator's size, is
			 * kept nowhere */
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

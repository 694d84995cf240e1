/*
 * The driver behind the core's API (include/heap2stack/heap2stack.h).
 *
 * h2s_analyze() first looks for allocation sites from the uses of the
 * allocators' declarations: a module without one, when no parameter is to
 * be reported, is done before any instruction is visited. Otherwise it
 * numbers the module's functions and scans their calls once, for two
 * graphs:
 *
 *   - the whole call graph (direct calls; an indirect call may reach every
 *     function whose address is taken and whose type is the call's; a
 *     function handed to a library call, like qsort's comparator, is
 *     called from there) tells which functions lie on a cycle:
 *     recursive-budget applies to them. The indirect calls go through one
 *     extra node per function type, so this costs one edge per indirect
 *     call and per address-taken function;
 *   - the summary reads (direct calls, and functions handed to library
 *     calls: the only places call.c reads a callee's parameter tags)
 *     order the analysis. Only the functions holding a site and those
 *     whose tags they read, transitively, are analysed (every function
 *     when the report lists parameters), split into strongly connected
 *     components and analysed callees first. Inside a component the tags
 *     start empty, and a member is analysed again only when the tags of a
 *     member it reads change (tags only grow, so this terminates; past a
 *     cap that grows with the component's size, the members are treated
 *     as unknown functions).
 *
 * Indirect calls read no summary, so leaving them out of the second graph
 * only splits components: as tags only grow, each still ends at the least
 * fixpoint of its members' tags, the tags iterating over the whole call
 * graph's components reached. Then every analysed
 * function holding a site gets its CFG, its verdicts and the words for
 * remarks, and, for the report, every function its parameters' names.
 */
#include "internal.h"

#include <llvm-c/Target.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SCC_ROUNDS 32

void h2s_options_init(h2s_options *o)
{
	memset(o, 0, sizeof *o);
	o->max_size = 4096;
	o->frame_budget = 8192;
	o->recursive_budget = 0;
	o->recursive_stack = 65536;
	o->guard_size = 256;
	o->inline_budget = 256;
	o->hot_inline_budget = 4096;
	o->loops = 1;
	o->loop_slots = 64;
	o->freed_escapes = 1;
	o->verbose = 0;
}

int h2s_options_set(h2s_options *o, const char *key, const char *value,
		    char *err, size_t errlen)
{
	static const struct {
		const char *key;
		size_t off;
		const char *unit;
	} sizes[] = {
		{"max-size", offsetof(h2s_options, max_size), "bytes"},
		{"frame-budget", offsetof(h2s_options, frame_budget), "bytes"},
		{"recursive-budget", offsetof(h2s_options, recursive_budget),
		 "bytes"},
		{"recursive-stack", offsetof(h2s_options, recursive_stack),
		 "bytes"},
		{"guard-size", offsetof(h2s_options, guard_size), "bytes"},
		{"inline-budget", offsetof(h2s_options, inline_budget),
		 "instructions"},
		{"hot-inline-budget", offsetof(h2s_options, hot_inline_budget),
		 "instructions"},
		{"loop-slots", offsetof(h2s_options, loop_slots), "slots"},
	};
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		if (strcmp(key, sizes[i].key))
			continue;
		if (!parse_u64(value, (uint64_t *)((char *)o + sizes[i].off))) {
			snprintf(err, errlen,
				 "invalid value '%s' for parameter '%s': expected "
				 "a number of %s",
				 value ? value : "", key, sizes[i].unit);
			return -1;
		}
		return 0;
	}
	if (!strcmp(key, "profile")) {
		h2s_sizes *t;
		if (!value || !*value) {
			snprintf(err, errlen,
				 "parameter 'profile' needs a file: "
				 "profile=FILE");
			return -1;
		}
		if (h2s_sizes_load(value, &t, err, errlen))
			return -1;
		/* set twice through this API (the pipeline parser refuses
		 * that): the last wins; the first table stays, as copies of
		 * these options may point to it */
		o->profile = t;
		return 0;
	}
	if (!strcmp(key, "loops") || !strcmp(key, "no-loops") ||
	    !strcmp(key, "freed-escapes") || !strcmp(key, "no-freed-escapes") ||
	    !strcmp(key, "verbose")) {
		if (value) {
			snprintf(err, errlen,
				 "parameter '%s' is a flag and takes no value", key);
			return -1;
		}
		if (!strcmp(key, "verbose"))
			o->verbose = 1;
		else if (strstr(key, "loops"))
			o->loops = !strcmp(key, "loops");
		else
			o->freed_escapes = !strcmp(key, "freed-escapes");
		return 0;
	}
	snprintf(err, errlen,
		 "unknown parameter '%s' (known: max-size=N, frame-budget=N, "
		 "recursive-budget=N, recursive-stack=N, guard-size=N, "
		 "inline-budget=N, hot-inline-budget=N, "
		 "loop-slots=N, loops, "
		 "no-loops, freed-escapes, no-freed-escapes, verbose, "
		 "profile=FILE)",
		 key);
	return -1;
}

/* ------------------------------------------------------------ call graph */

static int is_call(LLVMValueRef I)
{
	return LLVMIsACallInst(I) || LLVMIsAInvokeInst(I) || LLVMIsACallBrInst(I);
}

/* A function whose address is used other than as the callee of a call. */
static int address_taken(LLVMValueRef fn)
{
	for (LLVMUseRef u = LLVMGetFirstUse(fn); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef U = LLVMGetUser(u);
		if (!is_call(U) || LLVMGetCalledValue(U) != fn)
			return 1;
		for (unsigned k = 0; k < LLVMGetNumArgOperands(U); k++)
			if (LLVMGetOperand(U, k) == fn)
				return 1;
	}
	return 0;
}

/* The call graph, per function:
 *   reads     the functions whose parameter tags its graph may read:
 *             call.c reads a summary only at a direct call and for a
 *             function handed to a library call (qsort's comparator);
 *             these edges order the analysis
 *   itypes    the types of its indirect calls, each of which may reach
 *             every address-taken function of that type: that matters for
 *             recursion only */
typedef struct callgraph {
	h2s_uvec *reads;
	h2s_uvec *itypes;       /* the function types of its indirect calls
				 * (ids of `types`) */
	unsigned *ftype;        /* an address-taken function's type id, or
				 * H2S_NONE */
	h2s_map types;          /* LLVMTypeRef -> id */
	unsigned ntypes;
	unsigned char *taken;
	unsigned char *frees;   /* it calls a deallocator of the library */
	unsigned char *leaves;  /* with freed-escapes: an instruction of its
				 * own may leave it (exits.c) */
} callgraph;

/* The id of function type t among those of the module's indirect calls
 * and address-taken functions. */
static unsigned type_id(callgraph *cg, LLVMTypeRef t)
{
	uint64_t id;
	if (!map_get(&cg->types, ptrkey(t), &id)) {
		id = cg->ntypes++;
		map_put(&cg->types, ptrkey(t), id);
	}
	return (unsigned)id;
}

static void scan_calls(h2s_result *r, unsigned from, callgraph *cg)
{
	LLVMValueRef fn = r->fns[from].fn;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
	     bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef I = LLVMGetFirstInstruction(bb); I;
		     I = LLVMGetNextInstruction(I)) {
			LLVMOpcode op = LLVMGetInstructionOpcode(I);
			LLVMValueRef c;
			uint64_t to;
			if (r->opt.freed_escapes && !cg->leaves[from] &&
			    inst_may_leave(r, I))
				cg->leaves[from] = 1;
			if (op != LLVMCall && op != LLVMInvoke && op != LLVMCallBr)
				continue;
			c = LLVMGetCalledValue(I);
			if (LLVMIsAInlineAsm(c))
				continue;
			if (!LLVMIsAFunction(c)) {
				uvec_push(&cg->itypes[from],
					  type_id(cg, LLVMGetCalledFunctionType(I)));
				continue;
			}
			if (map_get(&r->fnindex, ptrkey(c), &to)) {
				uvec_push(&cg->reads[from], (unsigned)to);
				continue;
			}
			if (lib_free_call(I))
				cg->frees[from] = 1;
			/* a library call may call back what it is given */
			for (unsigned k = 0; k < LLVMGetNumArgOperands(I); k++) {
				LLVMValueRef a = LLVMGetOperand(I, k);
				if (LLVMIsAFunction(a) &&
				    map_get(&r->fnindex, ptrkey(a), &to))
					uvec_push(&cg->reads[from], (unsigned)to);
			}
		}
}

/* The address space of allocas: the `A<n>` item of the datalayout string
 * (0 when absent). The LLVM-C API has no accessor for it. */
static unsigned alloca_address_space(LLVMModuleRef M)
{
	const char *dl = LLVMGetDataLayoutStr(M);
	for (const char *p = dl; p && *p;) {
		if (*p == 'A' && p[1] >= '0' && p[1] <= '9')
			return (unsigned)strtoul(p + 1, NULL, 10);
		p = strchr(p, '-');
		if (p)
			p++;
	}
	return 0;
}

/* Adjacency lists in one array: nodes 0..n-1 are the functions with their
 * reads (those with need[] set, renumbered by local[], when need is
 * given). With `indirect` (all functions, ids and local NULL), node n + t
 * stands for the address-taken functions of type t: an edge to it from
 * each function that makes an indirect call of that type, and from it to
 * each such function, keep the reachability of an edge from every
 * indirect call to every address-taken function of its type, at the cost
 * of one edge each. (A call through a pointer of another type than the
 * function's is undefined in C, 6.3.2.3p8.) */
static h2s_uvec *adjacency(const callgraph *cg, unsigned n, int indirect,
			   const unsigned *ids, const unsigned *local)
{
	unsigned nt = indirect ? cg->ntypes : 0;
	h2s_uvec *adj = xcalloc(n + nt + 1, sizeof *adj);
	size_t total = 0, off = 0;
	unsigned *buf;
	for (unsigned i = 0; i < n; i++) {
		unsigned f = ids ? ids[i] : i;
		/* with indirect: its calls' type nodes, and its own entry
		 * in its type's list */
		total += cg->reads[f].n +
			 (indirect ? cg->itypes[f].n + 1u : 0);
	}
	buf = xcalloc(total ? total : 1, sizeof *buf);
	for (unsigned i = 0; i < n; i++) {
		unsigned f = ids ? ids[i] : i;
		adj[i].v = buf + off;
		for (unsigned k = 0; k < cg->reads[f].n; k++)
			buf[off++] = local ? local[cg->reads[f].v[k]]
					   : cg->reads[f].v[k];
		for (unsigned k = 0; indirect && k < cg->itypes[f].n; k++)
			buf[off++] = n + cg->itypes[f].v[k];
		adj[i].n = (unsigned)(buf + off - adj[i].v);
	}
	/* the type nodes' lists, filled by a counting pass over the
	 * functions (one pass, not one per type) */
	for (unsigned i = 0; nt && i < n; i++)
		if (cg->ftype[i] != H2S_NONE)
			adj[n + cg->ftype[i]].n++;
	for (unsigned t = 0; t < nt; t++) {
		adj[n + t].v = buf + off;
		off += adj[n + t].n;
		adj[n + t].n = 0;
	}
	for (unsigned i = 0; nt && i < n; i++)
		if (cg->ftype[i] != H2S_NONE) {
			h2s_uvec *l = &adj[n + cg->ftype[i]];
			l->v[l->n++] = i;
		}
	adj[n + nt].v = buf + off;
	return adj;
}

static void adjacency_free(h2s_uvec *adj)
{
	free(adj[0].v);
	free(adj);
}

/* Marks the functions on a cycle of the whole call graph, through indirect
 * calls too: recursive-budget applies to them. A component of more than
 * one node (functions and type nodes) holds a cycle. */
static void mark_recursive(h2s_result *r, const callgraph *cg)
{
	unsigned n = r->nfn, ncomp, nodes = n + cg->ntypes;
	h2s_uvec *adj = adjacency(cg, n, 1, NULL, NULL);
	unsigned *comp = xcalloc(nodes + 1, sizeof *comp), *size;
	ncomp = scc_compute(nodes, adj, comp);
	size = xcalloc(ncomp ? ncomp : 1, sizeof *size);
	for (unsigned i = 0; i < nodes; i++)
		size[comp[i]]++;
	for (unsigned i = 0; i < n; i++) {
		h2s_func *f = &r->fns[i];
		f->scc = comp[i];
		f->recursive = size[comp[i]] > 1;
		for (unsigned k = 0; k < cg->reads[i].n; k++)
			if (cg->reads[i].v[k] == i)
				f->recursive = 1;
	}
	free(size);
	free(comp);
	adjacency_free(adj);
}

/* 1 when the module calls a function of one of the lists, or takes its
 * address. */
static int module_uses(LLVMModuleRef M, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		LLVMValueRef fn = LLVMGetNamedFunction(M, names[i]);
		if (fn && LLVMGetFirstUse(fn))
			return 1;
	}
	return 0;
}

/* Blocks freed before their function returns are demoted on the
 * assumption that nothing leaves a function between two of its
 * instructions (docs/design.md). A module that cancels threads, or that
 * both installs signal handlers and jumps with longjmp, may do just that
 * (a cancelled thread unwinds at the next cancellation point; a handler
 * may longjmp out of whatever it interrupted): there the rule is off. */
static int module_allows_freed_escapes(LLVMModuleRef M)
{
	static const char *const cancel[] = {"pthread_cancel"};
	static const char *const jumps[] = {"longjmp", "_longjmp", "siglongjmp",
					    "__longjmp_chk"};
	static const char *const handlers[] = {"signal", "sigaction",
					       "sysv_signal", "bsd_signal",
					       "__sysv_signal", "sigset"};
	return !module_uses(M, cancel, 1) &&
	       !(module_uses(M, jumps, sizeof jumps / sizeof *jumps) &&
		 module_uses(M, handlers, sizeof handlers / sizeof *handlers));
}

/* Sets each function's `leaves` (exits.c): from its own instructions
 * (scan_calls), then up the call graph to the callers of a function that
 * leaves (a function handed to a library call counts as called: qsort
 * calls the comparator). */
static void mark_leaving(h2s_result *r, const callgraph *cg)
{
	unsigned n = r->nfn;
	h2s_uvec *callers = xcalloc(n ? n : 1, sizeof *callers);
	h2s_uvec work = {0};
	for (unsigned i = 0; i < n; i++)
		for (unsigned k = 0; k < cg->reads[i].n; k++)
			uvec_push(&callers[cg->reads[i].v[k]], i);
	for (unsigned i = 0; i < n; i++)
		if (cg->leaves[i]) {
			r->fns[i].leaves = 1;
			uvec_push(&work, i);
		}
	while (work.n) {
		unsigned j = work.v[--work.n];
		for (unsigned k = 0; k < callers[j].n; k++) {
			unsigned c = callers[j].v[k];
			if (!r->fns[c].leaves) {
				r->fns[c].leaves = 1;
				uvec_push(&work, c);
			}
		}
	}
	for (unsigned i = 0; i < n; i++)
		uvec_free(&callers[i]);
	free(callers);
	uvec_free(&work);
}

/* 1 when function i may free what an allocating helper returns: it calls
 * a module function holding an allocation site that returns a pointer,
 * and it calls a deallocator or a module function that does. Such a
 * function is analysed though it holds no site, so that
 * inline_allocators may inline the helper into it. */
static int may_free_helper_result(const h2s_result *r, const callgraph *cg,
				  const unsigned char *has_site, unsigned i)
{
	int helper = 0, frees = cg->frees[i];
	for (unsigned k = 0; k < cg->reads[i].n; k++) {
		unsigned j = cg->reads[i].v[k];
		LLVMTypeRef t = LLVMGlobalGetValueType(r->fns[j].fn);
		frees |= cg->frees[j];
		helper |= has_site[j] && j != i &&
			  LLVMGetTypeKind(LLVMGetReturnType(t)) ==
				  LLVMPointerTypeKind;
	}
	return helper && frees;
}

typedef struct site_count {
	h2s_result *r;
	unsigned n;
	unsigned char *has_site;
} site_count;

static void count_site(void *ctx, LLVMValueRef call, const h2s_allocfn *a)
{
	site_count *c = ctx;
	uint64_t i;
	(void)a;
	c->n++;
	if (c->has_site &&
	    map_get(&c->r->fnindex,
		    ptrkey(LLVMGetBasicBlockParent(
			    LLVMGetInstructionParent(call))),
		    &i))
		c->has_site[i] = 1;
}

/* The allocation calls (lib_each_alloc_call): returns their number; with
 * has_site, marks the functions holding them. */
static unsigned find_sites(h2s_result *r, unsigned char *has_site)
{
	site_count c = {r, 0, has_site};
	lib_each_alloc_call(r->mod, count_site, &c);
	return c.n;
}

/* ------------------------------------------------------------ analysis */

static void reset_func(h2s_func *f)
{
	graph_free(f);
	cfg_free(&f->cfg);
	transform_plan_free(f);
	free(f->found.sites);
	free(f->frees);
	free(f->pdiffs);
	free(f->param_obj);
	f->found.sites = NULL;
	f->frees = NULL;
	f->pdiffs = NULL;
	f->npdiff = f->pdiffcap = 0;
	f->param_obj = NULL;
	f->found.nsite = f->found.sitecap = f->nfree = f->freecap = 0;
	f->calls_setjmp = f->has_musttail = 0;
}

static void analyze_func(h2s_func *f)
{
	reset_func(f);
	graph_init(f);
	graph_build(f);
	solve(f);
	/* Slots of a local: the bytes of typed copies that no path reads
	 * before overwriting them, found on this solution, are left out of
	 * a second one (whose points-to sets are only smaller) */
	if (slot_kills(f)) {
		reset_func(f);
		graph_init(f);
		graph_build(f);
		solve(f);
	}
	map_free(&f->slot_kill);
	summarize(f);
}

/* 1 when g hands its parameter k on (the argument itself, through GEPs
 * and casts) to a call that may come back round g's call-graph cycle: a
 * direct call of a function of g's component, or an indirect call. To
 * inline such a g only moves the block one step round the cycle (a
 * recursive release(p, n - 1)), so it is not done; a g that frees the
 * block itself and recurses on what it points to (a tree's destructor)
 * is inlined. */
static int forwards_on_cycle(const h2s_result *r, const h2s_func *g,
			     unsigned k)
{
	LLVMValueRef p = LLVMGetParam(g->fn, k);
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(g->fn); bb;
	     bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef I = LLVMGetFirstInstruction(bb); I;
		     I = LLVMGetNextInstruction(I)) {
			LLVMValueRef c;
			uint64_t idx;
			if (!is_call(I))
				continue;
			c = LLVMGetCalledValue(I);
			if (c && LLVMIsAFunction(c) &&
			    (!map_get(&r->fnindex, ptrkey(c), &idx) ||
			     r->fns[idx].scc != g->scc))
				continue;
			for (unsigned a = 0; a < LLVMGetNumArgOperands(I); a++)
				if (address_root(LLVMGetOperand(I, a)) == p)
					return 1;
		}
	return 0;
}

/* 1 when the value v may point to an object of `reaching` (obj and the
 * objects whose contents, any number of derefs down, may point to it:
 * objs_reaching); reaching NULL: any value may. */
static int value_reaches(const h2s_func *f, LLVMValueRef v,
			 const uint64_t *reaching)
{
	uint64_t l;
	if (!reaching)
		return 1;
	return map_get(&f->g.valloc, ptrkey(v), &l) &&
	       loc_meets(f, (unsigned)l, reaching);
}

/* Why call (of a function that frees a block of f) cannot be inlined
 * into f now, with f's growth limited to budget instructions, or
 * NI_NONE; *size: the callee's instructions, once counted. */
static h2s_noinline inline_blocker(h2s_func *f, LLVMValueRef call,
				   unsigned obj, unsigned round,
				   uint64_t budget, unsigned *size)
{
	const h2s_result *r = f->mod;
	h2s_func *g = callee_func(f->mod, call);
	if (!r->opt.inline_budget || !r->hooks.inline_call)
		return NI_OFF;
	if (round >= H2S_INLINE_ROUNDS)
		return NI_ROUNDS;
	if (!g)
		return NI_LIBRARY;
	if (g == f)
		return NI_RECURSIVE;
	/* the arguments that may carry the block (obj; H2S_NONE: any) */
	if (g->recursive) {
		uint64_t *reaching = NULL;
		int forwards = 0;
		if (obj != H2S_NONE) {
			reaching = xcalloc(f->g.words, sizeof *reaching);
			bit_set(reaching, obj);
			objs_reaching(f, reaching);
		}
		for (unsigned k = 0; !forwards &&
		     k < LLVMGetNumArgOperands(call) && k < g->nparams; k++)
			forwards = g->pptr[k] &&
				   value_reaches(f, LLVMGetOperand(call, k),
						 reaching) &&
				   forwards_on_cycle(r, g, k);
		free(reaching);
		if (forwards)
			return NI_RECURSIVE;
	}
	if (g->optnone || fn_has_attr(g->fn, "noinline") ||
	    call_has_fn_attr(call, "noinline"))
		return NI_NOINLINE;
	*size = fn_num_insts(g->fn);
	if (f->inline_used > budget || *size > budget - f->inline_used)
		return NI_BUDGET;
	return NI_NONE;
}

static void note_inlined(h2s_func *f, LLVMValueRef site, LLVMValueRef callee,
			 int allocates)
{
	f->inl = xrealloc(f->inl, (f->ninl + 1) * sizeof *f->inl);
	f->inl[f->ninl].site = site;
	f->inl[f->ninl].callee = xstrdup(fn_name(callee));
	f->inl[f->ninl].allocates = allocates;
	f->ninl++;
}

/* Every call instruction of fn, into m. */
static void calls_of(LLVMValueRef fn, h2s_map *m)
{
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
	     bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef I = LLVMGetFirstInstruction(bb); I;
		     I = LLVMGetNextInstruction(I))
			if (is_call(I))
				map_put(m, ptrkey(I), 1);
}

/* 1 when call c is itself a deallocation, or a call of a function that
 * frees something of f's, which this round of inlining reads after
 * inline_allocators (inline_callee_frees inlines the one that frees a
 * site). */
static int frees_something(const h2s_func *f, LLVMValueRef c)
{
	for (unsigned r = 0; r < f->nfree; r++)
		if (f->frees[r].call == c)
			return 1;
	return 0;
}

/* Inlines, within inline-budget, the calls of allocating helpers whose
 * result f frees: a call c of a module function that returns a block it
 * allocates (allocates_result), whose value is itself the argument of a
 * deallocation, or of a call of a module function that frees it. The
 * helper's allocation becomes f's own, decided by f's rules when f is
 * analysed again (docs/design.md, Allocating helpers). The allocation
 * calls the inlining brings in are noted for the report. Returns the
 * number inlined. */
static unsigned inline_allocators(h2s_func *f, unsigned round)
{
	unsigned n = 0;
	for (unsigned r = 0; r < f->nfree; r++) {
		LLVMValueRef fc = f->frees[r].call;
		unsigned nargs = f->frees[r].callee ? LLVMGetNumArgOperands(fc) : 1;
		if (f->frees[r].grow)
			continue;
		for (unsigned k = 0; k < nargs; k++) {
			LLVMValueRef c = LLVMGetOperand(fc, k), callee;
			h2s_func *g;
			h2s_map before = {0};
			unsigned size = 0;
			if (!LLVMIsACallInst(c) || !(g = callee_func(f->mod, c)) ||
			    !g->allocates_result || frees_something(f, c) ||
			    inline_blocker(f, c, H2S_NONE, round,
					   f->mod->opt.inline_budget,
					   &size) != NI_NONE)
				continue;
			callee = LLVMGetCalledValue(c);
			calls_of(f->fn, &before);
			if (!f->mod->hooks.inline_call(f->mod->hooks.ctx, c)) {
				map_free(&before);
				continue;
			}
			f->inline_used += size;
			n++;
			for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->fn);
			     bb; bb = LLVMGetNextBasicBlock(bb))
				for (LLVMValueRef I = LLVMGetFirstInstruction(bb);
				     I; I = LLVMGetNextInstruction(I)) {
					uint64_t one;
					if (is_call(I) &&
					    !map_get(&before, ptrkey(I), &one) &&
					    lib_alloc_call(I))
						note_inlined(f, I, callee, 1);
				}
			map_free(&before);
		}
	}
	f->mod->inlined += n;
	if (n)
		f->changed = 1;
	return n;
}

/* Inlines the calls that keep sites of f on the heap because the callee
 * frees their blocks (reason R_CALLEE_FREE), within inline-budget; sets
 * each other such site's not_inlined. Returns the number inlined. */
static unsigned inline_callee_frees(h2s_func *f, unsigned round)
{
	/* the calls inlined in this round (no longer valid to look into)
	 * and their callees */
	LLVMValueRef *done = xcalloc(2 * (size_t)f->found.nsite, sizeof *done);
	unsigned ndone = 0;
	for (unsigned i = 0; i < f->found.nsite; i++) {
		h2s_site *s = &f->found.sites[i];
		LLVMValueRef call = s->where, callee;
		unsigned k, size = 0;
		if (s->reason != R_CALLEE_FREE)
			continue;
		for (k = 0; k < ndone && done[2 * k] != call; k++)
			;
		if (k < ndone) {
			/* the same call, inlined for an earlier site */
			note_inlined(f, s->call, done[2 * k + 1], 0);
			continue;
		}
		/* a site the profile counts as hot: hot-inline-budget */
		s->hot = profile_hot(f, s);
		s->not_inlined = inline_blocker(
			f, call, s->obj, round,
			site_inline_budget(&f->mod->opt, s), &size);
		if (s->not_inlined != NI_NONE)
			continue;
		callee = LLVMGetCalledValue(call);
		if (!f->mod->hooks.inline_call(f->mod->hooks.ctx, call)) {
			s->not_inlined = NI_REFUSED;
			continue;
		}
		f->inline_used += size;
		done[2 * ndone] = call;
		done[2 * ndone + 1] = callee;
		ndone++;
		note_inlined(f, s->call, callee, 0);
	}
	free(done);
	f->mod->inlined += ndone;
	if (ndone)
		f->changed = 1;
	return ndone;
}

/* The names of the functions inlined for site s that free it (or, with
 * `allocates`, that allocated it), each once, in the order they were,
 * ", "-joined; NULL when none was. */
static char *inlined_for(const h2s_func *f, const h2s_site *s, int allocates)
{
	h2s_str b = {0};
	for (unsigned j = 0; j < f->ninl; j++) {
		unsigned k;
		if (f->inl[j].site != s->call ||
		    f->inl[j].allocates != allocates)
			continue;
		for (k = 0; k < j; k++)
			if (f->inl[k].site == s->call &&
			    f->inl[k].allocates == allocates &&
			    !strcmp(f->inl[k].callee, f->inl[j].callee))
				break;
		if (k == j)
			str_printf(&b, "%s%s", b.s ? ", " : "", f->inl[j].callee);
	}
	return b.s;
}

/* The verdicts of a function whose analysis is final (its component is
 * done), the words for its report, and what the transform will need.
 * Where a callee that frees a block is all that keeps it on the heap, the
 * call is inlined and the function analysed again (docs/design.md,
 * Callees that free). Callers read only its tags: unless the report needs
 * it, the graph goes now and the next one reuses its memory (keeping
 * every graph to the end made most of the pass's page faults). */
static void finish_func(h2s_func *f)
{
	for (unsigned round = 0;; round++) {
		unsigned n;
		if (f->found.nsite) {
			/* the graph may have made the dominator tree
			 * already */
			if (!f->cfg.idom) {
				cfg_build(&f->cfg, f->fn);
				dom_build(&f->cfg);
			}
			loops_build(&f->cfg);
			decide(f);
		}
		/* allocating helpers first: inline_callee_frees deletes
		 * calls that inline_allocators leaves (frees_something) */
		n = inline_allocators(f, round);
		n += inline_callee_frees(f, round);
		if (!n)
			break;
		analyze_func(f); /* (reset_func frees the old CFG) */
	}
	if (f->found.nsite) {
		for (unsigned k = 0; k < f->found.nsite; k++) {
			f->found.sites[k].inlined = inlined_for(f, &f->found.sites[k], 0);
			f->found.sites[k].inlined_alloc =
				inlined_for(f, &f->found.sites[k], 1);
			site_describe(f, &f->found.sites[k]);
		}
		transform_plan(f);
	}
	if (f->mod->opt.report_params) {
		func_describe(f);
		return;
	}
	graph_free(f);
	cfg_free(&f->cfg);
}

static int tags_equal(const h2s_ptag *a, const h2s_ptag *b, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (a[i].heap != b[i].heap ||
		    a[i].content_from != b[i].content_from ||
		    a[i].raw_levels != b[i].raw_levels ||
		    a[i].freed != b[i].freed || a[i].written != b[i].written ||
		    a[i].freed_levels != b[i].freed_levels ||
		    a[i].diff_with != b[i].diff_with ||
		    a[i].result_levels != b[i].result_levels ||
		    memcmp(a[i].to_param, b[i].to_param, sizeof a[i].to_param) ||
		    memcmp(a[i].to_param_raw, b[i].to_param_raw,
			   sizeof a[i].to_param_raw) ||
		    memcmp(a[i].raw_to_param, b[i].raw_to_param,
			   sizeof a[i].raw_to_param))
			return 0;
	return 1;
}

/* Analyses one strongly connected component of the summary reads to its
 * fixpoint. The members' tags start empty (nothing leaks); a member is
 * analysed again whenever the tags of a member it reads change, so its
 * last analysis saw the final tags of all. Tags only grow, so this ends;
 * past a cap that grows with the component's size the members are
 * treated as unknown functions instead. pos is a scratch array of one
 * zero per function, left zeroed. */
static void analyze_component(h2s_result *r, const callgraph *cg,
			      const unsigned *mem, unsigned k, unsigned *pos)
{
	h2s_uvec *readers = xcalloc(k, sizeof *readers);
	unsigned *queue = xcalloc(k, sizeof *queue);
	unsigned char *queued = xcalloc(k, 1);
	unsigned head = 0, count = 0, maxp = 1;
	uint64_t analyses = 0;
	uint64_t cap = (uint64_t)k * (MAX_SCC_ROUNDS + 4 * (uint64_t)k);
	h2s_ptag *old;
	unsigned char old_known, old_null;

	for (unsigned j = 0; j < k; j++) {
		h2s_func *f = &r->fns[mem[j]];
		pos[mem[j]] = j + 1;
		/* optimistic start: no member leaks anything */
		f->ptags = xcalloc(f->nparams ? f->nparams : 1, sizeof *f->ptags);
		for (unsigned i = 0; i < f->nparams; i++)
			f->ptags[i].result_level = -1;
		f->result_known = 1;
		f->result_null = 0;
		if (f->nparams > maxp)
			maxp = f->nparams;
	}
	for (unsigned j = 0; j < k; j++) {
		const h2s_uvec *rd = &cg->reads[mem[j]];
		for (unsigned i = 0; i < rd->n; i++)
			if (pos[rd->v[i]])
				uvec_push(&readers[pos[rd->v[i]] - 1], j);
		queue[count++] = j;
		queued[j] = 1;
	}
	old = xcalloc(maxp, sizeof *old);
	while (count) {
		unsigned j = queue[head];
		h2s_func *f = &r->fns[mem[j]];
		head = (head + 1) % k;
		count--;
		queued[j] = 0;
		if (++analyses > cap) {
			/* Give up precision, never soundness: every member
			 * becomes unknown to its callers first, then each is
			 * analysed again against that. */
			for (unsigned i = 0; i < k; i++)
				r->fns[mem[i]].interposable = 1;
			for (unsigned i = 0; i < k; i++)
				analyze_func(&r->fns[mem[i]]);
			break;
		}
		memcpy(old, f->ptags, (f->nparams ? f->nparams : 1) * sizeof *old);
		old_known = f->result_known;
		old_null = f->result_null;
		analyze_func(f);
		if (tags_equal(old, f->ptags, f->nparams) &&
		    old_known == f->result_known && old_null == f->result_null)
			continue;
		for (unsigned i = 0; i < readers[j].n; i++) {
			unsigned q = readers[j].v[i];
			if (queued[q])
				continue;
			queued[q] = 1;
			queue[(head + count++) % k] = q;
		}
	}
	for (unsigned j = 0; j < k; j++) {
		pos[mem[j]] = 0;
		uvec_free(&readers[j]);
	}
	free(old);
	free(readers);
	free(queue);
	free(queued);
}

/* Analyses the functions with need[] set, callees first: the strongly
 * connected components of the summary reads among them, in an order where
 * every component comes after those it reads. */
static void analyze_needed(h2s_result *r, const callgraph *cg,
			   const unsigned char *need)
{
	unsigned n = r->nfn, m = 0, ncomp;
	unsigned *ids = xcalloc(n ? n : 1, sizeof *ids);
	unsigned *local = xcalloc(n ? n : 1, sizeof *local);
	unsigned *comp, *start, *mem;
	h2s_uvec *adj;

	for (unsigned i = 0; i < n; i++)
		if (need[i]) {
			local[i] = m;
			ids[m++] = i;
		}
	adj = adjacency(cg, m, 0, ids, local);
	comp = xcalloc(m ? m : 1, sizeof *comp);
	ncomp = scc_compute(m, adj, comp);
	/* members of each component, in function order */
	start = xcalloc(ncomp + 1, sizeof *start);
	mem = xcalloc(m ? m : 1, sizeof *mem);
	for (unsigned i = 0; i < m; i++)
		start[comp[i] + 1]++;
	for (unsigned c = 0; c < ncomp; c++)
		start[c + 1] += start[c];
	for (unsigned i = 0; i < m; i++)
		mem[start[comp[i]]++] = ids[i];
	for (unsigned c = ncomp; c > 0; c--)
		start[c] = start[c - 1];
	start[0] = 0;
	memset(local, 0, n * sizeof *local); /* now analyze_component's pos */
	for (unsigned c = 0; c < ncomp; c++) {
		analyze_component(r, cg, mem + start[c], start[c + 1] - start[c],
				  local);
		for (unsigned i = start[c]; i < start[c + 1]; i++)
			finish_func(&r->fns[mem[i]]);
	}
	free(mem);
	free(start);
	free(comp);
	adjacency_free(adj);
	free(local);
	free(ids);
}

static void init_func(h2s_result *r, h2s_func *f, LLVMValueRef fn)
{
	f->fn = fn;
	f->mod = r;
	f->nparams = LLVMCountParams(fn);
	f->pptr = xcalloc(f->nparams ? f->nparams : 1, 1);
	f->sret_param = H2S_NONE;
	for (unsigned i = 0; i < f->nparams; i++) {
		LLVMValueRef a = LLVMGetParam(fn, i);
		f->pptr[i] = LLVMGetTypeKind(LLVMTypeOf(a)) == LLVMPointerTypeKind;
		if (f->pptr[i] &&
		    LLVMGetEnumAttributeAtIndex(
			    fn, i + 1, LLVMGetEnumAttributeKindForName("sret", 4)))
			f->sret_param = i;
	}
	f->optnone = fn_has_attr(fn, "optnone");
	/* a coroutine before CoroSplit: its frame is not the function's */
	f->coroutine = fn_has_attr(fn, "presplitcoroutine");
	f->interposable = fn_replaceable(fn);
}

h2s_result *h2s_analyze(LLVMModuleRef M, const h2s_options *o,
			const h2s_hooks *hooks)
{
	h2s_result *r = xcalloc(1, sizeof *r);
	callgraph cg;
	unsigned char *has_site, *need;
	h2s_uvec work = {0};
	LLVMTargetDataRef td = LLVMGetModuleDataLayout(M);

	r->mod = M;
	r->opt = *o;
	if (hooks)
		r->hooks = *hooks;
	r->alloca_as = alloca_address_space(M);
	r->td = td;
	r->declared_c = hooks && hooks->module_is_c &&
			hooks->module_is_c(hooks->ctx, M);
	r->ptr_bytes = td ? LLVMPointerSize(td) : 8;
	if (!r->ptr_bytes)
		r->ptr_bytes = 8;
	r->tbaa_kind = LLVMGetMDKindIDInContext(LLVMGetModuleContext(M), "tbaa", 4);
	r->tbaa_struct_kind = LLVMGetMDKindIDInContext(LLVMGetModuleContext(M),
						       "tbaa.struct", 11);
	/* what LLVM deleted before heap2stack ran (the analysis's inlining
	 * keeps the positions of the calls it copies) */
	r->ndeleted = snapshot_deleted(M, &r->deleted);
	/* nothing to decide and no parameter to report: done */
	if (!o->report_params && !find_sites(r, NULL))
		return r;

	for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn;
	     fn = LLVMGetNextFunction(fn))
		if (!LLVMIsDeclaration(fn))
			r->nfn++;
	r->fns = xcalloc(r->nfn ? r->nfn : 1, sizeof *r->fns);
	r->nfn = 0;
	for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn;
	     fn = LLVMGetNextFunction(fn))
		if (!LLVMIsDeclaration(fn)) {
			map_put(&r->fnindex, ptrkey(fn), r->nfn);
			r->fns[r->nfn].mod = r;
			r->fns[r->nfn++].fn = fn;
		}

	memset(&cg, 0, sizeof cg);
	cg.reads = xcalloc(r->nfn ? r->nfn : 1, sizeof *cg.reads);
	cg.itypes = xcalloc(r->nfn ? r->nfn : 1, sizeof *cg.itypes);
	cg.ftype = xcalloc(r->nfn ? r->nfn : 1, sizeof *cg.ftype);
	cg.taken = xcalloc(r->nfn ? r->nfn : 1, 1);
	cg.frees = xcalloc(r->nfn ? r->nfn : 1, 1);
	cg.leaves = xcalloc(r->nfn ? r->nfn : 1, 1);
	if (r->opt.freed_escapes && !module_allows_freed_escapes(M))
		r->opt.freed_escapes = 0;
	for (unsigned i = 0; i < r->nfn; i++) {
		cg.taken[i] = (unsigned char)address_taken(r->fns[i].fn);
		cg.ftype[i] = cg.taken[i] ? type_id(&cg, LLVMGlobalGetValueType(
						    r->fns[i].fn))
					  : H2S_NONE;
		scan_calls(r, i, &cg);
	}
	mark_recursive(r, &cg);
	if (r->opt.freed_escapes)
		mark_leaving(r, &cg);

	/* what to analyse: everything for the report, otherwise the
	 * functions holding a site and all whose summaries they read */
	has_site = xcalloc(r->nfn ? r->nfn : 1, 1);
	need = xcalloc(r->nfn ? r->nfn : 1, 1);
	find_sites(r, has_site);
	for (unsigned i = 0; i < r->nfn; i++)
		if (o->report_params || has_site[i] ||
		    (o->inline_budget && r->hooks.inline_call &&
		     may_free_helper_result(r, &cg, has_site, i))) {
			need[i] = 1;
			uvec_push(&work, i);
		}
	while (work.n) {
		unsigned i = work.v[--work.n];
		for (unsigned k = 0; k < cg.reads[i].n; k++)
			if (!need[cg.reads[i].v[k]]) {
				need[cg.reads[i].v[k]] = 1;
				uvec_push(&work, cg.reads[i].v[k]);
			}
	}
	for (unsigned i = 0; i < r->nfn; i++)
		if (need[i])
			init_func(r, &r->fns[i], r->fns[i].fn);
	analyze_needed(r, &cg, need);

	for (unsigned i = 0; i < r->nfn; i++) {
		uvec_free(&cg.reads[i]);
		uvec_free(&cg.itypes[i]);
	}
	free(cg.reads);
	free(cg.itypes);
	free(cg.ftype);
	map_free(&cg.types);
	free(cg.taken);
	free(cg.frees);
	free(cg.leaves);
	free(has_site);
	free(need);
	uvec_free(&work);
	return r;
}

unsigned h2s_transform(h2s_result *r)
{
	unsigned n = 0;
	for (unsigned i = 0; i < r->nfn; i++)
		n += transform_func(&r->fns[i]);
	r->transformed = 1;
	return n;
}

unsigned h2s_num_functions(const h2s_result *r) { return r->nfn; }

unsigned h2s_num_inlined(const h2s_result *r) { return r->inlined; }

LLVMValueRef h2s_function(const h2s_result *r, unsigned i)
{
	return i < r->nfn ? r->fns[i].fn : NULL;
}

int h2s_function_changed(const h2s_result *r, unsigned i)
{
	return i < r->nfn && r->fns[i].changed;
}

void h2s_result_free(h2s_result *r)
{
	if (!r)
		return;
	for (unsigned i = 0; i < r->nfn; i++) {
		h2s_func *f = &r->fns[i];
		for (unsigned k = 0; k < f->found.naddr; k++) {
			free(f->found.addrs[k].name);
			free(f->found.addrs[k].detail);
		}
		free(f->found.addrs);
		for (unsigned k = 0; k < f->found.nsite; k++) {
			free(f->found.sites[k].file);
			free(f->found.sites[k].ifile);
			free(f->found.sites[k].text);
			free(f->found.sites[k].detail);
			free(f->found.sites[k].inlined);
			free(f->found.sites[k].inlined_alloc);
		}
		for (unsigned k = 0; k < f->ninl; k++)
			free(f->inl[k].callee);
		free(f->inl);
		for (unsigned k = 0; k < f->nparams && f->found.pnames; k++)
			free(f->found.pnames[k]);
		free(f->found.pnames);
		free(f->found.pline);
		free(f->found.file);
		free(f->ptags);
		free(f->pptr);
		reset_func(f);
		cfg_free(&f->cfg);
	}
	free(r->fns);
	map_free(&r->fnindex);
	snapshot_deleted_free(r->deleted, r->ndeleted);
	free(r);
}

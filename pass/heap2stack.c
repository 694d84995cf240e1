/*
 * The driver behind the public API (include/heap2stack/heap2stack.h).
 *
 * h2s_analyze() numbers the module's functions, builds the call graph
 * (direct calls; an indirect call may reach every function whose address is
 * taken; a function handed to a library call, like qsort's comparator, is
 * called from there), splits it into strongly connected components and
 * analyses them callees first. Inside a component the functions' parameter
 * tags start empty and are recomputed until none changes (tags only grow,
 * so this terminates; past a cap that grows with the component's size,
 * the members are treated as unknown functions).
 * Then every function gets its verdicts and the words for its report.
 */
#include "internal.h"

#include <errno.h>
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
	o->loops = 1;
	o->verbose = 0;
}

static int parse_bytes(const char *v, uint64_t *out)
{
	char *end;
	unsigned long long n;
	if (!v || !*v || *v < '0' || *v > '9')
		return -1;
	errno = 0;
	n = strtoull(v, &end, 10);
	if (errno || *end)
		return -1;
	*out = n;
	return 0;
}

int h2s_options_set(h2s_options *o, const char *key, const char *value,
		    char *err, size_t errlen)
{
	static const struct {
		const char *key;
		size_t off;
	} sizes[] = {
		{"max-size", offsetof(h2s_options, max_size)},
		{"frame-budget", offsetof(h2s_options, frame_budget)},
		{"recursive-budget", offsetof(h2s_options, recursive_budget)},
	};
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		if (strcmp(key, sizes[i].key))
			continue;
		if (parse_bytes(value, (uint64_t *)((char *)o + sizes[i].off))) {
			snprintf(err, errlen,
				 "invalid value '%s' for parameter '%s': expected "
				 "a number of bytes",
				 value ? value : "", key);
			return -1;
		}
		return 0;
	}
	if (!strcmp(key, "loops") || !strcmp(key, "no-loops") ||
	    !strcmp(key, "verbose")) {
		if (value) {
			snprintf(err, errlen,
				 "parameter '%s' is a flag and takes no value", key);
			return -1;
		}
		if (!strcmp(key, "verbose"))
			o->verbose = 1;
		else
			o->loops = !strcmp(key, "loops");
		return 0;
	}
	snprintf(err, errlen,
		 "unknown parameter '%s' (known: max-size=N, frame-budget=N, "
		 "recursive-budget=N, loops, no-loops, verbose)",
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

static void call_edges(h2s_result *r, unsigned from, const h2s_uvec *taken,
		       h2s_uvec *adj)
{
	LLVMValueRef fn = r->fns[from].fn;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
	     bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef I = LLVMGetFirstInstruction(bb); I;
		     I = LLVMGetNextInstruction(I)) {
			LLVMValueRef c;
			uint64_t to;
			if (!is_call(I))
				continue;
			c = LLVMGetCalledValue(I);
			if (LLVMIsAInlineAsm(c))
				continue;
			if (!LLVMIsAFunction(c)) {
				for (unsigned k = 0; k < taken->n; k++)
					uvec_push(&adj[from], taken->v[k]);
				continue;
			}
			if (map_get(&r->fnindex, ptrkey(c), &to)) {
				uvec_push(&adj[from], (unsigned)to);
				continue;
			}
			/* a library call may call back what it is given */
			for (unsigned k = 0; k < LLVMGetNumArgOperands(I); k++)
				if (map_get(&r->fnindex,
					    ptrkey(LLVMGetOperand(I, k)), &to))
					uvec_push(&adj[from], (unsigned)to);
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

/* ------------------------------------------------------------ analysis */

static void reset_func(h2s_func *f)
{
	graph_free(f);
	free(f->sites);
	free(f->frees);
	free(f->pdiffs);
	free(f->param_obj);
	f->sites = NULL;
	f->frees = NULL;
	f->pdiffs = NULL;
	f->npdiff = f->pdiffcap = 0;
	f->param_obj = NULL;
	f->nsite = f->sitecap = f->nfree = f->freecap = 0;
	f->calls_setjmp = f->has_musttail = 0;
}

static void analyze_func(h2s_func *f)
{
	reset_func(f);
	graph_init(f);
	graph_build(f);
	solve(f);
	summarize(f);
}

static int tags_equal(const h2s_ptag *a, const h2s_ptag *b, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (a[i].heap != b[i].heap ||
		    a[i].content_heap != b[i].content_heap ||
		    a[i].freed != b[i].freed || a[i].written != b[i].written ||
		    a[i].result_levels != b[i].result_levels)
			return 0;
	return 1;
}

/* Analyses one strongly connected component to its fixpoint. */
static void analyze_scc(h2s_result *r, const h2s_uvec *members)
{
	/* optimistic start: no member leaks anything */
	for (unsigned k = 0; k < members->n; k++) {
		h2s_func *f = &r->fns[members->v[k]];
		f->ptags = xcalloc(f->nparams ? f->nparams : 1, sizeof *f->ptags);
		for (unsigned i = 0; i < f->nparams; i++)
			f->ptags[i].result_level = -1;
	}
	for (unsigned round = 0;; round++) {
		int stable = 1;
		for (unsigned k = 0; k < members->n; k++) {
			h2s_func *f = &r->fns[members->v[k]];
			unsigned n = f->nparams ? f->nparams : 1;
			h2s_ptag *old = xcalloc(n, sizeof *old);
			memcpy(old, f->ptags, n * sizeof *old);
			analyze_func(f);
			if (!tags_equal(old, f->ptags, f->nparams))
				stable = 0;
			free(old);
		}
		if (stable ||
		    (members->n == 1 && !r->fns[members->v[0]].recursive))
			break;
		if (round >= MAX_SCC_ROUNDS + 4 * members->n) {
			/* Give up precision, never soundness: every member
			 * becomes unknown to its callers first, then each is
			 * analysed again against that. */
			for (unsigned k = 0; k < members->n; k++)
				r->fns[members->v[k]].interposable = 1;
			for (unsigned k = 0; k < members->n; k++)
				analyze_func(&r->fns[members->v[k]]);
			break;
		}
	}
}

static void init_func(h2s_result *r, h2s_func *f, LLVMValueRef fn)
{
	LLVMLinkage l = LLVMGetLinkage(fn);
	unsigned optnone = LLVMGetEnumAttributeKindForName("optnone", 7);
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
	f->optnone = LLVMGetEnumAttributeAtIndex(
			     fn, LLVMAttributeFunctionIndex, optnone) != NULL;
	/* a coroutine before CoroSplit: its frame is not the function's */
	f->coroutine = LLVMGetEnumAttributeAtIndex(
			       fn, LLVMAttributeFunctionIndex,
			       LLVMGetEnumAttributeKindForName(
				       "presplitcoroutine", 17)) != NULL;
	f->interposable = l == LLVMWeakAnyLinkage || l == LLVMLinkOnceAnyLinkage ||
			  l == LLVMExternalWeakLinkage || l == LLVMCommonLinkage;
	cfg_build(&f->cfg, fn);
	dom_build(&f->cfg);
	loops_build(&f->cfg);
}

h2s_result *h2s_analyze(LLVMModuleRef M, const h2s_options *o,
			const h2s_hooks *hooks)
{
	h2s_result *r = xcalloc(1, sizeof *r);
	h2s_uvec taken = {0}, *adj, *members;
	unsigned *comp, ncomp;
	LLVMTargetDataRef td = LLVMGetModuleDataLayout(M);

	r->mod = M;
	r->opt = *o;
	if (hooks)
		r->hooks = *hooks;
	r->alloca_as = alloca_address_space(M);
	r->ptr_bytes = td ? LLVMPointerSize(td) : 8;
	if (!r->ptr_bytes)
		r->ptr_bytes = 8;
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
			init_func(r, &r->fns[r->nfn++], fn);
		}

	for (unsigned i = 0; i < r->nfn; i++)
		if (address_taken(r->fns[i].fn))
			uvec_push(&taken, i);
	adj = xcalloc(r->nfn ? r->nfn : 1, sizeof *adj);
	for (unsigned i = 0; i < r->nfn; i++)
		call_edges(r, i, &taken, adj);
	comp = xcalloc(r->nfn ? r->nfn : 1, sizeof *comp);
	ncomp = scc_compute(r->nfn, adj, comp);
	members = xcalloc(ncomp ? ncomp : 1, sizeof *members);
	for (unsigned i = 0; i < r->nfn; i++)
		uvec_push(&members[comp[i]], i);
	for (unsigned i = 0; i < r->nfn; i++) {
		r->fns[i].scc = comp[i];
		r->fns[i].recursive = members[comp[i]].n > 1;
		for (unsigned k = 0; k < adj[i].n; k++)
			if (adj[i].v[k] == i)
				r->fns[i].recursive = 1;
	}
	for (unsigned c = 0; c < ncomp; c++)
		analyze_scc(r, &members[c]);
	for (unsigned i = 0; i < r->nfn; i++) {
		h2s_func *f = &r->fns[i];
		decide(f);
		for (unsigned k = 0; k < f->nsite; k++)
			site_describe(f, &f->sites[k]);
		func_describe(f);
	}

	for (unsigned c = 0; c < ncomp; c++)
		uvec_free(&members[c]);
	for (unsigned i = 0; i < r->nfn; i++)
		uvec_free(&adj[i]);
	free(members);
	free(adj);
	free(comp);
	uvec_free(&taken);
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
		for (unsigned k = 0; k < f->naddr; k++) {
			free(f->addrs[k].name);
			free(f->addrs[k].detail);
		}
		free(f->addrs);
		for (unsigned k = 0; k < f->nsite; k++) {
			free(f->sites[k].file);
			free(f->sites[k].ifile);
			free(f->sites[k].text);
			free(f->sites[k].detail);
		}
		for (unsigned k = 0; k < f->nparams && f->pnames; k++)
			free(f->pnames[k]);
		free(f->pnames);
		free(f->pline);
		free(f->file);
		free(f->ptags);
		free(f->pptr);
		reset_func(f);
		cfg_free(&f->cfg);
	}
	free(r->fns);
	map_free(&r->fnindex);
	free(r);
}

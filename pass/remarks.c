/*
 * The result as optimization remarks with named arguments: the records
 * escape-report and heap2stack-profile read (through llvm-c/Remarks.h),
 * and what -Rpass=heap2stack, -Rpass-missed and -Rpass-analysis print.
 * docs/escape-report.md ("The records") lists every remark and argument;
 * a remark's message is its first arguments, the rest are for the record
 * file only (LLVM's ore::setExtraArgs). Nothing here decides anything.
 *
 *   Demoted / KeptOnHeap   per allocation site, at the call:
 *       Expr " does not escape: " Detail          (or " escapes to heap: ")
 *       [ Allocator, Size (when constant), Reason, CallSite (when the
 *         call was inlined: the outermost call it was inlined at) ]
 *   Flow                   per step of an escaping site's flow, at the step:
 *       Expr ": flow step " Step ": " Dst " = " Src " (" Why ")"
 *   Param                  per pointer parameter, at its declaration:
 *       Go's words ("leaking param: " Param, ...)  [ ArgNo, Form, Level ]
 *   AddressEscapes         per local whose address escapes:
 *       "address of " Name " escapes"               [ Detail ]
 *   Deleted                per allocation of the snapshot (snapshot.c)
 *                          LLVM deleted before heap2stack ran, where it
 *                          was written:
 *       Expr " does not escape: " Detail  [ Allocator, Size (when
 *                                                constant), Reason ]
 *
 * A Flow remark follows the site it belongs to, in order.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ARGS 24

/* A remark being built: its arguments, and the strings it owns. */
typedef struct remark {
	h2s_remark r;
	h2s_remark_arg a[MAX_ARGS];
	char *owned[MAX_ARGS];
	unsigned nowned;
} remark;

/* A remark at instruction inst, or (inst NULL) at loc (or nowhere) in fn,
 * the function named function. */
static void rk_start(remark *k, h2s_remark_kind kind, const char *name,
		     LLVMValueRef inst, LLVMMetadataRef loc, LLVMValueRef fn,
		     const char *function)
{
	memset(k, 0, sizeof *k);
	k->r.kind = kind;
	k->r.name = name;
	k->r.inst = inst;
	k->r.loc = loc;
	k->r.fn = fn;
	k->r.function = function;
	k->r.args = k->a;
	k->r.nshown = MAX_ARGS;
}

/* Line `line` (column 0) of f's function, or NULL without debug
 * information: where a parameter or a variable is declared. */
static LLVMMetadataRef line_loc(const h2s_func *f, unsigned line)
{
	LLVMMetadataRef sp = LLVMGetSubprogram(f->fn);
	if (!sp || !line)
		return NULL;
	return LLVMDIBuilderCreateDebugLocation(LLVMGetModuleContext(f->mod->mod),
						line, 0, sp, NULL);
}

static void rk_arg(remark *k, const char *key, const char *value)
{
	if (k->r.nargs < MAX_ARGS)
		k->a[k->r.nargs++] = (h2s_remark_arg){key, value ? value : "",
						      NULL, 0};
}

/* Text between arguments: LLVM's key for it is "String". */
static void rk_text(remark *k, const char *text)
{
	rk_arg(k, "String", text);
}

static void rk_num(remark *k, const char *key, unsigned long long v)
{
	h2s_str b = {0};
	if (k->nowned == MAX_ARGS)
		return;
	str_printf(&b, "%llu", v);
	k->owned[k->nowned++] = b.s;
	rk_arg(k, key, b.s);
}

/* A debug-location argument: where inst's code was written, or with
 * outermost the outermost call it was inlined at. Nothing when inst has no
 * debug location. */
static void rk_loc(remark *k, const char *key, LLVMValueRef inst,
		   int outermost)
{
	const char *file;
	unsigned line, col;
	if (k->r.nargs < MAX_ARGS &&
	    inst_source_position(inst, outermost, &file, &line, &col))
		k->a[k->r.nargs++] = (h2s_remark_arg){key, "", inst, outermost};
}

/* The arguments from here on are for the record file only. */
static void rk_extra(remark *k)
{
	k->r.nshown = k->r.nargs;
}

static void rk_emit(const h2s_hooks *h, remark *k)
{
	if (k->r.nshown > k->r.nargs)
		k->r.nshown = k->r.nargs;
	h->remark(h->ctx, &k->r);
	for (unsigned i = 0; i < k->nowned; i++)
		free(k->owned[i]);
}

static const char *const reason_codes[] = {
#define H2S_REASON_CODE(name, code, phrase, help) [name] = code,
	H2S_REASONS(H2S_REASON_CODE)
#undef H2S_REASON_CODE
};

/* The Flow remarks of the edges chain[0..n), the steps of expr's flow (an
 * allocation's, or a parameter's, whose first step starts at param). */
static void flow_remarks(const h2s_func *f, const char *expr,
			 const unsigned *chain, unsigned n, const char *param)
{
	for (unsigned i = 0; i < n; i++) {
		const h2s_edge *ed = &f->g.edges[chain[i]];
		remark k;
		rk_start(&k, H2S_REMARK_ANALYSIS, "Flow", ed->inst, NULL, f->fn,
			 fn_name(f->fn));
		rk_arg(&k, "Expr", expr);
		rk_text(&k, ": flow step ");
		rk_num(&k, "Step", i + 1);
		rk_text(&k, ": ");
		rk_arg(&k, "Dst", flow_name(f, ed->dst));
		rk_text(&k, " = ");
		rk_arg(&k, "Src", i == 0 && param ? param
						  : flow_name(f, ed->src));
		rk_text(&k, " (");
		rk_arg(&k, "Why", go_reason((h2s_why)ed->why));
		rk_text(&k, ")");
		rk_emit(&f->mod->hooks, &k);
	}
}

static void site_remarks(const h2s_func *f, const h2s_site *s)
{
	const h2s_hooks *h = &f->mod->hooks;
	int stack = s->reason == R_DEMOTE;
	unsigned chain[MAX_STEPS], n;
	remark k;
	rk_start(&k, stack ? H2S_REMARK_PASSED : H2S_REMARK_MISSED,
		 stack ? "Demoted" : "KeptOnHeap", s->call, NULL, f->fn,
		 fn_name(f->fn));
	rk_arg(&k, "Expr", s->text);
	rk_text(&k, stack ? " " H2S_WORDS_STACK ": " : " " H2S_WORDS_HEAP ": ");
	rk_arg(&k, "Detail", s->detail);
	rk_extra(&k);
	rk_text(&k, " (allocator ");
	rk_arg(&k, "Allocator", s->alloc->pretty);
	if (s->size_known) {
		rk_text(&k, ", size ");
		rk_num(&k, "Size", s->size);
	}
	rk_text(&k, ", reason ");
	rk_arg(&k, "Reason", reason_codes[s->reason]);
	/* inlined: where the function it was written in was called */
	if (s->file && s->ifile &&
	    (s->line != s->iline || s->col != s->icol ||
	     strcmp(s->file, s->ifile) != 0)) {
		rk_text(&k, ", inlined at ");
		rk_loc(&k, "CallSite", s->call, 1);
	}
	rk_text(&k, ")");
	rk_emit(h, &k);
	/* the flow needs the graph, kept when report_params is set */
	if (s->reason != R_ESCAPES || !f->g.edges)
		return;
	n = flow_chain(f, s, chain);
	flow_remarks(f, s->text, chain, n, NULL);
}

static void param_remark(const h2s_func *f, unsigned p)
{
	static const char *const forms[] = {
		[PARAM_LEAKS] = "leak", [PARAM_CONTENT] = "content",
		[PARAM_RESULT] = "result", [PARAM_NONE] = "none"};
	const h2s_ptag *t = &f->ptags[p];
	h2s_param_form form = param_form(t);
	unsigned chain[MAX_STEPS], n = 0, derefs = 0;
	const char *sink = NULL;
	remark k;
	/* the flow needs the graph, kept when report_params is set */
	if (f->g.edges)
		n = param_flow(f, p, chain, &derefs, &sink);
	rk_start(&k, H2S_REMARK_ANALYSIS, "Param", NULL,
		 line_loc(f, f->found.pline[p]), f->fn, fn_name(f->fn));
	switch (form) {
	case PARAM_LEAKS:
		rk_text(&k, "leaking param: ");
		rk_arg(&k, "Param", f->found.pnames[p]);
		break;
	case PARAM_CONTENT:
		rk_text(&k, "leaking param content: ");
		rk_arg(&k, "Param", f->found.pnames[p]);
		break;
	case PARAM_RESULT:
		rk_text(&k, "leaking param: ");
		rk_arg(&k, "Param", f->found.pnames[p]);
		rk_text(&k, " to result ~r0 level=");
		rk_num(&k, "Level", (unsigned)t->result_level);
		break;
	case PARAM_NONE:
		rk_arg(&k, "Param", f->found.pnames[p]);
		rk_text(&k, " " H2S_WORDS_STACK);
		break;
	}
	rk_extra(&k);
	rk_text(&k, " (argument ");
	rk_num(&k, "ArgNo", p);
	rk_text(&k, ", form ");
	rk_arg(&k, "Form", forms[form]);
	/* with the flow that follows: how many derefs down it starts */
	if (n) {
		rk_text(&k, ", derefs ");
		rk_num(&k, "Derefs", derefs);
	}
	rk_text(&k, ")");
	rk_emit(&f->mod->hooks, &k);
	flow_remarks(f, f->found.pnames[p], chain, n, f->found.pnames[p]);
}

/* The allocations of the snapshot that LLVM deleted before heap2stack
 * ran: moved off the heap, as far as the program can tell. */
static void deleted_remarks(const h2s_result *r)
{
	for (unsigned i = 0; i < r->ndeleted; i++) {
		const h2s_deleted *d = &r->deleted[i];
		remark k;
		rk_start(&k, H2S_REMARK_PASSED, "Deleted", NULL, d->loc,
			 LLVMGetNamedFunction(r->mod, d->function), d->function);
		k.r.module = r->mod;
		rk_arg(&k, "Expr", d->text);
		rk_text(&k, " " H2S_WORDS_STACK ": ");
		rk_arg(&k, "Detail", H2S_DELETED_WORDS);
		rk_extra(&k);
		rk_text(&k, " (allocator ");
		rk_arg(&k, "Allocator", d->allocator);
		if (*d->size) {
			rk_text(&k, ", size ");
			rk_arg(&k, "Size", d->size);
		}
		rk_text(&k, ", reason ");
		rk_arg(&k, "Reason", reason_codes[R_DELETED]);
		rk_text(&k, ")");
		rk_emit(&r->hooks, &k);
	}
}

void h2s_emit_remarks(const h2s_result *r)
{
	const h2s_hooks *h = &r->hooks;
	if (!h->remark || r->transformed)
		return;
	deleted_remarks(r);
	for (unsigned i = 0; i < r->nfn; i++) {
		const h2s_func *f = &r->fns[i];
		for (unsigned k = 0; k < f->found.nsite; k++)
			site_remarks(f, &f->found.sites[k]);
		for (unsigned p = 0; f->found.pnames && p < f->nparams; p++) {
			unsigned o = f->param_obj ? f->param_obj[p] : H2S_NONE;
			if (o != H2S_NONE && f->g.objs && !f->g.objs[o].sret)
				param_remark(f, p);
		}
		for (unsigned a = 0; a < f->found.naddr; a++) {
			remark k;
			rk_start(&k, H2S_REMARK_ANALYSIS, "AddressEscapes", NULL,
				 line_loc(f, f->found.addrs[a].line), f->fn,
				 fn_name(f->fn));
			rk_text(&k, "address of ");
			rk_arg(&k, "Name", f->found.addrs[a].name);
			rk_text(&k, " escapes");
			rk_extra(&k);
			rk_text(&k, ": ");
			rk_arg(&k, "Detail", f->found.addrs[a].detail);
			rk_emit(h, &k);
		}
	}
}

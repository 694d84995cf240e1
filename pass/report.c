/*
 * Words for the result: the Go-style `print<escape>` report, and the
 * texts of sites, reasons and flows that it and the remarks (remarks.c)
 * share. They read verdicts and flows that decide.c and summary.c stored;
 * nothing here decides anything.
 *
 * Report lines, sorted by file, line and column and de-duplicated:
 *   FILE:LINE:COL: malloc(16) does not escape
 *   FILE:LINE:COL: malloc(16) escapes to heap
 *   FILE:LINE: leaking param: p            (and Go's three other forms)
 * Without debug information a line starts with the function's name instead
 * of a position. With the `verbose` option each escaping site is preceded by
 * Go's explanation block: the flow from the allocation to where it escapes,
 * or the non-flow reason.
 */
#include "internal.h"
#include "heap2stack/explain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The file, line and column of DILocation loc. */
static void loc_position(LLVMMetadataRef loc, const char **file,
			 unsigned *line, unsigned *col)
{
	LLVMMetadataRef scope, df;
	unsigned len;
	*line = LLVMDILocationGetLine(loc);
	*col = LLVMDILocationGetColumn(loc);
	scope = LLVMDILocationGetScope(loc);
	df = scope ? LLVMDIScopeGetFile(scope) : NULL;
	*file = df ? LLVMDIFileGetFilename(df, &len) : "";
	if (!*file)
		*file = "";
}

/* Position of inst: where its code was written (outermost = 0), or the
 * outermost call site it was inlined into (outermost = 1). */
int inst_source_position(LLVMValueRef inst, int outermost, const char **file,
			 unsigned *line, unsigned *col)
{
	LLVMMetadataRef loc, up;
	if (!inst || !LLVMIsAInstruction(inst))
		return 0;
	loc = LLVMInstructionGetDebugLoc(inst);
	if (!loc)
		return 0;
	while (outermost && (up = LLVMDILocationGetInlinedAt(loc)))
		loc = up;
	loc_position(loc, file, line, col);
	return 1;
}

/* Position of an instruction: outermost inlined-at call site, where Go
 * reports inlined code. Returns 0 when the instruction has no debug
 * location. */
static int inst_position(LLVMValueRef inst, const char **file,
			 unsigned *line, unsigned *col)
{
	return inst_source_position(inst, 1, file, line, col);
}

/* " at f.c:12:3" for reasons, where the code was written (not where it
 * was inlined), or nothing when inst has no position. */
static void at_position(h2s_str *b, LLVMValueRef inst)
{
	const char *file;
	unsigned line, col;
	if (inst_source_position(inst, 0, &file, &line, &col))
		str_printf(b, " at %s:%u:%u", file, line, col);
}

/* A value's name: its IR name, else (with hooks) the variable debug
 * information says holds it, or NULL. */
static const char *value_text(const h2s_hooks *h, LLVMValueRef v)
{
	size_t len;
	const char *name = LLVMGetValueName2(v, &len);
	if ((!name || !*name) && h && h->value_name)
		name = h->value_name(h->ctx, v, NULL);
	return name && *name ? name : NULL;
}

static void arg_text(h2s_str *b, const h2s_hooks *h, LLVMValueRef call,
		     int i)
{
	LLVMValueRef v = LLVMGetOperand(call, (unsigned)i);
	const char *name;
	if (LLVMIsAConstantInt(v)) {
		str_printf(b, "%llu",
			   (unsigned long long)LLVMConstIntGetZExtValue(v));
		return;
	}
	/* through integer conversions: malloc((size_t)n) shows n */
	while (!(name = value_text(h, v)) && LLVMIsAInstruction(v) &&
	       (LLVMGetInstructionOpcode(v) == LLVMZExt ||
		LLVMGetInstructionOpcode(v) == LLVMSExt ||
		LLVMGetInstructionOpcode(v) == LLVMTrunc))
		v = LLVMGetOperand(v, 0);
	str_printf(b, "%s", name ? name : "...");
}

/* "malloc(16)", "calloc(4, 8)", "new(24)", "aligned_alloc(64, 256)". */
char *alloc_text(const h2s_allocfn *a, LLVMValueRef call,
		 const h2s_hooks *h)
{
	h2s_str b = {0};
	str_printf(&b, "%s(", a->pretty);
	switch (a->kind) {
	case AK_MALLOC:
		arg_text(&b, h, call, a->size_arg);
		break;
	case AK_CALLOC:
		arg_text(&b, h, call, a->count_arg);
		str_printf(&b, ", ");
		arg_text(&b, h, call, a->size_arg);
		break;
	case AK_ALIGNED:
	case AK_POSIX_MEMALIGN:
		if (a->align_arg < a->size_arg) {
			arg_text(&b, h, call, a->align_arg);
			str_printf(&b, ", ");
			arg_text(&b, h, call, a->size_arg);
		} else {
			arg_text(&b, h, call, a->size_arg);
			str_printf(&b, ", align ");
			arg_text(&b, h, call, a->align_arg);
		}
		break;
	case AK_STRDUP:
		arg_text(&b, h, call, 0);
		break;
	case AK_STRNDUP:
		arg_text(&b, h, call, 0);
		str_printf(&b, ", ");
		arg_text(&b, h, call, 1);
		break;
	}
	str_printf(&b, ")");
	return b.s;
}

static const char *callee_label(LLVMValueRef call)
{
	LLVMValueRef c = LLVMGetCalledValue(call);
	if (c && LLVMIsAFunction(c))
		return fn_name(c);
	return NULL;
}

/* The global a store writes into, when its address is one (possibly
 * through constant GEPs). */
static const char *stored_global(LLVMValueRef store)
{
	LLVMValueRef p;
	if (!store || !LLVMIsAStoreInst(store))
		return NULL;
	p = LLVMGetOperand(store, 1);
	while (p && LLVMIsAConstantExpr(p))
		p = LLVMGetOperand(p, 0);
	while (p && LLVMIsAGetElementPtrInst(p))
		p = LLVMGetOperand(p, 0);
	return p && LLVMIsAGlobalVariable(p) ? fn_name(p) : NULL;
}

/* "stored into malloc(24) at f.c:12:5, which escapes": object obj was
 * stored into the container `ed->via`, whose own escape carried it along. */
static void escaped_container(h2s_str *b, const h2s_func *f,
			      const h2s_edge *ed, unsigned obj)
{
	const h2s_obj *c = &f->g.objs[ed->via];
	unsigned e = why_edge(f, c->content, obj);
	if (c->kind == OBJ_SITE) {
		char *t = alloc_text(f->found.sites[c->site].alloc, f->found.sites[c->site].call,
				   &f->mod->hooks);
		str_printf(b, "stored into %s", t);
		free(t);
	} else {
		str_printf(b, "stored into a local variable");
	}
	if (e != H2S_NONE)
		at_position(b, f->g.edges[e].inst);
	str_printf(b, ", which escapes");
}

/* The reason an escaping flow's last edge gives, in words. */
static void escape_words(h2s_str *b, const h2s_func *f, unsigned e,
			 unsigned obj)
{
	const h2s_edge *ed;
	const char *name;
	if (e == H2S_NONE) {
		str_printf(b, "escapes");
		return;
	}
	ed = &f->g.edges[e];
	switch ((h2s_why)ed->why) {
	case W_RETURN:
		str_printf(b, "returned");
		break;
	case W_STORE_GLOBAL:
		if ((name = stored_global(ed->inst)))
			str_printf(b, "stored to global %s", name);
		else
			str_printf(b, "stored to memory the function does not own");
		break;
	case W_STORE_PARAM:
		str_printf(b, "stored through a parameter");
		break;
	case W_CALL_UNKNOWN:
		if ((name = callee_label(ed->inst)) && *name)
			str_printf(b, "passed to unknown function %s", name);
		else
			str_printf(b, "passed to an indirect call");
		break;
	case W_CALL_LEAK:
		str_printf(b, "passed to %s, which leaks it",
			   callee_label(ed->inst));
		break;
	case W_REALLOC:
		str_printf(b, "passed to %s", callee_label(ed->inst));
		break;
	case W_PRINTED:
		str_printf(b, "printed by %s (%%p, or a format that is not a "
			      "constant)",
			   callee_label(ed->inst));
		break;
	case W_PTRTOINT:
		str_printf(b, "converted to an integer");
		break;
	case W_ASM:
		str_printf(b, "used by inline asm");
		break;
	case W_OTHER_INST:
		str_printf(b, "used by an instruction the analysis does not "
			      "model");
		break;
	case W_ESCAPED_MEM:
		escaped_container(b, f, ed, obj);
		return;
	default:
		str_printf(b, "flows to the heap");
		break;
	}
	at_position(b, ed->inst);
}

static char *reason_words(const h2s_func *f, const h2s_site *s)
{
	const h2s_options *o = &f->mod->opt;
	h2s_str b = {0};
	switch (s->reason) {
	case R_DEMOTE:
		if (s->slots)
			/* a pool: of guarded buffers, or of fixed slots */
			str_printf(&b, "%llu stack %s%s of %llu bytes, one per "
				       "execution, heap %safter the last%s%s",
				   (unsigned long long)s->slots,
				   s->guarded ? "buffer" : "slot",
				   s->slots == 1 ? "" : "s",
				   (unsigned long long)s->size,
				   s->guarded ? "above and " : "",
				   s->profiled ? " (sized by the profile)" : "",
				   s->trips_bounded ? " (its loops run at most "
						      "that often)"
						    : "");
		else if (s->guarded)
			str_printf(&b, "stack buffer of %llu bytes, heap above%s",
				   (unsigned long long)s->size,
				   s->profiled ? " (sized by the profile)" : "");
		else
			str_printf(&b, "moved to a %llu-byte stack slot",
				   (unsigned long long)s->size);
		if (s->bounded)
			str_printf(&b, " (its size is at most %llu)",
				   (unsigned long long)s->bound);
		if (f->depth_guard)
			str_printf(&b, " in the outermost frames of its call "
				       "cycle (%llu bytes of slots a thread), "
				       "heap deeper",
				   (unsigned long long)o->recursive_stack);
		if (s->grows)
			str_printf(&b, "; realloc grows it in place up to %llu "
				       "bytes, on the heap beyond%s",
				   (unsigned long long)s->size,
				   s->grown_profiled ? " (sized by the profile)"
						     : "");
		if (s->inlined_alloc)
			str_printf(&b, "; inlined %s, which allocates it",
				   s->inlined_alloc);
		if (s->inlined)
			str_printf(&b, "; inlined %s, which frees it",
				   s->inlined);
		if (s->freed_here) {
			str_printf(&b, "; it escapes (");
			escape_words(&b, f, s->flow_edge, s->obj);
			str_printf(&b, ") but is freed before every return");
		}
		break;
	case R_ESCAPES:
		escape_words(&b, f, s->flow_edge, s->obj);
		break;
	case R_DYNAMIC_SIZE:
		str_printf(&b, "non-constant size");
		if (s->bounded)
			str_printf(&b, " (at most %llu bytes > max-size %llu)",
				   (unsigned long long)s->size,
				   (unsigned long long)o->max_size);
		break;
	case R_TOO_LARGE:
		if (s->profiled)
			str_printf(&b, "too large for stack: most requests the "
				       "profile saw exceed max-size %llu",
				   (unsigned long long)o->max_size);
		else if (s->size > o->max_size)
			str_printf(&b, "too large for stack: %llu bytes > max-size "
				       "%llu",
				   (unsigned long long)s->size,
				   (unsigned long long)o->max_size);
		else
			str_printf(&b, "too large for stack: %llu bytes > %llu, "
				       "the largest slot",
				   (unsigned long long)s->size,
				   (unsigned long long)H2S_MAX_SLOT);
		break;
	case R_LOOP:
		str_printf(&b, "live across loop iterations");
		at_position(&b, s->where);
		break;
	case R_RECURSIVE:
		if (f->frames)
			str_printf(&b, "recursive function: %llu more bytes "
				       "exceed %s %llu",
				   (unsigned long long)s->size,
				   deep_budget(o) == o->frame_budget
					   ? "frame-budget"
					   : "recursive-stack",
				   (unsigned long long)deep_budget(o));
		else
			str_printf(&b, "recursive function: %llu bytes exceed "
				       "recursive-budget %llu",
				   (unsigned long long)s->size,
				   (unsigned long long)o->recursive_budget);
		break;
	case R_BUDGET:
		str_printf(&b, "frame budget exhausted: %llu more bytes exceed "
			       "frame-budget %llu",
			   (unsigned long long)s->size,
			   (unsigned long long)o->frame_budget);
		break;
	case R_MIXED_FREE:
		str_printf(&b, "grown by a realloc this host cannot rewrite "
			      "(no block splitting)");
		at_position(&b, s->where);
		break;
	case R_FAMILY:
		str_printf(&b, "freed by %s, a deallocator of another family",
			   fn_name(LLVMGetCalledValue(s->where)));
		at_position(&b, s->where);
		break;
	case R_CALLEE_FREE:
		str_printf(&b, "freed by %s",
			   fn_name(LLVMGetCalledValue(s->where)));
		at_position(&b, s->where);
		str_printf(&b, ", not inlined: ");
		switch (s->not_inlined) {
		case NI_OFF:
			str_printf(&b, "inline-budget=0");
			break;
		case NI_BUDGET: {
			uint64_t budget = site_inline_budget(o, s);
			str_printf(&b, "larger than what is left of %s %llu",
				   budget == o->inline_budget
					   ? "inline-budget"
					   : "hot-inline-budget",
				   (unsigned long long)budget);
			break;
		}
		case NI_RECURSIVE:
			str_printf(&b, "it passes it on round a call cycle");
			break;
		case NI_NOINLINE:
			str_printf(&b, "marked noinline or optnone");
			break;
		case NI_REFUSED:
			str_printf(&b, "LLVM cannot inline it there");
			break;
		case NI_LIBRARY:
			str_printf(&b, "the library calls the comparator "
				       "that frees it");
			break;
		case NI_ROUNDS:
		case NI_NONE:
			str_printf(&b, "still freed by a callee after %d rounds "
				       "of inlining", H2S_INLINE_ROUNDS);
			break;
		}
		break;
	case R_OPTNONE:
		str_printf(&b, "optnone function");
		break;
	case R_MUSTTAIL:
		str_printf(&b, "function makes a musttail call");
		break;
	case R_SETJMP:
		str_printf(&b, "function calls setjmp (a returns_twice function)");
		break;
	case R_ADDRSPACE:
		str_printf(&b, "not in the stack's address space: result in "
			       "address space %u, the stack in %u",
			   s->addrspace, f->mod->alloca_as);
		break;
	case R_BAD_ALIGN:
		str_printf(&b, "unsupported alignment: not a constant the "
			       "allocator accepts");
		break;
	case R_COROUTINE:
		str_printf(&b, "coroutine not yet split");
		break;
	case R_DELETED:
		str_printf(&b, "%s", H2S_DELETED_WORDS);
		break;
	}
	return b.s;
}

void site_describe(h2s_func *f, h2s_site *s)
{
	const char *file;
	unsigned line, col;
	if (inst_position(s->call, &file, &line, &col)) {
		s->file = xstrdup(file);
		s->line = line;
		s->col = col;
	}
	if (inst_source_position(s->call, 0, &file, &line, &col)) {
		s->ifile = xstrdup(file);
		s->iline = line;
		s->icol = col;
	}
	s->text = alloc_text(s->alloc, s->call, &f->mod->hooks);
	s->detail = reason_words(f, s);
}

/* Named locals whose address reaches {heap} or ~r0: Go's `moved to heap:
 * x`, which C cannot do, so the report says `address of x escapes`. */
static void describe_addresses(h2s_func *f)
{
	const h2s_hooks *h = &f->mod->hooks;
	if (!h->value_name)
		return;
	for (unsigned o = 0; o < f->g.nobj; o++) {
		const h2s_obj *ob = &f->g.objs[o];
		unsigned e, line = 0;
		const char *name;
		h2s_str b = {0};
		if (ob->kind != OBJ_ALLOCA)
			continue;
		e = escape_sink(f, o);
		if (e == f->g.called)
			e = H2S_NONE; /* not an address that escapes: code */
		if (e != H2S_NONE)
			e = why_edge(f, e, o);
		if (e == H2S_NONE ||
		    !(name = h->value_name(h->ctx, ob->inst, &line)))
			continue;
		escape_words(&b, f, e, o);
		f->found.addrs = xrealloc(f->found.addrs, (f->found.naddr + 1) * sizeof *f->found.addrs);
		f->found.addrs[f->found.naddr].name = xstrdup(name);
		f->found.addrs[f->found.naddr].line = line;
		f->found.addrs[f->found.naddr].detail = b.s;
		f->found.naddr++;
	}
}

/* Parameter names, lines and the function's file. */
void func_describe(h2s_func *f)
{
	const h2s_hooks *h = &f->mod->hooks;
	unsigned i = 0;
	LLVMMetadataRef sp = LLVMGetSubprogram(f->fn);
	f->found.pnames = xcalloc(f->nparams ? f->nparams : 1, sizeof(char *));
	f->found.pline = xcalloc(f->nparams ? f->nparams : 1, sizeof(unsigned));
	if (sp) {
		unsigned len;
		LLVMMetadataRef df = LLVMDIScopeGetFile(sp);
		const char *n = df ? LLVMDIFileGetFilename(df, &len) : NULL;
		f->found.file = n ? xstrdup(n) : NULL;
	}
	describe_addresses(f);
	for (LLVMValueRef a = LLVMGetFirstParam(f->fn); a;
	     a = LLVMGetNextParam(a), i++) {
		const char *n = NULL;
		size_t len;
		if (h->param_name)
			n = h->param_name(h->ctx, f->fn, i, &f->found.pline[i]);
		if (!n || !*n) {
			n = LLVMGetValueName2(a, &len);
			f->found.pline[i] = 0;
		}
		if (n && *n) {
			f->found.pnames[i] = xstrdup(n);
		} else {
			char buf[32];
			snprintf(buf, sizeof buf, "arg%u", i);
			f->found.pnames[i] = xstrdup(buf);
		}
	}
}

/* ------------------------------------------------------------- report */

typedef struct line {
	const char *file;
	unsigned line, col, seq;
	char *text;
} line;

typedef struct lines {
	line *v;
	unsigned n, cap;
} lines;

static void add_line(lines *L, const char *file, unsigned ln, unsigned col,
		     char *text)
{
	if (L->n == L->cap) {
		L->cap = L->cap ? 2 * L->cap : 32;
		L->v = xrealloc(L->v, L->cap * sizeof *L->v);
	}
	L->v[L->n] = (line){file ? file : "", ln, col, L->n, text};
	L->n++;
}

static int line_cmp(const void *a, const void *b)
{
	const line *x = a, *y = b;
	int c = strcmp(x->file, y->file);
	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void prefix(h2s_str *b, const h2s_func *f, const char *file,
		   unsigned ln, unsigned col, int has_col)
{
	if (file && *file && ln) {
		if (has_col)
			str_printf(b, "%s:%u:%u: ", file, ln, col);
		else
			str_printf(b, "%s:%u: ", file, ln);
	} else {
		str_printf(b, "%s: ", fn_name(f->fn));
	}
}

const char *go_reason(h2s_why w)
{
	switch (w) {
	case W_ALLOC: return "spill";
	case W_ASSIGN: return "assign";
	case W_LOAD: return "indirection";
	case W_STORE: case W_STORE_GLOBAL: case W_STORE_PARAM: return "assign";
	case W_RETURN: return "return";
	case W_CALL_UNKNOWN: case W_CALL_LEAK: case W_REALLOC:
	case W_PRINTED: return "call parameter";
	case W_CALL_RESULT: return "call result";
	case W_PTRTOINT: return "converted to integer";
	case W_ASM: return "inline asm";
	case W_ESCAPED_MEM: return "stored in escaping memory";
	case W_MEMCPY: return "copy";
	default: return "flow";
	}
}

/* What an instruction does, in a word or two, for the steps of a flow:
 * "return", "store", "call f", ... (escape-report has the source text). */
static void inst_words(h2s_str *b, LLVMValueRef I)
{
	const char *name;
	if (!I) {
		str_printf(b, "{temp}");
		return;
	}
	switch (LLVMGetInstructionOpcode(I)) {
	case LLVMRet: str_printf(b, "return"); return;
	case LLVMStore: str_printf(b, "store"); return;
	case LLVMLoad: str_printf(b, "load"); return;
	case LLVMGetElementPtr: str_printf(b, "getelementptr"); return;
	case LLVMPHI: str_printf(b, "phi"); return;
	case LLVMSelect: str_printf(b, "select"); return;
	case LLVMPtrToInt: str_printf(b, "ptrtoint"); return;
	case LLVMSub: str_printf(b, "pointer difference"); return;
	case LLVMCall:
	case LLVMInvoke:
		name = callee_label(I);
		if (name && *name)
			str_printf(b, "call %s", name);
		else
			str_printf(b, "indirect call");
		return;
	default:
		str_printf(b, "instruction");
		return;
	}
}

/* The edges that brought object obj from its seed to edge e (into a
 * sink), in flow order, into chain; their number. */
static unsigned chain_of(const h2s_func *f, unsigned e, unsigned obj,
			 unsigned *chain)
{
	unsigned n = 0;
	/* walk back from the sink to the object's seed */
	while (e != H2S_NONE && n < MAX_STEPS) {
		chain[n++] = e;
		if (f->g.edges[e].src == H2S_NONE)
			break;
		e = why_edge(f, f->g.edges[e].src, obj);
	}
	for (unsigned i = 0; i < n / 2; i++) {
		unsigned t = chain[i];
		chain[i] = chain[n - 1 - i];
		chain[n - 1 - i] = t;
	}
	return n;
}

unsigned flow_chain(const h2s_func *f, const h2s_site *s, unsigned *chain)
{
	return chain_of(f, s->flow_edge, s->obj, chain);
}

unsigned param_flow(const h2s_func *f, unsigned p, unsigned *chain,
		    unsigned *derefs, const char **sink)
{
	const h2s_ptag *t = &f->ptags[p];
	unsigned o = f->param_obj[p], k, sinkloc, n;
	switch (param_form(t)) {
	case PARAM_LEAKS:
		k = 0;
		sinkloc = f->g.heap;
		break;
	case PARAM_CONTENT:
		k = t->content_from;
		sinkloc = f->g.heap;
		break;
	case PARAM_RESULT:
		k = (unsigned)t->result_level;
		sinkloc = f->g.result;
		break;
	default:
		return 0;
	}
	if (o == H2S_NONE || !f->g.edges || k > H2S_MAX_LEVEL ||
	    !loc_has(f, sinkloc, o + k))
		return 0;
	n = chain_of(f, why_edge(f, sinkloc, o + k), o + k, chain);
	/* the seed (the parameter's object itself) is no step of Go's */
	if (n && f->g.edges[chain[0]].src == H2S_NONE) {
		memmove(chain, chain + 1, (n - 1) * sizeof *chain);
		n--;
	}
	*derefs = k;
	*sink = sinkloc == f->g.heap ? "{heap}" : "~r0";
	return n;
}

/* The name of a location in a flow: a variable's name when debug
 * information gives the value one, else Go's {temp}, {heap}, ~r0. */
const char *flow_name(const h2s_func *f, unsigned l)
{
	const h2s_hooks *h = &f->mod->hooks;
	const h2s_loc *L;
	const char *n = NULL;
	if (l == H2S_NONE)
		return "{storage}";
	L = &f->g.locs[l];
	switch (L->kind) {
	case LOC_HEAP: return "{heap}";
	case LOC_RESULT: return "~r0";
	case LOC_PARAM_OUT: return "{heap}";
	case LOC_EXPOSED: return "{exposed}";
	case LOC_VALUE:
		if (h->value_name)
			n = h->value_name(h->ctx, L->value, NULL);
		break;
	case LOC_CONTENT:
		if (h->value_name && f->g.objs[L->obj].kind == OBJ_ALLOCA)
			n = h->value_name(h->ctx, f->g.objs[L->obj].inst, NULL);
		break;
	default:
		if (l == f->g.called)
			return "{heap}";
		break;
	}
	return n && *n ? n : "{temp}";
}

/* Go's parenthesised words of each reason (heap2stack/reasons.h). */
static const char *const reason_phrases[] = {
#define H2S_REASON_PHRASE(name, code, phrase, help) [name] = phrase,
	H2S_REASONS(H2S_REASON_PHRASE)
#undef H2S_REASON_PHRASE
};

/* Renders e with the steps of the edges chain[0..n) (heap2stack/
 * explain.h), site s's allocation naming the seed step. */
static void render(h2s_str *b, const h2s_func *f, h2s_explain *e,
		   const unsigned *chain, unsigned n, const h2s_site *s)
{
	h2s_explain_step st[MAX_STEPS];
	h2s_str words[MAX_STEPS];
	char *out;
	for (unsigned k = 0; k < n; k++) {
		const h2s_edge *ed = &f->g.edges[chain[k]];
		const char *file = NULL;
		unsigned ln = 0, col = 0;
		words[k] = (h2s_str){0};
		if (ed->src == H2S_NONE && s)
			str_printf(&words[k], "%s", s->text);
		else
			inst_words(&words[k], ed->inst);
		inst_source_position(ed->inst, 0, &file, &ln, &col);
		st[k] = (h2s_explain_step){go_reason((h2s_why)ed->why),
					   flow_name(f, ed->dst),
					   flow_name(f, ed->src),
					   words[k].s, file, ln, col, NULL, 0, 0};
	}
	e->steps = st;
	e->nsteps = n;
	out = h2s_explain_text(e);
	if (out)
		str_printf(b, "%s", out);
	free(out);
	for (unsigned k = 0; k < n; k++)
		free(words[k].s);
}

/* Go's explanation block for site s, written with the site's prefix pre
 * (heap2stack/explain.h renders it, as for escape-report -m=2). */
static void explain(h2s_str *b, const h2s_func *f, const h2s_site *s,
		    const char *pre)
{
	unsigned chain[MAX_STEPS], n = 0;
	const char *phrase = reason_phrases[s->reason];
	h2s_explain e = {
		.prefix = pre,
		.label = s->text,
		.alloc = s->text,
		.reason = phrase ? phrase : s->detail,
		/* where the call is written, as the steps' positions */
		.file = s->ifile,
		.line = s->iline,
		.col = s->icol,
	};
	if (s->reason == R_ESCAPES && f->g.edges)
		n = flow_chain(f, s, chain);
	render(b, f, &e, chain, n, s);
}

/* Go's block for parameter p, when a flow makes its form: "parameter p
 * leaks to {heap} with derefs=1:" and the flow from it. */
static void explain_param(h2s_str *b, const h2s_func *f, unsigned p,
			  const char *pre)
{
	unsigned chain[MAX_STEPS], n;
	h2s_explain e = {.prefix = pre, .param = f->found.pnames[p]};
	n = param_flow(f, p, chain, &e.derefs, &e.sink);
	if (n)
		render(b, f, &e, chain, n, NULL);
}

h2s_param_form param_form(const h2s_ptag *t)
{
	/* stored into a parameter's pointee: the caller's memory, so to Go's
	 * eyes the parameter leaks */
	if (t->heap || t->freed || ptag_stores(t))
		return PARAM_LEAKS;
	if (t->content_from || t->freed_levels)
		return PARAM_CONTENT;
	if (t->result_level >= 0)
		return PARAM_RESULT;
	return PARAM_NONE;
}

static void report_func(lines *L, const h2s_func *f)
{
	int verbose = f->mod->opt.verbose;
	for (unsigned i = 0; i < f->found.nsite; i++) {
		const h2s_site *s = &f->found.sites[i];
		h2s_str pre = {0}, b = {0};
		prefix(&pre, f, s->file, s->line, s->col, 1);
		if (s->reason == R_DEMOTE) {
			str_printf(&b, "%s%s " H2S_WORDS_STACK, pre.s, s->text);
			/* verbose (-m=2): what the demotion made of it */
			if (verbose)
				str_printf(&b, ": %s", s->detail);
		} else {
			if (verbose)
				explain(&b, f, s, pre.s);
			str_printf(&b, "%s%s " H2S_WORDS_HEAP, pre.s, s->text);
		}
		add_line(L, s->file, s->line, s->col, b.s);
		free(pre.s);
	}
	for (unsigned i = 0; f->found.pnames && i < f->nparams; i++) {
		const h2s_ptag *t = &f->ptags[i];
		unsigned o = f->param_obj[i];
		h2s_str b = {0}, pre = {0};
		if (o == H2S_NONE || f->g.objs == NULL || f->g.objs[o].sret)
			continue;
		prefix(&pre, f, f->found.file, f->found.pline[i], 0, 0);
		if (verbose)
			explain_param(&b, f, i, pre.s);
		str_printf(&b, "%s", pre.s);
		free(pre.s);
		switch (param_form(t)) {
		case PARAM_LEAKS:
			str_printf(&b, "leaking param: %s", f->found.pnames[i]);
			break;
		case PARAM_CONTENT:
			str_printf(&b, "leaking param content: %s", f->found.pnames[i]);
			break;
		case PARAM_RESULT:
			str_printf(&b, "leaking param: %s to result ~r0 level=%d",
				   f->found.pnames[i], t->result_level);
			break;
		case PARAM_NONE:
			str_printf(&b, "%s " H2S_WORDS_STACK, f->found.pnames[i]);
			break;
		}
		add_line(L, f->found.file, f->found.pline[i], 0, b.s);
	}
	for (unsigned i = 0; i < f->found.naddr; i++) {
		h2s_str b = {0};
		prefix(&b, f, f->found.file, f->found.addrs[i].line, 0, 0);
		str_printf(&b, "address of %s escapes", f->found.addrs[i].name);
		add_line(L, f->found.file, f->found.addrs[i].line, 0, b.s);
	}
}

/* The allocations of the snapshot LLVM deleted before heap2stack ran
 * (r->deleted), where they were written: not on the heap either. */
static void report_deleted(lines *L, const h2s_result *r)
{
	for (unsigned i = 0; i < r->ndeleted; i++) {
		const h2s_deleted *d = &r->deleted[i];
		const char *file;
		unsigned line, col;
		h2s_str b = {0};
		loc_position(d->loc, &file, &line, &col);
		if (*file && line)
			str_printf(&b, "%s:%u:%u: ", file, line, col);
		else
			str_printf(&b, "%s: ", d->function);
		str_printf(&b, "%s " H2S_WORDS_STACK, d->text);
		if (r->opt.verbose)
			str_printf(&b, ": " H2S_DELETED_WORDS);
		add_line(L, file, line, col, b.s);
	}
}

char *h2s_format_report(const h2s_result *r)
{
	lines L = {0};
	h2s_str out = {0};
	report_deleted(&L, r);
	for (unsigned i = 0; i < r->nfn; i++)
		report_func(&L, &r->fns[i]);
	qsort(L.v, L.n, sizeof *L.v, line_cmp);
	for (unsigned i = 0; i < L.n; i++)
		if (!i || strcmp(L.v[i].text, L.v[i - 1].text))
			str_printf(&out, "%s\n", L.v[i].text);
	for (unsigned i = 0; i < L.n; i++)
		free(L.v[i].text);
	free(L.v);
	if (!out.s)
		out.s = xstrdup("");
	return out.s;
}

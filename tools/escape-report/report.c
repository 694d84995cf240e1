/*
 * Findings: the records of each file turned into Go's messages, with the
 * source text libclang gives for their positions; printed sorted by file,
 * line and column and de-duplicated, as text (-m, -m=2) or JSON.
 */
#define _GNU_SOURCE
#include "escape-report.h"
#include "heap2stack/explain.h"
#include "heap2stack/reasons.h"
#include "../profile/report.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* -json's "version": raised when a field changes meaning or goes; new
 * fields do not raise it. */
#define JSON_VERSION 1

static const char *const kind_names[] = {"allocation", "parameter", "address"};

report *report_new(void)
{
	return xcalloc(1, sizeof(report));
}

static finding *add(report *r)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 32;
		r->v = xrealloc(r->v, r->cap * sizeof *r->v);
	}
	finding *f = &r->v[r->n];
	memset(f, 0, sizeof *f);
	f->seq = r->n++;
	f->size = -1;
	f->level = -1;
	return f;
}

/* ------------------------------------------------------------ paths */

typedef struct paths {
	const job *j;
	const char *cwd;
	source *src;
} paths;

/* The canonical path of a file named in the records. */
static char *real_of(const paths *p, const char *name)
{
	char *full, *r;
	if (!name || !*name)
		return xstrdup("");
	full = path_join(p->j->dir ? p->j->dir : p->cwd, name);
	r = source_resolve(p->src, name, full);
	free(full);
	return r;
}

/* How a file named in the records is shown: the main file as the user
 * named it; others as the compiler saw them when it ran here, else
 * relative to the current directory when under it. */
static char *display_of(const paths *p, const char *name)
{
	char *real;
	size_t n = strlen(p->cwd);
	if (!name || !*name)
		return xstrdup("");
	real = real_of(p, name);
	if (strcmp(real, p->j->abs) == 0) {
		free(real);
		return xstrdup(p->j->file);
	}
	if (name[0] == '/') {
		free(real);
		return xstrdup(name);
	}
	if (!p->j->dir) {
		/* compiled here: the name as the compiler saw it, when it
		 * names that file from here */
		char *c = canonical(name);
		int same = strcmp(c, real) == 0;
		free(c);
		if (same) {
			free(real);
			return xstrdup(name);
		}
	}
	if (strncmp(real, p->cwd, n) == 0 && real[n] == '/') {
		char *r = xstrdup(real + n + 1);
		free(real);
		return r;
	}
	return real;
}

/* ------------------------------------------------------------- words */

static char *fallback_expr(const rec_site *s)
{
	const char *a = s->allocator;
	if (s->size >= 0)
		return xasprintf("%s(%lld)", a, s->size);
	return xasprintf("%s(...)", a);
}

/* Every reason a site gets, from the plugin's vocabulary
 * (heap2stack/reasons.h), in its order: code, -m=2 words, meaning. */
const reason_info reason_table[] = {
#define H2S_REASON_INFO(name, code, phrase, help) {code, phrase, help},
	H2S_REASONS(H2S_REASON_INFO)
#undef H2S_REASON_INFO
};
const unsigned reason_count = sizeof reason_table / sizeof *reason_table;

const char *reason_words(const char *reason)
{
	for (unsigned i = 0; i < reason_count; i++)
		if (strcmp(reason_table[i].code, reason) == 0)
			return reason_table[i].words;
	return NULL;
}

static void position_text(strbuf *b, const char *file, unsigned line,
			  unsigned col)
{
	if (col)
		sb_printf(b, "%s:%u:%u", file, line, col);
	else
		sb_printf(b, "%s:%u", file, line);
}

/* "FILE:L:C: " or "FUNCTION: " without a position. */
static char *prefix_of(const finding *f)
{
	strbuf b = {0};
	if (f->file[0] && f->line) {
		position_text(&b, f->file, f->line, f->col);
		sb_puts(&b, ": ");
	} else {
		sb_printf(&b, "%s: ", f->function);
	}
	return sb_take(&b);
}

static int is_storage(const char *name)
{
	return strcmp(name, "{storage}") == 0;
}

/* e rendered with the first n steps of f's flow (heap2stack/explain.h). */
static char *render(h2s_explain *e, const finding *f, unsigned n)
{
	h2s_explain_step *st = xcalloc(f->nflow + 1, sizeof *st);
	char *out;
	for (unsigned k = 0; k < f->nflow; k++) {
		const fstep *s = &f->flow[k];
		st[k] = (h2s_explain_step){s->why,  s->dst,  s->src,   s->text,
					   s->file, s->line, s->col,   s->atext,
					   s->aline, s->acol};
	}
	e->steps = st;
	e->nsteps = n;
	out = h2s_explain_text(e);
	if (!out) {
		error_msg("out of memory");
		exit(1);
	}
	free(st);
	return out;
}

/* Go's explanation block of an escaping site: everything before its
 * verdict line (heap2stack/explain.h renders it, as for
 * print<escape<verbose>>). */
static char *explain(const finding *f)
{
	char *pre = prefix_of(f), *out;
	const char *w = reason_words(f->reason);
	int flow = strcmp(f->reason, "escapes") == 0;
	h2s_explain e = {
		.prefix = pre,
		.label = f->label,
		/* the allocation itself: for inlined code, the call in the
		 * callee */
		.alloc = f->inlined ? f->iexpr : f->expr,
		.reason = w ? w : f->detail,
		.file = f->inlined ? f->ifile : f->file,
		.line = f->inlined ? f->iline : f->line,
		.col = f->inlined ? f->icol : f->col,
	};
	out = render(&e, f, flow ? f->nflow : 0);
	free(pre);
	return out;
}

/* Go's block of a parameter whose form a flow makes: "parameter p leaks
 * to {heap} with derefs=1:" and the flow from it. */
static char *explain_param(const finding *f, const rec_param *q)
{
	char *pre = prefix_of(f), *out;
	h2s_explain e = {
		.prefix = pre,
		.param = q->name,
		.sink = strcmp(q->form, "result") ? "{heap}" : "~r0",
		.derefs = q->derefs,
	};
	out = render(&e, f, f->nflow);
	free(pre);
	return out;
}

/* ------------------------------------------------------------- adding */

/* How a canonical path is shown: the main file as the user named it,
 * others relative to the current directory when under it. */
static char *shown_path(const paths *p, const char *real)
{
	size_t n = strlen(p->cwd);
	if (strcmp(real, p->j->abs) == 0)
		return xstrdup(p->j->file);
	if (strncmp(real, p->cwd, n) == 0 && real[n] == '/')
		return xstrdup(real + n + 1);
	return xstrdup(real);
}

static int same_key(const src_alloc *a, const src_alloc *b)
{
	return a->line == b->line && a->col == b->col;
}

static int same_spelling(const src_alloc *a, const src_alloc *b)
{
	return a->sline == b->sline && a->scol == b->scol &&
	       !strcmp(a->sfile, b->sfile);
}

/* Several allocations at one position (the calls of one macro call, the
 * copies of a macro argument a macro uses twice) would print one line
 * each with the same text: label[i] names allocation i among them, by
 * where it is written (`malloc(5) at f.c:3:24`, in the macro definition)
 * and, for copies of one written call, by its rank (`copy 2 of 2`).
 * label[i] stays NULL for an allocation alone at its position. */
static void label_shared(const paths *p, const src_alloc *al, unsigned na,
			 char **label)
{
	for (unsigned i = 0; i < na; i++) {
		unsigned nshare = 0, rank = 0, ncopies = 0;
		strbuf b = {0};
		/* al is sorted by position: the others at i's are near */
		for (unsigned m = i; m-- > 0 && same_key(&al[m], &al[i]);) {
			nshare++;
			if (same_spelling(&al[m], &al[i])) {
				ncopies++;
				rank++;
			}
		}
		for (unsigned m = i; m < na && same_key(&al[m], &al[i]); m++) {
			nshare++;
			ncopies += same_spelling(&al[m], &al[i]);
		}
		if (nshare < 2)
			continue;
		if (al[i].sline != al[i].line || al[i].scol != al[i].col ||
		    strcmp(al[i].sfile, p->j->abs) != 0 || ncopies < 2) {
			char *where = shown_path(p, al[i].sfile);
			sb_printf(&b, "%s at %s:%u:%u", al[i].stext, where,
				  al[i].sline, al[i].scol);
			free(where);
		}
		if (ncopies > 1)
			sb_printf(&b, "%scopy %u of %u", b.n ? ", " : "",
				  rank + 1, ncopies);
		label[i] = sb_take(&b);
	}
}

/* Whether a record's allocator names the function callee calls. */
static int same_allocator(const char *allocator, const char *callee)
{
	if (!strncmp(allocator, "new", 3))
		return !strcmp(callee, "new") ||
		       !strncmp(callee, "operator new", 12);
	return !strcmp(allocator, callee);
}

/* match[k]: the allocation of al that site k of the records is (-1 when
 * it is not one of this file's). A site names its allocation by position;
 * where several share that position, by allocator and size among those
 * not yet taken by another site of the same copy of the code (the same
 * function and call site), in the order they are written. */
static void match_sites(const records *rec, char **inner_real,
			const char *main_real, const src_alloc *al,
			unsigned na, int *match)
{
	for (unsigned k = 0; k < rec->nsites; k++) {
		const rec_site *s = &rec->sites[k];
		unsigned lo = 0, hi = na;
		int best = -1, best_score = -1;
		match[k] = -1;
		if (!s->iline || strcmp(inner_real[k], main_real) != 0)
			continue;
		/* al is sorted by position: the allocations at s's */
		while (lo < hi) {
			unsigned mid = lo + (hi - lo) / 2;
			if (al[mid].line < s->iline ||
			    (al[mid].line == s->iline && al[mid].col < s->icol))
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo + 1 >= na || !same_key(&al[lo], &al[lo + 1])) {
			/* alone at its position: the usual case */
			if (lo < na && al[lo].line == s->iline &&
			    al[lo].col == s->icol)
				match[k] = (int)lo;
			continue;
		}
		for (unsigned i = lo; i < na && al[i].line == s->iline &&
				      al[i].col == s->icol;
		     i++) {
			int taken = 0, score;
			for (unsigned q = 0; q < k && !taken; q++) {
				const rec_site *t = &rec->sites[q];
				taken = match[q] == (int)i &&
					!strcmp(t->function, s->function) &&
					!strcmp(t->file, s->file) &&
					t->line == s->line && t->col == s->col;
			}
			score = !taken * 4 +
				same_allocator(s->allocator, al[i].callee) * 2 +
				(s->size >= 0 && s->size == al[i].size);
			if (score > best_score) {
				best = (int)i;
				best_score = score;
			}
		}
		match[k] = best;
	}
}

/* Step k of the flow steps[0..n) of a site or parameter, as finding f
 * shows it: its positions and the statements written there. */
static void add_step(fstep *t, const finding *f, const rec_step *steps,
		     unsigned n, unsigned k, const paths *p, source *src)
{
	const rec_step *w = &steps[k];
	char *sreal = real_of(p, w->file);
	t->why = xstrdup(w->why);
	t->dst = xstrdup(w->dst);
	t->src = xstrdup(w->src);
	t->file = display_of(p, w->file);
	t->line = w->line;
	t->col = w->col;
	t->text = source_stmt_text(src, sreal, w->line, w->col, w->why);
	if (!t->text && is_storage(w->src))
		t->text = xstrdup(f->inlined ? f->iexpr : f->expr);
	else if (!t->text)
		t->text = xstrdup(w->src);
	if (is_storage(w->src) && w->dst[0] != '{' && w->dst[0] != '~' &&
	    (k + 1 == n || strcmp(steps[k + 1].dst, w->dst) != 0))
		t->atext = source_assignment(src, sreal, w->line, w->col,
					     w->dst, &t->aline, &t->acol);
	free(sreal);
}

/* The finding of one allocation site of the records. inner_real: where
 * its call is written, resolved. */
static void add_site(report *r, const paths *p, source *src,
		     const rec_site *s, const char *inner_real)
{
	char *oreal = real_of(p, s->file);
	finding *f = add(r);
	f->kind = K_ALLOC;
	f->file = display_of(p, s->file);
	f->line = s->line;
	f->col = s->col;
	f->symbol = xstrdup(s->function);
	{
		const char *n = source_function_name(src, s->function);
		f->function = xstrdup(n ? n : s->function);
	}
	f->inlined = s->line && (strcmp(oreal, inner_real) != 0 ||
				 s->line != s->iline || s->col != s->icol);
	f->expr = source_call_text(src, oreal, s->line, s->col,
				   f->inlined ? NULL : s->allocator);
	if (!f->expr)
		f->expr = fallback_expr(s);
	if (f->inlined) {
		f->ifile = display_of(p, s->ifile);
		f->iline = s->iline;
		f->icol = s->icol;
		f->iexpr = source_call_text(src, inner_real, s->iline,
					    s->icol, s->allocator);
		if (!f->iexpr)
			f->iexpr = fallback_expr(s);
	}
	f->heap = !s->stack;
	f->verdict = xstrdup(s->stack ? "stack" : "heap");
	f->size = s->size;
	f->reason = xstrdup(s->reason);
	f->detail = xstrdup(s->detail);
	f->allocator = xstrdup(s->allocator);
	f->nflow = s->nsteps;
	f->flow = xcalloc(s->nsteps + 1, sizeof *f->flow);
	for (unsigned k = 0; k < s->nsteps; k++)
		add_step(&f->flow[k], f, s->steps, s->nsteps, k, p, src);
	free(oreal);
}

/* A finding of a name declared in function: a parameter (param) or a
 * local; col 0: the column of its declaration, which libclang finds. */
static finding *add_named(report *r, const paths *p, source *src, int kind,
			  const char *file, unsigned line, unsigned col,
			  const char *function, const char *name, int param)
{
	char *real = real_of(p, file);
	finding *f = add(r);
	const char *n = source_function_name(src, function);
	f->kind = kind;
	f->file = display_of(p, file);
	f->line = line;
	f->col = col ? col
		     : source_decl_col(src, real, line, name, function, param);
	f->symbol = xstrdup(function);
	f->function = xstrdup(n ? n : function);
	f->expr = xstrdup(name);
	free(real);
	return f;
}

static void add_param(report *r, const paths *p, source *src,
		      const rec_param *q)
{
	finding *f = add_named(r, p, src, K_PARAM, q->file, q->line, 0,
			       q->function, q->name, 1);
	f->verdict = xstrdup(q->form);
	if (!strcmp(q->form, "leak"))
		f->message = xasprintf("leaking param: %s", q->name);
	else if (!strcmp(q->form, "content"))
		f->message = xasprintf("leaking param content: %s", q->name);
	else if (!strcmp(q->form, "result")) {
		f->message = xasprintf("leaking param: %s to result ~r0 "
				       "level=%u",
				       q->name, q->level);
		f->level = (int)q->level;
	} else
		f->message = xasprintf("%s " H2S_WORDS_STACK, q->name);
	f->nflow = q->nsteps;
	f->flow = xcalloc(q->nsteps + 1, sizeof *f->flow);
	for (unsigned k = 0; k < q->nsteps; k++)
		add_step(&f->flow[k], f, q->steps, q->nsteps, k, p, src);
	if (q->nsteps)
		f->block = explain_param(f, q);
}

static void add_addr(report *r, const paths *p, source *src,
		     const rec_addr *a)
{
	finding *f = add_named(r, p, src, K_ADDR, a->file, a->line, a->col,
			       a->function, a->name, 0);
	f->verdict = xstrdup("escapes");
	f->reason = xstrdup("escapes");
	f->detail = xstrdup(a->detail);
	f->message = xasprintf("address of %s escapes", a->name);
}

static void src_allocs_free(src_alloc *al, char **alabel, unsigned na)
{
	for (unsigned i = 0; i < na; i++) {
		free(al[i].text);
		free(al[i].function);
		free(al[i].callee);
		free(al[i].sfile);
		free(al[i].stext);
		free(alabel[i]);
	}
	free(al);
	free(alabel);
}

/* The records' sites among several allocations written at one position
 * (from first on in r): each is named as the allocation it matches. */
static void label_shared_sites(report *r, const paths *p, source *src,
			       const records *rec, char **inner_real,
			       unsigned first)
{
	src_alloc *al = NULL;
	unsigned na = source_allocations(src, &al);
	char **alabel = xcalloc(na + 1, sizeof *alabel);
	int *match = xcalloc(rec->nsites + 1, sizeof *match);
	label_shared(p, al, na, alabel);
	match_sites(rec, inner_real, p->j->abs, al, na, match);
	for (unsigned k = 0; k < rec->nsites; k++) {
		finding *f = &r->v[first + k];
		const char *l = match[k] >= 0 ? alabel[match[k]] : NULL;
		if (!l)
			continue;
		f->shared = (unsigned)match[k] + 1;
		if (f->inlined)
			f->label = xasprintf("%s [%s at %s:%u:%u: %s]",
					     f->expr, f->iexpr, f->ifile,
					     f->iline, f->icol, l);
		else
			f->label = xasprintf("%s [%s]", f->expr, l);
	}
	src_allocs_free(al, alabel, na);
	free(match);
}

/* Several allocations inlined at one call site: name each one. */
static void label_inlined(report *r, unsigned first)
{
	for (unsigned i = first; i < r->n; i++) {
		finding *f = &r->v[i];
		int ambiguous = 0;
		if (f->kind != K_ALLOC || !f->inlined || f->label)
			continue;
		for (unsigned k = first; k < r->n && !ambiguous; k++) {
			const finding *g = &r->v[k];
			ambiguous = g->kind == K_ALLOC && g->inlined &&
				    g->line == f->line && g->col == f->col &&
				    !strcmp(g->file, f->file) &&
				    (g->iline != f->iline || g->icol != f->icol ||
				     strcmp(g->ifile, f->ifile));
		}
		if (ambiguous)
			f->label = xasprintf("%s [%s at %s:%u:%u]", f->expr,
					     f->iexpr, f->ifile, f->iline,
					     f->icol);
	}
}

void report_add(report *r, const job *j, const records *rec, source *src,
		const char *cwd)
{
	paths p = {j, cwd, src};
	unsigned first = r->n;
	char **inner_real = xcalloc(rec->nsites + 1, sizeof *inner_real);

	for (unsigned i = 0; i < rec->nsites; i++) {
		inner_real[i] = real_of(&p, rec->sites[i].ifile);
		add_site(r, &p, src, &rec->sites[i], inner_real[i]);
	}
	for (unsigned i = 0; i < rec->nparams; i++)
		add_param(r, &p, src, &rec->params[i]);
	for (unsigned i = 0; i < rec->naddrs; i++)
		add_addr(r, &p, src, &rec->addrs[i]);
	label_shared_sites(r, &p, src, rec, inner_real, first);
	for (unsigned i = 0; i < rec->nsites; i++)
		free(inner_real[i]);
	free(inner_real);
	label_inlined(r, first);
	for (unsigned i = first; i < r->n; i++) {
		finding *f = &r->v[i];
		if (f->kind != K_ALLOC)
			continue;
		if (!f->label)
			f->label = xstrdup(f->expr);
		f->message = xasprintf("%s %s", f->label,
				       f->heap ? H2S_WORDS_HEAP
					       : H2S_WORDS_STACK);
		if (f->heap)
			f->block = explain(f);
	}
}

/* ----------------------------------------------------------- printing */

static int finding_cmp(const void *a, const void *b)
{
	const finding *x = a, *y = b;
	int c;
	/* with --profile: the allocations that ran, most freed in their
	 * frame first, then most run; then the rest by position */
	if (x->has_run != y->has_run)
		return x->has_run ? -1 : 1;
	if (x->has_run && x->run[H2S_CLASS_K0] != y->run[H2S_CLASS_K0])
		return x->run[H2S_CLASS_K0] > y->run[H2S_CLASS_K0] ? -1 : 1;
	if (x->has_run && x->run_calls != y->run_calls)
		return x->run_calls > y->run_calls ? -1 : 1;
	int xp = x->file[0] && x->line, yp = y->file[0] && y->line;
	if (xp != yp)
		return xp ? -1 : 1;
	if ((c = strcmp(x->file, y->file)))
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	if (!xp && (c = strcmp(x->function, y->function)))
		return c;
	/* allocations inlined at one call: in the order they are written */
	if (x->inlined && y->inlined) {
		if ((c = strcmp(x->ifile, y->ifile)))
			return c;
		if (x->iline != y->iline)
			return x->iline < y->iline ? -1 : 1;
		if (x->icol != y->icol)
			return x->icol < y->icol ? -1 : 1;
	}
	/* several allocations at one position: as they are spelled */
	if (x->shared && y->shared && x->shared != y->shared)
		return x->shared < y->shared ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int same_place(const finding *x, const finding *y)
{
	return x->line == y->line && x->col == y->col &&
	       !strcmp(x->file, y->file) &&
	       (x->file[0] || !strcmp(x->function, y->function));
}

static int same_text(const finding *x, const finding *y, int mode)
{
	if (strcmp(x->message, y->message))
		return 0;
	if (mode == OUT_M1)
		return 1;
	if (!x->block != !y->block)
		return 0;
	return !x->block || !strcmp(x->block, y->block);
}

static void json_str_or_null(strbuf *b, const char *v)
{
	if (v)
		sb_json(b, v);
	else
		sb_puts(b, "null");
}

static void json_opt_str(strbuf *b, const char *key, const char *v)
{
	sb_printf(b, ", \"%s\": ", key);
	json_str_or_null(b, v);
}

void json_run(strbuf *b, const finding *f)
{
	if (!f->has_run) {
		sb_puts(b, "\"run\": null");
		return;
	}
	sb_printf(b, "\"run\": {\"allocations\": %llu",
		  (unsigned long long)f->run_calls);
	for (int c = 0; c < H2S_CLASS_COUNT; c++)
		sb_printf(b, ", \"%s\": %llu", h2s_class_names[c],
			  (unsigned long long)f->run[c]);
	sb_puts(b, "}");
}

static char *json_of(const finding *f, int profiled)
{
	strbuf b = {0};
	sb_puts(&b, "{\"file\": ");
	sb_json(&b, f->file);
	sb_printf(&b, ", \"line\": %u, \"column\": %u", f->line, f->col);
	sb_puts(&b, ", \"function\": ");
	sb_json(&b, f->function);
	sb_printf(&b, ", \"kind\": \"%s\"", kind_names[f->kind]);
	sb_puts(&b, ", \"expression\": ");
	sb_json(&b, f->expr);
	sb_puts(&b, ", \"verdict\": ");
	sb_json(&b, f->verdict);
	sb_puts(&b, ", \"message\": ");
	sb_json(&b, f->message);
	if (f->size >= 0)
		sb_printf(&b, ", \"size\": %lld", f->size);
	else
		sb_puts(&b, ", \"size\": null");
	json_opt_str(&b, "allocator", f->allocator);
	json_opt_str(&b, "reason", f->reason);
	json_opt_str(&b, "detail", f->detail);
	if (f->level >= 0)
		sb_printf(&b, ", \"level\": %d", f->level);
	else
		sb_puts(&b, ", \"level\": null");
	if (f->inlined) {
		sb_puts(&b, ", \"inlined_from\": {\"file\": ");
		sb_json(&b, f->ifile);
		sb_printf(&b, ", \"line\": %u, \"column\": %u, \"expression\": ",
			  f->iline, f->icol);
		sb_json(&b, f->iexpr);
		sb_puts(&b, "}");
	} else {
		sb_puts(&b, ", \"inlined_from\": null");
	}
	if (profiled) {
		sb_puts(&b, ", ");
		json_run(&b, f);
	}
	sb_puts(&b, ", \"flow\": [");
	for (unsigned k = 0; k < f->nflow; k++) {
		const fstep *s = &f->flow[k];
		sb_puts(&b, k ? ", {\"why\": " : "{\"why\": ");
		sb_json(&b, s->why);
		sb_puts(&b, ", \"dst\": ");
		sb_json(&b, s->dst);
		sb_puts(&b, ", \"src\": ");
		sb_json(&b, s->src);
		sb_puts(&b, ", \"file\": ");
		sb_json(&b, s->file);
		sb_printf(&b, ", \"line\": %u, \"column\": %u, \"text\": ",
			  s->line, s->col);
		sb_json(&b, s->text);
		sb_puts(&b, "}");
	}
	sb_puts(&b, "]}");
	return sb_take(&b);
}

/* "1234", "12.3K", "1.2M": a run-time count in a few characters. */
static void count_words(strbuf *b, uint64_t n)
{
	static const char unit[] = "KMGTPE";
	double v = (double)n;
	int u = -1;
	if (n < 10000) {
		sb_printf(b, "%llu", (unsigned long long)n);
		return;
	}
	while (v >= 999.95 && u < 5) {
		v /= 1000;
		u++;
	}
	sb_printf(b, "%.1f%c", v, unit[u]);
}

/* With --profile, what an allocation did at run time:
 * " (run: 1.2M calls, 99% freed in its frame)". */
char *run_words(const finding *f)
{
	strbuf b = {0};
	sb_puts(&b, "");
	if (f->kind != K_ALLOC || !f->has_run)
		return sb_take(&b);
	sb_puts(&b, " (run: ");
	count_words(&b, f->run_calls);
	sb_printf(&b, " call%s, %.0f%% freed in its frame",
		  f->run_calls == 1 ? "" : "s",
		  f->run_calls ? 100.0 * (double)f->run[H2S_CLASS_K0] /
					 (double)f->run_calls
			       : 0.0);
	if (f->run[H2S_CLASS_K1])
		sb_printf(&b, ", %.0f%% in the caller's",
			  100.0 * (double)f->run[H2S_CLASS_K1] /
				  (double)f->run_calls);
	sb_puts(&b, ")");
	return sb_take(&b);
}

/* 1 when profile site s is the allocation of finding f: the same position
 * where the call is written and where it ended up, in the same function. */
static int run_matches(const finding *f, const site_info *s)
{
	const src_frame *in, *out;
	const char *ifile = f->inlined ? f->ifile : f->file;
	unsigned iline = f->inlined ? f->iline : f->line;
	unsigned icol = f->inlined ? f->icol : f->col;
	if (s->p->system || !s->nframes || !f->file[0] || !f->line)
		return 0;
	in = &s->frames[0];
	out = &s->frames[s->nframes - 1];
	return in->line == iline && in->col == icol && out->line == f->line &&
	       out->col == f->col && source_file_matches(in->file, ifile) &&
	       source_file_matches(out->file, f->file) &&
	       (!f->symbol || !f->symbol[0] || !strcmp(out->function, f->symbol));
}

void report_attach_run(report *r, const site_info *s, size_t n)
{
	r->profiled = 1;
	for (unsigned i = 0; i < r->n; i++) {
		finding *f = &r->v[i];
		if (f->kind != K_ALLOC)
			continue;
		for (size_t k = 0; k < n; k++) {
			if (!run_matches(f, &s[k]))
				continue;
			f->has_run = 1;
			f->run_calls += s[k].p->calls;
			for (int c = 0; c < H2S_CLASS_COUNT; c++)
				f->run[c] += s[k].p->lifetimes[c];
		}
	}
}

static void report_sort(report *r)
{
	if (r->n)
		qsort(r->v, r->n, sizeof *r->v, finding_cmp);
}

int report_repeats(const report *r, unsigned i, int mode)
{
	const finding *f = &r->v[i];
	for (unsigned k = i; k-- > 0 && same_place(&r->v[k], f);)
		if (same_text(&r->v[k], f, mode))
			return 1;
	return 0;
}

unsigned report_shown(report *r, const finding ***out)
{
	unsigned n = 0;
	*out = xcalloc(r->n + 1, sizeof **out);
	report_sort(r);
	for (unsigned i = 0; i < r->n; i++)
		if (!report_repeats(r, i, OUT_M2))
			(*out)[n++] = &r->v[i];
	return n;
}

void report_input(report *r, const char *file, const char *level)
{
	if (r->ninputs == r->cap_inputs) {
		r->cap_inputs = r->cap_inputs ? 2 * r->cap_inputs : 8;
		r->inputs = xrealloc(r->inputs,
				     r->cap_inputs * sizeof *r->inputs);
	}
	r->inputs[r->ninputs].file = xstrdup(file);
	r->inputs[r->ninputs].level = level ? xstrdup(level) : NULL;
	r->ninputs++;
}

static void json_strings(strbuf *b, char *const *v, unsigned n)
{
	sb_putc(b, '[');
	for (unsigned i = 0; i < n; i++) {
		if (i)
			sb_puts(b, ", ");
		sb_json(b, v[i]);
	}
	sb_putc(b, ']');
}

void json_options(strbuf *b, const report *r, const run_info *ri)
{
	sb_puts(b, "{\"optimization\": ");
	json_str_or_null(b, ri->opt_given ? ri->opt : NULL);
	json_opt_str(b, "compile_commands", ri->build_dir);
	sb_puts(b, ", \"clang_args\": ");
	json_strings(b, ri->extra, (unsigned)ri->nextra);
	json_opt_str(b, "fail_on_heap", ri->gate);
	sb_puts(b, ", \"profiles\": ");
	json_strings(b, ri->profiles->v, ri->profiles->n);
	sb_printf(b, ", \"timeout\": %u, \"inputs\": [", ri->timeout);
	for (unsigned i = 0; i < r->ninputs; i++) {
		sb_puts(b, i ? ", {\"file\": " : "{\"file\": ");
		sb_json(b, r->inputs[i].file);
		json_opt_str(b, "level", r->inputs[i].level);
		sb_putc(b, '}');
	}
	sb_puts(b, "]}");
}

/* -json: one object, its findings one per line (docs/escape-report.md). */
static void print_json(report *r, const run_info *ri)
{
	strbuf b = {0};
	unsigned printed = 0;
	sb_printf(&b, "{\"version\": %d, \"tool\": \"escape-report\", "
		      "\"heap2stack\": \"%s\", \"llvm\": %d,\n \"options\": ",
		  JSON_VERSION, H2S_VERSION, H2S_LLVM_MAJOR);
	json_options(&b, r, ri);
	sb_puts(&b, ",\n \"findings\": [");
	for (unsigned i = 0; i < r->n; i++) {
		char *j;
		if (report_repeats(r, i, OUT_JSON))
			continue;
		j = json_of(&r->v[i], r->profiled);
		sb_printf(&b, "%s%s", printed++ ? ",\n  " : "\n  ", j);
		free(j);
	}
	sb_puts(&b, printed ? "\n]}\n" : "]}\n");
	fputs(b.s, stdout);
	free(b.s);
}

/* --severity: the word problem matchers read after the position. */
static const char *severity_of(const finding *f)
{
	if (f->kind == K_ALLOC && f->heap)
		return f->gated ? "error: " : "warning: ";
	return "note: ";
}

/* The -m=2 block of f, each line a note with --severity. */
static void print_block(const finding *f, const char *pre, int severity)
{
	size_t n = strlen(pre);
	for (const char *p = f->block; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) + 1 : strlen(p);
		if (severity && strncmp(p, pre, n) == 0)
			printf("%snote: %.*s", pre, (int)(len - n), p + n);
		else
			printf("%.*s", (int)len, p);
		p += len;
	}
}

static void print_text(const finding *f, int mode, int severity)
{
	char *pre = prefix_of(f), *run = run_words(f);
	const char *sev = severity ? severity_of(f) : "";
	if (mode == OUT_M2 && f->block)
		print_block(f, pre, severity);
	/* -m=2: what a demotion made of the allocation */
	if (mode == OUT_M2 && f->kind == K_ALLOC && !f->heap && f->detail &&
	    *f->detail)
		printf("%s%s%s: %s%s\n", pre, sev, f->message, f->detail, run);
	else
		printf("%s%s%s%s\n", pre, sev, f->message, run);
	free(pre);
	free(run);
}

void report_print(report *r, int mode, const run_info *ri)
{
	report_sort(r);
	if (mode == OUT_JSON)
		print_json(r, ri);
	else if (mode == OUT_SARIF)
		sarif_print(r, ri);
	else
		for (unsigned i = 0; i < r->n; i++)
			if (!report_repeats(r, i, mode))
				print_text(&r->v[i], mode, ri->severity);
	fflush(stdout);
}

static int gate_matches(const finding *f, const regex_t *re)
{
	return f->kind == K_ALLOC && f->heap &&
	       (regexec(re, f->function, 0, NULL, 0) == 0 ||
		regexec(re, f->symbol, 0, NULL, 0) == 0);
}

/* Whether gated finding i repeats an earlier one at its place. */
static int gate_repeats(const report *r, unsigned i)
{
	const finding *f = &r->v[i];
	for (unsigned k = i; k-- > 0 && same_place(&r->v[k], f);)
		if (r->v[k].gated && !strcmp(r->v[k].message, f->message))
			return 1;
	return 0;
}

int report_mark_gate(report *r, const void *regex)
{
	int n = 0;
	report_sort(r);
	for (unsigned i = 0; i < r->n; i++) {
		r->v[i].gated = gate_matches(&r->v[i], regex);
		n += r->v[i].gated && !gate_repeats(r, i);
	}
	return n;
}

void report_gate(const report *r, const char *pattern)
{
	fflush(stdout);
	for (unsigned i = 0; i < r->n; i++) {
		const finding *f = &r->v[i];
		char *pre;
		if (!f->gated || gate_repeats(r, i))
			continue;
		pre = prefix_of(f);
		fprintf(stderr,
			PROG ": %s%s in %s, which matches --fail-on-heap=%s\n",
			pre, f->message, f->function, pattern);
		free(pre);
	}
}

void report_free(report *r)
{
	for (unsigned i = 0; i < r->n; i++) {
		finding *f = &r->v[i];
		free(f->file);
		free(f->function);
		free(f->symbol);
		free(f->expr);
		free(f->label);
		free(f->verdict);
		free(f->message);
		free(f->reason);
		free(f->detail);
		free(f->allocator);
		free(f->ifile);
		free(f->iexpr);
		for (unsigned k = 0; k < f->nflow; k++) {
			free(f->flow[k].why);
			free(f->flow[k].dst);
			free(f->flow[k].src);
			free(f->flow[k].file);
			free(f->flow[k].text);
			free(f->flow[k].atext);
		}
		free(f->flow);
		free(f->block);
	}
	for (unsigned i = 0; i < r->ninputs; i++) {
		free(r->inputs[i].file);
		free(r->inputs[i].level);
	}
	free(r->inputs);
	free(r->v);
	free(r);
}

/*
 * Go's explanation block (include/heap2stack/explain.h): one renderer for
 * print<escape<verbose>> and escape-report -m=2. The C library only.
 */
#include "heap2stack/explain.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct text {
	char *s;
	size_t n, cap;
	int failed;
} text;

static void put(text *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void put(text *t, const char *fmt, ...)
{
	va_list ap;
	int n;
	if (t->failed)
		return;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (t->n + (size_t)n + 1 > t->cap &&
		      !(t->cap = 2 * (t->n + (size_t)n + 1),
			t->s = realloc(t->s, t->cap)))) {
		t->failed = 1;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(t->s + t->n, t->cap - t->n, fmt, ap);
	va_end(ap);
	t->n += (size_t)n;
}

/* " at FILE:L:C" (":C" left out when 0), or nothing without a line. */
static void at(text *t, const char *file, unsigned line, unsigned col)
{
	if (!file || !*file || !line)
		return;
	if (col)
		put(t, " at %s:%u:%u", file, line, col);
	else
		put(t, " at %s:%u", file, line);
}

static int is_storage(const char *name)
{
	return strcmp(name, "{storage}") == 0;
}

static int same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Steps a and b say the same: the same words at the same position, and
 * no assignment after a spill. */
static int same_step(const h2s_explain_step *a, const h2s_explain_step *b)
{
	return !a->atext && !b->atext && same_str(a->why, b->why) &&
	       same_str(a->text, b->text) && same_str(a->file, b->file) &&
	       a->line == b->line && a->col == b->col;
}

char *h2s_explain_text(const h2s_explain *e)
{
	text t = {0};
	const char *pre = e->prefix;
	if (e->param)
		put(&t, "%sparameter %s leaks to %s with derefs=%u:\n", pre,
		    e->param, e->sink, e->derefs);
	else
		put(&t, "%s%s escapes to heap:\n", pre, e->label);
	if (!e->nsteps && !e->param) {
		put(&t, "%s  flow: {heap} = &{storage for %s}:\n", pre, e->alloc);
		put(&t, "%s    from %s (%s)", pre, e->alloc, e->reason);
		at(&t, e->file, e->line, e->col);
		put(&t, "\n");
	}
	for (unsigned i = 0; i < e->nsteps;) {
		const h2s_explain_step *s = e->steps;
		unsigned j = i;
		int derefs;
		while (j + 1 < e->nsteps && strcmp(s[j].dst, "{temp}") == 0)
			j++;
		derefs = is_storage(s[i].src) ? -1 : 0;
		for (unsigned k = i; k <= j; k++)
			if (strcmp(s[k].why, "indirection") == 0)
				derefs++;
		/* a parameter's first run starts derefs down it: a first step
		 * that is no load reads the stored pointers as they are */
		if (e->param && i == 0 && e->derefs)
			derefs += (int)e->derefs -
				  (strcmp(s[0].why, "indirection") == 0 ? 1 : 0);
		put(&t, "%s  flow: %s = %s", pre, s[j].dst, derefs < 0 ? "&" : "");
		for (int d = 0; d < derefs; d++)
			put(&t, "*");
		if (is_storage(s[i].src))
			put(&t, "{storage for %s}:\n", e->alloc);
		else if (e->param && i == 0)
			put(&t, "%s:\n", e->param);
		else
			put(&t, "%s:\n", s[i].src);
		for (unsigned k = i; k <= j; k++) {
			/* one statement's two edges (a copy's load and store)
			 * are one step to the reader */
			if (k > i && same_step(&s[k], &s[k - 1]))
				continue;
			put(&t, "%s    from %s (%s)", pre, s[k].text, s[k].why);
			at(&t, s[k].file, s[k].line, s[k].col);
			put(&t, "\n");
			if (s[k].atext) {
				put(&t, "%s    from %s (assign)", pre, s[k].atext);
				at(&t, s[k].file, s[k].aline, s[k].acol);
				put(&t, "\n");
			}
		}
		i = j + 1;
	}
	if (t.failed || !t.s) {
		free(t.s);
		return NULL;
	}
	return t.s;
}

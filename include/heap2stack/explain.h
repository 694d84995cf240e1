/*
 * Go's explanation block of an allocation that stays on the heap (`-m=2`,
 * Go's explainFlow), rendered once for both its printers: the plugin's
 * print<escape<verbose>> (from its result) and escape-report -m=2 (from the
 * plugin's Flow remarks, with the source text of each step). Both give the
 * same steps: the plugin's flow, from the allocation to where it escapes.
 *
 *   FILE:L:C: malloc(16) escapes to heap:
 *   FILE:L:C:   flow: p = &{storage for malloc(16)}:
 *   FILE:L:C:     from malloc(16) (spill) at FILE:L:C
 *   FILE:L:C:     from p = malloc(16) (assign) at FILE:L:C
 *   FILE:L:C:   flow: {heap} = p:
 *   FILE:L:C:     from g = p (assign) at FILE:L:C
 *
 * A `flow: DST = SRC:` line opens each run of steps that ends in a named
 * location (a run continues through {temp}s), as Go prints one flow per
 * edge between named locations with its steps below it; SRC is the run's
 * first source with a `*` per indirection, or `&{storage for ALLOC}` for
 * the allocation itself. A step that repeats the one before it (a
 * copy's load and store: the same words at the same position) is printed
 * once. Without steps (a reason that is not a flow): one
 * flow from the allocation to {heap}, and the reason in words.
 *
 * The implementation (pass/explain.c) uses the C library only: escape-report
 * compiles it too.
 */
#ifndef HEAP2STACK_EXPLAIN_H
#define HEAP2STACK_EXPLAIN_H

typedef struct h2s_explain_step {
	const char *why;          /* Go's word: spill, assign, return, ... */
	const char *dst, *src;    /* location names; src "{storage}" for the
				   * allocation itself */
	const char *text;         /* what the step's code is */
	const char *file;         /* where it is written (line 0: unknown) */
	unsigned line, col;
	/* After a spill into a named variable, the statement that names it
	 * (`p = malloc(16)`, Go's (assign) step), at aline:acol of file; or
	 * NULL. */
	const char *atext;
	unsigned aline, acol;
} h2s_explain_step;

typedef struct h2s_explain {
	const char *prefix;       /* each line's start: "FILE:L:C: " */
	const char *label;        /* the site as its verdict line names it */
	/* a parameter's block: the parameter's name (NULL for a site's
	 * block), the sink it leaks to ("{heap}" or "~r0") and how many
	 * derefs down: "parameter p leaks to {heap} with derefs=1:". Its
	 * first step starts from param, derefs derefs down (from the
	 * pointers stored derefs - 1 derefs down it: a first step that
	 * loads them is the last deref). */
	const char *param, *sink;
	unsigned derefs;
	const char *alloc;        /* the allocation call */
	/* without steps: why it stays on the heap, and where the allocation
	 * is written (line 0: unknown) */
	const char *reason;
	const char *file;
	unsigned line, col;
	const h2s_explain_step *steps;
	unsigned nsteps;
} h2s_explain;

/* The block, every line ending in a newline (malloc'd; the caller frees
 * it), or NULL when out of memory. */
char *h2s_explain_text(const h2s_explain *e);

#endif

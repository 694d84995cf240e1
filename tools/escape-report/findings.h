/*
 * The findings report.c builds from the records and the source, for the
 * writers of the report: the text and -json output (report.c) and the
 * annotated pages of -html (html.c). A writer presents them; it decides
 * nothing of its own.
 */
#ifndef ESCAPE_REPORT_FINDINGS_H
#define ESCAPE_REPORT_FINDINGS_H

#include "escape-report.h"
#include "../profile/report.h"

enum { K_ALLOC, K_PARAM, K_ADDR };

typedef struct fstep {
	char *why, *dst, *src;
	char *file;            /* display path */
	unsigned line, col;
	char *text;
	/* after a spill into a named variable: the declaration or
	 * assignment that names it (`p = malloc(16)`), Go's (assign) step */
	char *atext;
	unsigned aline, acol;
} fstep;

typedef struct finding {
	char *file;            /* display path, "" when unknown */
	unsigned line, col;
	int kind;
	char *function;        /* source name */
	char *symbol;          /* the function's symbol */
	char *expr;
	char *label;           /* expr, naming the inlined allocation when
				* several are inlined at one call */
	char *verdict;
	char *message;
	long long size;        /* -1: none */
	char *reason, *detail, *allocator;
	int level;             /* parameter result level, -1: none */
	int heap;
	int inlined;
	char *ifile;
	unsigned iline, icol;
	char *iexpr;
	fstep *flow;
	unsigned nflow;
	int has_run;           /* --profile found it at run time */
	uint64_t run_calls, run[H2S_CLASS_COUNT];
	char *block;           /* -m=2 explanation lines, or NULL */
	unsigned seq;
} finding;

/* The findings the report shows, in its order: sorted, each once (without
 * one that repeats an earlier one's place and -m=2 text). Returns how
 * many; *out is malloc'd, its entries point into r. */
unsigned report_shown(report *r, const finding ***out);
/* With --profile, what an allocation did at run time: " (run: 1.2M calls,
 * 99% freed in its frame)", or "". */
char *run_words(const finding *f);

#endif

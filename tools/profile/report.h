/*
 * heap2stack-profile report: profile + records -> ranked sites and totals.
 *
 *   report.c     joining, the text table and totals, JSON
 *   sites.c      loading profiles into symbolized sites (also used by
 *                escape-report --profile)
 *   symbolize.c  module addresses -> source positions (llvm-symbolizer)
 *   svg.c        the chart
 *   sizes.c      the sizes file for the plugin's profile=FILE
 */
#ifndef HEAP2STACK_PROFILE_REPORT_H
#define HEAP2STACK_PROFILE_REPORT_H

#include "../escape-report/escape-report.h"
#include "profile.h"

typedef struct report_options {
	int json;
	const char *svg;
	unsigned top;      /* rows of the text table and the chart */
} report_options;

/* One source position of a symbolized address: innermost (where the call
 * is written) first, then each inlined-at call site, the function the code
 * ended up in last. */
typedef struct src_frame {
	char *function, *file;
	unsigned line, col;
} src_frame;

/* A profile site with what the report knows about it. */
typedef struct site_info {
	const h2s_profile_site *p;
	src_frame *frames;
	unsigned nframes;
	const rec_site *rec;   /* the plugin's record, or NULL */
} site_info;

/* Totals over the program's sites (the system's apart). */
typedef struct totals {
	uint64_t calls, lifetimes[H2S_CLASS_COUNT], removed;
	uint64_t system_calls;
	unsigned sites, system_sites, joined;
} totals;

/* One row per reason a site is kept on the heap, weighted. */
typedef struct reason_row {
	const char *reason;    /* records' reason code, or "no record" */
	uint64_t calls, k0;
	unsigned sites;
} reason_row;

int report_run(const report_options *o, const strvec *profiles,
	       const strvec *records);

/* sizes.c: writes the sizes file of the profiles' program sites to path
 * (stdout when NULL or "-"). Returns the exit status. */
int sizes_run(const char *path, const strvec *profiles);

/* sites.c: the sites of the profiles in files, merged, symbolized, and
 * with the call instructions of one source position merged (their counts
 * in *ps). Returns 0, or -1 after an error message. */
int sites_load(const strvec *files, h2s_profile_site **ps, site_info **s,
	       size_t *n);
void sites_free(h2s_profile_site *ps, site_info *s, size_t n);
/* 1 when `name`, a file name as debug information spells it (maybe
 * relative), names `path`: equal, or a suffix of it at a '/'. */
int source_file_matches(const char *path, const char *name);

/* symbolize.c: fills frames of every site. Returns 0, or -1 after an
 * error message. */
int symbolize(site_info *s, size_t n);

/* svg.c */
int write_svg(const char *path, const site_info *s, size_t n,
	      const totals *t, const reason_row *r, unsigned nr,
	      unsigned top);

/* The display name of a site: FILE:LINE:COL of where the call is written,
 * or MODULE+0xADDR when it has no source position (malloc'd). */
char *site_name(const site_info *s);

#endif

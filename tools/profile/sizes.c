/*
 * heap2stack-profile sizes: the sizes each allocation site asked for, by
 * source position, for the plugin's `profile=FILE` parameter, which sizes
 * the stack buffer of each site whose size is known only at run time from
 * them (docs/design.md, "Guarded buffers sized by a profile").
 *
 *   #heap2stack-sizes 1
 *   site FUNCTION OUTER-FILE OUTER-LINE OUTER-COL INNER-FILE INNER-LINE
 *        INNER-COL calls reallocs max SIZES
 *
 * one site per line, fields separated by tabs. INNER is where the
 * allocation call is written, OUTER the position in FUNCTION, the function
 * the code ended up in after inlining (a linkage name): the key the
 * records' join uses too. SIZES is the profile's histogram: BUCKET:COUNT,...
 * with bucket b counting requests in (2^(b-1), 2^b], `-` when empty. Only
 * the program's sites with a source position are written; a site whose
 * names hold a tab or a newline cannot be, and is named on stderr.
 */
#define _GNU_SOURCE
#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int plain_text(const char *s)
{
	return !strpbrk(s, "\t\n");
}

static void write_site(FILE *out, const site_info *s)
{
	const src_frame *in = &s->frames[0], *o = &s->frames[s->nframes - 1];
	const h2s_profile_site *p = s->p;
	fprintf(out, "site\t%s\t%s\t%u\t%u\t%s\t%u\t%u\t%llu\t%llu\t%llu\t",
		o->function, o->file, o->line, o->col, in->file, in->line,
		in->col, (unsigned long long)p->calls,
		(unsigned long long)p->reallocs,
		(unsigned long long)p->max_size);
	h2s_profile_write_sizes(out, p->sizes);
	fputc('\n', out);
}

int sizes_run(const char *path, const strvec *profiles)
{
	h2s_profile_site *ps;
	site_info *s;
	size_t n;
	FILE *out = stdout;
	int status = 0;
	if (sites_load(profiles, &ps, &s, &n))
		return 1;
	if (path && strcmp(path, "-") && !(out = fopen(path, "w"))) {
		error_msg("cannot write %s: %s", path, strerror(errno));
		sites_free(ps, s, n);
		return 1;
	}
	fputs("#heap2stack-sizes 1\n", out);
	for (size_t i = 0; i < n; i++) {
		const site_info *x = &s[i];
		const src_frame *o;
		if (x->p->system || !x->nframes || !x->frames[0].line)
			continue;
		o = &x->frames[x->nframes - 1];
		if (!plain_text(o->function) || !plain_text(o->file) ||
		    !plain_text(x->frames[0].file)) {
			char *name = site_name(x);
			error_msg("warning: site %s not written: a tab or a "
				  "newline in its names",
				  name);
			free(name);
			continue;
		}
		write_site(out, x);
	}
	if (ferror(out) || (out != stdout && fclose(out))) {
		error_msg("cannot write %s: %s", path ? path : "stdout",
			  strerror(errno));
		status = 1;
	}
	sites_free(ps, s, n);
	return status;
}

/*
 * A profile's sites, symbolized: loading, merging the call instructions of
 * one source position, matching source file names. Shared by
 * heap2stack-profile's report and escape-report --profile.
 */
#define _GNU_SOURCE
#include "report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int load_profiles(const strvec *files, h2s_profile_site **sites,
			 size_t *n)
{
	for (unsigned i = 0; i < files->n; i++) {
		char err[256], *text = read_file(files->v[i], NULL);
		if (!text) {
			error_msg("cannot read %s: %s", files->v[i],
				  strerror(errno));
			return -1;
		}
		if (h2s_profile_read(text, sites, n, err, sizeof err)) {
			error_msg("%s: %s", files->v[i], err);
			free(text);
			return -1;
		}
		free(text);
	}
	return 0;
}

/* 1 when the record's file name `name` (as debug information spells it,
 * maybe relative) names `path`: equal, or a suffix at a '/'. */
int source_file_matches(const char *path, const char *name)
{
	size_t lp = strlen(path), ln = strlen(name);
	if (!ln || ln > lp)
		return 0;
	if (strcmp(path + lp - ln, name))
		return 0;
	return lp == ln || path[lp - ln - 1] == '/' || name[0] == '/';
}

/* 1 when two symbolized sites are one source position (loop unrolling and
 * tail duplication copy a call). */
static int same_position(const site_info *a, const site_info *b)
{
	if (a->p->system != b->p->system || a->nframes != b->nframes ||
	    !a->nframes || !a->frames[0].line || strcmp(a->p->module, b->p->module))
		return 0;
	for (unsigned f = 0; f < a->nframes; f++)
		if (a->frames[f].line != b->frames[f].line ||
		    a->frames[f].col != b->frames[f].col ||
		    strcmp(a->frames[f].file, b->frames[f].file) ||
		    strcmp(a->frames[f].function, b->frames[f].function))
			return 0;
	return 1;
}

static void free_frames(site_info *s)
{
	for (unsigned f = 0; f < s->nframes; f++) {
		free(s->frames[f].function);
		free(s->frames[f].file);
	}
	free(s->frames);
	s->frames = NULL;
	s->nframes = 0;
}

/* Merges the sites of one source position into the first of them, whose
 * counts (in ps, owned by the caller) grow. Returns the new count. */
static size_t merge_positions(site_info *s, size_t n, h2s_profile_site *ps)
{
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		size_t j;
		for (j = 0; j < m && !same_position(&s[j], &s[i]); j++)
			;
		if (j == m) {
			s[m++] = s[i];
			continue;
		}
		h2s_profile_site *to = &ps[s[j].p - ps];
		const h2s_profile_site *from = s[i].p;
		if (from->calls && (!to->calls || from->min_size < to->min_size))
			to->min_size = from->min_size;
		if (from->max_size > to->max_size)
			to->max_size = from->max_size;
		to->calls += from->calls;
		to->bytes += from->bytes;
		to->reallocs += from->reallocs;
		for (int k = 0; k < H2S_CLASS_COUNT; k++)
			to->lifetimes[k] += from->lifetimes[k];
		for (int k = 0; k < H2S_PROFILE_BUCKETS; k++)
			to->sizes[k] += from->sizes[k];
		free_frames(&s[i]);
	}
	return m;
}

int sites_load(const strvec *files, h2s_profile_site **ps, site_info **s,
	       size_t *n)
{
	*ps = NULL;
	*s = NULL;
	*n = 0;
	if (load_profiles(files, ps, n)) {
		free(*ps);
		*ps = NULL;
		return -1;
	}
	*s = xcalloc(*n ? *n : 1, sizeof **s);
	for (size_t i = 0; i < *n; i++)
		(*s)[i].p = &(*ps)[i];
	if (symbolize(*s, *n)) {
		sites_free(*ps, *s, *n);
		*ps = NULL;
		*s = NULL;
		return -1;
	}
	*n = merge_positions(*s, *n, *ps);
	return 0;
}

void sites_free(h2s_profile_site *ps, site_info *s, size_t n)
{
	for (size_t i = 0; s && i < n; i++)
		free_frames(&s[i]);
	free(s);
	free(ps);
}

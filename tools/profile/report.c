/*
 * The report: profiles and records in, ranked sites and totals out, as
 * text, JSON (docs/profile.md has the format) and an SVG chart.
 *
 * The limit is what the profile measured: a block freed while the function
 * that allocated it was still running (k=0) could have lived in that
 * function's frame. What heap2stack achieved is what its records say: the
 * run-time allocations of every site whose record's verdict is `stack`.
 * A profile site is joined with a record by source position: where the call
 * is written (the innermost frame of the symbolized address), the function
 * it ended up in and the position there (the outermost frame), as the
 * records give them (docs/escape-report.md, "The records"). Call
 * instructions with one source position (copies made by loop unrolling or
 * tail duplication) are one site.
 */
#define _GNU_SOURCE
#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ loading */

static int load_records(const strvec *files, records *r)
{
	char err[512];
	size_t len;
	memset(r, 0, sizeof *r);
	for (unsigned i = 0; i < files->n; i++) {
		char *text = read_file(files->v[i], &len);
		int status;
		if (!text) {
			error_msg("cannot read %s: %s", files->v[i],
				  strerror(errno));
			return -1;
		}
		status = records_parse(text, len, r, err, sizeof err);
		free(text);
		if (status) {
			error_msg("%s: %s", files->v[i], err);
			return -1;
		}
	}
	return 0;
}

/* ------------------------------------------------------------ joining */

static const rec_site *find_record(const records *r, const site_info *s)
{
	const src_frame *in, *out;
	if (!s->nframes)
		return NULL;
	in = &s->frames[0];
	out = &s->frames[s->nframes - 1];
	if (!in->line)
		return NULL;
	for (unsigned i = 0; i < r->nsites; i++) {
		const rec_site *c = &r->sites[i];
		if (c->iline == in->line && c->icol == in->col &&
		    c->line == out->line && c->col == out->col &&
		    !strcmp(c->function, out->function) &&
		    source_file_matches(in->file, c->ifile) &&
		    source_file_matches(out->file, c->file))
			return c;
	}
	return NULL;
}

char *site_name(const site_info *s)
{
	if (s->nframes && s->frames[0].line)
		return xasprintf("%s:%u:%u", s->frames[0].file,
				 s->frames[0].line, s->frames[0].col);
	return xasprintf("%s+0x%llx", s->p->module,
			 (unsigned long long)s->p->vaddr);
}

static int removed(const site_info *s)
{
	return s->rec && s->rec->stack;
}

/* Sites ranked: program before system, most k=0 blocks first, then most
 * calls, then by name for a stable order. */
static int by_rank(const void *a, const void *b)
{
	const site_info *x = a, *y = b;
	uint64_t kx = x->p->lifetimes[H2S_CLASS_K0],
		 ky = y->p->lifetimes[H2S_CLASS_K0];
	int c;
	char *nx, *ny;
	if (x->p->system != y->p->system)
		return x->p->system - y->p->system;
	if (kx != ky)
		return kx > ky ? -1 : 1;
	if (x->p->calls != y->p->calls)
		return x->p->calls > y->p->calls ? -1 : 1;
	nx = site_name(x);
	ny = site_name(y);
	c = strcmp(nx, ny);
	free(nx);
	free(ny);
	return c ? c : (x->p->vaddr < y->p->vaddr ? -1 : x->p->vaddr > y->p->vaddr);
}

static void add_totals(totals *t, const site_info *s)
{
	if (s->p->system) {
		t->system_calls += s->p->calls;
		t->system_sites++;
		return;
	}
	t->sites++;
	t->calls += s->p->calls;
	for (int k = 0; k < H2S_CLASS_COUNT; k++)
		t->lifetimes[k] += s->p->lifetimes[k];
	if (s->rec)
		t->joined++;
	if (removed(s))
		t->removed += s->p->calls;
}

/* Program sites kept on the heap, grouped by their record's reason. */
static reason_row *reasons(const site_info *s, size_t n, unsigned *nr)
{
	reason_row *r = NULL;
	*nr = 0;
	for (size_t i = 0; i < n; i++) {
		const char *why;
		unsigned k;
		if (s[i].p->system || removed(&s[i]))
			continue;
		why = s[i].rec ? s[i].rec->reason : "no record";
		for (k = 0; k < *nr; k++)
			if (!strcmp(r[k].reason, why))
				break;
		if (k == *nr) {
			r = xrealloc(r, (*nr + 1) * sizeof *r);
			memset(&r[k], 0, sizeof r[k]);
			r[k].reason = why;
			(*nr)++;
		}
		r[k].sites++;
		r[k].calls += s[i].p->calls;
		r[k].k0 += s[i].p->lifetimes[H2S_CLASS_K0];
	}
	return r;
}

static int by_weight(const void *a, const void *b)
{
	const reason_row *x = a, *y = b;
	if (x->k0 != y->k0)
		return x->k0 > y->k0 ? -1 : 1;
	if (x->calls != y->calls)
		return x->calls > y->calls ? -1 : 1;
	return strcmp(x->reason, y->reason);
}

/* ------------------------------------------------------------ text */

static double share(uint64_t part, uint64_t whole)
{
	return whole ? 100.0 * (double)part / (double)whole : 0.0;
}

/* The bytes a site's blocks had: "N", or "MIN-MAX" (MAX after realloc). */
static void size_range(strbuf *b, const h2s_profile_site *p)
{
	if (!p->calls)
		sb_puts(b, "-");
	else if (p->min_size == p->max_size)
		sb_printf(b, "%llu", (unsigned long long)p->min_size);
	else
		sb_printf(b, "%llu-%llu", (unsigned long long)p->min_size,
			  (unsigned long long)p->max_size);
}

static void print_frames(const site_info *s)
{
	for (unsigned f = 1; f < s->nframes; f++)
		printf("        inlined into %s at %s:%u:%u\n",
		       s->frames[f].function, s->frames[f].file,
		       s->frames[f].line, s->frames[f].col);
}

static void print_text(const site_info *s, size_t n, const totals *t,
		       const reason_row *r, unsigned nr, int have_records,
		       unsigned top)
{
	unsigned shown = 0;
	printf("%llu allocations by the program at %u sites; %llu could have "
	       "lived on the stack (freed inside their function, k=0, %.1f%%)",
	       (unsigned long long)t->calls, t->sites,
	       (unsigned long long)t->lifetimes[H2S_CLASS_K0],
	       share(t->lifetimes[H2S_CLASS_K0], t->calls));
	if (have_records)
		printf("; heap2stack removed %llu (%.1f%% of the limit)\n",
		       (unsigned long long)t->removed,
		       share(t->removed, t->lifetimes[H2S_CLASS_K0]));
	else
		printf("; no --records: what heap2stack removed is unknown\n");
	printf("freed in the caller (k=1) %llu, k=2 %llu, k=3 %llu, later "
	       "(outlived) %llu, never (unfreed) %llu\n",
	       (unsigned long long)t->lifetimes[H2S_CLASS_K1],
	       (unsigned long long)t->lifetimes[H2S_CLASS_K2],
	       (unsigned long long)t->lifetimes[H2S_CLASS_K3],
	       (unsigned long long)t->lifetimes[H2S_CLASS_OUTLIVED],
	       (unsigned long long)t->lifetimes[H2S_CLASS_UNFREED]);
	if (t->system_sites)
		printf("allocations by system libraries and programs, not "
		       "counted: %llu at %u sites\n",
		       (unsigned long long)t->system_calls, t->system_sites);
	if (have_records)
		printf("sites joined with a record: %u of %u\n", t->joined,
		       t->sites);
	printf("\n%4s %12s %6s %6s %6s %6s %6s %-13s %-7s %s\n", "#", "calls",
	       "k=0", "k=1", "k=2-3", "later", "never", "bytes", "verdict",
	       "site");
	for (size_t i = 0; i < n && shown < top; i++) {
		const h2s_profile_site *p = s[i].p;
		strbuf sz = {0};
		char *name;
		if (p->system)
			continue;
		shown++;
		size_range(&sz, p);
		name = site_name(&s[i]);
		printf("%4u %12llu %5.1f%% %5.1f%% %5.1f%% %5.1f%% %5.1f%% "
		       "%-13s %-7s %s\n",
		       shown, (unsigned long long)p->calls,
		       share(p->lifetimes[H2S_CLASS_K0], p->calls),
		       share(p->lifetimes[H2S_CLASS_K1], p->calls),
		       share(p->lifetimes[H2S_CLASS_K2] +
				     p->lifetimes[H2S_CLASS_K3],
			     p->calls),
		       share(p->lifetimes[H2S_CLASS_OUTLIVED], p->calls),
		       share(p->lifetimes[H2S_CLASS_UNFREED], p->calls),
		       sz.s, s[i].rec ? (s[i].rec->stack ? "stack" : "heap") : "-",
		       name);
		print_frames(&s[i]);
		if (s[i].rec && !s[i].rec->stack)
			printf("        kept: %s\n", s[i].rec->detail);
		free(name);
		free(sb_take(&sz));
	}
	if (!have_records || !nr)
		return;
	printf("\nkept on the heap, by reason (weighted by allocations freed "
	       "inside their function):\n");
	printf("%-16s %6s %12s %12s\n", "reason", "sites", "k=0", "calls");
	for (unsigned k = 0; k < nr; k++)
		printf("%-16s %6u %12llu %12llu\n", r[k].reason, r[k].sites,
		       (unsigned long long)r[k].k0,
		       (unsigned long long)r[k].calls);
}

/* ------------------------------------------------------------ JSON */

static void json_counts(strbuf *b, const uint64_t *lifetimes)
{
	for (int k = 0; k < H2S_CLASS_COUNT; k++)
		sb_printf(b, ", \"%s\": %llu", h2s_class_names[k],
			  (unsigned long long)lifetimes[k]);
}

static void json_site(strbuf *b, const site_info *s)
{
	const h2s_profile_site *p = s->p;
	const src_frame *in = s->nframes ? &s->frames[0] : NULL;
	const src_frame *out = s->nframes ? &s->frames[s->nframes - 1] : NULL;
	int any = 0;
	sb_puts(b, "    {\"file\": ");
	sb_json(b, in ? in->file : "");
	sb_printf(b, ", \"line\": %u, \"column\": %u, \"function\": ",
		  in ? in->line : 0, in ? in->col : 0);
	sb_json(b, out ? out->function : "");
	sb_puts(b, ", \"inlined_at\": [");
	for (unsigned f = 1; f < s->nframes; f++) {
		sb_puts(b, f > 1 ? ", " : "");
		sb_puts(b, "{\"function\": ");
		sb_json(b, s->frames[f].function);
		sb_puts(b, ", \"file\": ");
		sb_json(b, s->frames[f].file);
		sb_printf(b, ", \"line\": %u, \"column\": %u}",
			  s->frames[f].line, s->frames[f].col);
	}
	sb_puts(b, "], \"module\": ");
	sb_json(b, p->module);
	sb_printf(b,
		  ", \"address\": \"0x%llx\", \"origin\": \"%s\", "
		  "\"allocations\": %llu, \"bytes\": %llu, \"reallocs\": %llu, "
		  "\"min_size\": %llu, \"max_size\": %llu",
		  (unsigned long long)p->vaddr,
		  p->system ? "system" : "program",
		  (unsigned long long)p->calls, (unsigned long long)p->bytes,
		  (unsigned long long)p->reallocs,
		  (unsigned long long)p->min_size,
		  (unsigned long long)p->max_size);
	json_counts(b, p->lifetimes);
	sb_printf(b, ", \"removed\": %llu, \"sizes\": {",
		  (unsigned long long)(removed(s) ? p->calls : 0));
	for (int k = 0; k < H2S_PROFILE_BUCKETS; k++)
		if (p->sizes[k]) {
			sb_printf(b, "%s\"%llu\": %llu", any ? ", " : "",
				  k ? 1ull << k : 1ull,
				  (unsigned long long)p->sizes[k]);
			any = 1;
		}
	sb_puts(b, "}, \"verdict\": ");
	if (s->rec)
		sb_json(b, s->rec->stack ? "stack" : "heap");
	else
		sb_puts(b, "null");
	sb_puts(b, ", \"reason\": ");
	if (s->rec)
		sb_json(b, s->rec->reason);
	else
		sb_puts(b, "null");
	sb_puts(b, ", \"detail\": ");
	if (s->rec)
		sb_json(b, s->rec->detail);
	else
		sb_puts(b, "null");
	sb_puts(b, "}");
}

static void print_json(const site_info *s, size_t n, const totals *t,
		       const reason_row *r, unsigned nr, int have_records)
{
	strbuf b = {0};
	sb_printf(&b, "{\n  \"version\": 1,\n  \"records\": %s,\n"
		      "  \"totals\": {\"allocations\": %llu",
		  have_records ? "true" : "false",
		  (unsigned long long)t->calls);
	json_counts(&b, t->lifetimes);
	sb_printf(&b,
		  ", \"removed\": %llu, \"sites\": %u, \"joined\": %u, "
		  "\"system_allocations\": %llu, \"system_sites\": %u},\n"
		  "  \"sites\": [\n",
		  (unsigned long long)t->removed, t->sites, t->joined,
		  (unsigned long long)t->system_calls, t->system_sites);
	for (size_t i = 0; i < n; i++) {
		json_site(&b, &s[i]);
		sb_puts(&b, i + 1 < n ? ",\n" : "\n");
	}
	sb_puts(&b, "  ],\n  \"reasons\": [");
	for (unsigned k = 0; k < nr; k++) {
		sb_puts(&b, k ? ",\n    " : "\n    ");
		sb_puts(&b, "{\"reason\": ");
		sb_json(&b, r[k].reason);
		sb_printf(&b,
			  ", \"sites\": %u, \"k0\": %llu, \"allocations\": "
			  "%llu}",
			  r[k].sites, (unsigned long long)r[k].k0,
			  (unsigned long long)r[k].calls);
	}
	sb_puts(&b, nr ? "\n  ]\n}\n" : "]\n}\n");
	fputs(b.s, stdout);
	free(sb_take(&b));
}

/* ------------------------------------------------------------ driver */

int report_run(const report_options *o, const strvec *profiles,
	       const strvec *recfiles)
{
	h2s_profile_site *ps = NULL;
	size_t n = 0;
	records rec;
	site_info *s;
	totals t;
	reason_row *r;
	unsigned nr;
	int status = 0;

	memset(&rec, 0, sizeof rec);
	if (recfiles->n && load_records(recfiles, &rec)) {
		records_free(&rec);
		return 1;
	}
	if (sites_load(profiles, &ps, &s, &n)) {
		records_free(&rec);
		return 1;
	}
	memset(&t, 0, sizeof t);
	for (size_t i = 0; i < n; i++) {
		/* s[] was compacted by merge_positions: s[i].p, not ps[i] */
		if (!s[i].p->system)
			s[i].rec = find_record(&rec, &s[i]);
		add_totals(&t, &s[i]);
	}
	qsort(s, n, sizeof *s, by_rank);
	r = reasons(s, n, &nr);
	qsort(r, nr, sizeof *r, by_weight);
	if (o->json)
		print_json(s, n, &t, r, nr, recfiles->n > 0);
	else
		print_text(s, n, &t, r, nr, recfiles->n > 0, o->top);
	if (o->svg && write_svg(o->svg, s, n, &t, r, nr, o->top))
		status = 1;
	free(r);
	sites_free(ps, s, n);
	records_free(&rec);
	return status;
}

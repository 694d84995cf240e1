/*
 * Guarded buffers sized by a profile: the parameter `profile=FILE` reads
 * the sizes file `heap2stack-profile sizes` writes (tools/profile/sizes.c
 * has the format), and each site whose size is known only at run time gets
 * a stack buffer sized from the requests the profile saw at the same
 * source position, instead of guard-size (docs/design.md, "Guarded buffers
 * sized by a profile"). The size is a choice of speed only: the run-time
 * test makes any size sound.
 */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Histogram buckets: bucket b counts requests in (2^(b-1), 2^b]. */
#define SIZE_BUCKETS 48

typedef struct size_site {
	char *function, *ofile, *ifile;
	unsigned oline, ocol, iline, icol;
	uint64_t calls, reallocs, max;
	uint64_t sizes[SIZE_BUCKETS];
} size_site;

struct h2s_sizes {
	size_site *v;
	unsigned n;
	char *path;
	uint64_t hot; /* the least calls of a hot site */
	/* the entries by position_key, in the file's order: the first entry
	 * of a key, and each entry's next of the same key (H2S_NONE: the
	 * last) */
	h2s_map first;
	unsigned *next;
};

/* A key for an entry's position without its files (which find_site
 * matches by name, not as spelled): FNV-1a of the function and the four
 * numbers; never 0. */
static uint64_t position_key(const char *function, unsigned oline,
			     unsigned ocol, unsigned iline, unsigned icol)
{
	uint64_t h = 14695981039346656037ull;
	unsigned num[4] = {oline, ocol, iline, icol};
	for (const char *c = function; *c; c++)
		h = (h ^ (unsigned char)*c) * 1099511628211ull;
	for (unsigned k = 0; k < 4; k++)
		h = (h ^ num[k]) * 1099511628211ull;
	return h ? h : 1;
}

/* The first entry of key's chain, or H2S_NONE. */
static unsigned chain_first(const h2s_sizes *t, uint64_t key)
{
	uint64_t i;
	return map_get(&t->first, key, &i) ? (unsigned)i : H2S_NONE;
}

/* LLVM's ProfileSummaryInfo counts as hot the blocks that make the top
 * 99% of a profile's counts; the same cutoff, over allocation calls. */
#define HOT_PERMILLE 990

/* a + b, or UINT64_MAX past it (counts of a file that may be made up) */
static uint64_t sat_add(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

static int by_calls_desc(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? 1 : x > y ? -1 : 0;
}

/* The hot threshold of t: the calls of the last site needed, from the
 * most called down, to reach HOT_PERMILLE of all calls (0 sites or 0
 * calls: none is hot). */
static uint64_t hot_threshold(const h2s_sizes *t)
{
	uint64_t *c, total = 0, run = 0, least = UINT64_MAX;
	if (!t->n)
		return UINT64_MAX;
	c = xcalloc(t->n, sizeof *c);
	for (unsigned i = 0; i < t->n; i++)
		total = sat_add(total, c[i] = t->v[i].calls);
	qsort(c, t->n, sizeof *c, by_calls_desc);
	/* HOT_PERMILLE of total, rounded up, without overflow */
	uint64_t want = total / 1000 * HOT_PERMILLE +
			((total % 1000) * HOT_PERMILLE + 999) / 1000;
	for (unsigned i = 0; i < t->n && total && c[i]; i++) {
		least = c[i];
		run = sat_add(run, c[i]);
		if (run >= want)
			break;
	}
	free(c);
	return least;
}

static void sizes_free(h2s_sizes *t)
{
	if (!t)
		return;
	for (unsigned i = 0; i < t->n; i++) {
		free(t->v[i].function);
		free(t->v[i].ofile);
		free(t->v[i].ifile);
	}
	free(t->v);
	free(t->path);
	map_free(&t->first);
	free(t->next);
	free(t);
}

static int parse_uint(const char *s, unsigned *v)
{
	uint64_t n;
	if (!parse_u64(s, &n) || n > 0xffffffffu)
		return 0;
	*v = (unsigned)n;
	return 1;
}

/* "B:C,B:C,..." or "-"; the counts must add up to calls. */
static int parse_histogram(char *s, size_site *p)
{
	uint64_t sum = 0;
	if (!strcmp(s, "-"))
		return p->calls == 0;
	for (char *tok = s, *next; tok; tok = next) {
		char *colon = strchr(tok, ':');
		unsigned b;
		uint64_t c;
		next = strchr(tok, ',');
		if (next)
			*next++ = '\0';
		if (!colon)
			return 0;
		*colon = '\0';
		if (!parse_uint(tok, &b) || b >= SIZE_BUCKETS ||
		    !parse_u64(colon + 1, &c) || sum + c < sum)
			return 0;
		p->sizes[b] += c;
		sum += c;
	}
	return sum == p->calls;
}

/* One line "site\tFUNCTION\tOFILE\tOLINE\tOCOL\tIFILE\tILINE\tICOL\tcalls
 * \treallocs\tmax\tSIZES" into p (its strings malloc'd). */
static int parse_site(char *line, size_site *p)
{
	char *f[12];
	unsigned n = 0;
	for (char *c = line;; c++) {
		if (n < 12)
			f[n] = c;
		n++;
		c = strchr(c, '\t');
		if (!c)
			break;
		*c = '\0';
	}
	memset(p, 0, sizeof *p);
	if (n != 12 || strcmp(f[0], "site") || !*f[1] || !*f[2] || !*f[5] ||
	    !parse_uint(f[3], &p->oline) || !parse_uint(f[4], &p->ocol) ||
	    !parse_uint(f[6], &p->iline) || !parse_uint(f[7], &p->icol) ||
	    !parse_u64(f[8], &p->calls) || !parse_u64(f[9], &p->reallocs) ||
	    !parse_u64(f[10], &p->max) || !parse_histogram(f[11], p))
		return 0;
	p->function = xstrdup(f[1]);
	p->ofile = xstrdup(f[2]);
	p->ifile = xstrdup(f[5]);
	return 1;
}

static int same_position(const size_site *a, const size_site *b)
{
	return a->oline == b->oline && a->ocol == b->ocol &&
	       a->iline == b->iline && a->icol == b->icol &&
	       !strcmp(a->function, b->function) &&
	       !strcmp(a->ofile, b->ofile) && !strcmp(a->ifile, b->ifile);
}

/* A package's profile names one source position once per binary that
 * has it (a library linked into a program and its tests): p, just read
 * (entry t->n), is added into the earlier entry of its position, which it
 * then leaves; 1 when it was (p is freed), 0 when p is the first (it is
 * then indexed). */
static int merge_site(h2s_sizes *t, size_site *p)
{
	uint64_t key = position_key(p->function, p->oline, p->ocol, p->iline,
				    p->icol);
	unsigned last = H2S_NONE;
	for (unsigned i = chain_first(t, key); i != H2S_NONE;
	     last = i, i = t->next[i]) {
		size_site *q = &t->v[i];
		if (!same_position(q, p))
			continue;
		q->calls = sat_add(q->calls, p->calls);
		q->reallocs = sat_add(q->reallocs, p->reallocs);
		if (p->max > q->max)
			q->max = p->max;
		for (unsigned b = 0; b < SIZE_BUCKETS; b++)
			q->sizes[b] = sat_add(q->sizes[b], p->sizes[b]);
		free(p->function);
		free(p->ofile);
		free(p->ifile);
		return 1;
	}
	/* at the chain's end: find_site takes the first of the file that
	 * matches */
	t->next[t->n] = H2S_NONE;
	if (last == H2S_NONE)
		map_put(&t->first, key, t->n);
	else
		t->next[last] = t->n;
	return 0;
}

static char *slurp(FILE *in)
{
	size_t n = 0, cap = 4096;
	char *s = xrealloc(NULL, cap);
	size_t got;
	while ((got = fread(s + n, 1, cap - n - 1, in)) > 0) {
		n += got;
		if (cap - n - 1 == 0)
			s = xrealloc(s, cap *= 2);
	}
	s[n] = '\0';
	return s;
}

/* The next line of *text (its '\n' replaced), or NULL at the end. */
static char *next_line(char **text)
{
	char *line = *text, *nl;
	if (!line || !*line)
		return NULL;
	nl = strchr(line, '\n');
	if (nl)
		*nl++ = '\0';
	*text = nl;
	return line;
}

int h2s_sizes_load(const char *path, h2s_sizes **out, char *err,
		   size_t errlen)
{
	FILE *in = fopen(path, "r");
	h2s_sizes *t;
	char *text, *rest, *line;
	unsigned lineno = 1, cap = 0;
	int bad;
	*out = NULL;
	if (!in) {
		snprintf(err, errlen, "cannot read profile '%s': %s", path,
			 strerror(errno));
		return -1;
	}
	errno = 0;
	text = slurp(in);
	bad = ferror(in) ? errno : 0;
	fclose(in);
	if (bad) {
		snprintf(err, errlen, "cannot read profile '%s': %s", path,
			 strerror(bad));
		free(text);
		return -1;
	}
	rest = text;
	line = next_line(&rest);
	if (!line || strcmp(line, "#heap2stack-sizes 1")) {
		snprintf(err, errlen,
			 "profile '%s' is not a sizes file (no "
			 "'#heap2stack-sizes 1' line: write one with "
			 "heap2stack-profile sizes)",
			 path);
		free(text);
		return -1;
	}
	t = xcalloc(1, sizeof *t);
	while ((line = next_line(&rest))) {
		lineno++;
		if (!*line)
			continue;
		if (t->n == cap) {
			cap = cap ? 2 * cap : 64;
			t->v = xrealloc(t->v, cap * sizeof *t->v);
			t->next = xrealloc(t->next, cap * sizeof *t->next);
		}
		if (!parse_site(line, &t->v[t->n])) {
			snprintf(err, errlen,
				 "profile '%s', line %u: not a site of a "
				 "sizes file",
				 path, lineno);
			free(text);
			sizes_free(t);
			return -1;
		}
		if (!merge_site(t, &t->v[t->n]))
			t->n++;
	}
	free(text);
	t->path = xstrdup(path);
	t->hot = hot_threshold(t);
	*out = t;
	return 0;
}

const char *h2s_sizes_path(const h2s_sizes *t)
{
	return t->path;
}

/* 1 when `name`, a file name as the IR's debug information spells it
 * (maybe relative to the compilation's directory), names `path`, the
 * symbolizer's absolute one: equal, or a suffix of it at a '/'. The
 * records' join matches file names the same way. */
static int names_file(const char *path, const char *name)
{
	size_t lp = strlen(path), ln = strlen(name);
	return ln && ln <= lp && !strcmp(path + lp - ln, name) &&
	       (lp == ln || path[lp - ln - 1] == '/' || name[0] == '/');
}

/* The profile's entry of site s of f: the same source position, in the
 * same function; NULL without a profile or entry. */
static const size_site *find_site(const h2s_func *f, const h2s_site *s)
{
	const h2s_sizes *t = f->mod->opt.profile;
	const char *ofile, *ifile, *function = fn_name(f->fn);
	unsigned oline, ocol, iline, icol;
	if (!t || !inst_source_position(s->call, 1, &ofile, &oline, &ocol) ||
	    !inst_source_position(s->call, 0, &ifile, &iline, &icol) || !iline)
		return NULL;
	for (unsigned i = chain_first(t, position_key(function, oline, ocol,
						      iline, icol));
	     i != H2S_NONE; i = t->next[i]) {
		const size_site *p = &t->v[i];
		if (p->iline == iline && p->icol == icol && p->oline == oline &&
		    p->ocol == ocol && !strcmp(p->function, function) &&
		    names_file(p->ifile, ifile) && names_file(p->ofile, ofile))
			return p;
	}
	return NULL;
}

/* The stack buffer for the requests of p: the smallest power of two (at
 * least 16) that serves 99% of them, or their largest when that is
 * smaller and no block grew; above max-size, max-size when it serves at
 * least half of them, else 0 (no buffer). */
static uint64_t buffer_for(const size_site *p, uint64_t max_size)
{
	uint64_t covered = 0, k = 0, within = 0;
	for (unsigned b = 0; b < SIZE_BUCKETS; b++) {
		covered += p->sizes[b];
		if (((uint64_t)1 << b) <= max_size)
			within = covered;
		if (!k && covered * 100 >= p->calls * 99)
			k = b < 4 ? 16 : (uint64_t)1 << b;
	}
	if (!p->reallocs && p->max < k)
		k = round_up(p->max ? p->max : 1, 16);
	if (k > max_size)
		k = 2 * within >= p->calls ? max_size : 0;
	return k;
}

int profile_guard(const h2s_func *f, const h2s_site *s, uint64_t *bytes)
{
	const h2s_options *o = &f->mod->opt;
	const size_site *p = find_site(f, s);
	if (!p || !p->calls)
		return 0;
	*bytes = buffer_for(p, o->max_size);
	return 1;
}

int profile_hot(const h2s_func *f, const h2s_site *s)
{
	const size_site *p = find_site(f, s);
	return p && p->calls >= f->mod->opt.profile->hot;
}

int profile_growth(const h2s_func *f, const h2s_site *s, uint64_t *bytes)
{
	const h2s_options *o = &f->mod->opt;
	const size_site *p = find_site(f, s);
	if (!p || !p->reallocs || !p->max || p->max > o->max_size)
		return 0;
	*bytes = round_up(p->max, 16);
	return *bytes <= o->max_size;
}

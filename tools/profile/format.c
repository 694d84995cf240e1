/*
 * The profile text format (docs/profile.md):
 *
 *   #heap2stack-profile 1
 *   site MODULE VADDR ORIGIN calls bytes reallocs min max k0 k1 k2 k3
 *        outlived unfreed SIZES
 *
 * one site per line, fields separated by tabs; MODULE with `\\`, `\t` and
 * `\n` escaped; VADDR in hexadecimal; ORIGIN `program` or `system`; SIZES
 * a comma-separated list of BUCKET:COUNT, `-` when empty. Shared by the
 * run-time library (which must not allocate: it writes with stdio only) and
 * heap2stack-profile.
 */
#define _GNU_SOURCE
#include "profile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

const char *const h2s_class_names[H2S_CLASS_COUNT] = {
	"k0", "k1", "k2", "k3", "outlived", "unfreed",
};

__attribute__((no_instrument_function)) void
h2s_profile_write(FILE *f, const h2s_profile_site *s, size_t n)
{
	fputs("#heap2stack-profile 1\n", f);
	for (size_t i = 0; i < n; i++) {
		const h2s_profile_site *p = &s[i];
		fputs("site\t", f);
		for (const char *c = p->module; *c; c++) {
			if (*c == '\\')
				fputs("\\\\", f);
			else if (*c == '\t')
				fputs("\\t", f);
			else if (*c == '\n')
				fputs("\\n", f);
			else
				fputc(*c, f);
		}
		fprintf(f, "\t0x%llx\t%s\t%llu\t%llu\t%llu\t%llu\t%llu",
			(unsigned long long)p->vaddr,
			p->system ? "system" : "program",
			(unsigned long long)p->calls,
			(unsigned long long)p->bytes,
			(unsigned long long)p->reallocs,
			(unsigned long long)p->min_size,
			(unsigned long long)p->max_size);
		for (int k = 0; k < H2S_CLASS_COUNT; k++)
			fprintf(f, "\t%llu", (unsigned long long)p->lifetimes[k]);
		fputc('\t', f);
		h2s_profile_write_sizes(f, p->sizes);
		fputc('\n', f);
	}
}

__attribute__((no_instrument_function)) void
h2s_profile_write_sizes(FILE *f, const uint64_t *sizes)
{
	int any = 0;
	for (int b = 0; b < H2S_PROFILE_BUCKETS; b++)
		if (sizes[b]) {
			fprintf(f, "%s%d:%llu", any ? "," : "", b,
				(unsigned long long)sizes[b]);
			any = 1;
		}
	if (!any)
		fputc('-', f);
}

/* ---------------------------------------------------------------- reading */

int h2s_parse_u64(const char *s, int base, uint64_t max, uint64_t *v)
{
	char *end;
	unsigned long long n;
	/* strtoull would take a sign or leading blanks */
	if (!(*s >= '0' && *s <= '9') &&
	    !(base == 16 && ((*s >= 'a' && *s <= 'f') ||
			     (*s >= 'A' && *s <= 'F'))))
		return 0;
	errno = 0;
	n = strtoull(s, &end, base);
	if (*end || errno || n > max)
		return 0;
	*v = n;
	return 1;
}

static int decimal(const char *s, uint64_t *v)
{
	return h2s_parse_u64(s, 10, UINT64_MAX, v);
}

static int parse_sizes(char *s, uint64_t *sizes)
{
	if (!strcmp(s, "-"))
		return 1;
	for (char *tok = strtok(s, ","); tok; tok = strtok(NULL, ",")) {
		char *colon = strchr(tok, ':');
		uint64_t b, c;
		if (!colon)
			return 0;
		*colon = '\0';
		if (!decimal(tok, &b) || b >= H2S_PROFILE_BUCKETS ||
		    !decimal(colon + 1, &c))
			return 0;
		sizes[b] += c;
	}
	return 1;
}

/* Splits a line at tabs, unescaping the first field after "site". */
static int split(char *line, char **f, int max)
{
	int n = 0;
	char *p = line;
	while (n < max) {
		f[n++] = p;
		p = strchr(p, '\t');
		if (!p)
			break;
		*p++ = '\0';
	}
	return p ? max + 1 : n;
}

static void unescape(char *s)
{
	char *w = s;
	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			*w++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s;
		} else {
			*w++ = *s;
		}
	}
	*w = '\0';
}

#define NFIELDS (10 + H2S_CLASS_COUNT)

static int add_site(char **f, h2s_profile_site **sites, size_t *n)
{
	h2s_profile_site s;
	uint64_t v;
	size_t i;
	memset(&s, 0, sizeof s);
	unescape(f[1]);
	if (strlen(f[1]) >= sizeof s.module)
		return 0;
	strcpy(s.module, f[1]);
	if (strncmp(f[2], "0x", 2) || !h2s_parse_u64(f[2] + 2, 16, UINT64_MAX,
						   &s.vaddr))
		return 0;
	if (!strcmp(f[3], "system"))
		s.system = 1;
	else if (strcmp(f[3], "program"))
		return 0;
	if (!decimal(f[4], &s.calls) || !decimal(f[5], &s.bytes) ||
	    !decimal(f[6], &s.reallocs) ||
	    !decimal(f[7], &s.min_size) ||
	    !decimal(f[8], &s.max_size))
		return 0;
	for (int k = 0; k < H2S_CLASS_COUNT; k++) {
		if (!decimal(f[9 + k], &v))
			return 0;
		s.lifetimes[k] = v;
	}
	if (!parse_sizes(f[9 + H2S_CLASS_COUNT], s.sizes))
		return 0;
	for (i = 0; i < *n; i++) {
		h2s_profile_site *t = &(*sites)[i];
		if (t->vaddr != s.vaddr || strcmp(t->module, s.module))
			continue;
		if (s.calls && (!t->calls || s.min_size < t->min_size))
			t->min_size = s.min_size;
		t->calls += s.calls;
		t->bytes += s.bytes;
		t->reallocs += s.reallocs;
		if (s.max_size > t->max_size)
			t->max_size = s.max_size;
		for (int k = 0; k < H2S_CLASS_COUNT; k++)
			t->lifetimes[k] += s.lifetimes[k];
		for (int b = 0; b < H2S_PROFILE_BUCKETS; b++)
			t->sizes[b] += s.sizes[b];
		return 1;
	}
	*sites = realloc(*sites, (*n + 1) * sizeof **sites);
	if (!*sites)
		abort();
	(*sites)[(*n)++] = s;
	return 1;
}

int h2s_profile_read(const char *text, h2s_profile_site **sites, size_t *n,
		     char *err, size_t errlen)
{
	char *buf = strdup(text), *line, *next;
	unsigned lineno = 0;
	int header = 0;
	if (!buf)
		abort();
	for (line = buf; line && *line; line = next) {
		char *f[NFIELDS + 1];
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		if (!*line)
			continue;
		if (!strncmp(line, "#heap2stack-profile ", 20)) {
			if (strcmp(line + 20, "1")) {
				snprintf(err, errlen,
					 "profile of format version '%s', this "
					 "tool reads version 1",
					 line + 20);
				free(buf);
				return -1;
			}
			header = 1;
			continue;
		}
		if (line[0] == '#')
			continue;
		if (!header) {
			snprintf(err, errlen,
				 "not a heap2stack profile (no "
				 "'#heap2stack-profile' line before line %u)",
				 lineno);
			free(buf);
			return -1;
		}
		if (split(line, f, NFIELDS) != NFIELDS || strcmp(f[0], "site") ||
		    !add_site(f, sites, n)) {
			snprintf(err, errlen, "line %u: malformed site", lineno);
			free(buf);
			return -1;
		}
	}
	free(buf);
	if (!header) {
		snprintf(err, errlen,
			 "not a heap2stack profile (no '#heap2stack-profile' "
			 "line)");
		return -1;
	}
	return 0;
}

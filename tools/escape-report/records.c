/*
 * The records heap2stack writes with -mllvm -escape-records=FILE, one
 * per line, fields separated by tabs (in fields, `\\` is a backslash, `\t`
 * a tab, `\n` a newline). Each module starts with `#heap2stack-records 1`;
 * several modules may append to one file, and site ids are per module.
 *
 *   S id function file line col ifile iline icol allocator size verdict
 *     reason detail
 *   W site-id why dst src file line col
 *   P function file line argno name form level
 *   A function file line col name detail
 */
#include "escape-report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 16

/* Splits line (NUL-terminated, modified in place) at tabs and unescapes
 * each field. Returns the number of fields. */
static int split(char *line, char **f)
{
	int n = 0;
	char *p = line;
	for (;;) {
		char *start = p, *w = p;
		while (*p && *p != '\t') {
			if (*p == '\\' && p[1]) {
				p++;
				*w++ = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p;
				p++;
			} else {
				*w++ = *p++;
			}
		}
		int more = *p == '\t';
		*w = '\0';
		if (n < MAX_FIELDS)
			f[n] = start;
		n++;
		if (!more)
			break;
		p++;
	}
	return n;
}

static int uint_field(const char *s, unsigned *v)
{
	uint64_t x;
	if (!h2s_parse_u64(s, 10, 0xffffffffu, &x))
		return 0;
	*v = (unsigned)x;
	return 1;
}

int records_parse(const char *text, size_t len, records *r, char *err,
		  size_t errlen)
{
	char *buf = xstrndup(text, len), *line = buf, *next;
	unsigned lineno = 0, module_start = 0, cap_s = 0, cap_p = 0, cap_a = 0;
	int ok = 1;
	memset(r, 0, sizeof *r);
	for (; ok && line && *line; line = next) {
		char *f[MAX_FIELDS];
		int n;
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		if (!*line)
			continue;
		if (line[0] == '#') {
			unsigned v;
			if (strncmp(line, "#heap2stack-records ", 20) != 0)
				continue; /* a comment */
			if (!uint_field(line + 20, &v) || v != 1) {
				snprintf(err, errlen,
					 "records of format version '%s', this "
					 "escape-report reads version 1",
					 line + 20);
				ok = 0;
				break;
			}
			r->modules++;
			module_start = r->nsites;
			continue;
		}
		if (!r->modules) {
			snprintf(err, errlen,
				 "records without a '#heap2stack-records' "
				 "header");
			ok = 0;
			break;
		}
		n = split(line, f);
		switch (line[0] == '\0' ? 0 : f[0][0] && !f[0][1] ? f[0][0] : 0) {
		case 'S': {
			rec_site s = {0};
			uint64_t size;
			if (n != 14 || !uint_field(f[1], &s.id) ||
			    !uint_field(f[4], &s.line) ||
			    !uint_field(f[5], &s.col) ||
			    !uint_field(f[7], &s.iline) ||
			    !uint_field(f[8], &s.icol) ||
			    (strcmp(f[11], "stack") && strcmp(f[11], "heap"))) {
				ok = 0;
				break;
			}
			if (strcmp(f[10], "-") == 0)
				s.size = -1;
			else if (h2s_parse_u64(f[10], 10, UINT64_MAX, &size))
				s.size = (long long)size;
			else {
				ok = 0;
				break;
			}
			s.function = xstrdup(f[2]);
			s.file = xstrdup(f[3]);
			s.ifile = xstrdup(f[6]);
			s.allocator = xstrdup(f[9]);
			s.stack = strcmp(f[11], "stack") == 0;
			s.reason = xstrdup(f[12]);
			s.detail = xstrdup(f[13]);
			if (r->nsites == cap_s) {
				cap_s = cap_s ? 2 * cap_s : 16;
				r->sites = xrealloc(r->sites,
						    cap_s * sizeof *r->sites);
			}
			r->sites[r->nsites++] = s;
			break;
		}
		case 'W': {
			rec_step w = {0};
			unsigned id;
			rec_site *site = NULL;
			if (n != 8 || !uint_field(f[1], &id) ||
			    !uint_field(f[6], &w.line) ||
			    !uint_field(f[7], &w.col)) {
				ok = 0;
				break;
			}
			for (unsigned k = r->nsites; k > module_start; k--)
				if (r->sites[k - 1].id == id) {
					site = &r->sites[k - 1];
					break;
				}
			if (!site) {
				snprintf(err, errlen,
					 "line %u: flow step of unknown site %u",
					 lineno, id);
				free(buf);
				records_free(r);
				return -1;
			}
			w.why = xstrdup(f[2]);
			w.dst = xstrdup(f[3]);
			w.src = xstrdup(f[4]);
			w.file = xstrdup(f[5]);
			site->steps = xrealloc(site->steps,
					       (site->nsteps + 1) *
						       sizeof *site->steps);
			site->steps[site->nsteps++] = w;
			break;
		}
		case 'P': {
			rec_param p = {0};
			if (n != 8 || !uint_field(f[3], &p.line) ||
			    !uint_field(f[4], &p.argno) ||
			    !uint_field(f[7], &p.level) ||
			    (strcmp(f[6], "leak") && strcmp(f[6], "content") &&
			     strcmp(f[6], "result") && strcmp(f[6], "none"))) {
				ok = 0;
				break;
			}
			p.function = xstrdup(f[1]);
			p.file = xstrdup(f[2]);
			p.name = xstrdup(f[5]);
			p.form = xstrdup(f[6]);
			if (r->nparams == cap_p) {
				cap_p = cap_p ? 2 * cap_p : 16;
				r->params = xrealloc(r->params,
						     cap_p * sizeof *r->params);
			}
			r->params[r->nparams++] = p;
			break;
		}
		case 'A': {
			rec_addr a = {0};
			if (n != 7 || !uint_field(f[3], &a.line) ||
			    !uint_field(f[4], &a.col)) {
				ok = 0;
				break;
			}
			a.function = xstrdup(f[1]);
			a.file = xstrdup(f[2]);
			a.name = xstrdup(f[5]);
			a.detail = xstrdup(f[6]);
			if (r->naddrs == cap_a) {
				cap_a = cap_a ? 2 * cap_a : 16;
				r->addrs = xrealloc(r->addrs,
						    cap_a * sizeof *r->addrs);
			}
			r->addrs[r->naddrs++] = a;
			break;
		}
		default:
			/* a record kind of a later version: skip it */
			break;
		}
		if (!ok)
			snprintf(err, errlen, "line %u: malformed '%c' record",
				 lineno, f[0][0] ? f[0][0] : '?');
	}
	free(buf);
	if (!ok) {
		records_free(r);
		return -1;
	}
	return 0;
}

void records_free(records *r)
{
	for (unsigned i = 0; i < r->nsites; i++) {
		rec_site *s = &r->sites[i];
		free(s->function);
		free(s->file);
		free(s->ifile);
		free(s->allocator);
		free(s->reason);
		free(s->detail);
		for (unsigned k = 0; k < s->nsteps; k++) {
			free(s->steps[k].why);
			free(s->steps[k].dst);
			free(s->steps[k].src);
			free(s->steps[k].file);
		}
		free(s->steps);
	}
	for (unsigned i = 0; i < r->nparams; i++) {
		free(r->params[i].function);
		free(r->params[i].file);
		free(r->params[i].name);
		free(r->params[i].form);
	}
	for (unsigned i = 0; i < r->naddrs; i++) {
		free(r->addrs[i].function);
		free(r->addrs[i].file);
		free(r->addrs[i].name);
		free(r->addrs[i].detail);
	}
	free(r->sites);
	free(r->params);
	free(r->addrs);
	memset(r, 0, sizeof *r);
}

/*
 * The records: heap2stack's optimization remarks, in the YAML or bitstream
 * files LLVM's remark serializers write (clang -fsave-optimization-record,
 * opt -pass-remarks-output, lld --opt-remarks-filename), read with LLVM's
 * own parser (llvm-c/Remarks.h). docs/escape-report.md ("The records")
 * lists the remarks and their arguments; pass/remarks.c writes them.
 *
 *   Demoted, KeptOnHeap   an allocation site (Passed: on the stack)
 *   Deleted               an allocation LLVM deleted before heap2stack ran
 *   Flow                  a step of the flow of the site or parameter
 *                         before it
 *   Param                 a pointer parameter's summary
 *   AddressEscapes        a local whose address escapes
 *
 * Remarks of other passes, and heap2stack remarks of names a later version
 * adds, are skipped.
 */
#include "escape-report.h"

#include <llvm-c/Remarks.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether the file being read is YAML: LLVM's YAML parser hands its
 * scalars over as written, quotes and escapes included. */
static int yaml_raw;

/* The value of a YAML scalar as written, s[0..n): a double-quoted one
 * (LLVM writes those for control characters) with its escapes undone,
 * otherwise single-quoted (quotes already gone) or plain, where '' is
 * a quote. */
static char *yaml_scalar(const char *s, size_t n)
{
	char *out = xcalloc(n + 1, 1), *w = out;
	int dq = n >= 2 && s[0] == '"' && s[n - 1] == '"';
	size_t i = dq ? 1 : 0, end = dq ? n - 1 : n;
	while (i < end) {
		if (!dq) {
			*w++ = s[i];
			i += s[i] == '\'' && i + 1 < end && s[i + 1] == '\'' ? 2 : 1;
			continue;
		}
		if (s[i] != '\\' || i + 1 >= end) {
			*w++ = s[i++];
			continue;
		}
		switch (s[i + 1]) {
		case 't': *w++ = '\t'; i += 2; break;
		case 'n': *w++ = '\n'; i += 2; break;
		case 'r': *w++ = '\r'; i += 2; break;
		case '0': *w++ = '\0'; i += 2; break;
		case 'x': {
			unsigned v = 0, k;
			for (k = 0; k < 2 && i + 2 + k < end &&
				    strchr("0123456789abcdefABCDEF", s[i + 2 + k]);
			     k++)
				v = v * 16 + (unsigned)(s[i + 2 + k] <= '9'
							? s[i + 2 + k] - '0'
							: (s[i + 2 + k] | 32) - 'a' + 10);
			*w++ = (char)v;
			i += 2 + k;
			break;
		}
		default: /* \\ \" and the rest: the character itself */
			*w++ = s[i + 1];
			i += 2;
			break;
		}
	}
	*w = '\0';
	return out;
}

/* A remark's string as a NUL-terminated copy ("" for none). */
static char *rstr(LLVMRemarkStringRef s)
{
	if (!s)
		return xstrdup("");
	if (yaml_raw)
		return yaml_scalar(LLVMRemarkStringGetData(s),
				   LLVMRemarkStringGetLen(s));
	return xstrndup(LLVMRemarkStringGetData(s), LLVMRemarkStringGetLen(s));
}

static int rstr_is(LLVMRemarkStringRef s, const char *want)
{
	size_t n = strlen(want);
	return s && LLVMRemarkStringGetLen(s) == n &&
	       memcmp(LLVMRemarkStringGetData(s), want, n) == 0;
}

/* The argument `key` of remark e, or NULL. */
static LLVMRemarkArgRef arg(LLVMRemarkEntryRef e, const char *key)
{
	for (LLVMRemarkArgRef a = LLVMRemarkEntryGetFirstArg(e); a;
	     a = LLVMRemarkEntryGetNextArg(a, e))
		if (rstr_is(LLVMRemarkArgGetKey(a), key))
			return a;
	return NULL;
}

/* A debug location's file, line and column ("" 0 0 without one). */
static void position(LLVMRemarkDebugLocRef dl, char **file, unsigned *line,
		     unsigned *col)
{
	*file = dl ? rstr(LLVMRemarkDebugLocGetSourceFilePath(dl))
		   : xstrdup("");
	*line = dl ? LLVMRemarkDebugLocGetSourceLine(dl) : 0;
	if (col)
		*col = dl ? LLVMRemarkDebugLocGetSourceColumn(dl) : 0;
}

/* What one remark is missing: the first of keys without an argument, or
 * with a value that is not a number where nums says one (a '#' per key). */
static const char *missing(LLVMRemarkEntryRef e, const char *const *keys,
			   const char *nums)
{
	for (unsigned i = 0; keys[i]; i++) {
		LLVMRemarkArgRef a = arg(e, keys[i]);
		uint64_t v;
		char *s;
		int ok;
		if (!a)
			return keys[i];
		if (nums[i] != '#')
			continue;
		s = rstr(LLVMRemarkArgGetValue(a));
		ok = h2s_parse_u64(s, 10, 0xffffffffu, &v);
		free(s);
		if (!ok)
			return keys[i];
	}
	return NULL;
}

static char *value(LLVMRemarkEntryRef e, const char *key)
{
	LLVMRemarkArgRef a = arg(e, key);
	return rstr(a ? LLVMRemarkArgGetValue(a) : NULL);
}

/* The number in argument key (checked by missing()), or dflt without it. */
static unsigned number(LLVMRemarkEntryRef e, const char *key, unsigned dflt)
{
	char *s;
	uint64_t v;
	if (!arg(e, key))
		return dflt;
	s = value(e, key);
	if (!h2s_parse_u64(s, 10, 0xffffffffu, &v))
		v = dflt;
	free(s);
	return (unsigned)v;
}

#define GROW(v, n, cap)                                                      \
	do {                                                                 \
		if ((n) == (cap)) {                                          \
			(cap) = (cap) ? 2 * (cap) : 16;                      \
			(v) = xrealloc((v), (cap) * sizeof *(v));            \
		}                                                            \
	} while (0)

static void add_site(records *r, LLVMRemarkEntryRef e, int stack)
{
	rec_site s = {0};
	LLVMRemarkArgRef call = arg(e, "CallSite");
	uint64_t size;
	char *sz;
	s.id = r->nsites;
	s.function = rstr(LLVMRemarkEntryGetFunctionName(e));
	position(LLVMRemarkEntryGetDebugLoc(e), &s.ifile, &s.iline, &s.icol);
	/* without CallSite, the call was not inlined: it is where it is */
	position(call ? LLVMRemarkArgGetDebugLoc(call)
		      : LLVMRemarkEntryGetDebugLoc(e),
		 &s.file, &s.line, &s.col);
	s.allocator = value(e, "Allocator");
	sz = value(e, "Size");
	s.size = arg(e, "Size") && h2s_parse_u64(sz, 10, INT64_MAX, &size)
			 ? (long long)size
			 : -1;
	free(sz);
	s.stack = stack;
	s.reason = value(e, "Reason");
	s.detail = value(e, "Detail");
	GROW(r->sites, r->nsites, r->cap_sites);
	r->sites[r->nsites++] = s;
}

/* Appends the step of Flow remark e to steps[0..*n). */
static void add_step(rec_step **steps, unsigned *n, LLVMRemarkEntryRef e)
{
	rec_step w = {0};
	w.why = value(e, "Why");
	w.dst = value(e, "Dst");
	w.src = value(e, "Src");
	position(LLVMRemarkEntryGetDebugLoc(e), &w.file, &w.line, &w.col);
	*steps = xrealloc(*steps, (*n + 1) * sizeof **steps);
	(*steps)[(*n)++] = w;
}

static void steps_free(rec_step *steps, unsigned n)
{
	for (unsigned k = 0; k < n; k++) {
		free(steps[k].why);
		free(steps[k].dst);
		free(steps[k].src);
		free(steps[k].file);
	}
	free(steps);
}

static void add_param(records *r, LLVMRemarkEntryRef e)
{
	rec_param p = {0};
	p.function = rstr(LLVMRemarkEntryGetFunctionName(e));
	position(LLVMRemarkEntryGetDebugLoc(e), &p.file, &p.line, NULL);
	p.argno = number(e, "ArgNo", 0);
	p.name = value(e, "Param");
	p.form = value(e, "Form");
	p.level = number(e, "Level", 0);
	p.derefs = number(e, "Derefs", 0);
	GROW(r->params, r->nparams, r->cap_params);
	r->params[r->nparams++] = p;
}

static void add_addr(records *r, LLVMRemarkEntryRef e)
{
	rec_addr a = {0};
	a.function = rstr(LLVMRemarkEntryGetFunctionName(e));
	position(LLVMRemarkEntryGetDebugLoc(e), &a.file, &a.line, &a.col);
	a.name = value(e, "Name");
	a.detail = value(e, "Detail");
	GROW(r->addrs, r->naddrs, r->cap_addrs);
	r->addrs[r->naddrs++] = a;
}

/* The arguments each remark must have ('#': a number). */
static const char *const site_keys[] = {"Expr", "Allocator", "Reason",
					"Detail", NULL};
static const char *const flow_keys[] = {"Step", "Dst", "Src", "Why", NULL};
static const char *const param_keys[] = {"Param", "ArgNo", "Form", NULL};
static const char *const addr_keys[] = {"Name", "Detail", NULL};

/* Adds remark e (number n in its file, whose sites start at r->sites[first])
 * to r. Returns 0, or -1 with a message in err. */
static int add_remark(records *r, LLVMRemarkEntryRef e, unsigned n,
		      unsigned first, char *err, size_t errlen)
{
	enum LLVMRemarkType type = LLVMRemarkEntryGetType(e);
	LLVMRemarkStringRef name = LLVMRemarkEntryGetRemarkName(e);
	const char *miss;
	int site = (type == LLVMRemarkTypePassed &&
		    (rstr_is(name, "Demoted") || rstr_is(name, "Deleted"))) ||
		   (type == LLVMRemarkTypeMissed && rstr_is(name, "KeptOnHeap"));
	if (!rstr_is(LLVMRemarkEntryGetPassName(e), "heap2stack"))
		return 0;
	if (site)
		miss = missing(e, site_keys, "    ");
	else if (type != LLVMRemarkTypeAnalysis)
		return 0;
	else if (rstr_is(name, "Flow"))
		miss = missing(e, flow_keys, "#   ");
	else if (rstr_is(name, "Param"))
		miss = missing(e, param_keys, " # ");
	else if (rstr_is(name, "AddressEscapes"))
		miss = missing(e, addr_keys, "  ");
	else
		return 0;
	if (!miss && rstr_is(name, "Param")) {
		LLVMRemarkStringRef f = LLVMRemarkArgGetValue(arg(e, "Form"));
		if (!rstr_is(f, "leak") && !rstr_is(f, "content") &&
		    !rstr_is(f, "result") && !rstr_is(f, "none"))
			miss = "Form";
	}
	if (miss) {
		char *nm = rstr(name);
		snprintf(err, errlen,
			 "remark %u: heap2stack's '%s' remark has no valid "
			 "'%s' argument",
			 n, nm, miss);
		free(nm);
		return -1;
	}
	if (site) {
		add_site(r, e, type == LLVMRemarkTypePassed);
		r->last_param = 0;
	} else if (rstr_is(name, "Flow")) {
		if (r->last_param) {
			rec_param *q = &r->params[r->nparams - 1];
			add_step(&q->steps, &q->nsteps, e);
		} else if (r->nsites == first) {
			snprintf(err, errlen,
				 "remark %u: a flow step before any allocation "
				 "site or parameter",
				 n);
			return -1;
		} else {
			rec_site *q = &r->sites[r->nsites - 1];
			add_step(&q->steps, &q->nsteps, e);
		}
	} else if (rstr_is(name, "Param")) {
		add_param(r, e);
		r->last_param = 1;
	} else {
		add_addr(r, e);
	}
	r->remarks++;
	return 0;
}

int records_parse(const char *text, size_t len, records *r, char *err,
		  size_t errlen)
{
	/* a bitstream file starts with "RMRK"; anything else is YAML */
	int bitstream = len >= 4 && memcmp(text, "RMRK", 4) == 0;
	LLVMRemarkParserRef p;
	LLVMRemarkEntryRef e;
	unsigned n = 0, first = r->nsites;
	r->last_param = 0;
	int status = 0;
	size_t k = 0;
	/* no remark at all: LLVM writes an empty file, its YAML parser
	 * wants a document */
	while (k < len && text[k] && strchr(" \t\r\n", text[k]))
		k++;
	if (k == len)
		return 0;
	yaml_raw = !bitstream;
	p = bitstream ? LLVMRemarkParserCreateBitstream(text, len)
		      : LLVMRemarkParserCreateYAML(text, len);
	while (!status && (e = LLVMRemarkParserGetNext(p))) {
		status = add_remark(r, e, ++n, first, err, errlen);
		LLVMRemarkEntryDispose(e);
	}
	if (!status && LLVMRemarkParserHasError(p)) {
		const char *m = LLVMRemarkParserGetErrorMessage(p);
		const char *nl = m ? strchr(m, '\n') : NULL;
		snprintf(err, errlen, "not a valid %s remark file: %.*s",
			 bitstream ? "bitstream" : "YAML",
			 (int)(nl ? nl - m : m ? (long)strlen(m) : 0),
			 m ? m : "");
		status = -1;
	}
	LLVMRemarkParserDispose(p);
	return status;
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
		steps_free(s->steps, s->nsteps);
	}
	for (unsigned i = 0; i < r->nparams; i++) {
		free(r->params[i].function);
		free(r->params[i].file);
		free(r->params[i].name);
		free(r->params[i].form);
		steps_free(r->params[i].steps, r->params[i].nsteps);
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

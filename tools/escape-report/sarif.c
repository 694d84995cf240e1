/*
 * -sarif: the report as one SARIF 2.1.0 log, for GitHub code scanning and
 * SARIF viewers. One result per allocation that stays on the heap, its rule
 * the reason code; the -m=2 flow as the result's code flow. Allocations
 * moved to the stack, parameters and addresses are not results: code
 * scanning shows every result as an alert, and closes an alert when a later
 * log no longer has it (docs/escape-report.md, "-sarif").
 */
#define _GNU_SOURCE
#include "escape-report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SARIF_SCHEMA \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/" \
	"schemas/sarif-schema-2.1.0.json"

/* The rules: every reason of the plugin's vocabulary a heap allocation
 * can have (all but `demote`, which has no help), in its order. The flow
 * reason, `escapes`, has no -m=2 words of its own: a flow explains it. */
static const char *rule_words(const reason_info *ri)
{
	return ri->words ? ri->words : "escapes its function";
}

/* The index of a reason's rule, or -1 for a code this tool does not
 * know (a newer plugin). */
static int rule_index(const char *code)
{
	int n = 0;
	for (unsigned i = 0; i < reason_count; i++) {
		if (!reason_table[i].help)
			continue;
		if (!strcmp(reason_table[i].code, code))
			return n;
		n++;
	}
	return -1;
}

static void print_rules(void)
{
	int first = 1;
	for (unsigned i = 0; i < reason_count; i++) {
		const reason_info *ri = &reason_table[i];
		strbuf b = {0};
		char *words;
		if (!ri->help)
			continue;
		words = xasprintf("heap allocation: %s", rule_words(ri));
		sb_puts(&b, first ? "\n      {\"id\": " : ",\n      {\"id\": ");
		first = 0;
		sb_json(&b, ri->code);
		sb_puts(&b, ", \"shortDescription\": {\"text\": ");
		sb_json(&b, words);
		sb_puts(&b, "}, \"fullDescription\": {\"text\": ");
		sb_json(&b, ri->help);
		sb_puts(&b, "}, \"defaultConfiguration\": "
			    "{\"level\": \"warning\"}}");
		fputs(b.s, stdout);
		free(b.s);
		free(words);
	}
}

/* A path as a URI reference: every byte but unreserved ones and '/'
 * percent-encoded (a ':' would read as a scheme, a space is no URI). */
static void uri_path(strbuf *b, const char *path)
{
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
			sb_putc(b, (char)*p);
		else
			sb_printf(b, "%%%02X", *p);
	}
}

/* `"uri": ...`: relative to %SRCROOT% (the working directory) when the
 * file is under it, as code scanning wants paths relative to the
 * checkout; else an absolute file: URI. */
static void artifact_location(strbuf *b, const char *cwd, const char *file)
{
	char *real = canonical(file);
	size_t n = strlen(cwd);
	sb_puts(b, "{\"uri\": \"");
	if (!strncmp(real, cwd, n) && real[n] == '/') {
		uri_path(b, real + n + 1);
		sb_puts(b, "\", \"uriBaseId\": \"%SRCROOT%\"}");
	} else {
		sb_puts(b, "file://");
		uri_path(b, real);
		sb_puts(b, "\"}");
	}
	free(real);
}

/* The column of byte column `col` of `line` in Unicode code points
 * (SARIF's columnKind): the file's bytes before it that do not continue
 * a UTF-8 sequence. The last file read is kept: results come by file. */
static unsigned code_point_column(const char *file, unsigned line,
				  unsigned col)
{
	static char *path, *text;
	const char *p;
	unsigned n = 1;
	if (!path || strcmp(path, file)) {
		free(path);
		free(text);
		path = xstrdup(file);
		text = read_file(file, NULL);
	}
	if (!text || !col)
		return col;
	for (p = text; line > 1 && (p = strchr(p, '\n')); line--)
		p++;
	if (!p)
		return col;
	for (unsigned i = 0; i + 1 < col && p[i] && p[i] != '\n'; i++)
		n += ((unsigned char)p[i] & 0xc0) != 0x80;
	return n;
}

/* `"physicalLocation": {...}` of a position, or nothing without one. */
static int physical_location(strbuf *b, const char *cwd, const char *file,
			     unsigned line, unsigned col)
{
	if (!file[0] || !line)
		return 0;
	sb_puts(b, "\"physicalLocation\": {\"artifactLocation\": ");
	artifact_location(b, cwd, file);
	sb_printf(b, ", \"region\": {\"startLine\": %u", line);
	if (col)
		sb_printf(b, ", \"startColumn\": %u",
			  code_point_column(file, line, col));
	sb_puts(b, "}}");
	return 1;
}

/* A location object: where, and what happens there. */
static void location(strbuf *b, const char *cwd, const char *file,
		     unsigned line, unsigned col, const char *message)
{
	sb_putc(b, '{');
	if (physical_location(b, cwd, file, line, col))
		sb_puts(b, ", ");
	sb_puts(b, "\"message\": {\"text\": ");
	sb_json(b, message);
	sb_puts(b, "}}");
}

static void flow_step(strbuf *b, const char *cwd, const char *file,
		      unsigned line, unsigned col, const char *text,
		      const char *why, int first)
{
	char *m = xasprintf("from %s (%s)", text, why);
	sb_puts(b, first ? "{\"location\": " : ", {\"location\": ");
	location(b, cwd, file, line, col, m);
	sb_putc(b, '}');
	free(m);
}

/* The -m=2 flow: one thread-flow location per `from` line. */
static void code_flows(strbuf *b, const char *cwd, const finding *f)
{
	sb_puts(b, ", \"codeFlows\": [{\"threadFlows\": [{\"locations\": [");
	for (unsigned k = 0; k < f->nflow; k++) {
		const fstep *s = &f->flow[k];
		flow_step(b, cwd, s->file, s->line, s->col, s->text, s->why,
			  k == 0);
		if (s->atext)
			flow_step(b, cwd, s->file, s->aline, s->acol, s->atext,
				  "assign", 0);
	}
	sb_puts(b, "]}]}]");
}

static char *result_message(const finding *f, const run_info *ri)
{
	strbuf b = {0};
	sb_puts(&b, f->message);
	if (f->detail && *f->detail)
		sb_printf(&b, ": %s", f->detail);
	if (f->gated)
		sb_printf(&b, " (in %s, which matches --fail-on-heap=%s)",
			  f->function, ri->gate);
	return sb_take(&b);
}

/* Where the allocation call is written, for inlined code. */
static void related_locations(strbuf *b, const char *cwd, const finding *f)
{
	char *m;
	if (!f->inlined)
		return;
	m = xasprintf("%s, inlined into %s", f->iexpr, f->function);
	sb_puts(b, ", \"relatedLocations\": [");
	location(b, cwd, f->ifile, f->iline, f->icol, m);
	sb_puts(b, "]");
	free(m);
}

static void result_properties(strbuf *b, const finding *f, int profiled)
{
	sb_puts(b, ", \"properties\": {\"allocator\": ");
	sb_json(b, f->allocator);
	if (f->size >= 0)
		sb_printf(b, ", \"size\": %lld", f->size);
	if (profiled) {
		sb_puts(b, ", ");
		json_run(b, f);
	}
	sb_putc(b, '}');
}

static void print_result(const finding *f, const run_info *ri, int profiled,
			 int first)
{
	strbuf b = {0};
	int rule = rule_index(f->reason);
	char *m = result_message(f, ri);
	sb_puts(&b, first ? "\n      {\"ruleId\": " : ",\n      {\"ruleId\": ");
	sb_json(&b, f->reason);
	if (rule >= 0)
		sb_printf(&b, ", \"ruleIndex\": %d", rule);
	sb_printf(&b, ", \"level\": \"%s\"", f->gated ? "error" : "warning");
	sb_puts(&b, ", \"message\": {\"text\": ");
	sb_json(&b, m);
	sb_puts(&b, "}, \"locations\": [{");
	if (physical_location(&b, ri->cwd, f->file, f->line, f->col))
		sb_puts(&b, ", ");
	sb_puts(&b, "\"logicalLocations\": [{\"fullyQualifiedName\": ");
	sb_json(&b, f->function);
	sb_puts(&b, ", \"kind\": \"function\"}]}]");
	related_locations(&b, ri->cwd, f);
	if (f->nflow)
		code_flows(&b, ri->cwd, f);
	result_properties(&b, f, profiled);
	sb_putc(&b, '}');
	fputs(b.s, stdout);
	free(b.s);
	free(m);
}

/* `file:///dir/` of a directory. */
static void directory_uri(strbuf *b, const char *dir)
{
	sb_puts(b, "{\"uri\": \"file://");
	uri_path(b, dir);
	sb_puts(b, dir[strlen(dir) - 1] == '/' ? "\"}" : "/\"}");
}

static void print_invocation(const report *r, const run_info *ri)
{
	strbuf b = {0};
	sb_printf(&b, "  \"invocations\": [{\"executionSuccessful\": %s, "
		      "\"exitCode\": %d, \"arguments\": [",
		  ri->status == 1 ? "false" : "true", ri->status);
	for (int i = 1; i < ri->argc; i++) {
		if (i > 1)
			sb_puts(&b, ", ");
		sb_json(&b, ri->argv[i]);
	}
	sb_puts(&b, "], \"workingDirectory\": ");
	directory_uri(&b, ri->cwd);
	sb_puts(&b, ",\n    \"properties\": {\"options\": ");
	json_options(&b, r, ri);
	sb_puts(&b, "}}],\n  \"originalUriBaseIds\": {\"%SRCROOT%\": ");
	directory_uri(&b, ri->cwd);
	sb_puts(&b, "},\n");
	fputs(b.s, stdout);
	free(b.s);
}

void sarif_print(report *r, const run_info *ri)
{
	int first = 1;
	printf("{\"$schema\": \"%s\",\n \"version\": \"2.1.0\",\n"
	       " \"runs\": [{\n  \"tool\": {\"driver\": {\"name\": "
	       "\"escape-report\", \"fullName\": \"escape-report (heap2stack "
	       "%s, LLVM %d)\", \"version\": \"%s\", \"semanticVersion\": "
	       "\"%s\",\n    \"properties\": {\"llvm\": %d},\n    \"rules\": [",
	       SARIF_SCHEMA, H2S_VERSION, H2S_LLVM_MAJOR, H2S_VERSION,
	       H2S_VERSION, H2S_LLVM_MAJOR);
	print_rules();
	printf("]}},\n");
	print_invocation(r, ri);
	printf("  \"columnKind\": \"unicodeCodePoints\",\n  \"results\": [");
	for (unsigned i = 0; i < r->n; i++) {
		const finding *f = &r->v[i];
		if (f->kind != K_ALLOC || !f->heap ||
		    report_repeats(r, i, OUT_M1))
			continue;
		print_result(f, ri, r->profiled, first);
		first = 0;
	}
	printf("]\n}]}\n");
}

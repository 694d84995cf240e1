/*
 * -html DIR: the findings of the report as pages a browser shows without a
 * network. DIR/index.html sums up each source file and links to its page
 * and to every allocation that stays on the heap; each source file's page
 * shows the source with line numbers, a mark (a word and a colour) on each
 * line with findings, and below the line the findings themselves: a
 * <details> element whose summary is the report's message and whose body
 * is the reason and the flow steps, each step linked to the line it is at.
 *
 * The pages present report.c's findings (report_shown: the -m=2 set, in the
 * report's order); nothing here decides anything. The markup is XHTML-
 * compatible HTML (every element closed, every attribute quoted, no `<` or
 * `&` in the inline script), so an XML parser can check it.
 */
#define _GNU_SOURCE
#include "escape-report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The mark of a finding, a word and a colour: stack, heap; param (a
 * pointer parameter that does not escape), leak (a leaking one); addr (an
 * address that escapes). */
enum { M_STACK, M_HEAP, M_PARAM, M_LEAK, M_ADDR, M_COUNT };
static const char *const mark_words[M_COUNT] = {"stack", "heap", "param",
						"leak", "addr"};

/* One source file named by the findings: where one is, where an inlined
 * allocation is written, where a flow step is. */
typedef struct page {
	char *path;           /* as the report names the file */
	char *name;           /* its page, in DIR */
	unsigned count[M_COUNT]; /* its findings by mark */
	unsigned *at;         /* its findings (indices into shown), by line */
	unsigned nat;
} page;

typedef struct site {
	const finding **shown;
	unsigned nshown;
	page *pages;
	unsigned npages;
} site;

static const char style[] =
	"body{font-family:sans-serif;margin:1em 2em;color:#202124}"
	"h1{font-size:1.3em}h2{font-size:1.1em;margin-top:1.5em}"
	"code,td.code{font-family:monospace}"
	"table.src{border-collapse:collapse;font-size:13px}"
	"table.src td{padding:0 .5em;vertical-align:top}"
	"td.ln{color:#80868b;text-align:right}"
	"td.code{white-space:pre;tab-size:8}"
	"tr:target td{background:#fff3b0}"
	"table.totals{border-collapse:collapse}"
	"table.totals td,table.totals th{border:1px solid #dadce0;"
	"padding:.2em .6em;text-align:right}"
	"table.totals td:first-child,table.totals th:first-child"
	"{text-align:left}"
	"tr.total td{font-weight:bold}"
	".mark{display:inline-block;padding:0 .4em;border-radius:3px;"
	"font:bold 12px monospace;border:1px solid}"
	".mark.stack{background:#e6f4ea;color:#137333}"
	".mark.heap{background:#fce8e6;color:#a50e0e}"
	".mark.param{background:#e8f0fe;color:#1a4fa0}"
	".mark.leak,.mark.addr{background:#fef7e0;color:#8a4b00}"
	"td.notes{white-space:normal}"
	"details{margin:.1em 0;font-size:13px}"
	"summary{cursor:pointer}"
	"details>div{margin:.2em 0 .4em 1.4em;padding:.2em .6em;"
	"border-left:3px solid #dadce0}"
	"details.heap>div{border-color:#a50e0e}"
	"details p{margin:.2em 0}"
	"ol.flow{margin:.2em 0;padding-left:1.6em}";

/* Opens the finding a link points at (page.html#F3): its reason shows
 * without a click. */
static const char script[] =
	"function openTarget(){"
	"var e=document.getElementById(location.hash.slice(1));"
	"if(e)for(;e;e=e.parentElement)"
	"if(e.tagName==='DETAILS')e.open=true;}"
	"window.addEventListener('hashchange',openTarget);openTarget();";

static void text(strbuf *b, const char *s)
{
	sb_html(b, s, strlen(s ? s : ""));
}

static void code(strbuf *b, const char *s)
{
	sb_puts(b, "<code>");
	text(b, s);
	sb_puts(b, "</code>");
}

/* ----------------------------------------------------------------- pages */

static int name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
}

/* A file name for the page of path: without a leading "./", its last 200
 * characters (a name has at most 255 bytes), those outside [A-Za-z0-9._-]
 * and a leading dot as '_', then ".html"; "-2", "-3", ... before that when
 * another file already has the name, and never index.html. */
static char *page_name(const site *s, const char *path)
{
	char *base, *name;
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	base = xstrdup(strlen(path) > 200 ? path + strlen(path) - 200 : path);
	for (char *c = base; *c; c++)
		if (!name_char(*c) || (c == base && *c == '.'))
			*c = '_';
	for (unsigned k = 1;; k++) {
		int taken;
		name = k == 1 ? xasprintf("%s.html", base)
			      : xasprintf("%s-%u.html", base, k);
		taken = !strcmp(name, "index.html");
		for (unsigned i = 0; i < s->npages && !taken; i++)
			taken = !strcmp(s->pages[i].name, name);
		if (!taken)
			break;
		free(name);
	}
	free(base);
	return name;
}

/* The page of path (a file the report names), added when new. */
static page *page_of(site *s, const char *path)
{
	page *p;
	for (unsigned i = 0; i < s->npages; i++)
		if (!strcmp(s->pages[i].path, path))
			return &s->pages[i];
	s->pages = xrealloc(s->pages, (s->npages + 1) * sizeof *s->pages);
	p = &s->pages[s->npages];
	memset(p, 0, sizeof *p);
	p->name = page_name(s, path);
	p->path = xstrdup(path);
	s->npages++;
	return p;
}

/* The page linked to for a position, or NULL when the file is unknown. */
static const page *find_page(const site *s, const char *path)
{
	for (unsigned i = 0; path && path[0] && i < s->npages; i++)
		if (!strcmp(s->pages[i].path, path))
			return &s->pages[i];
	return NULL;
}

static int mark_of(const finding *f)
{
	if (f->kind == K_ALLOC)
		return f->heap ? M_HEAP : M_STACK;
	if (f->kind == K_PARAM)
		return strcmp(f->verdict, "none") ? M_LEAK : M_PARAM;
	return M_ADDR;
}

/* A page for every file a finding names, each finding on its own file's
 * page. */
static void collect(site *s)
{
	for (unsigned i = 0; i < s->nshown; i++) {
		const finding *f = s->shown[i];
		if (f->file[0]) {
			page *p = page_of(s, f->file);
			p->at = xrealloc(p->at, (p->nat + 1) * sizeof *p->at);
			p->at[p->nat++] = i;
			p->count[mark_of(f)]++;
		}
		if (f->inlined && f->ifile[0])
			page_of(s, f->ifile);
		for (unsigned k = 0; k < f->nflow; k++)
			if (f->flow[k].file[0])
				page_of(s, f->flow[k].file);
	}
}

static const site *sort_site;

/* By line; at one line, in the report's order. */
static int by_line(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
	unsigned lx = sort_site->shown[x]->line, ly = sort_site->shown[y]->line;
	if (lx != ly)
		return lx < ly ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* -------------------------------------------------------------- markup */

static void head(strbuf *b, const char *title)
{
	sb_puts(b, "<!DOCTYPE html>\n"
		   "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n"
		   "<head>\n<meta charset=\"utf-8\"/>\n<title>");
	text(b, title);
	sb_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n", style);
}

static void foot(strbuf *b)
{
	sb_printf(b, "<script>%s</script>\n</body>\n</html>\n", script);
}

static void mark(strbuf *b, const finding *f)
{
	const char *w = mark_words[mark_of(f)];
	sb_printf(b, "<span class=\"mark %s\" title=\"", w);
	text(b, f->message);
	sb_printf(b, "\">%s</span>", w);
}

/* FILE:L:C, linked to that line of the file's page. */
static void position_link(strbuf *b, const site *s, const char *file,
			  unsigned line, unsigned col)
{
	const page *p = find_page(s, file);
	if (p && line)
		sb_printf(b, "<a href=\"%s#L%u\">", p->name, line);
	text(b, file);
	if (line)
		sb_printf(b, col ? ":%u:%u" : ":%u", line, col);
	if (p && line)
		sb_puts(b, "</a>");
}

/* `STMT (WHY) at FILE:L:C`, the position linked; without (WHY) when why
 * is NULL, without the position when it is unknown. */
static void stmt_at(strbuf *b, const site *s, const char *stmt,
		    const char *why, const char *file, unsigned line,
		    unsigned col)
{
	code(b, stmt);
	if (why) {
		sb_puts(b, " (");
		text(b, why);
		sb_puts(b, ")");
	}
	if (file[0] && line) {
		sb_puts(b, " at ");
		position_link(b, s, file, line, col);
	}
}

/* The steps of an escaping allocation's flow, as -m=2's `from` lines. */
static void flow_list(strbuf *b, const site *s, const finding *f)
{
	sb_puts(b, "<ol class=\"flow\">\n");
	for (unsigned k = 0; k < f->nflow; k++) {
		const fstep *t = &f->flow[k];
		sb_puts(b, "<li>from ");
		stmt_at(b, s, t->text, t->why, t->file, t->line, t->col);
		/* where it goes, when that has a name (not a {temp}) */
		if (strcmp(t->dst, "{temp}") != 0) {
			sb_puts(b, " &#x2192; ");
			code(b, t->dst);
		}
		sb_puts(b, "</li>\n");
		if (t->atext) {
			sb_puts(b, "<li>from ");
			stmt_at(b, s, t->atext, "assign", t->file, t->aline,
				t->acol);
			sb_puts(b, "</li>\n");
		}
	}
	sb_puts(b, "</ol>\n");
}

/* Finding i: its mark and message; on click, its function, its reason
 * (the plugin's words and the reason's code), where an inlined allocation
 * is written, and the flow. */
static void finding_details(strbuf *b, const site *s, unsigned i)
{
	const finding *f = s->shown[i];
	char *run = run_words(f);
	sb_printf(b, "<details id=\"F%u\" class=\"%s\"><summary>", i + 1,
		  mark_words[mark_of(f)]);
	mark(b, f);
	sb_puts(b, " ");
	if (f->line) {
		sb_printf(b, "%u:%u: ", f->line, f->col);
	} else {
		/* no position (no debug information): the report's prefix */
		text(b, f->function);
		sb_puts(b, ": ");
	}
	text(b, f->message);
	text(b, run);
	sb_puts(b, "</summary>\n<div>\n<p>in ");
	code(b, f->function);
	sb_puts(b, "</p>\n");
	if (f->detail && f->detail[0]) {
		sb_puts(b, "<p>why: ");
		text(b, f->detail);
		sb_puts(b, " (");
		text(b, f->reason);
		sb_puts(b, ")</p>\n");
	}
	if (f->inlined) {
		sb_puts(b, "<p>inlined: ");
		stmt_at(b, s, f->iexpr, NULL, f->ifile, f->iline, f->icol);
		sb_puts(b, "</p>\n");
	}
	if (f->nflow)
		flow_list(b, s, f);
	sb_puts(b, "</div>\n</details>\n");
	free(run);
}

/* The marks, in words: a page's legend. */
static void legend(strbuf *b)
{
	sb_puts(b, "<p>Marks: <span class=\"mark stack\">stack</span> does "
		   "not escape (moved to the stack, or deleted by LLVM); "
		   "<span class=\"mark heap\">heap</span> escapes to heap; "
		   "<span class=\"mark param\">param</span> a pointer "
		   "parameter that does not escape; <span class=\"mark "
		   "leak\">leak</span> a leaking parameter; <span class=\"mark "
		   "addr\">addr</span> a local whose address escapes. Click a "
		   "finding for its reason; a position links to its line.</p>\n");
}

static void totals_words(strbuf *b, const page *p)
{
	sb_puts(b, "<p>");
	for (int m = 0; m < M_COUNT; m++)
		sb_printf(b, "%s%s %u", m ? ", " : "", mark_words[m],
			  p->count[m]);
	sb_puts(b, "</p>\n");
}

/* ---------------------------------------------------------- file page */

/* One row of the source table: the line's number, its text, its findings'
 * marks; then a row with the findings. Returns the next of p->at to show. */
static unsigned source_row(strbuf *b, const site *s, const page *p,
			   unsigned line, const char *t, size_t n, unsigned next)
{
	unsigned end = next;
	while (end < p->nat && s->shown[p->at[end]]->line == line)
		end++;
	sb_printf(b, "<tr id=\"L%u\"><td class=\"ln\">%u</td>"
		     "<td class=\"code\">", line, line);
	sb_html(b, t, n);
	sb_puts(b, "</td><td>");
	for (unsigned k = next; k < end; k++) {
		mark(b, s->shown[p->at[k]]);
		sb_puts(b, k + 1 < end ? " " : "");
	}
	sb_puts(b, "</td></tr>\n");
	if (end == next)
		return end;
	sb_puts(b, "<tr><td></td><td class=\"notes\" colspan=\"2\">\n");
	for (unsigned k = next; k < end; k++)
		finding_details(b, s, p->at[k]);
	sb_puts(b, "</td></tr>\n");
	return end;
}

/* The source of p, a row per line; its findings on no line of the file
 * (line 0, or past its end) after it. */
static void source_table(strbuf *b, const site *s, const page *p)
{
	size_t len, at = 0;
	char *src = read_file(p->path, &len);
	int err = errno;
	unsigned next, line = 0, lost = 0;
	/* findings at line 0 come first in p->at */
	while (lost < p->nat && !s->shown[p->at[lost]]->line)
		lost++;
	next = lost;
	if (!src) {
		sb_puts(b, "<p>The source cannot be read: ");
		text(b, strerror(err));
		sb_puts(b, "</p>\n");
	} else {
		sb_puts(b, "<table class=\"src\">\n");
		while (at < len) {
			const char *nl = memchr(src + at, '\n', len - at);
			size_t n = nl ? (size_t)(nl - (src + at)) : len - at;
			/* a CRLF file's CR is no character of the line */
			size_t shown = n && src[at + n - 1] == '\r' ? n - 1 : n;
			next = source_row(b, s, p, ++line, src + at, shown, next);
			at += n + 1;
		}
		sb_puts(b, "</table>\n");
		free(src);
	}
	if (lost == 0 && next == p->nat)
		return;
	sb_puts(b, "<h2>Not on a line of the file</h2>\n");
	for (unsigned k = 0; k < p->nat; k++)
		if (k < lost || k >= next)
			finding_details(b, s, p->at[k]);
}

/* The heap allocations among the findings at[0..n), each linked to its
 * details on its file's page (on the index without a file). */
static void heap_list(strbuf *b, const site *s, const unsigned *at,
		      unsigned n)
{
	int any = 0;
	for (unsigned k = 0; k < n; k++) {
		const finding *f = s->shown[at[k]];
		const page *p = find_page(s, f->file);
		char *run;
		if (f->kind != K_ALLOC || !f->heap)
			continue;
		run = run_words(f);
		sb_puts(b, any ? "" : "<ul class=\"heap\">\n");
		any = 1;
		sb_puts(b, "<li>");
		mark(b, f);
		sb_printf(b, " <a href=\"%s#F%u\">", p ? p->name : "index.html",
			  at[k] + 1);
		text(b, f->file[0] ? f->file : f->function);
		if (f->line)
			sb_printf(b, ":%u:%u", f->line, f->col);
		sb_puts(b, "</a>: ");
		text(b, f->message);
		text(b, run);
		sb_puts(b, "</li>\n");
		free(run);
	}
	sb_puts(b, any ? "</ul>\n" : "<p>None.</p>\n");
}

static char *file_page(const site *s, const page *p)
{
	strbuf b = {0};
	char *title = xasprintf("%s: escape-report", p->path);
	head(&b, title);
	free(title);
	sb_puts(&b, "<p><a href=\"index.html\">All files</a></p>\n<h1>");
	text(&b, p->path);
	sb_puts(&b, "</h1>\n");
	totals_words(&b, p);
	legend(&b);
	sb_puts(&b, "<h2>Heap allocations</h2>\n");
	heap_list(&b, s, p->at, p->nat);
	sb_puts(&b, "<h2>Source</h2>\n");
	source_table(&b, s, p);
	foot(&b);
	return sb_take(&b);
}

/* ---------------------------------------------------------- index page */

static void totals_row(strbuf *b, const page *p, const char *cls)
{
	sb_printf(b, "<tr%s><td>", cls);
	if (p->name)
		sb_printf(b, "<a href=\"%s\">", p->name);
	text(b, p->path);
	sb_puts(b, p->name ? "</a>" : "");
	sb_puts(b, "</td>");
	for (int m = 0; m < M_COUNT; m++)
		sb_printf(b, "<td>%u</td>", p->count[m]);
	sb_puts(b, "</tr>\n");
}

/* Findings without a file (code without debug information): on no page,
 * so here, in full. */
static void unplaced(strbuf *b, const site *s)
{
	int any = 0;
	for (unsigned i = 0; i < s->nshown; i++) {
		if (s->shown[i]->file[0])
			continue;
		if (!any)
			sb_puts(b, "<h2>Without a position (no debug "
				   "information)</h2>\n");
		any = 1;
		finding_details(b, s, i);
	}
}

static char *index_page(const site *s)
{
	strbuf b = {0};
	page all = {.path = "total"};
	unsigned *every = xcalloc(s->nshown + 1, sizeof *every);
	for (unsigned i = 0; i < s->nshown; i++) {
		all.count[mark_of(s->shown[i])]++;
		every[i] = i;
	}
	head(&b, "escape-report");
	sb_puts(&b, "<h1>escape-report</h1>\n");
	legend(&b);
	sb_puts(&b, "<table class=\"totals\">\n<tr><th>file</th>");
	for (int m = 0; m < M_COUNT; m++)
		sb_printf(&b, "<th>%s</th>", mark_words[m]);
	sb_puts(&b, "</tr>\n");
	for (unsigned i = 0; i < s->npages; i++)
		totals_row(&b, &s->pages[i], "");
	totals_row(&b, &all, " class=\"total\"");
	sb_puts(&b, "</table>\n<h2>Heap allocations</h2>\n");
	heap_list(&b, s, every, s->nshown);
	unplaced(&b, s);
	foot(&b);
	free(every);
	return sb_take(&b);
}

/* ---------------------------------------------------------- writing */

int html_dir_ready(const char *dir)
{
	struct stat st;
	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		error_msg("-html %s: not a directory", dir);
		return -1;
	}
	if (mkdir(dir, 0777) != 0) {
		error_msg("-html %s: cannot create the directory: %s", dir,
			  strerror(errno));
		return -1;
	}
	return 0;
}

static int write_page(const char *dir, const char *name, char *html)
{
	char *path = path_join(dir, name);
	FILE *f = fopen(path, "w");
	int ok = f && fputs(html, f) >= 0;
	if (f && fclose(f) != 0)
		ok = 0;
	if (!ok)
		error_msg("cannot write %s: %s", path, strerror(errno));
	free(path);
	free(html);
	return ok ? 0 : -1;
}

int html_write(report *r, const char *dir)
{
	site s = {0};
	int rc = 0;
	char *index;
	s.nshown = report_shown(r, &s.shown);
	collect(&s);
	sort_site = &s;
	for (unsigned i = 0; i < s.npages; i++) {
		page *p = &s.pages[i];
		qsort(p->at, p->nat, sizeof *p->at, by_line);
	}
	for (unsigned i = 0; i < s.npages && !rc; i++)
		rc = write_page(dir, s.pages[i].name, file_page(&s, &s.pages[i]));
	if (!rc)
		rc = write_page(dir, "index.html", index_page(&s));
	index = path_join(dir, "index.html");
	if (!rc)
		printf("wrote %s and %u source page%s\n", index, s.npages,
		       s.npages == 1 ? "" : "s");
	free(index);
	for (unsigned i = 0; i < s.npages; i++) {
		free(s.pages[i].path);
		free(s.pages[i].name);
		free(s.pages[i].at);
	}
	free(s.pages);
	free(s.shown);
	return rc;
}

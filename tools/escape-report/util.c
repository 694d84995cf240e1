/* Strings, buffers, files and paths for escape-report. */
#define _GNU_SOURCE
#include "escape-report.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void out_of_memory(void)
{
	fprintf(stderr, PROG ": error: out of memory\n");
	exit(1);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s ? s : "", strlen(s ? s : ""));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static char *vxasprintf(const char *fmt, va_list ap)
{
	va_list aq;
	int n;
	char *p;
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		out_of_memory();
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;
	va_start(ap, fmt);
	p = vxasprintf(fmt, ap);
	va_end(ap);
	return p;
}

static void sb_reserve(strbuf *b, size_t more)
{
	if (b->n + more + 1 <= b->cap)
		return;
	while (b->n + more + 1 > b->cap)
		b->cap = b->cap ? 2 * b->cap : 64;
	b->s = xrealloc(b->s, b->cap);
}

void sb_putc(strbuf *b, char c)
{
	sb_reserve(b, 1);
	b->s[b->n++] = c;
	b->s[b->n] = '\0';
}

void sb_puts(strbuf *b, const char *s)
{
	size_t n = strlen(s);
	sb_reserve(b, n);
	memcpy(b->s + b->n, s, n + 1);
	b->n += n;
}

void sb_printf(strbuf *b, const char *fmt, ...)
{
	va_list ap;
	char *p;
	va_start(ap, fmt);
	p = vxasprintf(fmt, ap);
	va_end(ap);
	sb_puts(b, p);
	free(p);
}

/* The length of the well-formed UTF-8 sequence at p, of at most avail
 * bytes (Unicode's table 3-7: no overlong forms, no surrogates, nothing
 * above U+10FFFF), or 0. */
static int utf8_length(const unsigned char *p, size_t avail)
{
	unsigned char lo = 0x80, hi = 0xbf;
	int n;
	if (*p >= 0xc2 && *p <= 0xdf)
		n = 2;
	else if (*p >= 0xe0 && *p <= 0xef)
		n = 3;
	else if (*p >= 0xf0 && *p <= 0xf4)
		n = 4;
	else
		return 0;
	if ((size_t)n > avail)
		return 0;
	if (*p == 0xe0)
		lo = 0xa0;
	else if (*p == 0xed)
		hi = 0x9f;
	else if (*p == 0xf0)
		lo = 0x90;
	else if (*p == 0xf4)
		hi = 0x8f;
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (int k = 2; k < n; k++)
		if (p[k] < 0x80 || p[k] > 0xbf)
			return 0;
	return n;
}

/* The n bytes of s as UTF-8 whatever they are: each ASCII byte written by
 * `ascii` (the format's escapes), each well-formed UTF-8 sequence as it
 * is, and each other byte (a Latin-1 comment in the source) as `bad`, the
 * format's U+FFFD. */
static void sb_utf8(strbuf *b, const char *s, size_t n,
		    void (*ascii)(strbuf *b, unsigned char c), const char *bad)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	while (p < end) {
		int len = *p < 0x80 ? 1 : utf8_length(p, (size_t)(end - p));
		if (*p < 0x80)
			ascii(b, *p);
		else if (!len)
			sb_puts(b, bad);
		else
			for (int k = 0; k < len; k++)
				sb_putc(b, (char)p[k]);
		p += len ? len : 1;
	}
}

static void json_char(strbuf *b, unsigned char c)
{
	switch (c) {
	case '"': sb_puts(b, "\\\""); break;
	case '\\': sb_puts(b, "\\\\"); break;
	case '\n': sb_puts(b, "\\n"); break;
	case '\t': sb_puts(b, "\\t"); break;
	case '\r': sb_puts(b, "\\r"); break;
	default:
		if (c < 0x20)
			sb_printf(b, "\\u%04x", c);
		else
			sb_putc(b, (char)c);
	}
}

/* A JSON string of s: control characters escaped, and each byte that is
 * not part of well-formed UTF-8 written as U+FFFD, so that the document is
 * valid JSON whatever the bytes. */
void sb_json(strbuf *b, const char *s)
{
	s = s ? s : "";
	sb_putc(b, '"');
	sb_utf8(b, s, strlen(s), json_char, "\\ufffd");
	sb_putc(b, '"');
}

/* Markup characters as references; the control characters XML and HTML
 * do not allow in text (all but tab and newline) as U+FFFD. */
static void html_char(strbuf *b, unsigned char c)
{
	switch (c) {
	case '<': sb_puts(b, "&lt;"); break;
	case '>': sb_puts(b, "&gt;"); break;
	case '&': sb_puts(b, "&amp;"); break;
	case '"': sb_puts(b, "&quot;"); break;
	case '\'': sb_puts(b, "&#39;"); break;
	default:
		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
			sb_puts(b, "&#xfffd;");
		else
			sb_putc(b, (char)c);
	}
}

void sb_html(strbuf *b, const char *s, size_t n)
{
	sb_utf8(b, s ? s : "", s ? n : 0, html_char, "&#xfffd;");
}

char *sb_take(strbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");
	b->s = NULL;
	b->n = b->cap = 0;
	return s;
}

void sv_push(strvec *a, const char *s)
{
	if (a->n + 1 >= a->cap) {
		a->cap = a->cap ? 2 * a->cap : 16;
		a->v = xrealloc(a->v, a->cap * sizeof *a->v);
	}
	a->v[a->n++] = xstrdup(s);
	a->v[a->n] = NULL;
}

void sv_free(strvec *a)
{
	for (unsigned i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
	a->v = NULL;
	a->n = a->cap = 0;
}

char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	strbuf b = {0};
	char chunk[65536];
	size_t n;
	if (!f)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		sb_reserve(&b, n);
		memcpy(b.s + b.n, chunk, n);
		b.n += n;
		b.s[b.n] = '\0';
	}
	if (ferror(f)) {
		int e = errno;
		fclose(f);
		free(b.s);
		errno = e;
		return NULL;
	}
	fclose(f);
	if (len)
		*len = b.n;
	return sb_take(&b);
}

char *path_join(const char *dir, const char *name)
{
	size_t n;
	if (!dir || !*dir || name[0] == '/')
		return xstrdup(name);
	n = strlen(dir);
	return xasprintf("%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/",
			 name);
}

char *canonical(const char *path)
{
	char *r = realpath(path, NULL);
	return r ? r : xstrdup(path);
}

char *current_dir(void)
{
	char *d = getcwd(NULL, 0);
	return d ? d : xstrdup(".");
}

/* One diagnostic line on stderr: "escape-report: KIND: MESSAGE". */
static void diagnostic(const char *kind, const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, PROG ": %s: ", kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void error_msg(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diagnostic("error", fmt, ap);
	va_end(ap);
}

void warning_msg(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diagnostic("warning", fmt, ap);
	va_end(ap);
}

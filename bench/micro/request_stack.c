/*
 * request_stack: request.c written by hand the way heap2stack rewrites it:
 * serve() parses each request into a struct request (912 bytes) declared in
 * its own frame and hands the handler a pointer to it; nothing is freed.
 * Same requests, same checksum as request.
 *
 * Expected: no allocation, nothing for heap2stack to do; this is the
 * hand-written baseline heap2stack's request is judged against.
 */
#include <string.h>

#include "kernel.h"

#define KERNEL_NAME "request_stack"

#define MAX_HEADERS 8

struct header {
	char name[32];
	char value[64];
};

struct request {
	char method[8];
	char path[128];
	int version;
	int nheaders;
	struct header headers[MAX_HEADERS];
};

/* Copies up to the delimiter into dst[cap]; returns the position after. */
static const char *field(const char *s, char delim, char *dst, size_t cap)
{
	size_t n = 0;
	while (*s && *s != delim && *s != '\n') {
		if (n + 1 < cap)
			dst[n++] = *s;
		s++;
	}
	dst[n] = '\0';
	return *s == delim ? s + 1 : s;
}

static int parse(const char *s, struct request *r)
{
	s = field(s, ' ', r->method, sizeof r->method);
	s = field(s, ' ', r->path, sizeof r->path);
	if (strncmp(s, "HTTP/1.", 7) != 0)
		return -1;
	r->version = s[7] - '0';
	s = strchr(s, '\n');
	r->nheaders = 0;
	while (s && s[1] && s[1] != '\n' && r->nheaders < MAX_HEADERS) {
		struct header *h = &r->headers[r->nheaders++];
		s = field(s + 1, ':', h->name, sizeof h->name);
		while (*s == ' ')
			s++;
		s = field(s, '\n', h->value, sizeof h->value);
		s = *s ? s - 1 : NULL;
		if (s && *s != '\n')
			s = strchr(s, '\n');
	}
	return 0;
}

__attribute__((noinline)) static uint64_t handle(const struct request *r)
{
	uint64_t h = (uint64_t)r->version * 131 + (uint64_t)r->nheaders;
	for (const char *c = r->method; *c; c++)
		h = h * 33 + (unsigned char)*c;
	for (const char *c = r->path; *c; c++)
		h = h * 33 + (unsigned char)*c;
	for (int i = 0; i < r->nheaders; i++)
		if (strcmp(r->headers[i].name, "Content-Length") == 0)
			h += (uint64_t)strtol(r->headers[i].value, NULL, 10);
		else
			h = h * 31 + strlen(r->headers[i].value);
	return h;
}

static uint64_t serve(const char *text)
{
	struct request r;
	return parse(text, &r) == 0 ? handle(&r) : 1;
}

int main(int argc, char **argv)
{
	static const char *const reqs[] = {
		"GET /index.html HTTP/1.1\nHost: example.org\nAccept: */*\n\n",
		"POST /api/v1/items HTTP/1.1\nHost: api.example.org\n"
		"Content-Type: application/json\nContent-Length: 348\n"
		"Authorization: Bearer abcdef0123456789\n\n",
		"HEAD /static/css/site.css HTTP/1.0\nIf-None-Match: \"5f2a\"\n\n",
		"GET /search?q=heap+to+stack&page=2 HTTP/1.1\nHost: example.org\n"
		"User-Agent: bench/1.0\nAccept-Language: en\nCookie: a=1; b=2\n\n",
		"BREW /pot HTTP/0.9\n\n",
	};
	const size_t nr = sizeof reqs / sizeof reqs[0];
	uint64_t sum = 0;
	unsigned long n = 4000000ul * scale(argc, argv);
	for (unsigned long i = 0; i < n; i++)
		sum = mix(sum, serve(reqs[rng() % nr]));
	report(KERNEL_NAME, sum);
	return 0;
}

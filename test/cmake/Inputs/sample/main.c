/* Three allocation sites: lower() allocates a 64-byte scratch buffer with
 * malloc (heap2stack demotes it per translation unit), hash() a 32-byte
 * one through xmalloc in another file (demoted only with LTO, when the
 * wrapper is inlined), and remember() a block it stores to a global (kept
 * on the heap). main calls them 100, 10 and 1 times. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *xmalloc(size_t n);
void xfree(void *p);

static char *last;

static unsigned long lower(const char *w)
{
	char *tmp = malloc(64);
	size_t n = strlen(w);
	unsigned long h = 5381;

	if (!tmp)
		return 0;
	if (n > 63)
		n = 63;
	for (size_t i = 0; i < n; i++)
		tmp[i] = (char)(w[i] | 0x20);
	tmp[n] = 0;
	for (const char *p = tmp; *p; p++)
		h = h * 33 + (unsigned char)*p;
	free(tmp);
	return h;
}

static unsigned long hash(const char *w)
{
	char *tmp = xmalloc(32);
	unsigned long h = 0;

	strncpy(tmp, w, 31);
	tmp[31] = 0;
	for (const char *p = tmp; *p; p++)
		h = h * 31 + (unsigned char)*p;
	xfree(tmp);
	return h;
}

static void remember(const char *w)
{
	free(last);
	last = malloc(24);
	if (last)
		snprintf(last, 24, "%s", w);
}

int main(int argc, char **argv)
{
	const char *word = argc > 1 ? argv[1] : "Sample";
	unsigned long total = 0;

	for (int i = 0; i < 100; i++)
		total += lower(word) % 1000;
	for (int i = 0; i < 10; i++)
		total += hash(word) % 1000;
	remember(word);
	printf("%lu %s\n", total, last);
	return 0;
}

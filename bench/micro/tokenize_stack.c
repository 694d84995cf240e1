/*
 * tokenize_stack: tokenize.c written by hand the way heap2stack rewrites
 * it: count_token() lower-cases each token into a 64-byte scratch array on
 * its own stack frame, and nothing is freed. The 1 MiB text stays on the
 * heap, as heap2stack leaves it (over its 4096-byte limit). Same text, same
 * checksum as tokenize.
 *
 * Expected: one allocation (the text), nothing for heap2stack to demote;
 * this is the hand-written baseline heap2stack's tokenize is judged
 * against.
 */
#include <ctype.h>
#include <string.h>

#include "kernel.h"

#define KERNEL_NAME "tokenize_stack"

#define MAX_TOKEN 64
#define TABLE 4096
#define TEXT (1 << 20)

static unsigned counts[TABLE];

static uint64_t count_token(const char *s, size_t len)
{
	char lower[MAX_TOKEN];
	if (len >= MAX_TOKEN)
		len = MAX_TOKEN - 1;
	for (size_t i = 0; i < len; i++)
		lower[i] = (char)tolower((unsigned char)s[i]);
	lower[len] = '\0';
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	for (const char *p = lower; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ull;
	counts[h % TABLE]++;
	return h;
}

int main(int argc, char **argv)
{
	static const char *const words[] = {
		"The", "quick", "Brown", "fox", "JUMPS", "over", "the", "lazy",
		"dog", "Lorem", "ipsum", "dolor", "sit", "amet", "consectetur",
		"adipiscing", "elit", "sed", "do", "eiusmod", "tempor",
		"incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua",
	};
	const size_t nwords = sizeof words / sizeof words[0];
	char *text = malloc(TEXT + 1);
	if (!text)
		abort();
	size_t n = 0;
	while (n + 16 < TEXT) {
		const char *w = words[rng() % nwords];
		size_t l = strlen(w);
		memcpy(text + n, w, l);
		n += l;
		text[n++] = (rng() & 7) ? ' ' : ',';
	}
	text[n] = '\0';

	uint64_t sum = 0;
	unsigned long rounds = 96 * scale(argc, argv);
	for (unsigned long r = 0; r < rounds; r++) {
		for (const char *s = text; *s;) {
			while (*s && !isalpha((unsigned char)*s))
				s++;
			const char *start = s;
			while (isalpha((unsigned char)*s))
				s++;
			if (s > start)
				sum = mix(sum, count_token(start, (size_t)(s - start)));
		}
	}
	for (unsigned i = 0; i < TABLE; i++)
		sum = mix(sum, counts[i]);
	free(text);
	report(KERNEL_NAME, sum);
	return 0;
}

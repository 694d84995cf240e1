/*
 * tokenize: a word counter's inner loop. Each token is copied, lower-cased,
 * into a 64-byte scratch buffer that is hashed into a count table and freed
 * (demo.c's count_token, at scale).
 *
 * Expected: the scratch buffer does not escape; heap2stack demotes it. At
 * 64 bytes it is also within the Attributor's 128-byte limit.
 */
#include <ctype.h>
#include <string.h>

#include "kernel.h"

#define MAX_TOKEN 64
#define TABLE 4096
#define TEXT (1 << 20)

static unsigned counts[TABLE];

static uint64_t count_token(const char *s, size_t len)
{
	char *lower = malloc(MAX_TOKEN);
	if (!lower)
		abort();
	if (len >= MAX_TOKEN)
		len = MAX_TOKEN - 1;
	for (size_t i = 0; i < len; i++)
		lower[i] = (char)tolower((unsigned char)s[i]);
	lower[len] = '\0';
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	for (const char *p = lower; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ull;
	counts[h % TABLE]++;
	free(lower);
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
	report("tokenize", sum);
	return 0;
}

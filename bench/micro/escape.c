/*
 * escape: the control. Every allocation really escapes: records are
 * interned into a global hash table (stored to a global), strings are
 * duplicated by a helper that returns them, and both live until a batch
 * flush frees them.
 *
 * Expected: nothing is demoted by either pass; the allocation counts of
 * the three builds are equal and the time ratios are noise.
 */
#include <string.h>

#include "kernel.h"

#define BUCKETS 1024
#define BATCH 4096

struct rec {
	struct rec *next;
	char *name;
	uint64_t key;
};

static struct rec *table[BUCKETS];
static unsigned live;

static char *dup_name(uint64_t r)
{
	char *s = malloc(24);
	if (!s)
		abort();
	for (int i = 0; i < 23; i++)
		s[i] = (char)('a' + (r >> (i * 2)) % 26);
	s[(r % 20) + 3] = '\0';
	return s;
}

static void insert(uint64_t key)
{
	struct rec *n = malloc(sizeof *n);
	if (!n)
		abort();
	n->key = key;
	n->name = dup_name(key);
	n->next = table[key % BUCKETS];
	table[key % BUCKETS] = n;
	live++;
}

static uint64_t flush(void)
{
	uint64_t h = 0;
	for (unsigned b = 0; b < BUCKETS; b++) {
		struct rec *p = table[b];
		while (p) {
			struct rec *next = p->next;
			h = mix(h, p->key ^ strlen(p->name));
			free(p->name);
			free(p);
			p = next;
		}
		table[b] = NULL;
	}
	live = 0;
	return h;
}

int main(int argc, char **argv)
{
	uint64_t sum = 0;
	unsigned long n = 8000000ul * scale(argc, argv);
	for (unsigned long i = 0; i < n; i++) {
		insert(rng());
		if (live == BATCH)
			sum = mix(sum, flush());
	}
	sum = mix(sum, flush());
	report("escape", sum);
	return 0;
}

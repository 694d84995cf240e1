/*
 * strbuild: a growing string builder. Each record is rendered as a
 * JSON-like line into a buffer that starts at 16 bytes and doubles with
 * realloc, then hashed and freed.
 *
 * Expected: heap2stack demotes the buffer with realloc growth: it starts
 * in a guard-size (256-byte) stack slot, which every record fits, so no
 * record allocates. The Attributor keeps it (realloc). strbuild_stack.c is
 * the same builder written by hand with a 256-byte stack buffer: the
 * target for heap2stack's build of this kernel.
 */
#include <string.h>

#include "kernel.h"

#define KERNEL_NAME "strbuild"

struct sb {
	char *data;
	size_t len, cap;
};

static void sb_init(struct sb *b)
{
	b->cap = 16;
	b->len = 0;
	b->data = malloc(b->cap);
	if (!b->data)
		abort();
	b->data[0] = '\0';
}

/* Room for n more bytes and a NUL. */
static void sb_reserve(struct sb *b, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		while (b->len + n + 1 > b->cap)
			b->cap *= 2;
		char *d = realloc(b->data, b->cap);
		if (!d)
			abort();
		b->data = d;
	}
}

static void sb_release(struct sb *b)
{
	free(b->data);
}

#include "strbuild.h"

/*
 * strbuild_stack: strbuild.c written by hand the way heap2stack rewrites it:
 * the builder starts in a 256-byte buffer on the stack and moves to the
 * heap (malloc + copy) only when a record outgrows it. Same records, same
 * checksum as strbuild (strbuild.h renders them).
 *
 * Expected: no allocation for any record (none reaches 256 bytes); this is
 * the hand-written baseline heap2stack's strbuild is judged against.
 */
#include <string.h>

#include "kernel.h"

#define KERNEL_NAME "strbuild_stack"

struct sb {
	char *data;
	size_t len, cap;
	char small[256];
};

static void sb_init(struct sb *b)
{
	b->cap = sizeof b->small;
	b->len = 0;
	b->data = b->small;
	b->data[0] = '\0';
}

/* Room for n more bytes and a NUL. */
static void sb_reserve(struct sb *b, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		while (b->len + n + 1 > b->cap)
			b->cap *= 2;
		char *d;
		if (b->data == b->small) {
			d = malloc(b->cap);
			if (d)
				memcpy(d, b->small, b->len + 1);
		} else {
			d = realloc(b->data, b->cap);
		}
		if (!d)
			abort();
		b->data = d;
	}
}

static void sb_release(struct sb *b)
{
	if (b->data != b->small)
		free(b->data);
}

#include "strbuild.h"

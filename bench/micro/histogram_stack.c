/*
 * histogram_stack: histogram.c written by hand the way heap2stack rewrites
 * it: each block's 256 counters (1 KiB) are a zeroed array in score()'s
 * frame instead of a block from calloc, and nothing is freed. The 64 KiB
 * input stays on the heap, as heap2stack keeps it (over its 4096-byte
 * max-size). Same input, same checksum as histogram.
 *
 * Expected: one allocation, the input; nothing for heap2stack to demote
 * (it keeps the input as too large). The hand-written baseline
 * heap2stack's histogram is judged against.
 */
#include "kernel.h"

#define KERNEL_NAME "histogram_stack"

#define BLOCK 1024

static uint64_t score(const unsigned char *b, size_t n)
{
	unsigned hist[256] = {0};
	for (size_t i = 0; i < n; i++)
		hist[b[i]]++;
	unsigned distinct = 0, best = 0, top = 0;
	for (unsigned c = 0; c < 256; c++) {
		distinct += hist[c] != 0;
		if (hist[c] > best) {
			best = hist[c];
			top = c;
		}
	}
	return (uint64_t)distinct << 32 | (uint64_t)top << 16 | best;
}

int main(int argc, char **argv)
{
	enum { BLOCKS = 64 };
	unsigned char *data = malloc((size_t)BLOCKS * BLOCK);
	if (!data)
		abort();
	for (size_t i = 0; i < (size_t)BLOCKS * BLOCK; i++) {
		uint64_t r = rng();
		/* skewed bytes, some blocks nearly text-like */
		data[i] = (unsigned char)((i / BLOCK) % 3 ? r % 40 + 'a' - 7 : r);
	}
	uint64_t sum = 0;
	unsigned long rounds = 8000ul * scale(argc, argv);
	for (unsigned long r = 0; r < rounds; r++)
		for (size_t b = 0; b < BLOCKS; b++) {
			size_t len = BLOCK - (size_t)((r * 131 + b * 7) % 128);
			sum = mix(sum, score(data + b * BLOCK, len));
		}
	free(data);
	report(KERNEL_NAME, sum);
	return 0;
}

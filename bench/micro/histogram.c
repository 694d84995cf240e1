/*
 * histogram: byte statistics per block of input. For each 1 KiB block a
 * histogram of 256 counters is calloc'd, filled, reduced to a score (the
 * number of distinct bytes and the most frequent one) and freed, as a
 * compressor or a file-type sniffer does per block.
 *
 * Expected: the 1 KiB calloc does not escape; heap2stack demotes it to a
 * zeroed stack slot. Over the Attributor's 128-byte limit.
 */
#include "kernel.h"

#define BLOCK 1024

static uint64_t score(const unsigned char *b, size_t n)
{
	unsigned *hist = calloc(256, sizeof *hist);
	if (!hist)
		abort();
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
	free(hist);
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
	report("histogram", sum);
	return 0;
}

/*
 * kernel.h: what every micro-benchmark kernel shares.
 *
 * A kernel does a fixed amount of work that allocates the way everyday C
 * does, folds everything it computes into a 64-bit checksum, and prints
 * `NAME checksum=HEX` on stdout. run.sh compares that line across the three
 * builds of the kernel (plain -O2, -O2 with heap2stack, -O2 with LLVM's
 * Attributor): any difference is a miscompile.
 *
 * The optional first argument scales the work (default 1); inputs come from
 * a fixed-seed PRNG, so the compiler cannot fold them.
 */
#ifndef KERNEL_H
#define KERNEL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

/* xorshift64*: deterministic, the same on every build. */
static inline uint64_t rng(void)
{
	uint64_t x = rng_state;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545f4914f6cdd1dull;
}

static inline uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
	return h;
}

static inline unsigned long scale(int argc, char **argv)
{
	if (argc > 1) {
		long s = strtol(argv[1], NULL, 10);
		if (s > 0)
			return (unsigned long)s;
	}
	return 1;
}

static inline void report(const char *name, uint64_t sum)
{
	printf("%s checksum=%016llx\n", name, (unsigned long long)sum);
}

#endif

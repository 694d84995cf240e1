/*
 * mergesort_stack: mergesort.c written by hand the way heap2stack rewrites
 * it: the merge step's temporary of RUN ints (1 KiB) is an array in
 * merge()'s frame instead of a block from malloc, and nothing is freed;
 * merge() is inlined into the sort loop, so every merge reuses the one
 * array. Same arrays, same checksum as mergesort.
 *
 * Expected: no allocation, nothing for heap2stack to do; the hand-written
 * baseline heap2stack's mergesort is judged against.
 */
#include <string.h>

#include "kernel.h"

#define KERNEL_NAME "mergesort_stack"

#define RUN 256 /* elements per array: the temporary is RUN ints */

static void merge(int *a, size_t lo, size_t mid, size_t hi)
{
	int tmp[RUN];
	size_t i = lo, j = mid, k = 0;
	while (i < mid && j < hi)
		tmp[k++] = a[j] < a[i] ? a[j++] : a[i++];
	while (i < mid)
		tmp[k++] = a[i++];
	while (j < hi)
		tmp[k++] = a[j++];
	memcpy(a + lo, tmp, k * sizeof *tmp);
}

static void sort(int *a, size_t n)
{
	for (size_t w = 1; w < n; w *= 2)
		for (size_t lo = 0; lo + w < n; lo += 2 * w) {
			size_t hi = lo + 2 * w < n ? lo + 2 * w : n;
			merge(a, lo, lo + w, hi);
		}
}

int main(int argc, char **argv)
{
	static int a[RUN];
	uint64_t sum = 0;
	unsigned long arrays = 48000ul * scale(argc, argv);
	for (unsigned long r = 0; r < arrays; r++) {
		size_t n = RUN - (rng() % 64);
		for (size_t i = 0; i < n; i++)
			a[i] = (int)(rng() % 100000);
		sort(a, n);
		for (size_t i = 1; i < n; i++)
			if (a[i - 1] > a[i])
				abort();
		sum = mix(sum, (uint64_t)a[0] * 31 + (uint64_t)a[n / 2] * 7 + (uint64_t)a[n - 1]);
	}
	report(KERNEL_NAME, sum);
	return 0;
}

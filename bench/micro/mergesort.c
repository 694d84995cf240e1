/*
 * mergesort: many small arrays sorted by a bottom-up merge sort whose
 * merge step takes a temporary buffer of bounded size (at most RUN ints)
 * from malloc and frees it at the end of the merge.
 *
 * Expected: the 1 KiB temporary does not escape merge(), which is inlined
 * into the sort loop; heap2stack demotes it, one slot reused by every
 * merge. Over the Attributor's 128-byte limit.
 */
#include <string.h>

#include "kernel.h"

#define RUN 256 /* elements per array: the temporary is RUN ints */

static void merge(int *a, size_t lo, size_t mid, size_t hi)
{
	int *tmp = malloc(RUN * sizeof *tmp);
	if (!tmp)
		abort();
	size_t i = lo, j = mid, k = 0;
	while (i < mid && j < hi)
		tmp[k++] = a[j] < a[i] ? a[j++] : a[i++];
	while (i < mid)
		tmp[k++] = a[i++];
	while (j < hi)
		tmp[k++] = a[j++];
	memcpy(a + lo, tmp, k * sizeof *tmp);
	free(tmp);
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
	report("mergesort", sum);
	return 0;
}

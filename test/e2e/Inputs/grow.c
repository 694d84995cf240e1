/* The helpers of thinlto-frees.c, in a translation unit of their own. */
#include <stdlib.h>

/* A wrapper ThinLTO imports into the caller and inlines there. */
unsigned *make(size_t n)
{
	unsigned *p = calloc(n, sizeof *p);
	if (!p)
		abort();
	return p;
}

/* Grows the block twice and frees it: LLVM infers `nocapture` for p (realloc
 * and free do not capture), not `nofree`. Imported into the caller's module
 * (the caller's call is marked noinline, the function is not), and dropped
 * there before heap2stack runs. */
unsigned grow_and_sum(unsigned *p, size_t n)
{
	unsigned s = 0;
	for (int round = 0; round < 2; round++) {
		unsigned *q = realloc(p, (n + 100) * sizeof *p);
		if (!q)
			abort();
		for (size_t i = n; i < n + 100; i++)
			q[i] = (unsigned)i;
		p = q;
		n += 100;
	}
	for (size_t i = 0; i < n; i++)
		s += p[i];
	free(p);
	return s;
}

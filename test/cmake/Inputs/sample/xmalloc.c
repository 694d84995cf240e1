/* An allocation wrapper in its own translation unit: only a whole-program
 * (LTO) build lets heap2stack see the malloc inside it. */
#include <stdio.h>
#include <stdlib.h>

void *xmalloc(size_t n)
{
	void *p = malloc(n);
	if (!p) {
		fputs("out of memory\n", stderr);
		exit(1);
	}
	return p;
}

void xfree(void *p)
{
	free(p);
}

/* Helpers of the profile tests: blocks the optimiser must keep. */
#include <stdlib.h>

#define NOINLINE __attribute__((noinline))

/* Makes a block look used, so -O2 does not delete its allocation. */
static NOINLINE void touch(void *p)
{
	__asm__ volatile("" : : "r"(p) : "memory");
}

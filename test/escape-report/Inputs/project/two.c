#include <stdlib.h>

int *kept;

/* Stored in a global: on the heap. */
void two(void)
{
	kept = malloc(16);
}

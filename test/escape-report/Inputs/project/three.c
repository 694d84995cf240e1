#include <stdlib.h>

/* Returned: on the heap; its size comes from the database (-DSIZE). */
void *three(void)
{
	return malloc(SIZE);
}
#ifdef HANG
#include "pipe.h"
#endif

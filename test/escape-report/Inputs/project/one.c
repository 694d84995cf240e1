#include <stdlib.h>
#include <string.h>

/* A scratch buffer freed in its function: demoted. */
int one(const char *s)
{
	char *b = malloc(32);
	strncpy(b, s, 31);
	b[31] = 0;
	int n = (int)strlen(b);
	free(b);
	return n;
}

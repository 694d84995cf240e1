/* A site heap2stack demotes, for the tests that join a profile with the
 * plugin's records: scratch() allocates 64 bytes, lets sum() (a function of
 * the module that does not keep the pointer) read them, and frees them
 * itself: k=0 at run time, `stack`/`demote` in the records. */
#include "common.h"

NOINLINE int sum(const unsigned char *p, int n)
{
	int s = 0;
	for (int i = 0; i < n; i++)
		s += p[i];
	return s;
}

NOINLINE int scratch(int k)
{
	unsigned char *p = malloc(64);
	int s;
	for (int i = 0; i < 64; i++)
		p[i] = (unsigned char)(i * k);
	s = sum(p, 64);
	free(p);
	return s;
}

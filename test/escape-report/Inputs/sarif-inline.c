/* escape-report -sarif: a second file of sarif.c's multi-file run, with an
 * allocation inlined into its caller. */
#include <stdlib.h>

char *list;

static char *make(void)
{
	return malloc(24);
}

void push(void)
{
	list = make();
}

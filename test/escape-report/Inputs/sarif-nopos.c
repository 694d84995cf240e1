/* A flow through phis, which carry no position: SARIF gets locations with
 * only a message (sarif.c). */
#include <stdlib.h>

char *kept;

int main(int argc, char **argv)
{
	char *p = argv[0];
	for (int i = 1; i < argc; i++)
		if (argv[i][0] == 'x')
			p = malloc(8);
	kept = p;
	return 0;
}

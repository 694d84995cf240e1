// clang 19 parses -mllvm options before it loads -fpass-plugin plugins:
// heap2stack's options then need -fplugin as well, and without it clang
// says which option it does not know and fails (it does not print its help
// and exit 0).
//
// REQUIRES: llvm19
// RUN: rm -f %t.o
// RUN: not %clang -O2 -fpass-plugin=%plugin -mllvm -escape-report=- -c %s -o %t.o 2>&1 | FileCheck --check-prefix=LATE %s
// RUN: not test -e %t.o
// RUN: %clang -O2 -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-report=- -c %s -o %t.o 2>&1 | FileCheck --check-prefix=EARLY %s
//
// LATE: Unknown command line argument '-escape-report=-'
// EARLY: scratch: malloc(8) does not escape
#include <stdlib.h>

int scratch(int x)
{
	volatile char *p = malloc(8);
	p[0] = (char)x;
	x = p[0];
	free((void *)p);
	return x;
}

// heap2stack's -mllvm options when the plugin is not loaded at the time
// the host parses them, or misspelt: an error naming the option and a
// failure status, never the host's help text with exit status 0 and no
// output file (what an option whose name starts with `h` gets: LLVM reads it
// as the `-h` help alias grouped with other letters).
//
// RUN: rm -f %t.o
// RUN: not %clang -O2 -mllvm -escape-report=- -c %s -o %t.o 2>&1 | FileCheck --check-prefix=UNLOADED %s
// RUN: not test -e %t.o
// RUN: not %clang -O2 -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-reprot=- -c %s -o %t.o 2>&1 | FileCheck --check-prefix=MISSPELT %s
// RUN: not test -e %t.o
// RUN: not %clang -O2 -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-options='max-size=8;max-size=9' -c %s -o %t.o 2>&1 | FileCheck --check-prefix=TWICE %s
// RUN: not %clang -O2 -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-report= -c %s -o %t.o 2>&1 | FileCheck --check-prefix=EMPTY %s
// RUN: not %clang -O2 -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-report=%t.no/such/dir -c %s -o %t.o 2>&1 | FileCheck --check-prefix=NODIR %s
//
// Loaded early (-fplugin), the options work:
// RUN: %clang -O2 -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-report=- -c %s -o %t.o 2>&1 | FileCheck --check-prefix=REPORT %s
// RUN: test -e %t.o
//
// UNLOADED: Unknown command line argument '-escape-report=-'
// MISSPELT: Unknown command line argument '-escape-reprot=-'
// TWICE: heap2stack: error: in '-escape-options=max-size=8;max-size=9': parameter 'max-size' is given more than once
// EMPTY: heap2stack: error: -escape-report= needs a file name ('-' for stderr)
// NODIR: heap2stack: error: cannot write the report to '{{.*}}.no/such/dir': No such file or directory
// REPORT: demo_scratch: malloc(16) does not escape
#include <stdlib.h>
#include <string.h>

int demo_scratch(const char *s)
{
	char *p = malloc(16);
	int n;
	strncpy(p, s, 15);
	p[15] = 0;
	n = (int)strlen(p);
	free(p);
	return n;
}

// The clang pipeline's instance writes the Go-style report of what it
// decided (-escape-report) and the same decisions as records
// (-escape-records). -fplugin loads the plugin before clang parses
// -mllvm (clang 19 needs it; clang 22 accepts it).
//
// RUN: %clang -O2 -g -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-report=- -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REPORT %s
// RUN: rm -f %t.rec
// RUN: %clang -O2 -g -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-records=%t.rec -c %s -o /dev/null
// RUN: FileCheck --check-prefix=REC %s < %t.rec
// RUN: %clang -O2 -g -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-options='max-size=8' -mllvm -escape-report=- -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=SMALL %s
// RUN: not %clang -O2 -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-options='max-size=big' -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=BAD %s
#include <stdlib.h>

extern void keep(int *p);
extern int *global;

int *made(void)
{
	int *p = malloc(sizeof *p);
	return p;
}

int scratch(int n)
{
	int *buf = malloc(16 * sizeof *buf);
	for (int i = 0; i < 16; i++)
		buf[i] = n + i;
	keep(&buf[3]);
	int s = buf[0] + buf[15];
	free(buf);
	return s;
}

static __attribute__((noinline)) int sum(const char *p, int n)
{
	int s = 0;
	for (int i = 0; i < n; i++)
		s += p[i];
	return s;
}

int counted(int n)
{
	char *tmp = malloc(12);
	for (int i = 0; i < 12; i++)
		tmp[i] = (char)(n + i);
	int s = sum(tmp, 12);
	free(tmp);
	return s;
}

void local_address(void)
{
	int x = 1;
	keep(&x);
}

int *through(int *q)
{
	return q;
}

// Sorted by line; parameters have no column in debug information.
// REPORT:      report-option.c:[[@LINE-45]]:11: malloc(4) escapes to heap
// REPORT-NEXT: report-option.c:[[@LINE-40]]:13: malloc(64) escapes to heap
// REPORT-NEXT: report-option.c:[[@LINE-32]]: p does not escape
// REPORT-NEXT: report-option.c:[[@LINE-23]]:14: malloc(12) does not escape
// REPORT-NEXT: report-option.c:[[@LINE-14]]: address of x escapes
// REPORT-NEXT: report-option.c:[[@LINE-11]]: leaking param: q to result ~r0 level=0
// REPORT-NOT:  {{.}}
//
// REC:      #heap2stack-records 1
// REC-NEXT: S{{.}}0{{.}}made{{.*}}report-option.c{{.}}[[@LINE-54]]{{.}}11{{.*}}malloc{{.}}4{{.}}heap{{.}}escapes{{.}}returned at {{.*}}report-option.c:[[@LINE-53]]:2
// REC-NEXT: W{{.}}0{{.}}spill{{.}}p{{.}}{storage}
// REC-NEXT: W{{.}}0{{.}}return{{.}}~r0{{.}}p
// REC-NEXT: S{{.}}1{{.}}scratch{{.*}}malloc{{.}}64{{.}}heap{{.}}escapes{{.}}passed to unknown function keep at
// REC:      S{{.}}2{{.}}counted{{.*}}malloc{{.}}12{{.}}stack{{.}}demote{{.}}moved to a 12-byte stack slot
// REC:      A{{.}}local_address{{.*}}x{{.}}passed to unknown function keep at
// REC-NEXT: P{{.}}through{{.*}}q{{.}}result{{.}}0
// REC-NOT:  {{.}}
//
// SMALL: malloc(12) escapes to heap
//
// BAD: heap2stack: error: in '-escape-options=max-size=big': invalid value 'big' for parameter 'max-size': expected a number of bytes

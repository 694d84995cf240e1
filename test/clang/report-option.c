// The clang pipeline's instance writes the Go-style report of what it
// decided (-escape-report) and the same decisions as records: its remarks
// in clang's optimization record (-fsave-optimization-record), with debug
// locations and named arguments. -fplugin loads the plugin before clang
// parses -mllvm (clang 19 needs it; clang 22 accepts it).
//
// RUN: %clang -O2 -g -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-report=- -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REPORT %s
// RUN: rm -f %t.yaml
// RUN: %clang -O2 -g -fpass-plugin=%plugin -fsave-optimization-record=yaml -foptimization-record-file=%t.yaml -foptimization-record-passes=heap2stack -c %s -o /dev/null
// RUN: FileCheck --check-prefix=REC %s < %t.yaml
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
// Each site, then its flow; parameters and addresses after the sites
// (strings between the named arguments left out of the checks).
// REC:      --- !Missed
// REC:      Name: KeptOnHeap
// REC-NEXT: DebugLoc: { File: {{.*}}report-option.c{{'?}}, Line: [[@LINE-57]], Column: 11 }
// REC-NEXT: Function: made
// REC:        - Expr: 'malloc(4)'
// REC:        - Detail: 'returned at {{.*}}report-option.c:[[@LINE-59]]:2'
// REC:        - Allocator: malloc
// REC:        - Size: '4'
// REC:        - Reason: escapes
// REC:      Name: Flow
// REC-NEXT: DebugLoc: { File: {{.*}}report-option.c{{'?}}, Line: [[@LINE-65]], Column: 11 }
// REC:        - Step: '1'
// REC:        - Dst: p
// REC:        - Src: '{storage}'
// REC:        - Why: spill
// REC:      Name: Flow
// REC-NEXT: DebugLoc: { File: {{.*}}report-option.c{{'?}}, Line: [[@LINE-70]], Column: 2 }
// REC:        - Step: '2'
// REC:        - Dst: '~r0'
// REC:        - Src: p
// REC:        - Why: return
// REC:      Name: KeptOnHeap
// REC:      Function: scratch
// REC:        - Detail: 'passed to unknown function keep at {{.*}}report-option.c:[[@LINE-69]]:2'
// REC:      --- !Passed
// REC:      Name: Demoted
// REC-NEXT: DebugLoc: { File: {{.*}}report-option.c{{'?}}, Line: [[@LINE-56]], Column: 14 }
// REC-NEXT: Function: counted
// REC:        - Detail: moved to a 12-byte stack slot
// REC:        - Size: '12'
// REC:        - Reason: demote
// REC-NOT:    - CallSite:
// REC:      Name: Param
// REC-NEXT: DebugLoc: { File: {{.*}}report-option.c{{'?}}, Line: [[@LINE-73]], Column: 0 }
// REC-NEXT: Function: sum
// REC:        - Param: p
// REC:        - Form: none
// REC:      Name: AddressEscapes
// REC-NEXT: DebugLoc: { File: {{.*}}report-option.c{{'?}}, Line: [[@LINE-58]], Column: 0 }
// REC-NEXT: Function: local_address
// REC:        - Name: x
// REC:        - Detail: 'passed to unknown function keep at {{.*}}report-option.c:[[@LINE-60]]:2'
// REC:      Name: Param
// REC-NEXT: DebugLoc: { File: {{.*}}report-option.c{{'?}}, Line: [[@LINE-59]], Column: 0 }
// REC-NEXT: Function: through
// REC:        - Param: q
// REC:        - Level: '0'
// REC:        - Form: result
// REC:        - Derefs: '0'
// The flow that makes the form, as for an allocation: q returned.
// REC:      Name: Flow
// REC-NEXT: DebugLoc: { File: {{.*}}report-option.c{{'?}}, Line: [[@LINE-65]], Column: 2 }
// REC-NEXT: Function: through
// REC:        - Expr: q
// REC:        - Step: '1'
// REC:        - Dst: '~r0'
// REC:        - Src: q
// REC:        - Why: return
// REC-NOT:  Name:
//
// SMALL: malloc(12) escapes to heap
//
// BAD: heap2stack: error: in '-escape-options=max-size=big': invalid value 'big' for parameter 'max-size': expected a number of bytes

// The report joins the profile with the plugin's records: verdict, reason,
// and what heap2stack removed. And the limit does not depend on the build:
// the profile of a build with the plugin misses exactly the allocations
// the plugin removed, so its k=0 plus the removed count of the plain build
// is the plain build's k=0. Expected, by construction:
//
//   scratch    10 x malloc(64), read by sum() (a module function that does
//              not keep it), freed in scratch: k0 10, demoted by heap2stack
//   via_callee 3 x malloc(24), freed by release(): k0 3, kept on the heap
//              (`freed by release`)
//   make       2 x malloc(32), returned to main, which frees it: k1 2, kept
//              (`returned`)
//
// Plain build:  15 allocations, k0 13, k1 2, removed 10.
// Plugin build:  5 allocations, k0  3, k1 2 (and 3 + 10 = 13).
//
// RUN: %clang -O2 -g -finstrument-functions-after-inlining %s -o %t.plain
// RUN: rm -f %t.rec
// RUN: %clang -O2 -g -finstrument-functions-after-inlining -fpass-plugin=%plugin -fsave-optimization-record=yaml -foptimization-record-file=%t.rec -foptimization-record-passes=heap2stack %s -o %t.h2s
// RUN: %h2s_profile run -o %t.plain.prof -- %t.plain
// RUN: %h2s_profile run -o %t.h2s.prof -- %t.h2s
// RUN: %t.plain > %t.plain.out
// RUN: %t.h2s > %t.h2s.out
// RUN: diff %t.plain.out %t.h2s.out
// RUN: %h2s_profile report --json --records %t.rec %t.plain.prof | FileCheck --check-prefix=PLAIN %s
// The same records as bitstream (LLVM's other remark format) join alike.
// RUN: llvm-remarkutil yaml2bitstream %t.rec -o %t.rec.bitstream
// RUN: %h2s_profile report --json --records %t.rec %t.plain.prof > %t.yaml.json
// RUN: %h2s_profile report --json --records %t.rec.bitstream %t.plain.prof > %t.bitstream.json
// RUN: diff %t.yaml.json %t.bitstream.json
// RUN: %h2s_profile report --json --records %t.rec %t.h2s.prof | FileCheck --check-prefix=H2S %s
// RUN: %h2s_profile report --records %t.rec --svg %t.svg %t.plain.prof | FileCheck --check-prefix=TEXT %s
// RUN: FileCheck --check-prefix=SVG %s < %t.svg
//
// PLAIN: "records": true,
// PLAIN: "totals": {"allocations": 15, "k0": 13, "k1": 2, "k2": 0, "k3": 0, "outlived": 0, "unfreed": 0, "removed": 10, "sites": 3, "joined": 3,
// PLAIN-DAG: "function": "scratch", {{.*}}"allocations": 10, {{.*}}"k0": 10, {{.*}}"removed": 10, {{.*}}"verdict": "stack", "reason": "demote",
// PLAIN-DAG: "function": "via_callee", {{.*}}"allocations": 3, {{.*}}"k0": 3, {{.*}}"removed": 0, {{.*}}"verdict": "heap", "reason": "freed-by-callee", "detail": "freed by release at {{.*}}, not inlined: marked noinline or optnone"}
// PLAIN-DAG: "function": "make", {{.*}}"allocations": 2, {{.*}}"k1": 2, {{.*}}"verdict": "heap", "reason": "escapes", "detail": "returned at {{.*}}"}
// PLAIN: "reasons": [
// PLAIN-NEXT: {"reason": "freed-by-callee", "sites": 1, "k0": 3, "allocations": 3},
// PLAIN-NEXT: {"reason": "escapes", "sites": 1, "k0": 0, "allocations": 2}
// PLAIN-NEXT: ]
//
// H2S: "totals": {"allocations": 5, "k0": 3, "k1": 2, "k2": 0, "k3": 0, "outlived": 0, "unfreed": 0, "removed": 0, "sites": 2, "joined": 2,
// H2S-NOT: "function": "scratch"
//
// TEXT: 15 allocations by the program at 3 sites; 13 could have lived on the stack (freed inside their function, k=0, 86.7%); heap2stack removed 10 (76.9% of the limit)
// TEXT: sites joined with a record: 3 of 3
// TEXT:      1 10 100.0% {{.*}} 64 stack {{.*}}Inputs/scratch.h:{{[0-9]+}}:{{[0-9]+}}
// TEXT-NEXT: 2 3 100.0% {{.*}} 24 heap {{.*}}records-join.c:{{[0-9]+}}:{{[0-9]+}}
// TEXT-NEXT: kept: freed by release at
// TEXT-NEXT: 3 2 0.0% 100.0% {{.*}} 32 heap {{.*}}records-join.c:{{[0-9]+}}:{{[0-9]+}}
// TEXT-NEXT: kept: returned at
//
// SVG: <svg xmlns="http://www.w3.org/2000/svg"
// SVG: >whole program</text>
// SVG: >15 / 13 / 10</text>
#include "Inputs/scratch.h"

#include <stdio.h>

NOINLINE void release(void *p)
{
	free(p);
}

NOINLINE void via_callee(void)
{
	char *p = malloc(24);
	release(p);
}

NOINLINE char *make(size_t n)
{
	return malloc(n);
}

int main(void)
{
	int s = 0;
	for (int i = 0; i < 10; i++)
		s += scratch(i);
	for (int i = 0; i < 3; i++)
		via_callee();
	for (int i = 0; i < 2; i++)
		free(make(32));
	printf("%d\n", s);
	return 0;
}

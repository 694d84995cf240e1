// The join with the records after merge_positions (regression test for
// commit d2bb421). The report merges the call instructions of one source
// position into one site and compacts its array of sites; the join must then
// look at each compacted site's own profile entry (s[i].p), not at the
// entry that had the same index before the merge (ps[i]). This program lays
// the profile out so that the two differ, and the entry at the old index is
// a system one, which the join skips:
//
//   profile entries, in the order of their first call (one process):
//     twice's malloc, unrolled copy 1   program
//     twice's malloc, unrolled copy 2   program  (same position as copy 1)
//     fopen's malloc inside libc        system
//     scratch's malloc                  program
//   after the merge: twice, fopen's, scratch, ...: scratch is site 2, and
//   entry 2 is fopen's, a system site. Joining by ps[i] skipped scratch:
//   no record, so no verdict and nothing removed.
//
// Lifetimes, by construction:
//   twice    2 x malloc(24) (a loop of 2 fully unrolled: two calls of one
//            source position), freed by release() while twice runs: k0 2,
//            kept on the heap (`freed by release`)
//   scratch  5 x malloc(64), freed by scratch itself: k0 5, demoted by
//            heap2stack, so removed 5
//
// Plain build:  7 allocations at 2 sites, k0 7, removed 5, both joined.
// Plugin build: 2 allocations, k0 2 (and 2 + 5 = 7, the plain build's k0).
//
// RUN: %clang -O2 -g -finstrument-functions-after-inlining %s -o %t.plain
// RUN: rm -f %t.rec
// RUN: %clang -O2 -g -finstrument-functions-after-inlining -fpass-plugin=%plugin -fsave-optimization-record=yaml -foptimization-record-file=%t.rec -foptimization-record-passes=heap2stack %s -o %t.h2s
// RUN: %h2s_profile run -o %t.plain.prof -- %t.plain
// RUN: %h2s_profile run -o %t.h2s.prof -- %t.h2s
// RUN: %t.plain > %t.plain.out
// RUN: %t.h2s > %t.h2s.out
// RUN: diff %t.plain.out %t.h2s.out
//
// The layout the test relies on (else it would not test the bug): twice's
// two copies at two addresses, then fopen's, then scratch's.
// RUN: FileCheck --check-prefix=PROF %s < %t.plain.prof
// PROF:      site {{[^ ]+}} {{0x[0-9a-f]+}} program 1 24 0 24 24 1 0 0 0 0 0
// PROF-NEXT: site {{[^ ]+}} {{0x[0-9a-f]+}} program 1 24 0 24 24 1 0 0 0 0 0
// PROF-NEXT: site {{.*}} system
// PROF-NEXT: site {{[^ ]+}} {{0x[0-9a-f]+}} program 5 320 0 64 64 5 0 0 0 0 0
//
// RUN: %h2s_profile report --json --records %t.rec %t.plain.prof | FileCheck --check-prefix=PLAIN %s
// RUN: %h2s_profile report --json --records %t.rec %t.h2s.prof | FileCheck --check-prefix=H2S %s
//
// PLAIN: "totals": {"allocations": 7, "k0": 7, "k1": 0, "k2": 0, "k3": 0, "outlived": 0, "unfreed": 0, "removed": 5, "sites": 2, "joined": 2,
// PLAIN-DAG: "function": "scratch", {{.*}}"allocations": 5, {{.*}}"k0": 5, {{.*}}"removed": 5, {{.*}}"verdict": "stack", "reason": "demote",
// PLAIN-DAG: "function": "twice", {{.*}}"allocations": 2, {{.*}}"k0": 2, {{.*}}"removed": 0, {{.*}}"verdict": "heap", "reason": "freed-by-callee", "detail": "freed by release at {{.*}}, not inlined: marked noinline or optnone"}
//
// H2S: "totals": {"allocations": 2, "k0": 2, "k1": 0, "k2": 0, "k3": 0, "outlived": 0, "unfreed": 0, "removed": 0, "sites": 1, "joined": 1,
#include "Inputs/scratch.h"

#include <stdio.h>

NOINLINE void release(void *p)
{
	free(p);
}

NOINLINE void twice(void)
{
#pragma clang loop unroll(full)
	for (int i = 0; i < 2; i++) {
		char *p = malloc(24);
		release(p);
	}
}

int main(void)
{
	int s = 0;
	FILE *f;
	twice();
	/* libc allocates the FILE: a system site, first called between
	   twice's and scratch's */
	f = fopen("/dev/null", "r");
	if (!f)
		return 1;
	for (int i = 0; i < 5; i++)
		s += scratch(i);
	fclose(f);
	printf("%d\n", s);
	return 0;
}

// heap2stack-profile's lifetime classes on a program whose lifetimes are
// known by construction. Each malloc is a site of its own:
//
//   level0     5 x malloc(16), freed by level0 itself                k=0: 5
//   via_callee 2 x malloc(24), freed by release() while via_callee runs
//                                                                     k=0: 2
//   make       the one malloc of make(), reached 12 times:
//                3 x from level1, freed by level1 (make's caller)     k=1: 3
//                2 x through make2 from level2, freed by level2       k=2: 2
//                4 x through make3, make2 from level3                 k=3: 4
//                1 x through make4, make3, make2 from level4          outlived: 1
//                2 x from leak(), never freed                         unfreed: 2
//
// Totals: 19 allocations, k0 7, k1 3, k2 2, k3 4, outlived 1, unfreed 2.
// (printf's buffer is libc's own allocation: counted apart, as the
// system's.)
//
// RUN: %clang -O2 -g -finstrument-functions-after-inlining %s -o %t
// RUN: %h2s_profile run -o %t.prof -- %t 2>&1 | FileCheck --check-prefix=OUT %s
// RUN: FileCheck --check-prefix=PROFILE %s < %t.prof
// RUN: %h2s_profile report --json %t.prof | FileCheck %s
// RUN: %h2s_profile report %t.prof | FileCheck --check-prefix=TEXT %s
//
// Run through the shell (and `env`), as a test suite would: their own
// allocations are the system's, counted apart; the program's are the same.
// RUN: %h2s_profile run -o %t.sh.prof -- sh -c 'env %t' 2>&1 | FileCheck --check-prefix=SHELL %s
// RUN: %h2s_profile report --json %t.sh.prof | FileCheck --check-prefix=SHELLJSON %s
// SHELL: heap2stack-profile: 3 processes, 19 allocations by the program, 7 freed inside their function (k=0)
// SHELLJSON: "totals": {"allocations": 19, "k0": 7, "k1": 3, "k2": 2, "k3": 4, "outlived": 1, "unfreed": 2, "removed": 0, "sites": 3,
//
// OUT: done
// OUT: heap2stack-profile: 1 process, 19 allocations by the program, 7 freed inside their function (k=0): {{.*}}.prof
// PROFILE: #heap2stack-profile 1
//
// CHECK: "totals": {"allocations": 19, "k0": 7, "k1": 3, "k2": 2, "k3": 4, "outlived": 1, "unfreed": 2, "removed": 0, "sites": 3, "joined": 0, "system_allocations": {{[0-9]+}}, "system_sites": {{[0-9]+}}},
// CHECK-DAG: "file": "{{.*}}lifetimes.c", "line": {{[0-9]+}}, "column": {{[0-9]+}}, "function": "level0", "inlined_at": [], {{.*}}"origin": "program", "allocations": 5, "bytes": 80, "reallocs": 0, "min_size": 16, "max_size": 16, "k0": 5, "k1": 0, "k2": 0, "k3": 0, "outlived": 0, "unfreed": 0,
// CHECK-DAG: "function": "via_callee", {{.*}}"allocations": 2, "bytes": 48, {{.*}}"k0": 2, "k1": 0, "k2": 0, "k3": 0, "outlived": 0, "unfreed": 0,
// CHECK-DAG: "function": "make", {{.*}}"allocations": 12, "bytes": 592, "reallocs": 0, "min_size": 32, "max_size": 80, "k0": 0, "k1": 3, "k2": 2, "k3": 4, "outlived": 1, "unfreed": 2,
//
// TEXT: 19 allocations by the program at 3 sites; 7 could have lived on the stack (freed inside their function, k=0, 36.8%); no --records: what heap2stack removed is unknown
// TEXT-NEXT: freed in the caller (k=1) 3, k=2 2, k=3 4, later (outlived) 1, never (unfreed) 2
#include "Inputs/common.h"

#include <stdio.h>

NOINLINE void release(void *p)
{
	free(p);
}

NOINLINE void level0(void)
{
	char *p = malloc(16);
	touch(p);
	free(p);
}

NOINLINE void via_callee(void)
{
	char *p = malloc(24);
	touch(p);
	release(p);
}

NOINLINE char *make(size_t n)
{
	char *p = malloc(n);
	touch(p);
	return p;
}

NOINLINE char *make2(void)
{
	char *p = make(48);
	touch(p);
	return p;
}

NOINLINE char *make3(void)
{
	char *p = make2();
	touch(p);
	return p;
}

NOINLINE char *make4(void)
{
	char *p = make3();
	touch(p);
	return p;
}

NOINLINE void level1(void) { free(make(32)); }
NOINLINE void level2(void) { free(make2()); }
NOINLINE void level3(void) { free(make3()); }
NOINLINE void level4(void) { free(make4()); }
NOINLINE void leak(void) { touch(make(80)); }

int main(void)
{
	for (int i = 0; i < 5; i++)
		level0();
	for (int i = 0; i < 2; i++)
		via_callee();
	for (int i = 0; i < 3; i++)
		level1();
	for (int i = 0; i < 2; i++)
		level2();
	for (int i = 0; i < 4; i++)
		level3();
	level4();
	leak();
	leak();
	printf("done\n");
	return 0;
}

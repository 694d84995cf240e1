// realloc continues a block (same site and frames, new size); realloc(NULL,
// n) allocates and realloc(p, 0) frees; strdup and strndup count at the
// program's call. Expected, by construction:
//
//   chain      3 x malloc(8) grown to 64 then 4096 by grow(), freed in
//              chain: calls 3, bytes 24, reallocs 6, sizes 8..4096, k0 3
//   from_null  2 x realloc(NULL, 100), freed by realloc(p, 0): k0 2
//   dup        strdup("hello") (6 bytes) and strndup("hello", 2) (3 bytes),
//              both freed in dup: k0 1 each
//
// Totals: 7 allocations, all k0.
//
// RUN: %clang -O2 -g -finstrument-functions-after-inlining %s -o %t
// RUN: %h2s_profile run -o %t.prof -- %t 2>&1 | FileCheck --check-prefix=OUT %s
// RUN: %h2s_profile report --json %t.prof | FileCheck %s
//
// OUT: heap2stack-profile: 1 process, 7 allocations by the program, 7 freed inside their function (k=0)
// CHECK: "totals": {"allocations": 7, "k0": 7, "k1": 0, "k2": 0, "k3": 0, "outlived": 0, "unfreed": 0,
// CHECK-DAG: "function": "chain", {{.*}}"allocations": 3, "bytes": 24, "reallocs": 6, "min_size": 8, "max_size": 4096, "k0": 3, "k1": 0, "k2": 0, "k3": 0, "outlived": 0, "unfreed": 0,
// CHECK-DAG: "function": "from_null", {{.*}}"allocations": 2, "bytes": 200, "reallocs": 0, "min_size": 100, "max_size": 100, "k0": 2,
// CHECK-DAG: "function": "dup", {{.*}}"allocations": 1, "bytes": 6, "reallocs": 0, "min_size": 6, "max_size": 6, "k0": 1,
// CHECK-DAG: "function": "dup", {{.*}}"allocations": 1, "bytes": 3, "reallocs": 0, "min_size": 3, "max_size": 3, "k0": 1,
#include "Inputs/common.h"

#include <string.h>

char word[] = "hello";

NOINLINE char *grow(char *p, size_t n)
{
	char *q = realloc(p, n);
	touch(q);
	return q;
}

NOINLINE void chain(void)
{
	char *p = malloc(8);
	touch(p);
	p = grow(p, 64);
	p = grow(p, 4096);
	free(p);
}

NOINLINE void from_null(void)
{
	char *p = realloc(NULL, 100);
	touch(p);
	p = realloc(p, 0);
	touch(p);
}

NOINLINE void dup(const char *s)
{
	char *a = strdup(s), *b = strndup(s, 2);
	touch(a);
	touch(b);
	free(a);
	free(b);
}

int main(void)
{
	for (int i = 0; i < 3; i++)
		chain();
	for (int i = 0; i < 2; i++)
		from_null();
	touch(word);
	dup(word);
	return 0;
}

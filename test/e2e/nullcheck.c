// A malloc result checked against NULL (`if (!p) return -1;`) is still
// demoted: a stack slot is never null, so the check folds away.
//
// RUN: %e2e %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
// RUN: grep remark: %t.rem | count 1
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Copies "key=value" into a scratch buffer, splits it and prints both
 * halves; returns the key's length, or -1 when out of memory. */
static __attribute__((noinline)) int split_pair(const char *s)
{
	// CHECK-DAG: nullcheck.c:[[@LINE+1]]:{{[0-9]+}}: remark: {{.*}}[-Rpass=heap2stack]
	char *p = malloc(64);
	if (!p)
		return -1;
	snprintf(p, 64, "%s", s);
	char *eq = strchr(p, '=');
	int klen = -1;
	if (eq) {
		*eq = '\0';
		printf("key '%s' value '%s'\n", p, eq + 1);
		klen = (int)strlen(p);
	}
	free(p);
	return klen;
}

int main(void)
{
	int total = 0;
	total += split_pair("name=heap2stack");
	total += split_pair("opt=O2");
	total += split_pair("novalue");
	printf("total %d\n", total);
	return 0;
}

// OUT: key 'name' value 'heap2stack'
// OUT: key 'opt' value 'O2'
// OUT: total 6
// COUNT: alloccount: program=3 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=0 all={{[0-9]+}}

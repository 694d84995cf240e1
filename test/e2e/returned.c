// A pointer returned to the caller escapes: the allocation stays on the heap
// and the caller frees it.
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

static __attribute__((noinline)) char *make_label(int id)
{
	// CHECK-DAG: returned.c:[[@LINE+1]]:{{[0-9]+}}: remark: {{.*}}[-Rpass-missed=heap2stack]
	char *s = malloc(32);
	if (!s)
		return NULL;
	snprintf(s, 32, "item-%03d", id);
	return s;
}

int main(int argc, char **argv)
{
	(void)argv;
	for (int i = 0; i < 3; i++) {
		char *label = make_label(i * 7 + argc);
		if (!label)
			return 1;
		printf("%s\n", label);
		free(label);
	}
	return 0;
}

// OUT: item-001
// OUT: item-008
// OUT: item-015
// COUNT: alloccount: program=3 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=3 all={{[0-9]+}}

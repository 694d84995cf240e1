// A pointer stored in a global escapes: the allocation stays on the heap.
// (The global has external linkage so that GlobalOpt cannot turn the
// allocation into a global array of its own.)
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

char *last_word;

static __attribute__((noinline)) void remember(const char *w)
{
	// CHECK-DAG: global.c:[[@LINE+1]]:{{[0-9]+}}: remark: {{.*}}[-Rpass-missed=heap2stack]
	char *copy = malloc(16);
	if (!copy)
		abort();
	snprintf(copy, 16, "%s", w);
	free(last_word);
	last_word = copy;
}

int main(void)
{
	static const char *const words[] = {"red", "green", "blue"};
	for (int i = 0; i < 3; i++) {
		remember(words[i]);
		printf("last: %s\n", last_word);
	}
	free(last_word);
	last_word = NULL;
	return 0;
}

// OUT: last: red
// OUT: last: green
// OUT: last: blue
// COUNT: alloccount: program=3 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=3 all={{[0-9]+}}

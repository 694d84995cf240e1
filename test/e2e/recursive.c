// An allocation in a recursive function is one per active call: a stack
// slot would multiply by the recursion depth, so by default it stays on the
// heap.
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

static __attribute__((noinline)) unsigned long walk(unsigned depth,
						    unsigned seed)
{
	if (depth == 0)
		return seed;
	// CHECK-DAG: recursive.c:[[@LINE+1]]:{{[0-9]+}}: remark: {{.*}}[-Rpass-missed=heap2stack]
	unsigned *tmp = malloc(16 * sizeof *tmp);
	if (!tmp)
		abort();
	for (unsigned i = 0; i < 16; i++)
		tmp[i] = seed * 3 + i;
	unsigned long below = walk(depth - 1, tmp[depth % 16]);
	unsigned long s = below + tmp[(depth * 5) % 16];
	free(tmp);
	return s;
}

int main(int argc, char **argv)
{
	(void)argv;
	printf("walk %lu\n", walk(20, (unsigned)argc));
	return 0;
}

// OUT: walk 7078751671
// COUNT: alloccount: program=20 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=20 all={{[0-9]+}}

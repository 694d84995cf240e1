// A buffer allocated and freed on every iteration of a loop that runs 10^7
// times. Regression: a demotion that places the stack slot inside the loop
// (as LLVM's Attributor did) grows the stack by one buffer per iteration and
// overflows it long before the end; the slot must be reused.
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

static __attribute__((noinline)) unsigned long churn(unsigned long n,
						     unsigned seed)
{
	unsigned long sum = 0;
	for (unsigned long i = 0; i < n; i++) {
		// CHECK-DAG: loop.c:[[@LINE+1]]:{{[0-9]+}}: remark: {{.*}}[-Rpass=heap2stack]
		unsigned char *p = malloc(48);
		for (unsigned j = 0; j < 48; j++)
			p[j] = (unsigned char)(seed + i * j);
		sum += p[i % 48] + p[(i * 7) % 48];
		free(p);
	}
	return sum;
}

int main(int argc, char **argv)
{
	unsigned long n = argc > 1 ? strtoul(argv[1], NULL, 10) : 10000000;
	printf("sum %lu\n", churn(n, (unsigned)argc));
	return 0;
}

// OUT: sum 2379998528
// COUNT: alloccount: program=10000000 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=0 all={{[0-9]+}}

// At -Og clang 20 and later keeps values alive for the debugger with
// llvm.fake.use, which names the block after its free: the block is still
// demoted by the function's own free. The output is the same with and
// without the plugin and under ASan with detect_stack_use_after_return.
//
// RUN: %e2e %t -Og %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -Og -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
//
// The sum of 0..63 is 2016.
// OUT: sum 2016
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static int sum(int n)
{
	// CHECK: debug-og.c:[[@LINE+1]]:{{[0-9]+}}: remark: malloc(256) does not escape: moved to a 256-byte stack slot [-Rpass=heap2stack]
	int *p = malloc(64 * sizeof *p);
	int s = 0;
	if (!p)
		return -1;
	for (int i = 0; i < n; i++)
		p[i] = i;
	for (int i = 0; i < n; i++)
		s += p[i];
	free(p);
	return s;
}

int main(void)
{
	volatile int n = 64;
	printf("sum %d\n", sum(n));
	return 0;
}

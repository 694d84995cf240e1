// A demoted buffer handed to a callee through a call that clang marks
// `tail` at -O2 (the callee could not see the caller's stack while the
// buffer was on the heap). Regression: if the `tail` marker stays once the
// buffer is a stack slot, the call may become a sibling call that pops the
// caller's frame, and dead-store elimination may delete the stores that fill
// the buffer: the callee then reads garbage. The callee prints before it
// reads, so a clobbered buffer shows in the output.
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

static __attribute__((noinline)) unsigned long checksum(const unsigned char *p,
							size_t n)
{
	printf("checksum of %zu bytes: ", n);
	unsigned long s = 0;
	for (size_t i = 0; i < n; i++)
		s = s * 131 + p[i];
	return s;
}

static __attribute__((noinline)) unsigned long fill_and_sum(unsigned seed)
{
	// CHECK-DAG: tailcall.c:[[@LINE+1]]:{{[0-9]+}}: remark: {{.*}}[-Rpass=heap2stack]
	unsigned char *buf = malloc(32);
	for (unsigned i = 0; i < 32; i++)
		buf[i] = (unsigned char)(seed * 7 + i);
	unsigned long s = checksum(buf, 32);
	free(buf);
	return s;
}

int main(int argc, char **argv)
{
	(void)argv;
	for (unsigned k = 0; k < 3; k++)
		printf("%lu\n", fill_and_sum(k + (unsigned)argc));
	return 0;
}

// The same sums a correct run prints (seeds 1, 2, 3).
// OUT: checksum of 32 bytes: 4184958991929377360
// OUT: checksum of 32 bytes: 4538282869782975760
// OUT: checksum of 32 bytes: 4891606747636574160
// COUNT: alloccount: program=3 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=0 all={{[0-9]+}}

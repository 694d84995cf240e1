// A 1 MiB allocation is too large for the stack: it stays on the heap even
// though it never escapes.
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

#define BIG (1u << 20)

static __attribute__((noinline)) unsigned long sample(const unsigned char *p)
{
	unsigned long s = 0;
	for (unsigned i = 0; i < BIG; i += 4096)
		s += p[i];
	return s;
}

static __attribute__((noinline)) unsigned long big_buffer(int fill)
{
	// CHECK-DAG: large.c:[[@LINE+1]]:{{[0-9]+}}: remark: {{.*}}[-Rpass-missed=heap2stack]
	unsigned char *p = malloc(BIG);
	if (!p)
		return 0;
	memset(p, fill, BIG);
	unsigned long s = sample(p);
	free(p);
	return s;
}

int main(int argc, char **argv)
{
	(void)argv;
	printf("sample %lu\n", big_buffer('a' + argc));
	return 0;
}

// 256 samples of 'b' (98).
// OUT: sample 25088
// COUNT: alloccount: program=1 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=1 all={{[0-9]+}}

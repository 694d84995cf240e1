// A scratch buffer allocated and freed in the same function: demoted.
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
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prints an upper-case copy of word and returns a hash of it. */
static __attribute__((noinline)) unsigned shout(const char *word)
{
	size_t n = strlen(word);
	if (n >= 64)
		return 0;
	// CHECK-DAG: scratch.c:[[@LINE+1]]:{{[0-9]+}}: remark: {{.*}}[-Rpass=heap2stack]
	char *buf = malloc(64);
	for (size_t i = 0; i <= n; i++)
		buf[i] = (char)toupper((unsigned char)word[i]);
	unsigned h = 0;
	for (size_t i = 0; i < n; i++)
		h = h * 31 + (unsigned char)buf[i];
	printf("%s %u\n", buf, h);
	free(buf);
	return h;
}

int main(void)
{
	static const char *const words[] = {"alpha", "beta", "gamma", "delta"};
	unsigned t = 0;
	for (unsigned i = 0; i < 4; i++)
		t ^= shout(words[i]);
	printf("total %u\n", t);
	return 0;
}

// OUT: ALPHA
// OUT: DELTA
// OUT: total
// COUNT: alloccount: program=4 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=0 all={{[0-9]+}}

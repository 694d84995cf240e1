// strtol's end pointer points into the demoted buffer (it is stored in a
// local the function owns, not leaked): the buffer is still demoted.
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

/* Sums the comma-separated numbers in text. */
static __attribute__((noinline)) long sum_numbers(const char *text)
{
	size_t n = strlen(text);
	if (n >= 128)
		return -1;
	// CHECK-DAG: strtol.c:[[@LINE+1]]:{{[0-9]+}}: remark: {{.*}}[-Rpass=heap2stack]
	char *buf = malloc(128);
	if (!buf)
		return -1;
	memcpy(buf, text, n + 1);
	long sum = 0;
	char *p = buf, *end;
	for (;;) {
		long v = strtol(p, &end, 10);
		if (end == p)
			break;
		sum += v;
		p = end;
		while (*p == ',' || *p == ' ')
			p++;
	}
	printf("parsed %td of %zu chars\n", p - buf, n);
	free(buf);
	return sum;
}

int main(void)
{
	printf("sum %ld\n", sum_numbers("10, 20, -5,1000"));
	printf("sum %ld\n", sum_numbers("7,x,9"));
	return 0;
}

// OUT: parsed 15 of 15 chars
// OUT: sum 1025
// OUT: parsed 2 of 5 chars
// OUT: sum 7
// COUNT: alloccount: program=2 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=0 all={{[0-9]+}}

// A small temporary array sorted with qsort and a static comparator: qsort
// hands the elements to the comparator, which only reads them, so the array
// is demoted.
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

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Prints the median of data[0..n) without reordering data. */
static __attribute__((noinline)) void print_median(const int *data, size_t n)
{
	if (n == 0 || n > 16)
		return;
	// CHECK-DAG: qsort.c:[[@LINE+1]]:{{[0-9]+}}: remark: {{.*}}[-Rpass=heap2stack]
	int *tmp = malloc(16 * sizeof *tmp);
	if (!tmp)
		return;
	memcpy(tmp, data, n * sizeof *tmp);
	qsort(tmp, n, sizeof *tmp, cmp_int);
	printf("min %d median %d max %d\n", tmp[0], tmp[n / 2], tmp[n - 1]);
	free(tmp);
}

int main(void)
{
	static const int a[] = {9, -3, 14, 0, 7, 7, 2};
	static const int b[] = {100, 50, 75, 25};
	print_median(a, sizeof a / sizeof a[0]);
	print_median(b, sizeof b / sizeof b[0]);
	printf("unchanged %d %d\n", a[0], b[0]);
	return 0;
}

// OUT: min -3 median 7 max 14
// OUT: min 25 median 75 max 100
// OUT: unchanged 9 100
// COUNT: alloccount: program=2 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=0 all={{[0-9]+}}

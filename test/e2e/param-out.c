// Helpers that store into memory the caller passes by address: a setter
// that puts a block into a struct on the caller's stack, and a scanner
// that hands back a pointer into the block through an out-parameter (jq's
// jv_string_vfmt and its format buffer). The helpers are not inlined; the
// caller follows their stores through its own arguments and demotes the
// blocks. Run with and without the plugin and under ASan with
// detect_stack_use_after_return.
//
// RUN: %e2e %t -g -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
//
// CHECK-DAG: param-out.c:[[@LINE+41]]:{{[0-9]+}}: remark: malloc(64) does not escape: moved to a 64-byte stack slot
// CHECK-DAG: param-out.c:[[@LINE+54]]:{{[0-9]+}}: remark: malloc(128) does not escape: moved to a 128-byte stack slot
//
// Output, by construction: holder(k) fills 64 bytes with k and sums them
// through the struct: 64k; k = 3: 192. scanned() fills the buffer with
// 100 'x', then '!' (33) and '\0': the scan stops at offset 100, on '!'.
// OUT: holder 192
// OUT-NEXT: scanned 100 33
//
// Allocation calls: two; with the plugin none.
// COUNT: alloccount: program=2
// COUNT: alloccount: program=0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vec {
	char *data;
	size_t n;
};

__attribute__((noinline)) static void vec_set(struct vec *v, char *d, size_t n)
{
	v->data = d;
	v->n = n;
}

// Returns s, and in *end the first byte that is not a lower-case letter.
__attribute__((noinline)) static const char *scan(const char *s, const char **end)
{
	const char *p = s;
	while (*p >= 'a' && *p <= 'z')
		p++;
	*end = p;
	return s;
}

__attribute__((noinline)) long holder(int k)
{
	struct vec v;
	long sum = 0;
	char *d = malloc(64);
	if (!d)
		abort();
	memset(d, k, 64);
	vec_set(&v, d, 64);
	for (size_t i = 0; i < v.n; i++)
		sum += v.data[i];
	free(v.data);
	return sum;
}

__attribute__((noinline)) void scanned(void)
{
	const char *end;
	char *buf = malloc(128);
	if (!buf)
		abort();
	memset(buf, 'x', 100);
	buf[100] = '!';
	buf[101] = '\0';
	scan(buf, &end);
	printf("scanned %ld %d\n", (long)(end - buf), *end);
	free(buf);
}

int main(void)
{
	printf("holder %ld\n", holder(3));
	scanned();
	return 0;
}

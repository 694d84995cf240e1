// `p ? p - buf : -1` where p = strchr(buf, c) or memchr(buf, c, n): the
// difference is an offset within buf, used only when p is not null, so buf
// stays on the stack. Both sides run: a character that is there and one
// that is not. Run with and without the plugin and under ASan with
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
// Output, by construction: "key=value" has '=' at offset 3 and no '#';
// the bytes 0, 7, 14, ... (i * 7 % 256) have 21 at offset 3 and no 1
// among the first 32 (7i = 1 mod 256 needs i = 183).
// OUT: find = 3
// OUT-NEXT: find # -1
// OUT-NEXT: byte 21 3
// OUT-NEXT: byte 1 -1
//
// Allocation calls: four; with the plugin none.
// COUNT: alloccount: program=4
// COUNT: alloccount: program=0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) long find(const char *s, int c)
{
	// CHECK-DAG: difference-null.c:[[@LINE+1]]:{{[0-9]+}}: remark: malloc(32) does not escape: moved to a 32-byte stack slot
	char *buf = malloc(32);
	char *p;
	if (!buf)
		abort();
	strncpy(buf, s, 31);
	buf[31] = '\0';
	p = strchr(buf, c);
	long r = p ? p - buf : -1;
	free(buf);
	return r;
}

__attribute__((noinline)) long byte(int c)
{
	// CHECK-DAG: difference-null.c:[[@LINE+1]]:{{[0-9]+}}: remark: malloc(32) does not escape: moved to a 32-byte stack slot
	unsigned char *buf = malloc(32);
	unsigned char *p;
	long r = -1;
	if (!buf)
		abort();
	for (int i = 0; i < 32; i++)
		buf[i] = (unsigned char)(i * 7);
	p = memchr(buf, c, 32);
	if (p != NULL)
		r = p - buf;
	free(buf);
	return r;
}

int main(void)
{
	printf("find = %ld\n", find("key=value", '='));
	printf("find # %ld\n", find("key=value", '#'));
	printf("byte 21 %ld\n", byte(21));
	printf("byte 1 %ld\n", byte(1));
	return 0;
}

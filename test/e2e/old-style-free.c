// Old C: `int free();` and a program that keeps free's "result" (into a
// volatile it never prints). The demoted block's free is deleted and its
// result becomes undef; clang used to crash here. The output is the same
// with and without the plugin, and under ASan.
//
// RUN: %e2e %t -std=gnu89 -w -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -std=gnu89 -w -O2 -fpass-plugin=%plugin -Rpass=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
//
// CHECK: old-style-free.c:[[@LINE+13]]:{{[0-9]+}}: remark: malloc(32) does not escape: moved to a 32-byte stack slot
// OUT: sum 496
char *malloc();
int free();
int printf();

volatile int sink;

int sum(n)
	int n;
{
	char *p;
	int i, s;
	p = malloc(32);
	for (i = 0; i < 32; i++)
		p[i] = (char)(i * n);
	s = 0;
	for (i = 0; i < 32; i++)
		s += p[i];
	sink = free(p);
	return s;
}

int main()
{
	printf("sum %d\n", sum(1));
	return 0;
}

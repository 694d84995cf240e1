// escape-report -m (the default): one line per allocation site, pointer
// parameter and local whose address escapes, sorted by position, in Go's
// words. The expression is the call as written; parameters and locals are
// at the column of their name.
//
// RUN: cd %S && %escape_report report-m.c > %t.out 2> %t.err
// RUN: FileCheck %s --match-full-lines --strict-whitespace < %t.out
// RUN: count 13 < %t.out
// RUN: count 0 < %t.err
// -m is the default.
// RUN: cd %S && %escape_report -m report-m.c | FileCheck %s --match-full-lines --strict-whitespace
#include <stdlib.h>

int *global;

int *ret(void)
{
	int *p = malloc(sizeof *p);
// CHECK:report-m.c:[[@LINE-1]]:11: malloc(sizeof *p) escapes to heap
	*p = 1;
	return p;
}

void store(int *q)
// CHECK-NEXT:report-m.c:[[@LINE-1]]:17: leaking param: q
{
	global = q;
}

void content(int **pp)
// CHECK-NEXT:report-m.c:[[@LINE-1]]:20: leaking param content: pp
{
	global = *pp;
}

int *pick(int *a, int *b, int c)
// CHECK-NEXT:report-m.c:[[@LINE-1]]:16: leaking param: a to result ~r0 level=0
// CHECK-NEXT:report-m.c:[[@LINE-2]]:24: leaking param: b to result ~r0 level=0
{
	return c ? a : b;
}

int *first(int **v)
// CHECK-NEXT:report-m.c:[[@LINE-1]]:18: leaking param: v to result ~r0 level=1
{
	return *v;
}

int sum(const int *v, int n)
// CHECK-NEXT:report-m.c:[[@LINE-1]]:20: v does not escape
{
	int s = 0;
	for (int i = 0; i < n; i++)
		s += v[i];
	return s;
}

static __attribute__((noinline)) int use(const char *s)
// CHECK-NEXT:report-m.c:[[@LINE-1]]:54: s does not escape
{
	return s[0] + s[31];
}

// Moved to the stack by heap2stack.
int scratch(void)
{
	char *buf = malloc(32);
// CHECK-NEXT:report-m.c:[[@LINE-1]]:14: malloc(32) does not escape
	buf[0] = 1;
	buf[31] = 2;
	int r = use(buf);
	free(buf);
	return r;
}

// Deleted by LLVM before heap2stack runs: not on the heap either.
int gone(void)
{
	int *t = calloc(1, sizeof *t);
// CHECK-NEXT:report-m.c:[[@LINE-1]]:11: calloc(1, sizeof *t) does not escape
	*t = 5;
	int v = *t;
	free(t);
	return v;
}

void addr(void)
{
	int x = 1;
// CHECK-NEXT:report-m.c:[[@LINE-1]]:6: address of x escapes
	global = &x;
}

int *twice(void)
{
	int *a = malloc(4), *b = malloc(4);
// CHECK-NEXT:report-m.c:[[@LINE-1]]:11: malloc(4) escapes to heap
// CHECK-NEXT:report-m.c:[[@LINE-2]]:27: malloc(4) does not escape
	*b = 1;
	*a = *b;
	free(b);
	return a;
}

// A pointer passed to a call through a function pointer may escape into
// code the analysis cannot see: the allocation stays on the heap. (The
// pointer is volatile so that the call cannot be resolved at compile time.)
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

static void print_upper(char *s)
{
	for (char *c = s; *c; c++)
		*c = (char)toupper((unsigned char)*c);
	printf("%s\n", s);
}

static void (*volatile sink)(char *) = print_upper;

static __attribute__((noinline)) void emit(int id)
{
	// CHECK-DAG: fnptr.c:[[@LINE+1]]:{{[0-9]+}}: remark: {{.*}}[-Rpass-missed=heap2stack]
	char *s = malloc(24);
	if (!s)
		return;
	snprintf(s, 24, "message %d", id);
	sink(s);
	free(s);
}

int main(int argc, char **argv)
{
	(void)argv;
	for (int i = 0; i < 2; i++)
		emit(i + argc);
	return 0;
}

// OUT: MESSAGE 1
// OUT: MESSAGE 2
// COUNT: alloccount: program=2 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=2 all={{[0-9]+}}

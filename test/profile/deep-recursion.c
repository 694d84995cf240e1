// A recursion 150,000 frames deep (on a thread with a 256 MiB stack): the
// shadow stack has no fixed limit. Expected, by construction:
//
//   deep       at the bottom, malloc(8) freed right there: k0 1
//   deep       at the bottom, malloc(16) handed up through 150,000 frames
//              and freed by run(): outlived 1
//
// RUN: %clang -O2 -g -pthread -finstrument-functions-after-inlining %s -o %t
// RUN: %h2s_profile run -o %t.prof -- %t 2>&1 | FileCheck --check-prefix=OUT %s
// RUN: %h2s_profile report --json %t.prof | FileCheck %s
//
// OUT: depth 150001
// OUT: heap2stack-profile: 1 process, 2 allocations by the program, 1 freed inside their function (k=0)
// CHECK: "totals": {"allocations": 2, "k0": 1, "k1": 0, "k2": 0, "k3": 0, "outlived": 1, "unfreed": 0,
#include "Inputs/common.h"

#include <pthread.h>
#include <stdio.h>

NOINLINE int deep(int n, char **keep)
{
	int r;
	if (n == 0) {
		char *p = malloc(8);
		touch(p);
		free(p);
		*keep = malloc(16);
		touch(*keep);
		return 1;
	}
	r = deep(n - 1, keep) + 1;
	touch(&r);
	return r;
}

NOINLINE void *run(void *unused)
{
	char *keep = NULL;
	int depth = deep(150000, &keep);
	(void)unused;
	free(keep);
	printf("depth %d\n", depth);
	return NULL;
}

int main(void)
{
	pthread_t t;
	pthread_attr_t a;
	pthread_attr_init(&a);
	pthread_attr_setstacksize(&a, (size_t)256 << 20);
	if (pthread_create(&t, &a, run, NULL))
		return 1;
	pthread_join(t, NULL);
	return 0;
}

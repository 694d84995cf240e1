// Threads: each has its own shadow stack; a block freed by another thread
// than the one that made it outlived its frames. Expected, by
// construction, with 4 workers:
//
//   worker     malloc(32) freed by the worker itself: k0 4
//   worker     malloc(64) returned to main, which frees it: outlived 4
//   main       malloc(128) handed to a worker, which frees it: outlived 4
//
// Totals: 12 allocations, k0 4, outlived 8.
//
// RUN: %clang -O2 -g -pthread -finstrument-functions-after-inlining %s -o %t
// RUN: %h2s_profile run -o %t.prof -- %t 2>&1 | FileCheck --check-prefix=OUT %s
// RUN: %h2s_profile report --json %t.prof | FileCheck %s
//
// OUT: heap2stack-profile: 1 process, 12 allocations by the program, 4 freed inside their function (k=0)
// CHECK: "totals": {"allocations": 12, "k0": 4, "k1": 0, "k2": 0, "k3": 0, "outlived": 8, "unfreed": 0,
// CHECK-DAG: "function": "worker", {{.*}}"allocations": 4, "bytes": 128, {{.*}}"k0": 4, "k1": 0, "k2": 0, "k3": 0, "outlived": 0,
// CHECK-DAG: "function": "worker", {{.*}}"allocations": 4, "bytes": 256, {{.*}}"k0": 0, "k1": 0, "k2": 0, "k3": 0, "outlived": 4,
// CHECK-DAG: "function": "main", {{.*}}"allocations": 4, "bytes": 512, {{.*}}"k0": 0, "k1": 0, "k2": 0, "k3": 0, "outlived": 4,
#include "Inputs/common.h"

#include <pthread.h>

NOINLINE void *worker(void *given)
{
	char *mine = malloc(32);
	touch(mine);
	free(mine);
	free(given);
	mine = malloc(64);
	touch(mine);
	return mine;
}

int main(void)
{
	pthread_t t[4];
	for (int i = 0; i < 4; i++) {
		char *p = malloc(128);
		touch(p);
		if (pthread_create(&t[i], NULL, worker, p))
			return 1;
	}
	for (int i = 0; i < 4; i++) {
		void *r;
		pthread_join(t[i], &r);
		free(r);
	}
	return 0;
}

// C++: every form of operator new and delete counts at the program's call
// (libstdc++'s own malloc inside it is not counted again), and frames that
// an exception unwinds without their exit hooks are popped by stack
// address. Expected, by construction:
//
//   forms()    called twice; five sites, each 2 allocations freed in forms:
//              new int, new int[4], new (nothrow) int, new Big (aligned),
//              new Big[2] (aligned array): k0 2 each
//   catcher()  called twice: new char[10], thrower(3) throws through four
//              frames, the catch block deletes it: k0 2
//   make()     3 x new char[16] from after_throw(), which first caught an
//              exception thrown five frames deep; main deletes the block:
//              make -> after_throw -> main, k=2 (had the unwound frames
//              stayed on the shadow stack, main would look 8 levels up:
//              outlived)
//
// Totals: 15 allocations, k0 12, k2 3.
//
// RUN: %clangxx -O2 -g -finstrument-functions-after-inlining %s -o %t
// RUN: %h2s_profile run -o %t.prof -- %t 2>&1 | FileCheck --check-prefix=OUT %s
// RUN: %h2s_profile report --json %t.prof | FileCheck %s
//
// OUT: caught 2
// OUT: heap2stack-profile: 1 process, 15 allocations by the program, 12 freed inside their function (k=0)
// CHECK: "totals": {"allocations": 15, "k0": 12, "k1": 0, "k2": 3, "k3": 0, "outlived": 0, "unfreed": 0,
// CHECK-DAG: "function": "_Z5formsv", {{.*}}"allocations": 2, "bytes": 8, {{.*}}"k0": 2,
// CHECK-DAG: "function": "_Z5formsv", {{.*}}"allocations": 2, "bytes": 32, {{.*}}"k0": 2,
// CHECK-DAG: "function": "_Z5formsv", {{.*}}"allocations": 2, "bytes": 8, {{.*}}"k0": 2,
// CHECK-DAG: "function": "_Z5formsv", {{.*}}"allocations": 2, "bytes": 128, {{.*}}"k0": 2,
// CHECK-DAG: "function": "_Z5formsv", {{.*}}"allocations": 2, "bytes": {{2[0-9][0-9]}}, {{.*}}"k0": 2,
// CHECK-DAG: "function": "_Z7catcherv", {{.*}}"allocations": 2, "bytes": 20, {{.*}}"k0": 2,
// CHECK-DAG: "function": "_Z4makem", {{.*}}"allocations": 3, "bytes": 48, {{.*}}"k0": 0, "k1": 0, "k2": 3, "k3": 0, "outlived": 0, "unfreed": 0,
#include <cstdio>
#include <new>

extern "C" {
#include "Inputs/common.h"
}

struct alignas(64) Big {
	char c[64];
};

NOINLINE void forms()
{
	int *a = new int(1);
	touch(a);
	delete a;
	int *b = new int[4];
	touch(b);
	delete[] b;
	int *c = new (std::nothrow) int(2);
	touch(c);
	delete c;
	Big *d = new Big;
	touch(d);
	delete d;
	Big *e = new Big[2];
	touch(e);
	delete[] e;
}

NOINLINE void thrower(int d)
{
	if (d) {
		thrower(d - 1);
		touch(&d);
	} else {
		throw 1;
	}
}

NOINLINE int catcher()
{
	char *p = new char[10];
	touch(p);
	try {
		thrower(3);
	} catch (int) {
		delete[] p;
		return 1;
	}
	delete[] p;
	return 0;
}

NOINLINE char *make(size_t n)
{
	char *p = new char[n];
	touch(p);
	return p;
}

NOINLINE char *after_throw()
{
	try {
		thrower(5);
	} catch (int) {
	}
	return make(16);
}

int main()
{
	int caught = 0;
	forms();
	forms();
	caught += catcher();
	caught += catcher();
	for (int i = 0; i < 3; i++)
		delete[] after_throw();
	std::printf("caught %d\n", caught);
	return 0;
}

// Frames that longjmp leaves without their exit hooks are popped by stack
// address. Expected, by construction:
//
//   in_frame   2 x malloc(8); jumper(4) longjmps back into in_frame, which
//              frees the block: k0 2
//   make       3 x malloc(16) from after_jump(), which first got a longjmp
//              from five frames down; main frees the block: make ->
//              after_jump -> main, k=2 (with the abandoned frames still on
//              the shadow stack it would look outlived)
//
// Totals: 5 allocations, k0 2, k2 3.
//
// RUN: %clang -O2 -g -finstrument-functions-after-inlining %s -o %t
// RUN: %h2s_profile run -o %t.prof -- %t 2>&1 | FileCheck --check-prefix=OUT %s
// RUN: %h2s_profile report --json %t.prof | FileCheck %s
//
// OUT: heap2stack-profile: 1 process, 5 allocations by the program, 2 freed inside their function (k=0)
// CHECK: "totals": {"allocations": 5, "k0": 2, "k1": 0, "k2": 3, "k3": 0, "outlived": 0, "unfreed": 0,
// CHECK-DAG: "function": "in_frame", {{.*}}"allocations": 2, {{.*}}"k0": 2, "k1": 0, "k2": 0,
// CHECK-DAG: "function": "make", {{.*}}"allocations": 3, {{.*}}"k0": 0, "k1": 0, "k2": 3, "k3": 0, "outlived": 0,
#include "Inputs/common.h"

#include <setjmp.h>

static jmp_buf env;

NOINLINE void jumper(int d)
{
	if (d) {
		jumper(d - 1);
		touch(&d);
	} else {
		longjmp(env, 1);
	}
}

NOINLINE void in_frame(void)
{
	char *volatile p = malloc(8);
	touch(p);
	if (!setjmp(env))
		jumper(4);
	free(p);
}

NOINLINE char *make(size_t n)
{
	char *p = malloc(n);
	touch(p);
	return p;
}

NOINLINE char *after_jump(void)
{
	if (!setjmp(env))
		jumper(5);
	return make(16);
}

int main(void)
{
	in_frame();
	in_frame();
	for (int i = 0; i < 3; i++)
		free(after_jump());
	return 0;
}

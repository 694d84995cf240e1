// The end-to-end recipe every test here runs (%e2e: test/lit/e2e.sh) must
// fail when one of its three builds behaves differently: a build with the
// plugin that prints something else, and an ASan build that reports a use
// of a stack block after its function returned. The compiler wrapper
// Inputs/cc-break.sh breaks the build $BREAK names.
//
// RUN: %e2e %t.ok -O2 %s
// RUN: FileCheck --check-prefix=OK %s < %t.ok.h2s.out
// RUN: env REAL_CC=%clang BREAK=h2s not %e2e_script %S/Inputs/cc-break.sh %plugin %t.h2s -O2 %s > %t.h2s.log 2>&1
// RUN: FileCheck --check-prefix=H2S %s < %t.h2s.log
// RUN: env REAL_CC=%clang BREAK=asan not %e2e_script %S/Inputs/cc-break.sh %plugin %t.asan -O2 %s > %t.asan.log 2>&1
// RUN: FileCheck --check-prefix=ASAN %s < %t.asan.log
//
// OK: sum 6
// H2S: e2e: diff {{.*}}.h2s.plain.out {{.*}}.h2s.h2s.out
// H2S: > sum 7
// ASAN: ERROR: AddressSanitizer: stack-use-after-return
// ASAN-NOT: e2e: diff
#include <stdio.h>

#ifdef USE_AFTER_RETURN
/* The address of a local that dies at the return. */
__attribute__((noinline)) static int *dangling(int x)
{
	int local[3] = {x, x + 1, x + 2};
	int *volatile p = local;
	return p;
}
#endif

int main(int argc, char **argv)
{
	int sum = 6;
	(void)argv;
#ifdef WRONG_OUTPUT
	sum += 1;
#endif
#ifdef USE_AFTER_RETURN
	sum += dangling(argc)[0] - argc;
#endif
	printf("sum %d\n", sum);
	return 0;
}

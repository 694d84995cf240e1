// tools/fuzz counts the sites of its LTO runs from the YAML remarks lld
// writes. LLVM wraps a DebugLoc whose file name is long onto a second
// line; each remark must still count (before, none did, and the fuzzer
// reported 0 sites for its -g LTO configurations).
//
// RUN: rm -rf %t.d && mkdir -p %t.d/a-directory-with-a-name-long-enough-for-llvm-to-wrap-the-location
// RUN: cp %s %t.d/a-directory-with-a-name-long-enough-for-llvm-to-wrap-the-location/src.c
// RUN: %clang -O2 -g -fpass-plugin=%plugin -fsave-optimization-record -foptimization-record-file=%t.yaml -foptimization-record-passes=heap2stack -c %t.d/a-directory-with-a-name-long-enough-for-llvm-to-wrap-the-location/src.c -o /dev/null
// RUN: FileCheck --check-prefix=WRAP %s < %t.yaml
// RUN: python3 -B -c "import sys; sys.path.insert(0, sys.argv[1]); import driver; print(*driver.count_remarks([sys.argv[2]]))" %S/../../tools/fuzz %t.yaml | FileCheck %s
//
// WRAP: DebugLoc: {{.*}}src.c',{{.*}}
// WRAP-NEXT: {{^ +}}{{(Line|Column)}}:
// sites, demoted, sites in the allocator wrappers:
// CHECK: 2 1 0
#include <stdlib.h>

__attribute__((noinline)) static void use(char *p)
{
	*(volatile char *)p = 1;
}

void local(void)
{
	char *p = malloc(16);
	use(p);
	free(p);
}

char *kept(void)
{
	return malloc(16);
}

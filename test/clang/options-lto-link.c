// heap2stack's options at an LTO link with lld: lld loads
// --load-pass-plugin plugins only when LTO starts, after it has parsed its
// -mllvm options, so `-mllvm -load=heap2stack.so` must load the plugin first
// (README, "With LTO"). Without it lld names the unknown option and fails.
//
// REQUIRES: lld
// RUN: %clang -O2 -flto -c %s -o %t.main.o
// RUN: %clang -O2 -flto -c %S/../e2e/Inputs/xmalloc.c -o %t.xmalloc.o
// RUN: rm -f %t.exe
// RUN: not %clang -O2 -flto -fuse-ld=lld -Wl,--load-pass-plugin=%plugin -Wl,-mllvm,-escape-report=- %t.main.o %t.xmalloc.o -o %t.exe 2>&1 | FileCheck --check-prefix=LATE %s
// RUN: not test -e %t.exe
// RUN: %clang -O2 -flto -fuse-ld=lld -Wl,-mllvm,-load=%plugin -Wl,--load-pass-plugin=%plugin -Wl,-mllvm,-escape-report=- -Wl,-mllvm,-escape-options=max-size=64 %t.main.o %t.xmalloc.o -o %t.exe 2>&1 | FileCheck --check-prefix=REPORT %s
// RUN: %t.exe | FileCheck --check-prefix=OUT %s
// RUN: not %clang -O2 -flto -fuse-ld=lld -Wl,-mllvm,-load=%plugin -Wl,--load-pass-plugin=%plugin -Wl,-mllvm,-escape-options=max-size=8 -Wl,-mllvm,-escape-options=bogus %t.main.o %t.xmalloc.o -o %t.exe 2>&1 | FileCheck --check-prefix=BAD %s
//
// LATE: Unknown command line argument '-escape-report=-'
// The wrapper's malloc, inlined into main, is demoted; max-size=64 applies.
// REPORT: main: malloc(32) does not escape
// OUT: 3
// BAD: heap2stack: error: in '-escape-options={{.*}}bogus'
#include <stdio.h>
#include <string.h>

void *xmalloc(size_t n);
void xfree(void *p);

int main(void)
{
	char *p = xmalloc(32);
	strcpy(p, "abc");
	printf("%zu\n", strlen(p));
	xfree(p);
	return 0;
}

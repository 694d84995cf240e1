// A block handed to a function that frees it, seen only as a declaration:
// with ThinLTO the callee is imported into the caller's module, and LLVM
// drops its body (available_externally) before heap2stack runs, leaving a
// declaration whose parameter it inferred `nocapture` (realloc and free do
// not capture), but not `nofree`. `nocapture` alone let heap2stack demote
// the block make() allocated, inlined into main, and the callee's realloc
// got the stack slot ("realloc(): invalid old size"; found by the fuzzer,
// seed 7290). The block stays on the heap; the output is the same with
// and without the plugin and under ASan with detect_stack_use_after_return.
//
// REQUIRES: lld
// RUN: %clang -O2 -flto=thin -c %s -o %t.main.o
// RUN: %clang -O2 -flto=thin -c %S/Inputs/grow.c -o %t.grow.o
// RUN: %clang -O2 -flto=thin -fuse-ld=lld %t.main.o %t.grow.o -o %t.plain
// RUN: %clang -O2 -flto=thin -fuse-ld=lld -Wl,--load-pass-plugin=%plugin %t.main.o %t.grow.o -o %t.h2s
// RUN: %t.plain > %t.plain.out
// RUN: %t.h2s > %t.h2s.out
// RUN: diff %t.plain.out %t.h2s.out
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -flto=thin -fsanitize=address -c %s -o %t.amain.o
// RUN: %clang -O2 -flto=thin -fsanitize=address -c %S/Inputs/grow.c -o %t.agrow.o
// RUN: %clang -O2 -flto=thin -fsanitize=address -fuse-ld=lld -Wl,--load-pass-plugin=%plugin %t.amain.o %t.agrow.o -o %t.asan
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t.asan > %t.asan.out
// RUN: diff %t.plain.out %t.asan.out
//
// 16 ones, then 16..215: 16 + (16 + ... + 215) = 16 + 23100 = 23116.
// OUT: sum 23116
#include <stdio.h>
#include <stdlib.h>

unsigned *make(size_t n);
unsigned grow_and_sum(unsigned *p, size_t n);

int main(void)
{
	unsigned *p = make(16);
	for (int i = 0; i < 16; i++)
		p[i] = 1;
	unsigned s;
	/* imported, not inlined: as the fuzzer's helper, which the inliner
	 * left alone in a main grown large */
	[[clang::noinline]] s = grow_and_sum(p, 16);
	printf("sum %u\n", s);
	return 0;
}

// Addresses turned into integers and back inside the function, as obstack
// and malloca align them: a bump allocator over a malloc'd buffer that
// aligns each piece with (p + A - 1) & ~(A - 1), and an alignment test.
// The buffer is demoted, and the program computes the same with and
// without the plugin and under ASan with detect_stack_use_after_return;
// the slot keeps malloc's 16-byte alignment, so the test of the buffer's
// own alignment gives the same answer.
//
// RUN: %e2e %t -g -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
//
// CHECK: int-roundtrip.c:[[@LINE+24]]:{{[0-9]+}}: remark: malloc(512) does not escape: moved to a 512-byte stack slot
//
// Output, by construction: run(k) places k pieces of 1..k*3 bytes, each
// aligned to 8, fills each with its index, and sums the bytes: pieces
// 1..k of lengths 3i, sum over i of i * 3i = 3 * k(k+1)(2k+1)/6; for
// k = 10: 1155, k = 12: 1950. aligned: the buffer is 16-aligned (1).
// (Printing the offset of a piece, piece - buf, would keep the buffer on
// the heap: LLVM computes it from the integer the loop carries, and a
// difference of integers is not one of pointers; see docs/design.md.)
// OUT: run 1155 aligned 1
// OUT-NEXT: run 1950 aligned 1
//
// Allocation calls: two runs, one malloc each: 2; with the plugin 0.
// COUNT: alloccount: program=2
// COUNT: alloccount: program=0
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ALIGN_UP(p, a) ((char *)(((uintptr_t)(p) + (a) - 1) & ~(uintptr_t)((a) - 1)))

__attribute__((noinline)) long run(int k)
{
	char *buf = malloc(512), *next;
	long s = 0;
	if (!buf)
		abort();
	next = buf;
	for (int i = 1; i <= k; i++) {
		char *piece = ALIGN_UP(next, 8);
		memset(piece, i, (size_t)(3 * i));
		for (int j = 0; j < 3 * i; j++)
			s += piece[j];
		next = piece + 3 * i;
	}
	printf("run %ld aligned %d\n", s, ((uintptr_t)buf & 15) == 0);
	free(buf);
	return s;
}

int main(void)
{
	return run(10) + run(12) == 1155 + 1950 ? 0 : 1;
}

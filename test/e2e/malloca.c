// gnulib's malloca and freea, in their own shape: the block has room for
// a header byte in front of an address that is 16 mod 32, computed by way
// of the integer address; the header holds the offset back to the block,
// and freea reads it to free the block (after telling it from an alloca'd
// one by the address's bit 4). The integer never leaves the function (it
// is stored into the block itself and used as an offset from the block),
// so the block is demoted: a constant size gets a slot of its own, a size
// known only at run time a guarded 256-byte buffer, run here on both
// sides (100 + 32 bytes fit, 1000 + 32 do not). The slot keeps malloc's
// 16-byte alignment, so the header lands where freea looks for it. The
// output is the same with and without the plugin and under ASan with
// detect_stack_use_after_return.
//
// RUN: %e2e %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
//
// CHECK-DAG: remark: malloc(132) does not escape: moved to a 132-byte stack slot
// CHECK-DAG: remark: malloc(...) does not escape: stack buffer of 256 bytes, heap above
//
// Three blocks without the plugin; with it, only the 1032-byte one.
// COUNT: alloccount: program=3
// COUNT-NEXT: alloccount: program=1
//
// Each sum is n * (n - 1) / 2 over bytes i % 256 ... computed below:
// 100 bytes 0..99 sum to 4950; 1000 bytes of i % 256 sum to
// 3 * 32640 + (0 + ... + 231) = 97920 + 26796 = 124716.
// OUT: fixed 4950 small 4950 large 124716
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define NOINLINE __attribute__((noinline))
#define ALIGN 16

typedef unsigned char small_t;

static inline void *my_malloca(size_t n)
{
	size_t plus = sizeof(small_t) + 2 * ALIGN - 1;
	char *mem = malloc(n + plus);
	uintptr_t umem, umemplus;
	size_t offset;
	small_t *p;
	if (!mem)
		return NULL;
	umem = (uintptr_t)mem;
	if (__builtin_add_overflow(umem, sizeof(small_t) + ALIGN - 1, &umemplus))
		abort();
	offset = umemplus - umemplus % (2 * ALIGN) + ALIGN - umem;
	p = (small_t *)(mem + offset);
	p[-1] = (small_t)offset;
	return p;
}

static inline void my_freea(void *p)
{
	if ((uintptr_t)p & (ALIGN - 1))
		abort();
	if ((uintptr_t)p & ALIGN) {
		void *mem = (char *)p - ((small_t *)p)[-1];
		free(mem);
	}
}

static inline long fill_and_sum(unsigned char *b, size_t n)
{
	long s = 0;
	for (size_t i = 0; i < n; i++)
		b[i] = (unsigned char)i;
	for (size_t i = 0; i < n; i++)
		s += b[i];
	return s;
}

NOINLINE static long fixed(void)
{
	unsigned char *b = my_malloca(100);
	long s;
	if (!b)
		return -1;
	s = fill_and_sum(b, 100);
	my_freea(b);
	return s;
}

NOINLINE static long sized(size_t n)
{
	unsigned char *b = my_malloca(n);
	long s;
	if (!b)
		return -1;
	s = fill_and_sum(b, n);
	my_freea(b);
	return s;
}

int main(void)
{
	volatile size_t small = 100, large = 1000;
	printf("fixed %ld small %ld large %ld\n", fixed(), sized(small),
	       sized(large));
	return 0;
}

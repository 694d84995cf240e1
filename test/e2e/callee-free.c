// Blocks freed by a function of the module: heap2stack inlines the call
// (LLVM's own inliner leaves release_counted alone: it is too large for
// its threshold and has several callers) and demotes the block; the same
// callee still frees heap blocks correctly where it is called with one.
// Each shape runs on both sides: a fixed slot; a guarded buffer below and
// above 256 bytes; a call that receives the slot or a heap block (the
// inlined free tests the slot's address); a struct on the stack whose
// field a destroy function frees; and the same functions run on a
// makecontext coroutine whose stack is heap memory. The output is the
// same with and without the plugin and under ASan with
// detect_stack_use_after_return.
//
// RUN: %e2e %t -g -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
// RUN: %clang -O2 -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-options='inline-budget=0' -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.off
// RUN: FileCheck --check-prefix=OFF %s < %t.off
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
//
// CHECK-DAG: callee-free.c:[[@LINE+87]]:{{[0-9]+}}: remark: malloc(48) does not escape: moved to a 48-byte stack slot; inlined release_counted, which frees it
// CHECK-DAG: callee-free.c:[[@LINE+98]]:{{[0-9]+}}: remark: malloc(...) does not escape: stack buffer of 256 bytes, heap above; inlined release_counted, which frees it
// CHECK-DAG: callee-free.c:[[@LINE+109]]:{{[0-9]+}}: remark: malloc(32) does not escape: moved to a 32-byte stack slot; inlined release_counted, which frees it
// CHECK-DAG: callee-free.c:[[@LINE+139]]:{{[0-9]+}}: remark: malloc(40) does not escape: moved to a 40-byte stack slot; inlined release_counted, which frees it
// OFF-DAG: remark: malloc(48) escapes to heap: freed by release_counted at {{.*}}, not inlined: inline-budget=0
// OFF-DAG: remark: malloc(40) escapes to heap: freed by release_counted at {{.*}}, not inlined: inline-budget=0
//
// Output, by construction: fixed(50) sums 48 bytes of 50: 2400; heap:
// 16 bytes of 'h' (104) / 104 = 16; guarded(n) sums n bytes of 1: 100,
// 300; mixed(1) sums its slot, 32 bytes of 10 (320), and the heap block
// / 104 (16); mixed(0) sums the heap block (1664) and the slot / 10
// (32); boxed sums 40 bytes of 1. The coroutine computes the same. The
// statistics the releases keep must match between the builds.
// OUT: fixed 2400 heap 16
// OUT-NEXT: guarded 100 300
// OUT-NEXT: mixed 320 16 1664 32
// OUT-NEXT: box 40
// OUT-NEXT: coroutine 2400 16 100 300 320 16 1664 32 40
// OUT-NEXT: frees {{[0-9]+}} bytes {{[0-9]+}} mix {{[0-9]+}}
//
// Allocation calls, by construction (alloccount counts malloc, calloc,
// realloc, aligned_alloc, posix_memalign): per run of all() (main, then
// the coroutine): fixed 1; heap 1; guarded n = 100 and 300: 2; mixed,
// pick 0 and 1: 2 x 2; box 1: 9, twice: 18, plus the coroutine's stack:
// 19. With the plugin: heap 1, guarded 300 1, mixed's heap blocks 2: 4,
// twice: 8, + 1: 9.
// COUNT: alloccount: program=19
// COUNT: alloccount: program=9
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

struct stats {
	unsigned long frees, bytes, mix;
	unsigned char first[8];
};
static struct stats st;

// Too large for LLVM's inliner at -O2, and called from five places.
__attribute__((noinline)) static void bookkeep(unsigned long v) { st.mix += v; }
static void release_counted(char *p, size_t n)
{
	unsigned long h = 0;
	if (!p)
		return;
	st.frees++;
	st.bytes += n;
	for (size_t i = 0; i < n; i++) {
		switch (p[i] & 7) {
		case 0: h += (unsigned long)p[i] * 3; break;
		case 1: h ^= (unsigned long)p[i] << 3; break;
		case 2: h += i; break;
		case 3: h = h * 31 + (unsigned char)p[i]; break;
		case 4: h -= (unsigned long)p[i]; break;
		case 5: h |= 1ul << (i & 31); break;
		case 6: h += h >> 7; break;
		default: h ^= i * 17; break;
		}
		if (i < 8)
			st.first[i] ^= (unsigned char)p[i];
	}
	bookkeep(h);
	free(p);
}

// A heap block the callers cannot see the allocation of.
__attribute__((noinline)) static char *make_heap(size_t n)
{
	char *h = malloc(n);
	if (!h)
		abort();
	memset(h, 'h', n);
	return h;
}

static long sum(const char *p, size_t n)
{
	long s = 0;
	for (size_t i = 0; i < n; i++)
		s += p[i];
	return s;
}

__attribute__((noinline)) long fixed(int k)
{
	char *p = malloc(48);
	long s;
	if (!p)
		abort();
	memset(p, k, 48);
	s = sum(p, 48);
	release_counted(p, 48);
	return s;
}

__attribute__((noinline)) long guarded(size_t n)
{
	char *p = malloc(n);
	long s;
	if (!p)
		abort();
	memset(p, 1, n);
	s = sum(p, n);
	release_counted(p, n);
	return s;
}

__attribute__((noinline)) long mixed(int pick, long *other)
{
	char *p = malloc(32), *h = make_heap(16), *which;
	long s;
	if (!p)
		abort();
	memset(p, 10, 32);
	which = pick ? p : h;
	s = sum(which, pick ? 32 : 16);
	*other = sum(pick ? h : p, pick ? 16 : 32) / (pick ? 104 : 10);
	release_counted(which, pick ? 32 : 16); // the slot, or a heap block
	release_counted(pick ? h : p, pick ? 16 : 32);
	return s;
}

struct box {
	char *data;
	size_t n;
};

// Frees what its parameter points to, through release_counted (LLVM's
// inliner inlines it into boxed, heap2stack then release_counted).
static void box_destroy(struct box *b)
{
	release_counted(b->data, b->n);
	b->data = NULL;
}

__attribute__((noinline)) long boxed(int k)
{
	struct box b;
	long s;
	b.n = 40;
	b.data = malloc(40);
	if (!b.data)
		abort();
	memset(b.data, k, 40);
	s = sum(b.data, b.n);
	box_destroy(&b);
	return s;
}

static long r[9];

static void all(void)
{
	char *h;
	r[0] = fixed(50);
	h = make_heap(16);
	r[1] = sum(h, 16) / 104;
	release_counted(h, 16); // the callee itself, with a heap block
	r[2] = guarded(100);
	r[3] = guarded(300);
	r[4] = mixed(1, &r[5]);
	r[6] = mixed(0, &r[7]);
	r[8] = boxed(1);
}

static ucontext_t main_ctx, co_ctx;

int main(void)
{
	size_t size = 64 * 1024;
	char *stack = malloc(size);
	if (!stack)
		return 1;
	all();
	printf("fixed %ld heap %ld\n", r[0], r[1]);
	printf("guarded %ld %ld\n", r[2], r[3]);
	printf("mixed %ld %ld %ld %ld\n", r[4], r[5], r[6], r[7]);
	printf("box %ld\n", r[8]);
	memset(r, 0, sizeof r);
	getcontext(&co_ctx);
	co_ctx.uc_stack.ss_sp = stack;
	co_ctx.uc_stack.ss_size = size;
	co_ctx.uc_link = &main_ctx;
	makecontext(&co_ctx, all, 0);
	swapcontext(&main_ctx, &co_ctx);
	printf("coroutine %ld %ld %ld %ld %ld %ld %ld %ld %ld\n", r[0], r[1],
	       r[2], r[3], r[4], r[5], r[6], r[7], r[8]);
	printf("frees %lu bytes %lu mix %lu\n", st.frees, st.bytes, st.mix);
	free(stack);
	return 0;
}

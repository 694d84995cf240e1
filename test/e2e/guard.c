// Guarded stack buffers (sizes known only at run time, strdup and strndup
// included), frees that hand
// null to free() for a slot, and realloc growth, each run on both sides of
// its test: sizes below and above guard-size (256), growth that stays in
// the slot and growth that leaves it, a realloc to size 0, a free that
// receives the slot or a heap block, a thread, and a longjmp out of a
// function holding a guarded buffer (its heap block leaks, as without the
// plugin). The output is the same with and without the plugin and under
// ASan with detect_stack_use_after_return.
//
// RUN: %e2e --asan-options=allocator_may_return_null=1 %t -g -O2 -pthread %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
//
// CHECK-DAG: remark: malloc(...) does not escape: stack buffer of 256 bytes, heap above
// CHECK-DAG: remark: calloc(..., ...) does not escape: stack buffer of 256 bytes, heap above
// CHECK-DAG: remark: aligned_alloc(64, ...) does not escape: stack buffer of 256 bytes, heap above
// CHECK-DAG: remark: posix_memalign(32, ...) does not escape: stack buffer of 256 bytes, heap above
// CHECK-DAG: remark: malloc(16) does not escape: moved to a 256-byte stack slot; realloc grows it in place up to 256 bytes, on the heap beyond
// CHECK-DAG: remark: malloc(16) does not escape: moved to a 16-byte stack slot
// CHECK-DAG: remark: malloc(...) escapes to heap: returned
// CHECK-DAG: remark: strdup(...) does not escape: stack buffer of 256 bytes, heap above
// CHECK-DAG: remark: strndup(..., ...) does not escape: stack buffer of 256 bytes, heap above
//
// Output, by construction: zeroed sums the zero bytes of every calloc,
// sum over c in {1,2,4,8} of c * (1 + ... + 100) = 15 * 5050 = 75750;
// mixed: 'p' + 2 * 'h' = 112 + 208 and 'h' + 2 * 'p' = 104 + 224.
// OUT: sums {{[0-9]+}} {{[0-9]+}}
// OUT-NEXT: zeroed 75750 overflow null
// OUT-NEXT: aligned 10 posix 32
// OUT-NEXT: grow 10 100 300 600
// OUT-NEXT: shrink0 null
// OUT-NEXT: mixed 320 328
// OUT-NEXT: jumpy 1 1
// dup: strings of 0, 223 and 323 'a's, the first turned into 'X' (the
// empty one stays empty): 0, 223 + 1, 323 + 1. ndup: at most n of the
// 1023 'a's, and 23 from the last 23.
// OUT-NEXT: dup 0 224 324
// OUT-NEXT: ndup 0 255 256 23
//
// Allocation calls, by construction (alloccount counts every malloc,
// calloc, realloc, aligned_alloc and posix_memalign call):
//   sum_bytes, n = 0..511, in main and in a thread: 2 * 512; with the
//     plugin only n = 257..511: 2 * 255 = 510
//   zeroed: 400 calls + 1 overflowing; with the plugin c * n > 256:
//     c = 4, n = 65..100 (36) and c = 8, n = 33..100 (68), + 1 = 105
//   aligned, n = 64..640 by 64: 10; with the plugin 320..640: 6
//   posix, n = 16..512 by 16: 32; with the plugin 272..512: 16
//   grow: malloc(16) then a realloc at lengths 15, 31, 63, 127, 255, 511:
//     n = 10, 100, 300, 600: 1 + 4 + 6 + 7 = 18; with the plugin the slot
//     holds 256 bytes, so only the growth to 512 (n = 300: one call) and
//     to 512 and 1024 (n = 600: two calls) = 3
//   shrink0: malloc + realloc(p, 0) = 2; with the plugin 0
//   mixed, c = 0 and 1: 2 * 2; with the plugin the heap block alone: 2
//   jumpy, n = 100 and 300: 2; with the plugin 1
// Plain: 1024 + 401 + 10 + 32 + 18 + 2 + 4 + 2 = 1493.
// Plugin: 510 + 105 + 6 + 16 + 3 + 0 + 2 + 1 = 643.
// COUNT: alloccount: program=1493
// COUNT: alloccount: program=643
#include <pthread.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// External and not inlined, so that no caller's argument range bounds the
// sizes: the guard, not the bounded-size rule, must serve them.
#define NOINLINE __attribute__((noinline))

static char text[1024];
static jmp_buf env;
static volatile size_t zero;

NOINLINE unsigned sum_bytes(size_t n)
{
	unsigned char *p = malloc(n);
	unsigned h = 0;
	if (!p)
		return 0;
	memcpy(p, text, n);
	for (size_t i = 0; i < n; i++)
		h = h * 31 + p[i];
	free(p);
	return h;
}

static void *thread_main(void *arg)
{
	unsigned h = 0;
	(void)arg;
	for (size_t n = 0; n < 512; n++)
		h += sum_bytes(n);
	return (void *)(uintptr_t)h;
}

NOINLINE unsigned peek(const unsigned char *p)
{
	return *(const volatile unsigned char *)p;
}

// Counts the zero bytes, then dirties them: a slot that a later call
// reuses must be zeroed again. A count * size that overflows gets NULL
// (peek keeps LLVM from assuming the allocation succeeded).
NOINLINE size_t zeroed(size_t c, size_t n)
{
	unsigned char *p = calloc(c, n);
	size_t z = 0;
	if (!p)
		return (size_t)-1;
	if (c * n == 0 || c * n / c != n)
		return peek(p);
	for (size_t i = 0; i < c * n; i++)
		z += p[i] == 0;
	memset(p, 0xff, c * n);
	free(p);
	return z;
}

NOINLINE int aligned(size_t n)
{
	unsigned char *p = aligned_alloc(64, n);
	int ok = p && ((uintptr_t)p & 63) == 0;
	if (p) {
		memset(p, 1, n);
		ok = ok && p[n - 1] == 1;
	}
	free(p);
	return ok;
}

NOINLINE int posix(size_t n)
{
	void *p;
	int ok;
	if (posix_memalign(&p, 32, n))
		return 0;
	ok = ((uintptr_t)p & 31) == 0;
	memset(p, 2, n);
	ok = ok && ((unsigned char *)p)[n - 1] == 2;
	free(p);
	return ok;
}

// A string builder: starts at 16 bytes, doubles when full.
NOINLINE size_t grow(size_t n)
{
	size_t cap = 16, len = 0, r;
	char *b = malloc(cap);
	if (!b)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (len + 1 >= cap) {
			char *nb = realloc(b, cap *= 2);
			if (!nb) {
				free(b);
				return 0;
			}
			b = nb;
		}
		b[len++] = (char)('a' + i % 26);
	}
	b[len] = 0;
	r = strlen(b);
	for (size_t i = 0; i < len; i++)
		if (b[i] != (char)('a' + i % 26))
			r = 0;
	free(b);
	return r;
}

// glibc's realloc(p, 0) frees p and returns NULL.
NOINLINE const char *shrink0(size_t z)
{
	char *p = malloc(16);
	char *q;
	if (!p)
		return "?";
	strcpy(p, "fifteen bytes..");
	q = realloc(p, z);
	if (q) {
		peek((unsigned char *)q);
		free(q);
		return "non-null";
	}
	return "null";
}

NOINLINE char *make_heap(size_t n)
{
	char *h = malloc(n);
	if (h)
		memset(h, 'h', n);
	return h;
}

// Each free receives the slot or the heap block, by c.
NOINLINE unsigned mixed(int c)
{
	char *p = malloc(16);
	char *h = make_heap(16);
	char *q, *r;
	unsigned v;
	if (!p || !h)
		abort();
	memset(p, 'p', 16);
	q = c ? p : h;
	r = c ? h : p;
	v = (unsigned)q[0] + 2u * (unsigned)r[0];
	free(q);
	free(r);
	return v;
}

// strdup and strndup of strings shorter and longer than the buffer (their
// mallocs happen inside libc, so alloccount does not see them).
NOINLINE size_t dup_len(const char *s)
{
	char *d = strdup(s);
	size_t n;
	if (!d)
		abort();
	if (d[0])
		d[0] = 'X';
	n = strlen(d) + (d[0] == 'X');
	free(d);
	return n;
}

NOINLINE size_t ndup_len(const char *s, size_t m)
{
	char *d = strndup(s, m);
	size_t n;
	if (!d)
		abort();
	n = strlen(d);
	free(d);
	return n;
}

NOINLINE void maybe_jump(const char *p, size_t n)
{
	if (p[n - 1] == 'j')
		longjmp(env, 1);
}

NOINLINE unsigned jumpy(size_t n)
{
	char *p = malloc(n);
	unsigned v;
	if (!p)
		return 0;
	memset(p, 'j', n);
	maybe_jump(p, n);
	v = (unsigned)p[0];
	free(p);
	return v;
}

NOINLINE int run_jumpy(size_t n)
{
	if (setjmp(env))
		return 1;
	jumpy(n);
	return 0;
}

int main(void)
{
	static const size_t cs[] = {1, 2, 4, 8};
	pthread_t t;
	void *th;
	unsigned h = 0;
	size_t z = 0, ok_a = 0, ok_p = 0;

	for (size_t i = 0; i < sizeof text; i++)
		text[i] = (char)(i * 7 + 1);
	if (pthread_create(&t, NULL, thread_main, NULL))
		return 1;
	for (size_t n = 0; n < 512; n++)
		h += sum_bytes(n);
	pthread_join(t, &th);
	printf("sums %u %u\n", h, (unsigned)(uintptr_t)th);

	for (size_t k = 0; k < 4; k++)
		for (size_t n = 1; n <= 100; n++)
			z += zeroed(cs[k], n);
	printf("zeroed %zu overflow %s\n", z,
	       zeroed((size_t)1 << 40, (size_t)1 << 30) == (size_t)-1 ? "null"
								    : "non-null");
	for (size_t n = 64; n <= 640; n += 64)
		ok_a += aligned(n);
	for (size_t n = 16; n <= 512; n += 16)
		ok_p += posix(n);
	printf("aligned %zu posix %zu\n", ok_a, ok_p);
	printf("grow %zu %zu %zu %zu\n", grow(10), grow(100), grow(300),
	       grow(600));
	printf("shrink0 %s\n", shrink0(zero));
	printf("mixed %u %u\n", mixed(1), mixed(0));
	printf("jumpy %d %d\n", run_jumpy(100), run_jumpy(300));
	memset(text, 'a', sizeof text - 1);
	text[sizeof text - 1] = 0;
	printf("dup %zu %zu %zu\n", dup_len(text + 1023), dup_len(text + 800),
	       dup_len(text + 700));
	printf("ndup %zu %zu %zu %zu\n", ndup_len(text, 0), ndup_len(text, 255),
	       ndup_len(text, 256), ndup_len(text + 1000, 500));
	return 0;
}

// Recursion: the outermost frames (docs/design.md). walk() allocates a
// 4096-byte scratch array in every active call; a slot in every frame
// would multiply by the recursion depth, so it gets one only in the
// outermost frames of the thread's call cycles, while their regions hold
// at most recursive-stack bytes (65536: 16 of walk's), and malloc deeper.
// Both sides at run time: walk(5) (all 5 frames on the stack), walk(20)
// (16 on the stack, 4 on the heap), the same in a second thread (its own
// count) and on a makecontext coroutine whose stack is heap memory.
// jumpy() longjmps out of 12 frames (32-byte regions) that never uncount
// themselves: the thread's count stays at 384 bytes, and the next
// walk(20) finds room for 15 regions only (61440 <= 65536 - 384 < 65536),
// 5 arrays from malloc (safe: fewer slots, never more). With
// recursive-stack=0 every array is on the heap, as before the rule.
//
// RUN: %e2e %t -O2 %s -lpthread
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
// RUN: %clang -O2 -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-options='recursive-stack=0' -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.off
// RUN: FileCheck --check-prefix=OFF %s < %t.off
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
//
// Output, by construction: walk(d, s) adds s + k % 16 for k = d..1.
// walk(5, 1) = 5 + 15 = 20; walk(20, 1) = 20 + (1 + ... + 15) + 0 +
// (1 + 2 + 3 + 4) = 20 + 120 + 10 = 150; walk(20, 2) = 40 + 130 = 170;
// on the coroutine walk(20, 3) = 60 + 130 = 190.
// OUT: walk 20 150
// OUT-NEXT: thread 170
// OUT-NEXT: coroutine 190
// OUT-NEXT: jumped 12
// OUT-NEXT: after 150
//
// Allocation calls, plain: 5 + 20 (main) + 20 (thread) + 20 (coroutine)
// + 12 (jumpy) + 20 (after) = 97, and the coroutine's stack: 98. With
// the plugin: 0 + 4 + 4 + 4 (the coroutine's frames count in main's
// thread, which no other walk holds then) + 0 (jumpy's twelve regions
// fit) + 5 (after the longjmp) = 17, and the stack: 18.
// COUNT: alloccount: program=98
// COUNT: alloccount: program=18
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <ucontext.h>

static __attribute__((noinline)) unsigned long walk(unsigned depth,
						    unsigned seed)
{
	if (depth == 0)
		return 0;
	// CHECK-DAG: recursive.c:[[@LINE+2]]:{{[0-9]+}}: remark: malloc(4096) does not escape: moved to a 4096-byte stack slot in the outermost frames of its call cycle (65536 bytes of slots a thread), heap deeper
	// OFF-DAG: recursive.c:[[@LINE+1]]:{{[0-9]+}}: remark: malloc(4096) escapes to heap: recursive function: 4096 bytes exceed recursive-budget 0
	unsigned *tmp = malloc(1024 * sizeof *tmp);
	if (!tmp)
		abort();
	for (unsigned i = 0; i < 16; i++)
		tmp[i] = seed + i;
	unsigned long below = walk(depth - 1, seed);
	unsigned long s = below + tmp[depth % 16];
	free(tmp);
	return s;
}

static jmp_buf env;

static __attribute__((noinline)) void jumpy(unsigned depth)
{
	// CHECK-DAG: recursive.c:[[@LINE+1]]:{{[0-9]+}}: remark: malloc(32) does not escape: moved to a 32-byte stack slot in the outermost frames of its call cycle (65536 bytes of slots a thread), heap deeper
	volatile unsigned *tmp = malloc(8 * sizeof *tmp);
	if (!tmp)
		abort();
	tmp[0] = depth;
	if (depth == 1)
		longjmp(env, 12);
	jumpy(depth - 1);
	free((void *)tmp);
}

static unsigned long from_thread;

static void *in_thread(void *arg)
{
	(void)arg;
	from_thread = walk(20, 2);
	return NULL;
}

static ucontext_t main_ctx, co_ctx;
static unsigned long from_coroutine;

static void on_coroutine(void)
{
	from_coroutine = walk(20, 3);
}

int main(void)
{
	pthread_t t;
	size_t size = 256 * 1024;
	char *stack;
	int jumped;
	printf("walk %lu %lu\n", walk(5, 1), walk(20, 1));
	if (pthread_create(&t, NULL, in_thread, NULL) || pthread_join(t, NULL))
		return 1;
	printf("thread %lu\n", from_thread);
	stack = malloc(size);
	if (!stack)
		return 1;
	getcontext(&co_ctx);
	co_ctx.uc_stack.ss_sp = stack;
	co_ctx.uc_stack.ss_size = size;
	co_ctx.uc_link = &main_ctx;
	makecontext(&co_ctx, on_coroutine, 0);
	swapcontext(&main_ctx, &co_ctx);
	printf("coroutine %lu\n", from_coroutine);
	free(stack);
	jumped = setjmp(env);
	if (!jumped)
		jumpy(12);
	printf("jumped %d\n", jumped);
	printf("after %lu\n", walk(20, 1));
	return 0;
}

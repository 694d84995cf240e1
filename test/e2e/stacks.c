// Demoted blocks on stacks the program makes itself: a function whose
// blocks are demoted (a fixed slot, a guarded buffer, and a free that may
// receive either its slot or a heap block) runs on the main stack, on a
// coroutine stack that is heap memory (makecontext/swapcontext, switching
// away while its blocks are live), and in a signal handler on an
// alternate signal stack (sigaltstack, also heap memory). A free that
// may receive the slot compares with the slot's own address, so it is
// exact on every one of them: a test of stack bounds would take a slot on
// the coroutine's heap stack for a heap block and free() it. The output
// is the same with and without the plugin and under ASan with
// detect_stack_use_after_return.
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
// CHECK-DAG: stacks.c:[[@LINE+40]]:{{[0-9]+}}: remark: malloc(48) does not escape: moved to a 48-byte stack slot
// CHECK-DAG: stacks.c:[[@LINE+40]]:{{[0-9]+}}: remark: malloc(...) does not escape: stack buffer of 256 bytes, heap above
//
// Output: work(n, pick) writes n bytes of 'a' + n % 7 into the guarded
// buffer and 48 bytes of 'x' into the slot, and returns the sum of both
// plus the first byte of whichever block `pick` chose before freeing it
// (the slot, 'x' = 120, or a heap block holding 'h' = 104). Each place
// calls it for n = 100 (the buffer) and n = 300 (the heap), both picks:
// 100 * 'c' + 300 * 'g' = 9900 + 30900, twice; 4 * 48 * 'x' = 23040;
// and 2 * 'x' + 2 * 'h' = 448: 81600 + 23040 + 448 = 105088.
// OUT: main 105088
// OUT-NEXT: coroutine 105088 switches 4
// OUT-NEXT: altstack 105088
// OUT-NEXT: same 1 1
//
// Allocation calls, by construction (alloccount counts malloc, calloc,
// realloc, aligned_alloc and posix_memalign): each work() call makes the
// slot's malloc, the guarded malloc and one heap block: 3; with the
// plugin the heap block, plus the guarded malloc when n = 300: 1 or 2.
// Four calls per place, three places: plain 36, plugin 3 * (1+1+2+2) =
// 18; and the two stacks (64 KiB each): 2 more in both.
// COUNT: alloccount: program=38
// COUNT: alloccount: program=20
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

static ucontext_t main_ctx, co_ctx;
static int switches;

// A heap block work() cannot see the allocation of.
__attribute__((noinline)) static char *make_heap(void) { return malloc(16); }

// External and not inlined: its frame, and the slots in it, live on
// whatever stack it runs on, and no caller bounds n.
__attribute__((noinline)) long work(unsigned n, int pick, int yield)
{
	char *slot = malloc(48);
	char *buf = malloc(n);
	char *heap = make_heap();
	char *which;
	long sum = 0;
	if (!slot || !buf || !heap)
		abort();
	memset(slot, 'x', 48);
	memset(buf, 'a' + n % 7, n);
	memset(heap, 'h', 16);
	if (yield) {
		// switch away while the blocks are live, and come back
		switches++;
		swapcontext(&co_ctx, &main_ctx);
	}
	for (unsigned i = 0; i < n; i++)
		sum += buf[i];
	for (unsigned i = 0; i < 48; i++)
		sum += slot[i];
	which = pick ? slot : heap;
	sum += which[0];
	free(which);           // the slot or a heap block
	free(pick ? heap : slot);
	free(buf);
	return sum;
}

static long run_all(int yield)
{
	long s = 0;
	for (int pick = 0; pick < 2; pick++) {
		s += work(100, pick, yield);
		s += work(300, pick, yield);
	}
	return s;
}

static long co_result;

static void co_main(void) { co_result = run_all(1); }

static long sig_result;

static void on_signal(int sig)
{
	(void)sig;
	sig_result = run_all(0);
}

int main(void)
{
	size_t size = 64 * 1024;
	char *co_stack = malloc(size), *alt = malloc(size);
	stack_t ss;
	struct sigaction sa;
	long m;
	if (!co_stack || !alt)
		return 1;

	m = run_all(0);
	printf("main %ld\n", m);

	getcontext(&co_ctx);
	co_ctx.uc_stack.ss_sp = co_stack;
	co_ctx.uc_stack.ss_size = size;
	co_ctx.uc_link = &main_ctx;
	makecontext(&co_ctx, co_main, 0);
	swapcontext(&main_ctx, &co_ctx);
	while (switches < 4 || co_result == 0)
		swapcontext(&main_ctx, &co_ctx);
	printf("coroutine %ld switches %d\n", co_result, switches);

	ss.ss_sp = alt;
	ss.ss_size = size;
	ss.ss_flags = 0;
	if (sigaltstack(&ss, NULL))
		return 1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_ONSTACK;
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	printf("altstack %ld\n", sig_result);
	printf("same %d %d\n", co_result == m, sig_result == m);
	free(co_stack);
	free(alt);
	return 0;
}

// Pools: a site inside a loop whose blocks outlive the iteration (nodes
// linked into a tree or a list and freed after the loop) gets slots of its
// own, one per execution, counted at run time, and the allocator after the
// last. Each side of the count runs: a tree of 48 nodes built by a loop
// that runs 48 times (48 slots: every node on the stack), lists of 10 and
// of 100 nodes built by a loop of run-time length (64 slots: the list of
// 100 takes 36 nodes from malloc, and the frees after the loop receive
// both kinds), a calloc'd pool whose slots must read as zero on every call
// although the frame is reused, the list function run in a thread, on a
// makecontext coroutine whose stack is heap memory (switching away while
// the nodes are live), and left by a longjmp (its heap nodes leak, as
// without the plugin); and rounds of lists in one call, each freed before
// the next (a pool whose blocks are all freed starts again from its first
// slot) or each leaving a node live (the pool must not restart); and
// strings of a size known only at run time, each slot a guarded buffer,
// run below and above its size and past the last slot; and blocks grown by
// realloc within their slot, beyond it, and past the last slot. Kept on the heap: the nodes of a list that is
// returned. Run with and without the plugin and under ASan with
// detect_stack_use_after_return.
//
// RUN: %e2e %t -g -O2 -pthread %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -g -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
//
// CHECK-DAG: loop-pool.c:[[@LINE+87]]:{{[0-9]+}}: remark: malloc(24) does not escape: 48 stack slots of 24 bytes, one per execution, heap after the last (its loops run at most that often)
// CHECK-DAG: loop-pool.c:[[@LINE+131]]:{{[0-9]+}}: remark: malloc(16) does not escape: 64 stack slots of 16 bytes, one per execution, heap after the last [-Rpass=heap2stack]
// CHECK-DAG: loop-pool.c:[[@LINE+161]]:{{[0-9]+}}: remark: calloc(8, 4) does not escape: 16 stack slots of 32 bytes, one per execution, heap after the last (its loops run at most that often)
// CHECK-DAG: loop-pool.c:[[@LINE+201]]:{{[0-9]+}}: remark: malloc(16) does not escape: 64 stack slots of 16 bytes, one per execution, heap after the last [-Rpass=heap2stack]
// CHECK-DAG: loop-pool.c:[[@LINE+236]]:{{[0-9]+}}: remark: malloc(...) does not escape: 16 stack buffers of 256 bytes, one per execution, heap above and after the last [-Rpass=heap2stack]
// CHECK-DAG: loop-pool.c:[[@LINE+259]]:{{[0-9]+}}: remark: malloc(16) does not escape: 16 stack slots of 256 bytes, one per execution, heap after the last; realloc grows it in place up to 256 bytes, on the heap beyond [-Rpass=heap2stack]
// CHECK-DAG: loop-pool.c:[[@LINE+177]]:{{[0-9]+}}: remark: malloc(16) escapes to heap: stored into malloc(16) at {{.*}}, which escapes
//
// Output, by construction:
// - tree: keys 0, 7, ..., 7 * 47 mod 48 (a permutation of 0..47, as 7 and
//   48 are coprime) inserted into a search tree; the probe 23 is found at
//   some depth d, printed as found 1; the sum of the keys freed is
//   47 * 48 / 2 = 1128.
// - list n: nodes hold i * 3 for i < n, freed while summed:
//   3 * n * (n - 1) / 2: 135 for n = 10, 14850 for n = 100.
// - zeroed: each of 16 calloc'd blocks of 8 ints is read (0) then filled
//   with 1s; the sum of what was read is 0 on each of the two calls, and of
//   what was written 16 * 8 = 128.
// - the thread and the coroutine run list 100; the coroutine switches once
//   with every node live; the jump leaves list_jump after 70 nodes.
// - kept: a returned list of 5 nodes holding 0, 3, ..., 12: 30.
// - rounds(5, 40, 0): the sum of k * 1000 + i over k < 5, i < 40:
//   40 * 1000 * 10 + 5 * 780 = 403900. rounds(3, 40, 1): each round keeps
//   its node i = 0 (k * 1000, counted 7 times at the end: 21000) and frees
//   the rest: 39 * 1000 * 3 + 3 * 780 = 119340; 140340 in all.
// - words(n, len): len * the sum of 'a' + i % 26 over i < n: 10 * 1015,
//   300 * 1015, and 10 * (40 * 97 + 325 + 91) = 42960.
// - grow(r, m, len): per round k and block i, 16 * ('a' + i % 26) +
//   (len - 16) * ('A' + k): grow(3, 10, 100) = 3 * 16 * 1015 + 10 * 84 *
//   (65 + 66 + 67) = 48720 + 166320; grow(2, 10, 300) = 2 * 16240 + 10 *
//   284 * (65 + 66) = 32480 + 372040; grow(1, 20, 100) = 16 * 2130 + 20 *
//   84 * 65 = 34080 + 109200.
// OUT: tree found 1 sum 1128
// OUT-NEXT: list 10 135
// OUT-NEXT: list 100 14850
// OUT-NEXT: zeroed 0 128 0 128
// OUT-NEXT: thread 14850
// OUT-NEXT: coroutine 14850 switches 1
// OUT-NEXT: jumped 70
// OUT-NEXT: kept 30
// OUT-NEXT: rounds 403900 140340
// OUT-NEXT: words 10150 304500 42960
// OUT-NEXT: grow 215040 404520 143280
//
// Allocation calls, by construction (alloccount counts malloc, calloc,
// realloc, aligned_alloc and posix_memalign calls):
//   tree 48; list 10 + 100; zeroed 2 * 16; thread 100; coroutine 100 and
//   its 64 KiB stack 1; jump 70; kept 5; rounds 200 + 120; words 10 + 10 +
//   40; grow, a malloc and a realloc per block, 2 * (30 + 20 + 20): 986
//   without the plugin.
//   With it: tree 0; list 0 + 36; zeroed 0; thread 36; coroutine 36 + 1;
//   jump 6 (the nodes after the 64th); kept 5; rounds(5, 40, 0) 0 (each
//   round empties the pool); rounds(3, 40, 1): the first round takes slots
//   0..39 and keeps one, the second slots 40..63 and 16 heap blocks, the
//   third 40 heap blocks: 56; words: 0, 10 (301 bytes do not fit 256) and
//   24 (16 slots for 40 strings): 34; grow: 0 (100 bytes fit the slots,
//   and each round frees them all), 20 (each 300-byte growth moves to the
//   heap, one realloc call; the slots are free again for the next round),
//   8 (16 slots for 20 blocks: 4 mallocs and their 4 reallocs): 28; 238
//   in all.
// COUNT: alloccount: program=986
// COUNT: alloccount: program=238
#define _GNU_SOURCE
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

#define KEYS 48

struct node {
	int key;
	struct node *left, *right;
};

__attribute__((noinline)) static void tree(int probe)
{
	struct node *root = NULL, *stack[KEYS];
	int found = 0, sp = 0;
	long sum = 0;
	for (int i = 0; i < KEYS; i++) {
		struct node **at = &root;
		int key = i * 7 % KEYS;
		while (*at)
			at = key < (*at)->key ? &(*at)->left : &(*at)->right;
		struct node *n = malloc(sizeof *n);
		if (!n)
			abort();
		n->key = key;
		n->left = n->right = NULL;
		*at = n;
	}
	for (struct node *p = root; p;) {
		if (p->key == probe) {
			found = 1;
			break;
		}
		p = probe < p->key ? p->left : p->right;
	}
	if (root)
		stack[sp++] = root;
	while (sp) {
		struct node *p = stack[--sp];
		if (p->left)
			stack[sp++] = p->left;
		if (p->right)
			stack[sp++] = p->right;
		sum += p->key;
		free(p);
	}
	printf("tree found %d sum %ld\n", found, sum);
}

struct item {
	long v;
	struct item *next;
};

static ucontext_t main_ctx, co_ctx;
static int switches;
static jmp_buf jump;

// External and not inlined: n is known only at run time. yield switches
// away from a coroutine with every node live; jump_at leaves by longjmp
// after that many nodes.
__attribute__((noinline)) long list(long n, int yield, long jump_at)
{
	struct item *head = NULL;
	long sum = 0;
	for (long i = 0; i < n; i++) {
		struct item *it = malloc(sizeof *it);
		if (!it)
			abort();
		it->v = i * 3;
		it->next = head;
		head = it;
		if (i + 1 == jump_at)
			longjmp(jump, (int)(i + 1));
	}
	if (yield) {
		switches++;
		swapcontext(&co_ctx, &main_ctx);
	}
	while (head) {
		struct item *next = head->next;
		sum += head->v;
		free(head);
		head = next;
	}
	return sum;
}

// 16 calloc'd blocks of 8 ints, linked through a local array, read before
// they are written: a reused frame must not show the last call's ones.
__attribute__((noinline)) static void zeroed(void)
{
	int *blocks[16];
	long read = 0, written = 0;
	// kept a loop: unrolled, its 16 calls would be 16 sites of one slot
#pragma clang loop unroll(disable)
	for (int i = 0; i < 16; i++)
		blocks[i] = calloc(8, sizeof(int));
	for (int i = 0; i < 16; i++) {
		if (!blocks[i])
			abort();
		for (int j = 0; j < 8; j++) {
			read += blocks[i][j];
			blocks[i][j] = 1;
			written += blocks[i][j];
		}
	}
	for (int i = 0; i < 16; i++)
		free(blocks[i]);
	printf(" %ld %ld", read, written);
}

// Kept: the list outlives the function.
__attribute__((noinline)) struct item *make_list(long n)
{
	struct item *head = NULL;
	for (long i = 0; i < n; i++) {
		struct item *it = malloc(sizeof *it);
		if (!it)
			abort();
		it->v = i * 3;
		it->next = head;
		head = it;
	}
	return head;
}

// r rounds of a list of m nodes, every node freed at the end of its round
// (the pool is empty again: the next round starts from the first slot), or,
// with keep, all but the round's first node, kept in another list until
// the end (the pool never empties, so later rounds must not reuse a slot).
__attribute__((noinline)) long rounds(long r, long m, int keep)
{
	struct item *kept = NULL;
	long sum = 0;
	for (long k = 0; k < r; k++) {
		struct item *head = NULL;
		for (long i = 0; i < m; i++) {
			struct item *it = malloc(sizeof *it);
			if (!it)
				abort();
			it->v = k * 1000 + i;
			it->next = head;
			head = it;
		}
		while (head) {
			struct item *next = head->next;
			if (keep && !next) {
				head->next = kept;
				kept = head;
			} else {
				sum += head->v;
				free(head);
			}
			head = next;
		}
	}
	while (kept) {
		struct item *next = kept->next;
		sum += kept->v * 7;
		free(kept);
		kept = next;
	}
	return sum;
}

// n strings of len bytes (and a NUL), all live until the sum: a size known
// only at run time, so each slot is a guarded buffer of 256 bytes (16 of
// them in half the frame budget).
__attribute__((noinline)) long words(int n, size_t len)
{
	char *w[64];
	long sum = 0;
	for (int i = 0; i < n; i++) {
		w[i] = malloc(len + 1);
		if (!w[i])
			abort();
		memset(w[i], 'a' + i % 26, len);
		w[i][len] = '\0';
	}
	for (int i = 0; i < n; i++) {
		for (size_t k = 0; w[i][k]; k++)
			sum += w[i][k];
		free(w[i]);
	}
	return sum;
}

// r rounds of m blocks of 16 bytes, each grown to len bytes by realloc,
// all freed at the end of the round: a block a realloc may grow gets a
// slot of guard-size (256) bytes, 16 of them; growth within it stays in
// place, growth beyond moves the block to the heap (its slot is free again).
__attribute__((noinline)) long grow(int r, int m, size_t len)
{
	char *b[64];
	long sum = 0;
	for (int k = 0; k < r; k++) {
		for (int i = 0; i < m; i++) {
			b[i] = malloc(16);
			if (!b[i])
				abort();
			memset(b[i], 'a' + i % 26, 16);
		}
		for (int i = 0; i < m; i++) {
			char *q = realloc(b[i], len);
			if (!q)
				abort();
			memset(q + 16, 'A' + k % 26, len - 16);
			b[i] = q;
		}
		for (int i = 0; i < m; i++) {
			for (size_t j = 0; j < len; j++)
				sum += b[i][j];
			free(b[i]);
		}
	}
	return sum;
}

static void *in_thread(void *arg)
{
	*(long *)arg = list(100, 0, 0);
	return NULL;
}

static long co_sum;

static void co_main(void) { co_sum = list(100, 1, 0); }

int main(void)
{
	pthread_t t;
	long tsum = 0, ksum = 0;
	int jumped;
	tree(23);
	printf("list 10 %ld\n", list(10, 0, 0));
	printf("list 100 %ld\n", list(100, 0, 0));
	printf("zeroed");
	zeroed();
	zeroed();
	printf("\n");
	if (pthread_create(&t, NULL, in_thread, &tsum) || pthread_join(t, NULL))
		abort();
	printf("thread %ld\n", tsum);

	char *stack = malloc(1 << 16);
	if (!stack)
		abort();
	getcontext(&co_ctx);
	co_ctx.uc_stack.ss_sp = stack;
	co_ctx.uc_stack.ss_size = 1 << 16;
	co_ctx.uc_link = &main_ctx;
	makecontext(&co_ctx, co_main, 0);
	swapcontext(&main_ctx, &co_ctx); // runs until the switch
	swapcontext(&main_ctx, &co_ctx); // runs to the end
	printf("coroutine %ld switches %d\n", co_sum, switches);

	jumped = setjmp(jump);
	if (!jumped)
		list(100, 0, 70);
	printf("jumped %d\n", jumped);

	for (struct item *it = make_list(5), *next; it; it = next) {
		next = it->next;
		ksum += it->v;
		free(it);
	}
	printf("kept %ld\n", ksum);
	printf("rounds %ld %ld\n", rounds(5, 40, 0), rounds(3, 40, 1));
	printf("words %ld %ld %ld\n", words(10, 10), words(10, 300),
	       words(40, 10));
	printf("grow %ld %ld %ld\n", grow(3, 10, 100), grow(2, 10, 300),
	       grow(1, 20, 100));
	return 0;
}

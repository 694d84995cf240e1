// Blocks that escape but that their function frees on every path before it
// returns live in the frame: nodes pushed onto a global list for a callee
// to read, in a chain of calls and in a loop, and a name buffer published
// in a global, whose run-time size is served by a guarded buffer below
// guard-size and by malloc above it (both sides run). Kept on the heap,
// and exercised at run time: a block still held by a global when a callee
// longjmps out (main reads and frees it after the jump), and one an atexit
// handler frees when the function calls exit instead of freeing it.
// Run with and without the plugin and under ASan with
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
// Output, by construction: the chain pushes 2, 3 and the innermost sum
// is 5; the loop pushes i * 10 onto an empty list, so each sum is i * 10;
// the names are "n10" padded with 'a' to 10 bytes and to 300 bytes; the
// jump leaves "pending" behind; exit runs the handler, which prints the
// cached word.
// OUT: chain 5
// OUT-NEXT: loop 0 10 20 30 40
// OUT-NEXT: name 10 n10aaaaaaa
// OUT-NEXT: name 300 n300aaaaaa
// OUT-NEXT: after jump: pending
// OUT-NEXT: cleanup: cached
//
// Allocation calls: chain 2, loop 5, names 2, jump 1, exit 1 = 11; with
// the plugin the chain, the loop and the short name go: 3 (the 300-byte
// name, above guard-size 256, the jump's and the exit's).
// COUNT: alloccount: program=11
// COUNT: alloccount: program=3
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
	struct node *next;
	int v;
};

static struct node *list;
static const char *current;
static char *pending, *cache;
static jmp_buf env;

__attribute__((noinline)) static int sum(void)
{
	int s = 0;
	for (struct node *n = list; n; n = n->next)
		s += n->v;
	return s;
}

__attribute__((noinline)) static int level3(void)
{
	// CHECK-DAG: freed-before-return.c:[[@LINE+1]]:{{[0-9]+}}: remark: malloc(16) does not escape: moved to a 16-byte stack slot; it escapes (stored to global list at {{.*}}:[[@LINE+7]]:{{[0-9]+}}) but is freed before every return
	struct node *n = malloc(sizeof *n);
	int s;
	if (!n)
		return -1;
	n->v = 3;
	n->next = list;
	list = n;
	s = sum();
	list = n->next;
	free(n);
	return s;
}

__attribute__((noinline)) static void push(struct node *n, int v)
{
	n->v = v;
	n->next = list;
	list = n;
}

__attribute__((noinline)) static void pop(void)
{
	list = list->next;
}

// The list is handed over by module functions that return.
__attribute__((noinline)) static int level2(void)
{
	// CHECK-DAG: freed-before-return.c:[[@LINE+1]]:{{[0-9]+}}: remark: malloc(16) does not escape: moved to a 16-byte stack slot; it escapes (passed to push, which leaks it
	struct node *n = malloc(sizeof *n);
	int s;
	if (!n)
		return -1;
	push(n, 2);
	s = level3();
	pop();
	free(n);
	return s;
}

__attribute__((noinline)) static void loop(void)
{
	printf("loop");
	for (int i = 0; i < 5; i++) {
		// CHECK-DAG: freed-before-return.c:[[@LINE+1]]:{{[0-9]+}}: remark: malloc(16) does not escape
		struct node *n = malloc(sizeof *n);
		n->v = i * 10;
		n->next = list;
		list = n;
		printf(" %d", sum());
		list = n->next;
		free(n);
	}
	printf("\n");
}

__attribute__((noinline)) static void show(void)
{
	printf("name %zu %.10s\n", strlen(current), current);
}

__attribute__((noinline)) void name(size_t len)
{
	// CHECK-DAG: freed-before-return.c:[[@LINE+1]]:{{[0-9]+}}: remark: malloc(...) does not escape: stack buffer of 256 bytes, heap above; it escapes (stored to global current at {{.*}}) but is freed before every return
	char *buf = malloc(len + 1);
	if (!buf)
		return;
	snprintf(buf, len + 1, "n%zu", len);
	memset(buf + strlen(buf), 'a', len - strlen(buf));
	buf[len] = '\0';
	current = buf;
	show();
	current = NULL;
	free(buf);
}

__attribute__((noinline)) static void fail(void)
{
	longjmp(env, 1);
}

// Kept: fail may longjmp, and then the block outlives the frame.
__attribute__((noinline)) static void parse(int bad)
{
	// CHECK-DAG: freed-before-return.c:[[@LINE+1]]:{{[0-9]+}}: remark: malloc(16) escapes to heap: stored to global pending
	char *p = malloc(16);
	strcpy(p, "pending");
	pending = p;
	if (bad)
		fail();
	pending = NULL;
	free(p);
}

static void cleanup(void)
{
	printf("cleanup: %s\n", cache);
	free(cache);
}

// Kept: exit runs cleanup, which frees the block.
__attribute__((noinline)) static void use_cache(int die)
{
	// CHECK-DAG: freed-before-return.c:[[@LINE+1]]:{{[0-9]+}}: remark: malloc(24) escapes to heap: stored to global cache
	char *c = malloc(24);
	strcpy(c, "cached");
	cache = c;
	if (die)
		exit(0);
	cache = NULL;
	free(c);
}

int main(int argc, char **argv)
{
	(void)argv;
	printf("chain %d\n", level2());
	loop();
	name((size_t)argc * 10);
	name((size_t)argc * 300);
	if (setjmp(env) == 0) {
		parse(argc > 0);
	} else {
		printf("after jump: %s\n", pending);
		free(pending);
	}
	atexit(cleanup);
	use_cache(argc > 0);
	return 1;
}

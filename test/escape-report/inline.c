// Inlined code is reported at the outermost call site, as Go does, with the
// call written there: `xmalloc(64) does not escape` at the call of xmalloc.
// When several allocations are inlined at one call, each line names its
// allocation: `push("a") [malloc(32) at inline.c:42:15]`. -m=2 flow steps
// are where the code is written. xmalloc's malloc (line 25), reported at
// the calls it is inlined into, is not reported again where it is written.
//
// RUN: cd %S && %escape_report inline.c > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=M1 --match-full-lines --strict-whitespace < %t.out
// RUN: count 5 < %t.out
// RUN: count 0 < %t.err
// RUN: cd %S && %escape_report -m=2 inline.c | FileCheck %s --check-prefix=M2 --match-full-lines --strict-whitespace
#include <stdio.h>
#include <stdlib.h>

struct node {
	struct node *next;
	char *name;
};

static struct node *list;

static void *xmalloc(size_t n)
{
	void *p = malloc(n);
	if (!p)
		abort();
	return p;
}

void greet(int id)
{
	char *buf = xmalloc(64);
	snprintf(buf, 64, "hello, %d", id);
	puts(buf);
	free(buf);
}

static void push(const char *name)
{
	struct node *n = xmalloc(sizeof *n);
	char *copy = malloc(32);
	snprintf(copy, 32, "%s", name);
	n->name = copy;
	n->next = list;
	list = n;
}

void add_two(void)
{
	push("a");
	push("b");
}

// M1:inline.c:33:14: xmalloc(64) does not escape
// M1-NEXT:inline.c:51:2: push("a") [malloc(n) at inline.c:25:12] escapes to heap
// M1-NEXT:inline.c:51:2: push("a") [malloc(32) at inline.c:42:15] escapes to heap
// M1-NEXT:inline.c:52:2: push("b") [malloc(n) at inline.c:25:12] escapes to heap
// M1-NEXT:inline.c:52:2: push("b") [malloc(32) at inline.c:42:15] escapes to heap

// M2:inline.c:33:14: xmalloc(64) does not escape: moved to a 64-byte stack slot
// M2-NEXT:inline.c:51:2: push("a") [malloc(n) at inline.c:25:12] escapes to heap:
// M2-NEXT:inline.c:51:2:   flow: p = &{storage for malloc(n)}:
// M2-NEXT:inline.c:51:2:     from malloc(n) (spill) at inline.c:25:12
// M2-NEXT:inline.c:51:2:     from p = malloc(n) (assign) at inline.c:25:8
// M2-NEXT:inline.c:51:2:   flow: {heap} = p:
// M2-NEXT:inline.c:51:2:     from list = n (assign) at inline.c:46:7
// M2-NEXT:inline.c:51:2: push("a") [malloc(n) at inline.c:25:12] escapes to heap
// M2-NEXT:inline.c:51:2: push("a") [malloc(32) at inline.c:42:15] escapes to heap:
// M2-NEXT:inline.c:51:2:   flow: copy = &{storage for malloc(32)}:
// M2-NEXT:inline.c:51:2:     from malloc(32) (spill) at inline.c:42:15
// M2-NEXT:inline.c:51:2:     from copy = malloc(32) (assign) at inline.c:42:8
// M2-NEXT:inline.c:51:2:   flow: {heap} = copy:
// M2-NEXT:inline.c:51:2:     from n->name = copy (assign) at inline.c:44:10
// M2-NEXT:inline.c:51:2:     from list = n (stored in escaping memory) at inline.c:46:7
// M2-NEXT:inline.c:51:2: push("a") [malloc(32) at inline.c:42:15] escapes to heap
// M2-NEXT:inline.c:52:2: push("b") [malloc(n) at inline.c:25:12] escapes to heap:

// Allocations written in macro calls, LLVM deleted or not. Every one of
// them has its line. An allocation is at the position clang's debug
// information gives it: in a macro argument, where it is written; in a
// macro body, at the macro call, with the call as written there. When
// several allocations share one position (the calls of one macro call, the
// copies of an argument a macro uses twice), each line names its own: where
// it is written in the macro definition, or which copy it is. Clang 22
// puts code written in a macro argument where it is written, clang 19 at
// the macro call (V22, V19).
//
// RUN: cd %S && %escape_report macro-alloc.c > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefixes=CHECK,V%llvm_major --match-full-lines --strict-whitespace < %t.out
// RUN: count 15 < %t.out
// RUN: count 0 < %t.err
// RUN: cd %S && %escape_report -json macro-alloc.c > %t.json
// RUN: python3 -m json.tool %t.json > /dev/null
// RUN: grep -c '"reason": "deleted"' %t.json | FileCheck %s --check-prefix=DELETED
// DELETED:11
#include <stdlib.h>

#define ONCE(x) do { x } while (0)
#define NEW(T) malloc(sizeof(T))
#define TWICE(x) x x

void *keep1, *keep2;

// An allocation in a macro argument that LLVM deletes.
void arg(void)
{
	ONCE(free(malloc(3)););
// V22:macro-alloc.c:[[@LINE-1]]:12: malloc(3) does not escape
// V19:macro-alloc.c:[[@LINE-2]]:2: ONCE(free(malloc(3));) does not escape
}

// Two in one argument, on one line: both deleted.
void arg_two(void)
{
	ONCE(free(malloc(3)); free(malloc(4)););
// V22-NEXT:macro-alloc.c:[[@LINE-1]]:12: malloc(3) does not escape
// V22-NEXT:macro-alloc.c:[[@LINE-2]]:29: malloc(4) does not escape
// V19-NEXT:macro-alloc.c:[[@LINE-3]]:2: ONCE(free(malloc(3)); free(malloc(4));) [malloc(3) at macro-alloc.c:[[@LINE-3]]:12] does not escape
// V19-NEXT:macro-alloc.c:[[@LINE-4]]:2: ONCE(free(malloc(3)); free(malloc(4));) [malloc(4) at macro-alloc.c:[[@LINE-4]]:29] does not escape
}

// A macro call in a macro argument: at the inner macro call.
void arg_nested(void)
{
	ONCE(free(NEW(int)););
// V22-NEXT:macro-alloc.c:[[@LINE-1]]:12: NEW(int) does not escape
// V19-NEXT:macro-alloc.c:[[@LINE-2]]:2: ONCE(free(NEW(int));) does not escape
	ONCE(keep1 = NEW(long););
// V22-NEXT:macro-alloc.c:[[@LINE-1]]:15: NEW(long) escapes to heap
// V19-NEXT:macro-alloc.c:[[@LINE-2]]:2: ONCE(keep1 = NEW(long);) escapes to heap
}

// A macro that expands to two allocations: both deleted, both kept.
#define PAIR() do { free(malloc(5)); free(malloc(6)); } while (0)
#define KEPT_PAIR() do { keep1 = malloc(7); keep2 = malloc(8); } while (0)
void pair(void)
{
	PAIR();
// CHECK-NEXT:macro-alloc.c:[[@LINE-1]]:2: PAIR() [malloc(5) at macro-alloc.c:[[@LINE-5]]:26] does not escape
// CHECK-NEXT:macro-alloc.c:[[@LINE-2]]:2: PAIR() [malloc(6) at macro-alloc.c:[[@LINE-6]]:43] does not escape
	KEPT_PAIR();
// CHECK-NEXT:macro-alloc.c:[[@LINE-1]]:2: KEPT_PAIR() [malloc(7) at macro-alloc.c:[[@LINE-7]]:34] escapes to heap
// CHECK-NEXT:macro-alloc.c:[[@LINE-2]]:2: KEPT_PAIR() [malloc(8) at macro-alloc.c:[[@LINE-8]]:53] escapes to heap
}

// One of the two kept, one deleted.
#define HALF() do { keep1 = malloc(9); free(malloc(10)); } while (0)
void half(void)
{
	HALF();
// CHECK-NEXT:macro-alloc.c:[[@LINE-1]]:2: HALF() [malloc(9) at macro-alloc.c:[[@LINE-4]]:29] escapes to heap
// CHECK-NEXT:macro-alloc.c:[[@LINE-2]]:2: HALF() [malloc(10) at macro-alloc.c:[[@LINE-5]]:45] does not escape
}

// An argument the macro uses twice: two allocations written once.
void twice(void)
{
	TWICE(free(malloc(11)););
// V22-NEXT:macro-alloc.c:[[@LINE-1]]:13: malloc(11) [copy 1 of 2] does not escape
// V22-NEXT:macro-alloc.c:[[@LINE-2]]:13: malloc(11) [copy 2 of 2] does not escape
// V19-NEXT:macro-alloc.c:[[@LINE-3]]:2: TWICE(free(malloc(11));) [malloc(11) at macro-alloc.c:[[@LINE-3]]:13, copy 1 of 2] does not escape
// V19-NEXT:macro-alloc.c:[[@LINE-4]]:2: TWICE(free(malloc(11));) [malloc(11) at macro-alloc.c:[[@LINE-4]]:13, copy 2 of 2] does not escape
}

// Two calls of one macro on one line: each at its own call.
void same_line(void)
{
	free(NEW(short)); free(NEW(short));
// CHECK-NEXT:macro-alloc.c:[[@LINE-1]]:7: NEW(short) does not escape
// CHECK-NEXT:macro-alloc.c:[[@LINE-2]]:25: NEW(short) does not escape
}

// Typed struct copies (docs/design.md): trimmed() copies a struct span
// { char *data; long len, cap; } with a struct assignment (a memcpy that
// clang tags with !tbaa.struct: pointer, long, long) and hands the copy to
// note(), which reads len as a long and passes it to a callback through a
// function pointer (a call that may do anything). The copy's pointer
// member is written as a pointer and its longs as longs, so note()'s long
// read finds what the original's longs carry, not its data pointer:
// fill()'s buffer is demoted. Before the rule the copy was untyped and
// the buffer stayed on the heap, `passed to trimmed, which leaks it`.
//
// publish() is the negative: the same shape, but the struct's second
// member is a union, which clang's !tbaa.struct gives a character type,
// so the copy stays untyped; made() puts its string's address in the
// union's bytes, the callback keeps them, and main prints the string
// after made() returned. A wrong demotion would be a use of a dead frame,
// which ASan with detect_stack_use_after_return reports; the output would
// also differ.
//
// RUN: %e2e %t -O2 -g %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -g -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
//
// CHECK-DAG: typed-struct-copy.c:[[@LINE+59]]:{{[0-9]+}}: remark: malloc(32) does not escape: moved to a 32-byte stack slot
// CHECK-DAG: typed-struct-copy.c:[[@LINE+85]]:{{[0-9]+}}: remark: malloc(16) escapes to heap: passed to publish, which leaks it
//
// Output, by construction: fill(k) writes k letters from 'a' and returns
// their count plus 'a' (97): 98 + 99 + ... + 102 = 500 for k = 1..5; note()
// is called twice per fill with len - 1, adding 2 * (0 + 1 + 2 + 3 + 4) =
// 20; the kept string is "kept".
// OUT: sum 500 total 20
// OUT-NEXT: kept
//
// Allocation calls: 5 buffers and made()'s string; with the plugin, the
// string's only.
// COUNT: alloccount: program=6
// COUNT: alloccount: program=1
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct span {
	char *data;
	long len, cap;
};

/* a struct whose second member is a union: clang's !tbaa.struct gives it
 * a character type */
struct tagged {
	char *name;
	union {
		long n;
		uintptr_t bits;
	} u;
};

static long total;
static uintptr_t kept;
static void add(long n) { total += n; }
static void keep(long n) { kept = (uintptr_t)n; }
/* calls through these may do anything, as far as the analysis knows */
static void (*volatile hook)(long) = add;
static void (*volatile keeper)(long) = keep;

__attribute__((noinline)) static void note(const struct span *s)
{
	hook(s->len);
}

/* A struct assignment, then its address to note(): the typed copy. */
__attribute__((noinline)) static void trimmed(const struct span *s)
{
	struct span t = *s;
	if (t.len > 0)
		t.len--;
	note(&t);
	note(&t);
}

static long fill(int k)
{
	char *buf = malloc(32);
	struct span s = {buf, 0, 32};
	for (int i = 0; i < k && i < 31; i++)
		buf[s.len++] = (char)('a' + i);
	buf[s.len] = 0;
	trimmed(&s);
	long r = (long)strlen(buf) + buf[0];
	free(buf);
	return r;
}

__attribute__((noinline)) static void note_bits(const struct tagged *t)
{
	keeper((long)t->u.n);
}

/* The same shape, but the union's bytes are copied untyped: they carry
 * the address the caller put there. */
__attribute__((noinline)) static void publish(const struct tagged *s)
{
	struct tagged t = *s;
	note_bits(&t);
	note_bits(&t);
}

static void made(void)
{
	char *word = malloc(16);
	struct tagged x = {NULL, {0}};
	strcpy(word, "kept");
	x.u.bits = (uintptr_t)word;
	publish(&x);
}

int main(void)
{
	long sum = 0;
	for (int k = 1; k <= 5; k++)
		sum += fill(k);
	made();
	printf("sum %ld total %ld\n", sum, total);
	printf("%s\n", (char *)kept);
	free((char *)kept);
	return 0;
}

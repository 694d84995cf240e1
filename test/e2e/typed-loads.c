// Typed loads (docs/design.md): a record { long len; char *text; } whose
// text is a block of its own, filled by a helper. The record's len, read
// back as a long after the helper's call, is handed to a callback through
// a function pointer (a call that may do anything, longjmp included, so
// the rule of blocks freed before their function returns cannot help). A
// load tagged `long` cannot read the bytes the pointer-typed store of text
// wrote, so len carries nothing of text: both blocks are demoted in
// measure(). (Without the rule, text was kept: `passed to an indirect
// call`.)
//
// stash() is the negative: text's address is copied into a long array
// with memcpy (legal C: the array's declared type is long) and that long
// is handed to the callback, which keeps it in a global; main reads the
// string through it after stash() returned. A wrong demotion would make
// that a use of a dead frame, which ASan with detect_stack_use_after_return
// reports; the program's output would also differ.
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
// CHECK-DAG: typed-loads.c:[[@LINE+38]]:{{[0-9]+}}: remark: malloc(16) does not escape: moved to a 16-byte stack slot
// CHECK-DAG: typed-loads.c:[[@LINE+40]]:{{[0-9]+}}: remark: malloc(32) does not escape: moved to a 32-byte stack slot
// CHECK-DAG: typed-loads.c:[[@LINE+51]]:{{[0-9]+}}: remark: malloc(24) escapes to heap
//
// Output, by construction: measure(i) formats "item<i>" and reports its
// length: 5 for i = 0..9, 6 for 10..11, summed: 10 * 5 + 2 * 6 = 62.
// stash() copies "kept" and main prints it back through the long.
// OUT: total 62
// OUT-NEXT: kept kept
//
// Allocation calls: 12 records and 12 texts, and stash's one: 25; with the
// plugin, stash's only.
// COUNT: alloccount: program=25
// COUNT: alloccount: program=1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec {
	long len;
	char *text;
};

static long total, last;

static void add_len(long n) { total += n; }
static void keep_long(long n) { last = n; }
static void (*volatile report)(long) = add_len;
static void (*volatile keep)(long) = keep_long;

static __attribute__((noinline)) void fill(struct rec *r, int i)
{
	snprintf(r->text, 32, "item%d", i);
	r->len = (long)strlen(r->text);
}

static __attribute__((noinline)) void measure(int i)
{
	struct rec *r = malloc(sizeof *r);
	if (!r)
		abort();
	r->text = malloc(32);
	if (!r->text)
		abort();
	fill(r, i);
	report(r->len);
	free(r->text);
	free(r);
}

static __attribute__((noinline)) void stash(void)
{
	long word[1];
	char *text = malloc(24);
	if (!text)
		abort();
	strcpy(text, "kept");
	memcpy(word, &text, sizeof text);
	keep(word[0]);
}

int main(void)
{
	for (int i = 0; i < 12; i++)
		measure(i);
	printf("total %ld\n", total);
	stash();
	printf("kept %s\n", (const char *)last);
	free((char *)last);
	return 0;
}

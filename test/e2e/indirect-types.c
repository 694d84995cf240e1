// jq's shape: a function that formats into a malloc'd buffer calls an
// out-of-memory handler through a pointer (never, here: malloc does not
// fail), and is itself reached through pointers of another type (a table
// of commands). An indirect call reaches only functions of its type, so
// format is not on a call cycle and its buffer is demoted (a guarded
// buffer: the size is known at run time; both sides run). The handler and
// the commands are kept as they are. Run with and without the plugin and
// under ASan with detect_stack_use_after_return.
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
// Output, by construction (the first three letters, the length, the sum):
// "hello" is 5 letters, "x" repeated 300 times
// 300; the sum of the letters of "hello" is 104+101+108+108+111 = 532,
// of 300 'x' 300 * 120 = 36000.
// OUT: hel 5 532
// OUT-NEXT: xxx 300 36000
//
// Allocation calls: two; with the plugin the 300-byte one (above the
// 256-byte guarded buffer).
// COUNT: alloccount: program=2
// COUNT: alloccount: program=1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Not static: another file could set it, so the call stays indirect.
void (*oom_handler)(void *);
static void *oom_data;

__attribute__((noinline)) static void on_oom(void *data)
{
	fprintf(stderr, "out of memory (%p)\n", data);
	exit(2);
}

__attribute__((noinline)) static void format(const char *word, int times)
{
	size_t n = strlen(word) * (size_t)times;
	// CHECK: indirect-types.c:[[@LINE+1]]:{{[0-9]+}}: remark: malloc(...) does not escape: stack buffer of 256 bytes, heap above
	char *buf = malloc(n + 1);
	unsigned sum = 0;
	if (!buf) {
		oom_handler(oom_data);
		return;
	}
	buf[0] = '\0';
	for (int i = 0; i < times; i++)
		strcat(buf, word);
	for (size_t i = 0; i < n; i++)
		sum += (unsigned char)buf[i];
	printf("%.3s %zu %u\n", buf, n, sum);
	free(buf);
}

__attribute__((noinline)) static int cmd_hello(int times)
{
	format("hello", times);
	return 0;
}

__attribute__((noinline)) static int cmd_x(int times)
{
	format("x", times * 300);
	return 0;
}

static int (*const commands[])(int) = {cmd_hello, cmd_x};

int main(int argc, char **argv)
{
	(void)argv;
	oom_handler = on_oom;
	/* an index the compiler does not know keeps the calls indirect */
	for (int i = 0; i < 2; i++)
		commands[(i + argc + 1) % 2](argc);
	return 0;
}

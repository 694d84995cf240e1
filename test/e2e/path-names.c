// realpath, dirname and basename keep no pointer to what they are given:
// a buffer realpath fills, freed through its result (jq's jq_realpath), and
// a copy whose directory or base name is taken, freed after (jq's main),
// are demoted. The buffer's size is known only at run time (PATH_MAX here,
// pathconf's in jq): with guard-size 256 it always takes the heap side,
// with guard-size=4096 the stack side; the copies take the stack side when
// short and the heap side for a 301-byte name ("/", 149 x, "/y", 148 x,
// "/": its directory is 150 bytes long, its base name "y" and 148 x).
// realpath(path, NULL)'s own block is freed as before. The output is the same in every build and
// under ASan with detect_stack_use_after_return.
//
// RUN: %clang -O2 %s -o %t.plain
// RUN: %clang -O2 -fpass-plugin=%plugin %s -o %t.h2s
// RUN: %clang -O2 -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-options=guard-size=4096 %s -o %t.h2s4k
// RUN: %t.plain > %t.plain.out
// RUN: %t.h2s > %t.h2s.out
// RUN: %t.h2s4k > %t.h2s4k.out
// RUN: diff %t.plain.out %t.h2s.out
// RUN: diff %t.plain.out %t.h2s4k.out
// RUN: FileCheck --check-prefix=OUT %s < %t.plain.out
// RUN: %clang -O2 -fsanitize=address -fpass-plugin=%plugin %s -o %t.asan
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t.asan > %t.asan.out
// RUN: diff %t.plain.out %t.asan.out
// RUN: %clang -O2 -fsanitize=address -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-options=guard-size=4096 %s -o %t.asan4k
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t.asan4k > %t.asan4k.out
// RUN: diff %t.plain.out %t.asan4k.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s4k > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
//
// The program's own mallocs are resolve's three buffers (strdup's and
// realpath's allocate inside libc): 3, 3 on the heap side of a 256-byte
// buffer, 0 with 4096-byte ones.
// COUNT: alloccount: program=3
// COUNT-NEXT: alloccount: program=3
// COUNT-NEXT: alloccount: program=0
//
// OUT: resolve 1 -1 4 parent 4 1 1 150 base 1 149 fresh 1
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOINLINE __attribute__((noinline))

NOINLINE static int resolve(const char *path, size_t n)
{
	// CHECK-DAG: path-names.c:[[@LINE+1]]:{{[0-9]+}}: remark: malloc(...) does not escape: stack buffer of 256 bytes, heap above
	char *buf = malloc(n);
	char *t;
	int len;
	if (!buf)
		return -1;
	t = realpath(path, buf);
	if (!t) {
		free(buf);
		return -1;
	}
	len = (int)strlen(t);
	free(t);
	return len;
}

NOINLINE static int parent_len(const char *s)
{
	// CHECK-DAG: path-names.c:[[@LINE+1]]:{{[0-9]+}}: remark: strdup(...) does not escape: stack buffer of 256 bytes, heap above
	char *c = strdup(s);
	int len;
	if (!c)
		return -1;
	len = (int)strlen(dirname(c));
	free(c);
	return len;
}

NOINLINE static int base_len(const char *s)
{
	// CHECK-DAG: path-names.c:[[@LINE+1]]:{{[0-9]+}}: remark: strdup(...) does not escape: stack buffer of 256 bytes, heap above
	char *c = strdup(s);
	int len;
	if (!c)
		return -1;
	len = (int)strlen(basename(c));
	free(c);
	return len;
}

NOINLINE static int fresh(const char *path)
{
	char *r = realpath(path, NULL);
	int len = r ? (int)strlen(r) : -1;
	free(r);
	return len;
}

int main(void)
{
	volatile size_t pm = PATH_MAX;
	char deep[302];
	deep[0] = '/';
	memset(deep + 1, 'x', 299);
	deep[300] = '/';
	deep[301] = '\0';
	memcpy(deep + 150, "/y", 2);
	printf("resolve %d %d %d", resolve("/", pm),
	       resolve("/nonexistent-heap2stack/x", pm),
	       resolve("/usr/../tmp", pm));
	printf(" parent %d %d %d %d", parent_len("/a/b/c"), parent_len("plain"),
	       parent_len("/"), parent_len(deep));
	printf(" base %d %d", base_len("/a/b/c"), base_len(deep));
	printf(" fresh %d\n", fresh("/"));
	return 0;
}

// Frees on some paths only. keep_long() frees its copy on one path and
// stores it in a global on the other: it escapes, so it stays on the heap.
// checked_copy() frees its buffer on each of two paths through two different
// free calls: it never escapes and is demoted (both frees go away).
//
// RUN: %e2e %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
// RUN: grep remark: %t.rem | count 2
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *long_words[4];
int n_long;

static __attribute__((noinline)) int keep_long(const char *w)
{
	// CHECK-DAG: free_paths.c:[[@LINE+1]]:{{[0-9]+}}: remark: {{.*}}[-Rpass-missed=heap2stack]
	char *copy = malloc(16);
	if (!copy)
		abort();
	snprintf(copy, 16, "%s", w);
	if (strlen(copy) > 4 && n_long < 4) {
		long_words[n_long++] = copy;
		return 1;
	}
	printf("short: %s\n", copy);
	free(copy);
	return 0;
}

static __attribute__((noinline)) int checked_copy(const char *w)
{
	// CHECK-DAG: free_paths.c:[[@LINE+1]]:{{[0-9]+}}: remark: {{.*}}[-Rpass=heap2stack]
	char *buf = malloc(16);
	if (!buf)
		return -1;
	snprintf(buf, 16, "<%s>", w);
	if (buf[1] == 'x') {
		printf("rejected %s\n", buf);
		free(buf);
		return 0;
	}
	printf("accepted %s\n", buf);
	free(buf);
	return 1;
}

int main(void)
{
	static const char *const words[] = {"fig", "banana", "xylophone", "kiwi",
					    "cherry"};
	int kept = 0, accepted = 0;
	for (int i = 0; i < 5; i++) {
		kept += keep_long(words[i]);
		accepted += checked_copy(words[i]);
	}
	for (int i = 0; i < n_long; i++) {
		printf("long: %s\n", long_words[i]);
		free(long_words[i]);
	}
	printf("kept %d accepted %d\n", kept, accepted);
	return 0;
}

// OUT: short: fig
// OUT: rejected <xylophone>
// OUT: long: banana
// OUT: long: xylophone
// OUT: long: cherry
// OUT: kept 3 accepted 4
// COUNT: alloccount: program=10 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=5 all={{[0-9]+}}

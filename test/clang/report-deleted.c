// The clang pipeline's report (-escape-report) says, like escape-report,
// that an allocation LLVM deleted before heap2stack ran does not escape:
// the snapshot the plugin takes where the pipeline starts has it, the
// module no longer does. `gone` (its malloc folded away) and `helper`
// (inlined into `inlined` and deleted there; the static function itself
// is gone) are reported where they are written; `kept` is not deleted.
// Without -escape-report (and no remark reader) no snapshot is taken, and
// the object file is the same.
//
// RUN: %clang -O2 -g -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-report=- -c %s -o %t.report.o 2>&1 | FileCheck --check-prefix=REPORT --match-full-lines %s
// RUN: %clang -O2 -g -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-options=verbose -mllvm -escape-report=- -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=VERBOSE %s
// RUN: %clang -O2 -g -fpass-plugin=%plugin -c %s -o %t.plain.o
// RUN: cmp %t.report.o %t.plain.o
// RUN: %clang -O2 -g -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-report=%t.txt -S -emit-llvm %s -o - | FileCheck --check-prefix=IR %s
//
// REPORT:      {{.*}}report-deleted.c:[[#@LINE+12]]:11: malloc(4) does not escape
// REPORT-NEXT: {{.*}}report-deleted.c:[[#@LINE+20]]:9: malloc(8) escapes to heap
// REPORT-NEXT: {{.*}}report-deleted.c:[[#@LINE+24]]:12: malloc(...) does not escape
// REPORT-NOT:  {{.}}
// VERBOSE: malloc(4) does not escape: no allocation left: LLVM's optimisations deleted it before heap2stack ran
// IR-NOT: heap2stack.sites
#include <stdlib.h>

extern void *keep;

int gone(int n)
{
	int *p = malloc(sizeof *p);
	*p = n;
	int v = *p;
	free(p);
	return v;
}

void kept(void)
{
	keep = malloc(8);
}

static int helper(int n)
{
	char *b = malloc((unsigned)n + 1);
	b[0] = (char)n;
	int v = b[0];
	free(b);
	return v;
}

int inlined(int n)
{
	return helper(n);
}

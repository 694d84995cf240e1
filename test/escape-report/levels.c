// -O1, -O2 (the default), -O3, -Os, -Oz and -Og build at that level: the
// report is what heap2stack decides in that build (-O0 is refused:
// bad-input.c). At -O3 LLVM passes use()'s bytes by
// value (argument promotion), then deletes the 8192-byte buffer that stays
// on the heap (too large) at -O2. ESCAPE_REPORT_VERBOSE=1 prints the clang
// command.
//
// RUN: cd %S && %escape_report levels.c | FileCheck %s --check-prefix=O2 --match-full-lines
// O2:levels.c:[[#]]:54: s does not escape
// O2-NEXT:levels.c:[[#]]:12: malloc(8192) escapes to heap
// O2-NOT:{{.}}
//
// RUN: cd %S && %escape_report -O3 levels.c | FileCheck %s --check-prefix=O3 --match-full-lines
// O3:levels.c:[[#]]:12: malloc(8192) does not escape
// O3-NOT:{{.}}
//
// RUN: cd %S && env ESCAPE_REPORT_VERBOSE=1 %escape_report -Os levels.c 2>&1 | FileCheck %s --check-prefix=OS
// OS:escape-report: {{.*}}/clang {{.*}}-Os -g -fplugin={{.*}}
// OS:levels.c:[[#]]:12: malloc(8192) escapes to heap
// RUN: cd %S && env ESCAPE_REPORT_VERBOSE=1 %escape_report -Oz levels.c 2>&1 | FileCheck %s --check-prefix=OZ
// OZ:escape-report: {{.*}}/clang {{.*}}-Oz -g -fplugin={{.*}}
// OZ:levels.c:[[#]]:12: malloc(8192) escapes to heap
// RUN: cd %S && env ESCAPE_REPORT_VERBOSE=1 %escape_report -Og levels.c 2>&1 | FileCheck %s --check-prefix=OG
// OG:escape-report: {{.*}}/clang {{.*}}-Og -g -fplugin={{.*}}
// OG:levels.c:[[#]]:12: malloc(8192) escapes to heap
//
// -m -m is -m=2, as in Go; -m=1 is -m.
// RUN: cd %S && %escape_report -m -m report-m2.c > %t.mm
// RUN: cd %S && %escape_report -m=2 report-m2.c > %t.m2
// RUN: diff %t.mm %t.m2
// RUN: FileCheck --check-prefix=EXPLAINED %s < %t.mm
// EXPLAINED: escapes to heap:
// RUN: cd %S && %escape_report -m=1 levels.c > %t.m1
// RUN: cd %S && %escape_report -m levels.c > %t.m
// RUN: diff %t.m1 %t.m
//
// RUN: %escape_report --version | FileCheck --check-prefix=VERSION %s
// VERSION: escape-report (heap2stack {{[0-9]+\.[0-9]+\.[0-9]+}}, LLVM [[#]])
//
// RUN: cd %S && env ESCAPE_REPORT_VERBOSE=1 %escape_report -O1 levels.c 2>&1 | FileCheck %s --check-prefix=O1
// O1:escape-report: {{.*}}/clang {{.*}}-O1 -g -fplugin={{.*}} -fpass-plugin={{.*}} -foptimization-record-file={{.*}} -fsave-optimization-record=yaml -foptimization-record-passes=^heap2stack$ {{.*}}-c -emit-llvm -o /dev/null levels.c
// O1:levels.c:[[#]]:12: malloc(8192) escapes to heap
#include <stdlib.h>

static __attribute__((noinline)) int use(const char *s)
{
	return s[0] + s[31];
}

int large(void)
{
	char *b = malloc(8192);
	b[0] = 1;
	b[31] = 2;
	int r = use(b);
	free(b);
	return r;
}

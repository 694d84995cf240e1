// escape-report --profile: each allocation carries what heap2stack-profile
// measured at run time, and the allocations that ran come first, those
// most often freed in their frame first; the rest follow by position. Counts by construction: scratch()
// runs 6 times, its buffer freed in it; keep() runs 4 times, its block
// returned and freed by main (the caller); never() does not run.
//
// RUN: %clang -O2 -g -finstrument-functions-after-inlining %s -o %t
// RUN: %h2s_profile run -o %t.prof -- %t
// RUN: cd %S && %escape_report --profile=%t.prof profile.c | FileCheck %s --match-full-lines
// RUN: cd %S && %escape_report -json --profile %t.prof profile.c | FileCheck %s --check-prefix=JSON
// RUN: cd %S && %escape_report -json --profile %t.prof profile.c > %t.json
// RUN: cd %S && %escape_report -sarif --profile %t.prof profile.c > %t.sarif
// RUN: FileCheck %s --check-prefix=SARIF < %t.sarif
// RUN: %validate_json %h2s_src/docs/escape-report.schema.json %t.json
// RUN: %validate_json %sarif_schema %t.sarif
// RUN: cd %S && not %escape_report --profile=%t.missing profile.c 2>&1 | FileCheck %s --check-prefix=MISSING
// -html: the run-time words after each heap allocation of the index, in
// the same order.
// RUN: rm -rf %t.html && cd %S && %escape_report -html %t.html --profile=%t.prof profile.c
// RUN: %dom %t.html/index.html | %page_text | FileCheck %s --check-prefix=HTML --match-full-lines
// HTML:Heap allocations
// HTML-NEXT:[heap] profile.c:{{[0-9]+}}:{{[0-9]+}}[->profile.c.html#F1]: malloc(n) escapes to heap (run: 6 calls, 100% freed in its frame)
// HTML-NEXT:[heap] profile.c:{{[0-9]+}}:{{[0-9]+}}[->profile.c.html#F2]: malloc(16) escapes to heap (run: 4 calls, 0% freed in its frame, 100% in the caller's)
// HTML-NEXT:[heap] profile.c:{{[0-9]+}}:{{[0-9]+}}[->profile.c.html#F4]: malloc(8) escapes to heap
// RUN: cd %S && not %escape_report --profile= profile.c 2>&1 | FileCheck %s --check-prefix=EMPTY
//
// CHECK:      profile.c:{{[0-9]+}}:{{[0-9]+}}: malloc(n) escapes to heap (run: 6 calls, 100% freed in its frame)
// CHECK-NEXT: profile.c:{{[0-9]+}}:{{[0-9]+}}: malloc(16) escapes to heap (run: 4 calls, 0% freed in its frame, 100% in the caller's)
// CHECK-NEXT: profile.c:{{[0-9]+}}:{{[0-9]+}}: leaking param: p
// CHECK-NEXT: profile.c:{{[0-9]+}}:{{[0-9]+}}: malloc(8) escapes to heap
// JSON: "expression": "malloc(n)", {{.*}}"run": {"allocations": 6, "k0": 6, "k1": 0, "k2": 0, "k3": 0, "outlived": 0, "unfreed": 0}
// JSON: "expression": "malloc(16)", {{.*}}"run": {"allocations": 4, "k0": 0, "k1": 4, "k2": 0, "k3": 0, "outlived": 0, "unfreed": 0}
// JSON: "expression": "malloc(8)", {{.*}}"run": null
// SARIF: "message": {"text": "malloc(n) escapes to heap: {{.*}}"properties": {"allocator": "malloc", "run": {"allocations": 6, "k0": 6, "k1": 0, "k2": 0, "k3": 0, "outlived": 0, "unfreed": 0}}}
// SARIF: "message": {"text": "malloc(16) escapes to heap: {{.*}}"properties": {"allocator": "malloc", "size": 16, "run": {"allocations": 4, "k0": 0, "k1": 4, "k2": 0, "k3": 0, "outlived": 0, "unfreed": 0}}}
// SARIF: "message": {"text": "malloc(8) escapes to heap: {{.*}}"properties": {"allocator": "malloc", "size": 8, "run": null}}
// MISSING: escape-report: error: cannot read {{.*}}.missing: No such file or directory
// EMPTY: escape-report: error: --profile: empty file name (see 'escape-report --help')
#include <stdlib.h>

__attribute__((noinline)) void fill(char *p, int n)
{
	__asm__ volatile("" : : "r"(p), "r"(n) : "memory");
}

__attribute__((noinline)) int scratch(int n)
{
	char *p = malloc(n);
	fill(p, n);
	free(p);
	return n;
}

__attribute__((noinline)) char *keep(void)
{
	char *p = malloc(16);
	fill(p, 16);
	return p;
}

__attribute__((noinline)) char *never(void)
{
	char *p = malloc(8);
	fill(p, 8);
	return p;
}

volatile int zero;

int main(void)
{
	int s = 0;
	for (int i = 1; i <= 6; i++)
		s += scratch(i);
	for (int i = 0; i < 4; i++)
		free(keep());
	if (zero)
		free(never());
	return s == 21 ? 0 : 1;
}

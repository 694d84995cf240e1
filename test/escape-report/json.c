// escape-report -json: a JSON array, one object per finding, one per line
// (docs/escape-report.md lists the fields). Strings are JSON-escaped: the
// expression below holds quotes and a backslash.
//
// RUN: cd %S && %escape_report -json json.c > %t.out 2> %t.err
// RUN: FileCheck %s --match-full-lines --strict-whitespace < %t.out
// RUN: count 8 < %t.out
// RUN: count 0 < %t.err
// RUN: python3 -m json.tool %t.out > /dev/null
// -json wins over -m=2; a file with nothing to report gives [].
// RUN: cd %S && %escape_report -m=2 -json json.c | FileCheck %s --match-full-lines --strict-whitespace
// RUN: cd %S && %escape_report -json Inputs/empty.c | FileCheck %s --check-prefix=EMPTY --match-full-lines
// EMPTY:[]
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *saved;

static __attribute__((noinline)) int use(const char *s)
{
	return s[0] + s[8];
}

void save(void)
{
	char *s = malloc(strlen("tab\there") + 1);
	strcpy(s, "tab\there");
	saved = s;
}

int scratch(void)
{
	char *t = malloc(16);
	t[0] = 1;
	t[8] = 2;
	int r = use(t);
	free(t);
	return r;
}

int gone(void)
{
	int *g = malloc(sizeof *g);
	*g = 3;
	int v = *g;
	free(g);
	return v;
}

void leak(int *p)
{
	int x = *p;
	saved = (char *)&x;
}

// CHECK:[
// CHECK-NEXT:  {"file": "json.c", "line": 20, "column": 54, "function": "use", "kind": "parameter", "expression": "s", "verdict": "none", "message": "s does not escape", "size": null, "allocator": null, "reason": null, "detail": null, "level": null, "inlined_from": null, "flow": []},
// CHECK-NEXT:  {"file": "json.c", "line": 27, "column": 12, "function": "save", "kind": "allocation", "expression": "malloc(strlen(\"tab\\there\") + 1)", "verdict": "heap", "message": "malloc(strlen(\"tab\\there\") + 1) escapes to heap", "size": 9, "allocator": "malloc", "reason": "escapes", "detail": "stored to global saved at json.c:29:8", "level": null, "inlined_from": null, "flow": [{"why": "spill", "dst": "s", "src": "{storage}", "file": "json.c", "line": 27, "column": 12, "text": "malloc(strlen(\"tab\\there\") + 1)"}, {"why": "assign", "dst": "{heap}", "src": "s", "file": "json.c", "line": 29, "column": 8, "text": "saved = s"}]},
// CHECK-NEXT:  {"file": "json.c", "line": 34, "column": 12, "function": "scratch", "kind": "allocation", "expression": "malloc(16)", "verdict": "stack", "message": "malloc(16) does not escape", "size": 16, "allocator": "malloc", "reason": "demote", "detail": "moved to a 16-byte stack slot", "level": null, "inlined_from": null, "flow": []},
// CHECK-NEXT:  {"file": "json.c", "line": 44, "column": 11, "function": "gone", "kind": "allocation", "expression": "malloc(sizeof *g)", "verdict": "stack", "message": "malloc(sizeof *g) does not escape", "size": null, "allocator": "malloc", "reason": "deleted", "detail": "no allocation left: LLVM's optimisations deleted it before heap2stack ran", "level": null, "inlined_from": null, "flow": []},
// CHECK-NEXT:  {"file": "json.c", "line": 51, "column": 16, "function": "leak", "kind": "parameter", "expression": "p", "verdict": "none", "message": "p does not escape", "size": null, "allocator": null, "reason": null, "detail": null, "level": null, "inlined_from": null, "flow": []},
// CHECK-NEXT:  {"file": "json.c", "line": 53, "column": 6, "function": "leak", "kind": "address", "expression": "x", "verdict": "escapes", "message": "address of x escapes", "size": null, "allocator": null, "reason": "escapes", "detail": "stored to global saved at json.c:54:8", "level": null, "inlined_from": null, "flow": []}
// CHECK-NEXT:]
//
// Source bytes that are not UTF-8 (a Latin-1 comment in the expression)
// become U+FFFD, well-formed UTF-8 stays: the document is valid JSON.
// RUN: rm -rf %t.d && mkdir -p %t.d
// RUN: printf '#include <stdlib.h>\nvoid *keep;\nvoid f(void) { keep = malloc(8 /* caf\351 \303\251 \355\240\200 */); }\n' > %t.d/latin1.c
// RUN: %escape_report -json %t.d/latin1.c > %t.d/out.json
// RUN: python3 -c 'import json, sys; d = json.load(open(sys.argv[1], encoding="utf-8")); print(d[0]["expression"].encode("ascii", "backslashreplace").decode())' %t.d/out.json | FileCheck %s --check-prefix=LATIN1
// LATIN1: malloc(8 /* caf\ufffd \xe9 \ufffd\ufffd\ufffd */)

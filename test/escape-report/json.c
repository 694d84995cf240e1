// escape-report -json: one JSON object, the format's version, heap2stack's
// version, the LLVM release and the options, then the findings, one object
// per line (docs/escape-report.md lists the fields). Strings are
// JSON-escaped: the expression below holds quotes and a backslash.
//
// RUN: cd %S && %escape_report -json json.c > %t.out 2> %t.err
// RUN: FileCheck %s --match-full-lines --strict-whitespace < %t.out
// RUN: count 10 < %t.out
// RUN: count 0 < %t.err
// RUN: python3 -m json.tool %t.out > /dev/null
// -json wins over -m=2; a file with nothing to report has no findings.
// RUN: cd %S && %escape_report -m=2 -json json.c | FileCheck %s --match-full-lines --strict-whitespace
// RUN: cd %S && %escape_report -json Inputs/empty.c > %t.empty
// RUN: FileCheck %s --check-prefix=EMPTY --match-full-lines < %t.empty
// EMPTY: "findings": []}
//
// The options: what the command line gave, and each input with its level
// (null: it could not be reported).
// RUN: cd %S && %escape_report -json -O3 --timeout=7 --fail-on-heap='^s' json.c missing.c -- -DX=1 > %t.opt 2> /dev/null || true
// RUN: FileCheck %s --check-prefix=OPTIONS --match-full-lines < %t.opt
// OPTIONS: "options": {"optimization": "-O3", "compile_commands": null, "clang_args": ["-DX=1"], "fail_on_heap": "^s", "profiles": [], "timeout": 7, "inputs": [{"file": "json.c", "level": "-O3"}, {"file": "missing.c", "level": null}]},
//
// The document validates against docs/escape-report.schema.json: these
// outputs, and a deliberately broken one (a finding's kind misspelled, a
// line that is a string, a field missing), which must not.
// RUN: %validate_json %h2s_src/docs/escape-report.schema.json %t.out %t.empty %t.opt | FileCheck %s --check-prefix=VALID
// VALID: {{.*}}.out: valid
// VALID: {{.*}}.empty: valid
// VALID: {{.*}}.opt: valid
// RUN: sed -e '0,/"kind": "parameter"/s//"kind": "param"/' -e 's/"line": 48,/"line": "48",/' -e 's/"tool": "escape-report", //' %t.out > %t.bad
// RUN: not %validate_json %h2s_src/docs/escape-report.schema.json %t.bad | FileCheck %s --check-prefix=INVALID
// INVALID-DAG: not valid: 'tool' is a required property at /
// INVALID-DAG: not valid: 'param' is not one of ['allocation', 'parameter', 'address'] at /findings/0/kind
// INVALID-DAG: not valid: '48' is not of type 'integer' at /findings/1/line
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

// CHECK:{"version": 1, "tool": "escape-report", "heap2stack": "{{[0-9]+\.[0-9]+\.[0-9]+}}", "llvm": [[#]],
// CHECK-NEXT: "options": {"optimization": null, "compile_commands": null, "clang_args": [], "fail_on_heap": null, "profiles": [], "timeout": 600, "inputs": [{"file": "json.c", "level": "-O2"}]},
// CHECK-NEXT: "findings": [
// CHECK-NEXT:  {"file": "json.c", "line": 41, "column": 54, "function": "use", "kind": "parameter", "expression": "s", "verdict": "none", "message": "s does not escape", "size": null, "allocator": null, "reason": null, "detail": null, "level": null, "inlined_from": null, "flow": []},
// CHECK-NEXT:  {"file": "json.c", "line": 48, "column": 12, "function": "save", "kind": "allocation", "expression": "malloc(strlen(\"tab\\there\") + 1)", "verdict": "heap", "message": "malloc(strlen(\"tab\\there\") + 1) escapes to heap", "size": 9, "allocator": "malloc", "reason": "escapes", "detail": "stored to global saved at json.c:50:8", "level": null, "inlined_from": null, "flow": [{"why": "spill", "dst": "s", "src": "{storage}", "file": "json.c", "line": 48, "column": 12, "text": "malloc(strlen(\"tab\\there\") + 1)"}, {"why": "assign", "dst": "{heap}", "src": "s", "file": "json.c", "line": 50, "column": 8, "text": "saved = s"}]},
// CHECK-NEXT:  {"file": "json.c", "line": 55, "column": 12, "function": "scratch", "kind": "allocation", "expression": "malloc(16)", "verdict": "stack", "message": "malloc(16) does not escape", "size": 16, "allocator": "malloc", "reason": "demote", "detail": "moved to a 16-byte stack slot", "level": null, "inlined_from": null, "flow": []},
// CHECK-NEXT:  {"file": "json.c", "line": 65, "column": 11, "function": "gone", "kind": "allocation", "expression": "malloc(sizeof *g)", "verdict": "stack", "message": "malloc(sizeof *g) does not escape", "size": 4, "allocator": "malloc", "reason": "deleted", "detail": "no allocation left: LLVM's optimisations deleted it before heap2stack ran", "level": null, "inlined_from": null, "flow": []},
// CHECK-NEXT:  {"file": "json.c", "line": 72, "column": 16, "function": "leak", "kind": "parameter", "expression": "p", "verdict": "none", "message": "p does not escape", "size": null, "allocator": null, "reason": null, "detail": null, "level": null, "inlined_from": null, "flow": []},
// CHECK-NEXT:  {"file": "json.c", "line": 74, "column": 6, "function": "leak", "kind": "address", "expression": "x", "verdict": "escapes", "message": "address of x escapes", "size": null, "allocator": null, "reason": "escapes", "detail": "stored to global saved at json.c:75:8", "level": null, "inlined_from": null, "flow": []}
// CHECK-NEXT:]}
//
// Source bytes that are not UTF-8 (a Latin-1 comment in the expression)
// become U+FFFD, well-formed UTF-8 stays: the document is valid JSON.
// RUN: rm -rf %t.d && mkdir -p %t.d
// RUN: printf '#include <stdlib.h>\nvoid *keep;\nvoid f(void) { keep = malloc(8 /* caf\351 \303\251 \355\240\200 */); }\n' > %t.d/latin1.c
// RUN: %escape_report -json %t.d/latin1.c > %t.d/out.json
// RUN: python3 -c 'import json, sys; d = json.load(open(sys.argv[1], encoding="utf-8")); print(d["findings"][0]["expression"].encode("ascii", "backslashreplace").decode())' %t.d/out.json | FileCheck %s --check-prefix=LATIN1
// LATIN1: malloc(8 /* caf\ufffd \xe9 \ufffd\ufffd\ufffd */)

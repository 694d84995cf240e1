#include <stdlib.h>

int *sink;

void leak(int *p)
{
	sink = p;
}

void content(int **c)
{
	int *v = *c;
	sink = v;
}

void deep(int ***d)
{
	sink = **d;
}

int *ret(int *r)
{
	return r;
}

void freed(int *f)
{
	free(f);
}

void none(int *n)
{
	*n = 1;
}

// escape-report -m=2 explains a parameter whose form a flow makes, as Go's
// -m=2 does: "parameter p leaks to SINK with derefs=N:", the flow from
// the parameter to the sink, then the parameter's line. derefs is the level
// that leaks: 0 the pointer itself, 1 what is stored where it points
// (content), 2 one deref further; the result form's sink is ~r0. A form no
// flow makes (f is freed) and a parameter that does not escape have no
// block. Each line below was checked by hand against the code above:
// columns are the parameter's name, an assignment's `=`, the outer `*` of
// a dereference, `return`. (The code stays on top so that its lines do
// not move.)
//
// RUN: cd %S && %escape_report -m=2 param-flow.c > %t.out 2> %t.err
// RUN: FileCheck %s --match-full-lines --strict-whitespace < %t.out
// RUN: count 0 < %t.err
// CHECK:param-flow.c:5:16: parameter p leaks to {heap} with derefs=0:
// CHECK-NEXT:param-flow.c:5:16:   flow: {heap} = p:
// CHECK-NEXT:param-flow.c:5:16:     from sink = p (assign) at param-flow.c:7:7
// CHECK-NEXT:param-flow.c:5:16: leaking param: p
// CHECK-NEXT:param-flow.c:10:20: parameter c leaks to {heap} with derefs=1:
// CHECK-NEXT:param-flow.c:10:20:   flow: v = *c:
// CHECK-NEXT:param-flow.c:10:20:     from *c (indirection) at param-flow.c:12:11
// CHECK-NEXT:param-flow.c:10:20:   flow: {heap} = v:
// CHECK-NEXT:param-flow.c:10:20:     from sink = v (assign) at param-flow.c:13:7
// CHECK-NEXT:param-flow.c:10:20: leaking param content: c
// CHECK-NEXT:param-flow.c:16:18: parameter d leaks to {heap} with derefs=2:
// CHECK-NEXT:param-flow.c:16:18:   flow: {heap} = **d:
// CHECK-NEXT:param-flow.c:16:18:     from **d (indirection) at param-flow.c:18:9
// CHECK-NEXT:param-flow.c:16:18:     from sink = **d (assign) at param-flow.c:18:7
// CHECK-NEXT:param-flow.c:16:18: leaking param content: d
// CHECK-NEXT:param-flow.c:21:15: parameter r leaks to ~r0 with derefs=0:
// CHECK-NEXT:param-flow.c:21:15:   flow: ~r0 = r:
// CHECK-NEXT:param-flow.c:21:15:     from return r (return) at param-flow.c:23:2
// CHECK-NEXT:param-flow.c:21:15: leaking param: r to result ~r0 level=0
// CHECK-NEXT:param-flow.c:26:17: leaking param: f
// CHECK-NEXT:param-flow.c:31:16: n does not escape
// CHECK-EMPTY:
//
// -m prints the lines without the blocks.
// RUN: cd %S && %escape_report param-flow.c | FileCheck %s --check-prefix=M1 --implicit-check-not=flow: --implicit-check-not=parameter
// M1: param-flow.c:5:16: leaking param: p
// M1: param-flow.c:10:20: leaking param content: c
//
// -json gives a parameter's steps in its "flow", as an allocation's; the
// document still validates against the schema.
// RUN: cd %S && %escape_report -json param-flow.c > %t.json
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// RUN: %validate_json %h2s_src/docs/escape-report.schema.json %t.json
// JSON: "expression": "c", "verdict": "content", {{.*}} "flow": [{"why": "indirection", "dst": "v", "src": "c", "file": "param-flow.c", "line": 12, "column": 11, "text": "*c"}, {"why": "assign", "dst": "{heap}", "src": "v", "file": "param-flow.c", "line": 13, "column": 7, "text": "sink = v"}]},
// JSON: "expression": "f", "verdict": "leak", {{.*}} "flow": []},
//
// -html shows a parameter's steps in its details, as an allocation's.
// RUN: rm -rf %t.html && cd %S && %escape_report -html %t.html param-flow.c > /dev/null
// RUN: FileCheck %s --check-prefix=HTML < %t.html/param-flow.c.html
// HTML: leaking param content: c</summary>
// HTML: <ol class="flow">
// HTML-NEXT: <li>from <code>*c</code> (indirection) at <a href="param-flow.c.html#L12">param-flow.c:12:11</a> &#x2192; <code>v</code></li>
// HTML-NEXT: <li>from <code>sink = v</code> (assign) at <a href="param-flow.c.html#L13">param-flow.c:13:7</a> &#x2192; <code>{heap}</code></li>

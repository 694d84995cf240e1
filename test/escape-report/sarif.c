// escape-report -sarif (the RUN lines follow the code: its lines are fixed)
#include <stdlib.h>

char *kept;

static __attribute__((noinline)) int use(const char *s)
{
	return s[0] + s[31];
}

void hot_keep(void)
{
	char *b = malloc(32);
	b[0] = 1;
	kept = b;
}

int *give(void)
{
	int *p = malloc(sizeof *p);
	*p = 7;
	return p;
}

int local(void)
{
	char *s = malloc(32);
	s[0] = 1;
	s[31] = 2;
	int r = use(s);
	free(s);
	return r;
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

// One SARIF 2.1.0 log for all the files: one result per allocation that
// stays on the heap, its rule the reason code, level "error" for
// --fail-on-heap's hits and "warning" for the others; allocations moved to
// the stack (local's), parameters and addresses are no results.
//
// RUN: cd %S && not %escape_report -sarif --fail-on-heap='^hot_' sarif.c Inputs/sarif-inline.c > %t.sarif 2> %t.err
// RUN: FileCheck %s --input-file=%t.sarif --implicit-check-not='does not escape'
// RUN: FileCheck %s --check-prefix=GATE --input-file=%t.err
// GATE: sarif.c:13:12: malloc(32) escapes to heap in hot_keep, which matches --fail-on-heap=^hot_
//
// CHECK:{"$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
// CHECK-NEXT: "version": "2.1.0",
// CHECK: "tool": {"driver": {"name": "escape-report", "fullName": "escape-report (heap2stack {{[0-9.]+}}, LLVM [[#]])", "version": "{{[0-9]+\.[0-9]+\.[0-9]+}}"
// CHECK: "rules": [
// CHECK-NEXT: {"id": "escapes", "shortDescription": {"text": "heap allocation: escapes its function"},
// CHECK-NEXT: {"id": "dynamic-size", "shortDescription": {"text": "heap allocation: non-constant size"},
// CHECK-NEXT: {"id": "too-large", "shortDescription": {"text": "heap allocation: too large for stack"},
// CHECK: {"id": "bad-align", "shortDescription": {"text": "heap allocation: unsupported alignment"},
// CHECK: {"id": "freed-by-callee", "shortDescription": {"text": "heap allocation: freed by a callee not inlined"}, {{.*}}}]}},
// CHECK-NEXT: "invocations": [{"executionSuccessful": true, "exitCode": 3, "arguments": ["-sarif", "--fail-on-heap=^hot_", "sarif.c", "Inputs/sarif-inline.c"], "workingDirectory": {"uri": "file:///{{.*}}/escape-report/"},
// CHECK-NEXT: "properties": {"options": {"optimization": null, {{.*}} "fail_on_heap": "^hot_", {{.*}} "inputs": [{"file": "sarif.c", "level": "-O2"}, {"file": "Inputs/sarif-inline.c", "level": "-O2"}]}}}],
// CHECK-NEXT: "originalUriBaseIds": {"%SRCROOT%": {"uri": "file:///{{.*}}/escape-report/"}},
// CHECK-NEXT: "columnKind": "unicodeCodePoints",
// CHECK-NEXT: "results": [
//
// Inlined code: at the call, with where the allocation is written.
// CHECK-NEXT: {"ruleId": "escapes", "ruleIndex": 0, "level": "warning", "message": {"text": "make() escapes to heap: stored to global list at Inputs/sarif-inline.c:14:7"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "Inputs/sarif-inline.c", "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 14, "startColumn": 9}}, "logicalLocations": [{"fullyQualifiedName": "push", "kind": "function"}]}], "relatedLocations": [{"physicalLocation": {"artifactLocation": {"uri": "Inputs/sarif-inline.c", "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 9, "startColumn": 9}}, "message": {"text": "malloc(24), inlined into push"}}], "codeFlows": [{"threadFlows": [{"locations": [{"location": {{.*}}"message": {"text": "from malloc(24) (spill)"}}}, {"location": {{.*}}"message": {"text": "from list = make() (assign)"}}}]}]}], "properties": {"allocator": "malloc", "size": 24}},
// CHECK-NEXT: {"ruleId": "escapes", "ruleIndex": 0, "level": "error", "message": {"text": "malloc(32) escapes to heap: stored to global kept at sarif.c:15:7 (in hot_keep, which matches --fail-on-heap=^hot_)"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "sarif.c", "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 13, "startColumn": 12}}, "logicalLocations": [{"fullyQualifiedName": "hot_keep", "kind": "function"}]}], "codeFlows": [{"threadFlows": [{"locations": [
// CHECK-NEXT: {"ruleId": "escapes", "ruleIndex": 0, "level": "warning", "message": {"text": "malloc(sizeof *p) escapes to heap: returned at sarif.c:22:2"}, {{.*}}"region": {"startLine": 20, "startColumn": 11}}, "logicalLocations": [{"fullyQualifiedName": "give", "kind": "function"}]}], "codeFlows": [
// A reason that is not a flow: its rule, and no code flow.
// CHECK-NEXT: {"ruleId": "too-large", "ruleIndex": 2, "level": "warning", "message": {"text": "malloc(8192) escapes to heap: too large for stack: 8192 bytes > max-size 4096"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "sarif.c", "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 37, "startColumn": 12}}, "logicalLocations": [{"fullyQualifiedName": "large", "kind": "function"}]}], "properties": {"allocator": "malloc", "size": 8192}}]
// CHECK-NEXT:}]}
//
// Each result's code flow is its -m=2 flow: one location per `from` line,
// at the same positions.
// RUN: cd %S && %escape_report -m=2 sarif.c Inputs/sarif-inline.c > %t.m2
// RUN: grep '    from ' %t.m2 | grep -v '(too large for stack)' > %t.m2-flows
// RUN: python3 %S/Inputs/sarif_flows.py %t.sarif > %t.sarif-flows
// RUN: diff %t.m2-flows %t.sarif-flows
// RUN: FileCheck %s --check-prefix=FLOWS < %t.sarif-flows
// FLOWS:      Inputs/sarif-inline.c:14:9:     from malloc(24) (spill) at Inputs/sarif-inline.c:9:9
// FLOWS-NEXT: Inputs/sarif-inline.c:14:9:     from list = make() (assign) at Inputs/sarif-inline.c:14:7
// FLOWS-NEXT: sarif.c:13:12:     from malloc(32) (spill) at sarif.c:13:12
// FLOWS-NEXT: sarif.c:13:12:     from b = malloc(32) (assign) at sarif.c:13:8
// FLOWS-NEXT: sarif.c:13:12:     from kept = b (assign) at sarif.c:15:7
// FLOWS-NEXT: sarif.c:20:11:     from malloc(sizeof *p) (spill) at sarif.c:20:11
// FLOWS-NEXT: sarif.c:20:11:     from p = malloc(sizeof *p) (assign) at sarif.c:20:7
// FLOWS-NEXT: sarif.c:20:11:     from return p (return) at sarif.c:22:2
// FLOWS-EMPTY:
//
// URIs: relative to %SRCROOT% (the working directory) under it, its bytes
// percent-encoded (a space); an absolute file: URI outside it. Columns in
// code points: malloc(5) is at byte 35 of its line, code point 34.
// RUN: rm -rf %t.d && mkdir -p "%t.d/a dir" && cp %S/Inputs/sarif-inline.c "%t.d/a dir/"
// RUN: cd %t.d && %escape_report -sarif "a dir/sarif-inline.c" %S/Inputs/sarif-utf8.c > %t.uri
// RUN: FileCheck %s --check-prefix=URI --input-file=%t.uri
// URI-DAG: "uri": "a%20dir/sarif-inline.c", "uriBaseId": "%SRCROOT%"
// URI-DAG: "message": {"text": "malloc(5) escapes to heap: stored to global kept at {{.*}}/Inputs/sarif-utf8.c:7:24"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "file:///{{.*}}/Inputs/sarif-utf8.c"}, "region": {"startLine": 7, "startColumn": 34}}{{.*}}"codeFlows": [{"threadFlows": [{"locations": [{"location": {"physicalLocation": {"artifactLocation": {"uri": "file:///{{.*}}/Inputs/sarif-utf8.c"}, "region": {"startLine": 7, "startColumn": 34}}, "message": {"text": "from malloc(5) (spill)"}}}, {"location": {"physicalLocation": {"artifactLocation": {"uri": "file:///{{.*}}/Inputs/sarif-utf8.c"}, "region": {"startLine": 7, "startColumn": 24}}, "message": {"text": "from kept = /* é */ malloc(5) (assign)"}}}
// RUN: %escape_report -m %S/Inputs/sarif-utf8.c | FileCheck %s --check-prefix=BYTES
// BYTES: sarif-utf8.c:7:35: malloc(5) escapes to heap
//
// No heap allocation: no result. A file that cannot be reported: the run
// did not succeed.
// RUN: cd %S && %escape_report -sarif Inputs/empty.c > %t.empty
// RUN: FileCheck %s --check-prefix=EMPTY --input-file=%t.empty
// EMPTY: "results": []
// RUN: cd %S && not %escape_report -sarif sarif.c missing.c > %t.fail 2> /dev/null
// RUN: FileCheck %s --check-prefix=FAIL --input-file=%t.fail
// FAIL: "invocations": [{"executionSuccessful": false, "exitCode": 1,
// FAIL: "inputs": [{"file": "sarif.c", "level": "-O2"}, {"file": "missing.c", "level": null}]
//
// Every log validates against the SARIF 2.1.0 schema (tools/setup.sh
// fetches it from the npm package of Microsoft's SARIF SDK); a broken log
// (a level SARIF does not have, a line 0, no "version") does not, so the
// validation is not vacuous.
// Inputs/sarif-nopos.c adds flow steps without a position (phis: a
// location with only a message).
// RUN: cd %S && %escape_report -sarif Inputs/sarif-nopos.c > %t.nopos
// RUN: FileCheck %s --check-prefix=NOPOS --input-file=%t.nopos
// NOPOS: {"location": {"message": {"text": "from p (assign)"}}}
// RUN: %validate_json %sarif_schema %t.sarif %t.uri %t.empty %t.fail %t.nopos | FileCheck %s --check-prefix=VALID
// VALID: {{.*}}.sarif: valid
// VALID-NEXT: {{.*}}.uri: valid
// VALID-NEXT: {{.*}}.empty: valid
// VALID-NEXT: {{.*}}.fail: valid
// VALID-NEXT: {{.*}}.nopos: valid
// RUN: sed -e 's/"level": "error"/"level": "fatal"/' -e 's/"startLine": 37,/"startLine": 0,/' -e '/"version": "2.1.0"/d' %t.sarif > %t.bad
// RUN: not %validate_json %sarif_schema %t.bad | FileCheck %s --check-prefix=INVALID
// INVALID-DAG: not valid: 'version' is a required property at /
// INVALID-DAG: not valid: 'fatal' is not one of ['none', 'note', 'warning', 'error'] at /runs/0/results/1/level
// INVALID-DAG: not valid: 0 is less than the minimum of 1 at /runs/0/results/3/locations/0/physicalLocation/region/startLine

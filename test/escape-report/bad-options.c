// Bad command lines: one line `escape-report: error: ...` and exit status
// 2, before anything is compiled. An output that cannot be written: one
// line, exit status 1.
//
// RUN: rm -rf %t && mkdir -p %t
//
// Report levels: -m, -m=1, -m -m and -m=2 only.
// RUN: cd %S && sh -c '%escape_report -m -m -m bad-options.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=MMM --match-full-lines
// MMM:escape-report: error: '-m' given three times: the levels are -m and -m -m (-m=2) (see 'escape-report --help')
// MMM-NEXT:exit status 2
// RUN: cd %S && sh -c '%escape_report -m=7 bad-options.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=M7 --match-full-lines
// M7:escape-report: error: unknown report level '-m=7': -m (or -m=1) or -m=2 (see 'escape-report --help')
// M7-NEXT:exit status 2
// RUN: cd %S && sh -c '%escape_report -m=x bad-options.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=MX --match-full-lines
// MX:escape-report: error: unknown report level '-m=x': -m (or -m=1) or -m=2 (see 'escape-report --help')
// MX-NEXT:exit status 2
// RUN: cd %S && sh -c '%escape_report -m= bad-options.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=MEMPTY --match-full-lines
// MEMPTY:escape-report: error: unknown report level '-m=': -m (or -m=1) or -m=2 (see 'escape-report --help')
// MEMPTY-NEXT:exit status 2
// RUN: cd %S && sh -c '%escape_report -m2 bad-options.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=M2 --match-full-lines
// M2:escape-report: error: unknown option '-m2' (see 'escape-report --help')
// M2-NEXT:exit status 2
//
// Unknown flags.
// RUN: cd %S && sh -c '%escape_report --bogus bad-options.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=BOGUS --match-full-lines
// BOGUS:escape-report: error: unknown option '--bogus' (see 'escape-report --help')
// BOGUS-NEXT:exit status 2
// RUN: cd %S && sh -c '%escape_report -json=1 bad-options.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=JSONV --match-full-lines
// JSONV:escape-report: error: unknown option '-json=1' (see 'escape-report --help')
// JSONV-NEXT:exit status 2
// RUN: cd %S && sh -c '%escape_report -O9 bad-options.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=O9 --match-full-lines
// O9:escape-report: error: unknown optimisation level '-O9': -O1, -O2, -O3, -Os, -Oz or -Og (see 'escape-report --help')
// O9-NEXT:exit status 2
//
// One output format: -json and -sarif together, in either order, and
// --severity (a word in text lines) with either.
// RUN: cd %S && sh -c '%escape_report -json -sarif bad-options.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=TWOFMT --match-full-lines
// TWOFMT:escape-report: error: '-sarif': -json and -sarif are two output formats; give one (see 'escape-report --help')
// TWOFMT-NEXT:exit status 2
// RUN: cd %S && sh -c '%escape_report --sarif bad-options.c --json; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=TWOFMT2 --match-full-lines
// TWOFMT2:escape-report: error: '--json': -json and -sarif are two output formats; give one (see 'escape-report --help')
// TWOFMT2-NEXT:exit status 2
// RUN: cd %S && sh -c '%escape_report --severity -json bad-options.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=SEVJSON --match-full-lines
// SEVJSON:escape-report: error: --severity is for the text report, not for -json (see 'escape-report --help')
// SEVJSON-NEXT:exit status 2
// RUN: cd %S && sh -c '%escape_report -sarif bad-options.c -severity; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=SEVSARIF --match-full-lines
// SEVSARIF:escape-report: error: --severity is for the text report, not for -sarif (see 'escape-report --help')
// SEVSARIF-NEXT:exit status 2
// RUN: cd %S && sh -c '%escape_report -sarif=1 bad-options.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=SARIFV --match-full-lines
// SARIFV:escape-report: error: unknown option '-sarif=1' (see 'escape-report --help')
// SARIFV-NEXT:exit status 2
//
// No files: none at all, only flags, only clang flags after `--`.
// RUN: cd %S && sh -c '%escape_report; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NOFILE --match-full-lines
// RUN: cd %S && sh -c '%escape_report -m=2 -json; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NOFILE --match-full-lines
// RUN: cd %S && sh -c '%escape_report -sarif; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NOFILE --match-full-lines
// RUN: cd %S && sh -c '%escape_report -- bad-options.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NOFILE --match-full-lines
// NOFILE:escape-report: error: no input files (or -p BUILD_DIR for every file of its compilation database) (see 'escape-report --help')
// NOFILE-NEXT:exit status 2
//
// Regular expressions glibc rejects, and an empty one (which would match
// every function: '.' says so).
// RUN: cd %S && sh -c '%escape_report --fail-on-heap="[" bad-options.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=BRACKET --match-full-lines
// BRACKET:escape-report: error: --fail-on-heap=[: {{.+}} (see 'escape-report --help')
// BRACKET-NEXT:exit status 2
// RUN: cd %S && sh -c '%escape_report --fail-on-heap "x{2,1}" bad-options.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=BRACE --match-full-lines
// BRACE:escape-report: error: --fail-on-heap=x{2,1}: {{.+}} (see 'escape-report --help')
// BRACE-NEXT:exit status 2
// RUN: cd %S && sh -c '%escape_report "--fail-on-heap=\\" bad-options.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=BACKSLASH --match-full-lines
// BACKSLASH:escape-report: error: --fail-on-heap=\: {{.+}} (see 'escape-report --help')
// BACKSLASH-NEXT:exit status 2
// RUN: cd %S && sh -c '%escape_report --fail-on-heap= bad-options.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=EMPTYRE --match-full-lines
// EMPTYRE:escape-report: error: --fail-on-heap: empty regular expression ('.' matches every function) (see 'escape-report --help')
// EMPTYRE-NEXT:exit status 2
// RUN: cd %S && sh -c '%escape_report bad-options.c --fail-on-heap; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NORE --match-full-lines
// NORE:escape-report: error: --fail-on-heap needs a regular expression (see 'escape-report --help')
// NORE-NEXT:exit status 2
//
// An output that cannot be written: a full device, a closed standard
// output. Each is an error (exit status 1), not a silent success.
// RUN: cd %S && sh -c '%escape_report bad-options.c > /dev/full; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=FULL --match-full-lines
// FULL:escape-report: error: cannot write the report: No space left on device
// FULL-NEXT:exit status 1
// RUN: cd %S && sh -c '%escape_report -json bad-options.c > /dev/full; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=FULL --match-full-lines
// RUN: cd %S && sh -c '%escape_report -sarif bad-options.c > /dev/full; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=FULL --match-full-lines
// RUN: cd %S && sh -c '%escape_report bad-options.c >&-; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=CLOSED --match-full-lines
// CLOSED:escape-report: error: cannot write the report: standard output is closed
// CLOSED-NEXT:exit status 1
// Both closed: nothing can be said, the status still says it.
// RUN: cd %S && sh -c '%escape_report bad-options.c >&- 2>&-; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=BOTH --match-full-lines
// BOTH:exit status 1
// A closed standard error: the status still says.
// RUN: cd %S && sh -c '%escape_report missing.c 2>&-; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NOERR --match-full-lines
// NOERR:exit status 1
// A temporary directory that cannot be written.
// RUN: cd %S && sh -c 'env TMPDIR=%t/none %escape_report bad-options.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=TMP --match-full-lines
// TMP:escape-report: error: cannot create a temporary file in {{.*}}/none: No such file or directory
// TMP-NEXT:exit status 1
#include <stdlib.h>

void *kept;

void keep(void)
{
	kept = malloc(8);
}

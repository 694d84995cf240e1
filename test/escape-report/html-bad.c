// escape-report -html DIR, used wrongly: one line `escape-report: error:
// ...` and a non-zero exit status, and no page written. A bad command line
// is exit status 2 before anything is compiled; a directory that cannot be
// made or a page that cannot be written, exit status 1.
//
// RUN: rm -rf %t && mkdir -p %t
//
// No directory: -html last, or followed by an option.
// RUN: cd %S && sh -c '%escape_report html-bad.c -html; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NODIR --match-full-lines
// RUN: cd %S && sh -c '%escape_report -html -json html-bad.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NODIR --match-full-lines
// NODIR:escape-report: error: -html needs a directory (see 'escape-report --help')
// NODIR-NEXT:exit status 2
// RUN: cd %S && sh -c '%escape_report -html= html-bad.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=EMPTY --match-full-lines
// EMPTY:escape-report: error: -html: empty directory name (see 'escape-report --help')
// EMPTY-NEXT:exit status 2
//
// Two outputs at once.
// RUN: cd %S && sh -c '%escape_report -html %t/both -json html-bad.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=JSON --match-full-lines
// JSON:escape-report: error: -html and -json: choose one (-html writes pages, the other prints the findings) (see 'escape-report --help')
// JSON-NEXT:exit status 2
// RUN: not ls %t/both
//
// A directory that cannot be created, a file in its place.
// RUN: cd %S && sh -c '%escape_report -html %t/none/pages html-bad.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=MKDIR --match-full-lines
// MKDIR:escape-report: error: -html {{.*}}/none/pages: cannot create the directory: No such file or directory
// MKDIR-NEXT:exit status 1
// RUN: touch %t/file
// RUN: cd %S && sh -c '%escape_report -html %t/file html-bad.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NOTDIR --match-full-lines
// NOTDIR:escape-report: error: -html {{.*}}/file: not a directory
// NOTDIR-NEXT:exit status 1
//
// A page that cannot be written (a directory has its name): the error,
// and no index.
// RUN: mkdir -p %t/pages/html-bad.c.html
// RUN: cd %S && sh -c '%escape_report -html %t/pages html-bad.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=PAGE --match-full-lines
// PAGE:escape-report: error: cannot write {{.*}}/pages/html-bad.c.html: Is a directory
// PAGE-NEXT:exit status 1
// RUN: not ls %t/pages/index.html
//
// Its line on a full standard output.
// RUN: cd %S && sh -c '%escape_report -html %t/full html-bad.c > /dev/full; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=FULL --match-full-lines
// FULL:escape-report: error: cannot write the report: No space left on device
// FULL-NEXT:exit status 1
//
// The same command with a directory that works: exit status 0.
// RUN: cd %S && %escape_report -html %t/good html-bad.c
// RUN: ls %t/good/index.html %t/good/html-bad.c.html
#include <stdlib.h>

void *kept;

void keep(void)
{
	kept = malloc(8);
}

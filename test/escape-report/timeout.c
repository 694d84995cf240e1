// A compile that never ends (here: an #include of a FIFO nobody writes,
// where clang waits forever) is killed after --timeout=SECONDS (default
// 600): one line, exit status 1, and no clang left running. Bad values of
// --timeout are usage errors.
//
// RUN: rm -rf %t && mkdir -p %t && mkfifo %t/pipe.h
// RUN: cd %S && sh -c '%escape_report --timeout=2 timeout.c -- -I%t -DHANG; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=HANG --match-full-lines
// HANG:escape-report: error: timeout.c: clang did not finish in 2 s; killed (--timeout=SECONDS sets the limit, 0 none)
// HANG-NEXT:exit status 1
// RUN: not pgrep -f '[D]HANG.*optimization-record-file'
//
// The same file, without the FIFO, within the limit.
// RUN: cd %S && %escape_report --timeout 600 timeout.c | FileCheck %s --check-prefix=OK --match-full-lines
// OK:timeout.c:[[#@LINE+23]]:9: malloc(8) escapes to heap
//
// RUN: cd %S && sh -c '%escape_report --timeout=x timeout.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=BADX --match-full-lines
// BADX:escape-report: error: --timeout=x: expected a number of seconds (see 'escape-report --help')
// BADX-NEXT:exit status 2
// RUN: cd %S && sh -c '%escape_report --timeout=-1 timeout.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=BADNEG --match-full-lines
// BADNEG:escape-report: error: --timeout=-1: expected a number of seconds (see 'escape-report --help')
// BADNEG-NEXT:exit status 2
// RUN: cd %S && sh -c '%escape_report --timeout=99999999999999999999 timeout.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=BADBIG --match-full-lines
// BADBIG:escape-report: error: --timeout=99999999999999999999: expected a number of seconds (0 to 86400) (see 'escape-report --help')
// BADBIG-NEXT:exit status 2
// RUN: cd %S && sh -c '%escape_report timeout.c --timeout; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NOARG --match-full-lines
// NOARG:escape-report: error: --timeout needs a number of seconds (see 'escape-report --help')
// NOARG-NEXT:exit status 2
#ifdef HANG
#include "pipe.h"
#endif
#include <stdlib.h>

void *kept;

void keep(void)
{
	kept = malloc(8);
}

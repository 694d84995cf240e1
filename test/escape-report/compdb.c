// -p BUILD_DIR: the flags of each file come from BUILD_DIR/compile_commands
// .json (here generated from Inputs/compile_commands.json.in): its -I and -D
// are needed to compile this file. Its -g0, -o, -c and dependency-file
// flags are replaced by escape-report's own; clang runs in the entry's
// directory. Flags after `--` are added to those of the database. Its
// optimisation level is kept when heap2stack runs there (-Os below); this
// entry's -O0 is not, and a warning says the file is reported at -O2. A
// level on the command line wins over the database's.
//
// RUN: rm -rf %t && mkdir -p %t/build
// RUN: sed -e 's|@SRC@|%/S|g' -e 's|@BUILD@|%/t/build|g' %S/Inputs/compile_commands.json.in > %t/build/compile_commands.json
// RUN: cd %S && %escape_report -p %t/build compdb.c > %t/out 2> %t/err
// RUN: FileCheck %s --match-full-lines < %t/out
// RUN: count 2 < %t/out
// RUN: FileCheck %s --check-prefix=O0 --match-full-lines < %t/err
// RUN: count 1 < %t/err
// O0:escape-report: warning: compdb.c: its compile command builds it at -O0, where heap2stack does not run: reported at -O2 (give -O1, -O2, -O3, -Os, -Oz or -Og to choose)
// RUN: mkdir -p %t/os && sed -e 's| -O0 | -Os |' %t/build/compile_commands.json > %t/os/compile_commands.json
// RUN: cd %S && env ESCAPE_REPORT_VERBOSE=1 %escape_report -p %t/os compdb.c 2> %t/os.err | FileCheck %s --match-full-lines
// RUN: FileCheck %s --check-prefix=OS < %t/os.err
// OS: escape-report: {{.*}}/clang {{.*}}-DSCALE=3 -Os -g -fplugin={{.*}}
// OS-NOT: warning
// RUN: cd %S && env ESCAPE_REPORT_VERBOSE=1 %escape_report -O3 -p %t/os compdb.c 2>&1 >/dev/null | FileCheck %s --check-prefix=CMDLINE
// CMDLINE: escape-report: {{.*}}/clang {{.*}}-DSCALE=3 -O3 -g -fplugin={{.*}}
// CMDLINE-NOT: warning
// RUN: not ls %t/build/deps.d %t/build/compdb.o
// RUN: cd %S && %escape_report -p=%t/build compdb.c -- -DEXTRA | FileCheck %s --check-prefix=EXTRA --match-full-lines
//
// Without the database the file does not compile.
// RUN: cd %S && not %escape_report compdb.c 2>&1 | FileCheck %s --check-prefix=NODB
// NODB: compdb.c:{{[0-9]+}}:{{[0-9]+}}: fatal error: 'compdb.h' file not found
// NODB: escape-report: error: compdb.c: compilation failed (clang exited with status 1)
#include <stdlib.h>

#include "compdb.h"

#ifndef SCALE
#error "SCALE comes from the compilation database"
#endif

int scaled(void)
{
	char *buf = malloc(SCALE * 16);
	buf[0] = 1;
	buf[15] = 2;
	int r = peek(buf);
	free(buf);
	return r;
}

#ifdef EXTRA
char *extra(void)
{
	return malloc(SCALE);
}
#endif

// CHECK:Inputs/compdb-include/compdb.h:2:55: p does not escape
// CHECK-NEXT:compdb.c:43:14: malloc(SCALE * 16) does not escape

// EXTRA:Inputs/compdb-include/compdb.h:2:55: p does not escape
// EXTRA-NEXT:compdb.c:43:14: malloc(SCALE * 16) does not escape
// EXTRA-NEXT:compdb.c:54:9: malloc(SCALE) escapes to heap

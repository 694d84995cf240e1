// Bad input: one line `escape-report: error: ...` naming the problem (after
// clang's own diagnostics, when clang ran), and the exit status: 2 for a
// usage error, 1 for a file that could not be reported. With several
// files, the others are still reported.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: cd %S && sh -c '%escape_report -x bad-input.c; echo "exit status $?"' > %t/out 2>&1
// RUN: FileCheck %s --check-prefix=FLAG --match-full-lines < %t/out
// FLAG:escape-report: error: unknown option '-x' (see 'escape-report --help')
// FLAG-NEXT:exit status 2
//
// RUN: cd %S && sh -c '%escape_report; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NOFILE --match-full-lines
// NOFILE:escape-report: error: no input files (or -p BUILD_DIR for every file of its compilation database) (see 'escape-report --help')
// NOFILE-NEXT:exit status 2
//
// RUN: cd %S && sh -c '%escape_report -O0 bad-input.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=O0 --match-full-lines
// O0:escape-report: error: '-O0': heap2stack does not run at -O0, where clang optimises nothing (-Og is the level for debugging) (see 'escape-report --help')
// O0-NEXT:exit status 2
//
// RUN: cd %S && sh -c '%escape_report --fail-on-heap="(" bad-input.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=REGEX --match-full-lines
// REGEX:escape-report: error: --fail-on-heap=(: {{.+}} (see 'escape-report --help')
// REGEX-NEXT:exit status 2
//
// RUN: cd %S && sh -c '%escape_report bad-input.c -p; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=PARG --match-full-lines
// PARG:escape-report: error: -p needs a build directory (see 'escape-report --help')
// PARG-NEXT:exit status 2
//
// RUN: cd %S && sh -c '%escape_report -p %t bad-input.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NODB --match-full-lines
// NODB:escape-report: error: -p {{.*}}: no compile_commands.json in it
// NODB-NEXT:exit status 2
//
// A compilation database without the file.
// RUN: echo '[{"directory": "%/t", "command": "cc -c other.c", "file": "other.c"}]' > %t/compile_commands.json
// RUN: cd %S && sh -c '%escape_report -p %t bad-input.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NOTINDB --match-full-lines
// NOTINDB:escape-report: error: bad-input.c: not in the compilation database {{.*}}/compile_commands.json
// NOTINDB-NEXT:exit status 1
//
// RUN: cd %S && sh -c '%escape_report missing.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=MISSING --match-full-lines
// MISSING:escape-report: error: missing.c: No such file or directory
// MISSING-NEXT:exit status 1
//
// RUN: cd %S && sh -c '%escape_report Inputs; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=DIR --match-full-lines
// DIR:escape-report: error: Inputs: is a directory
// DIR-NEXT:exit status 1
//
// A file that does not compile: clang's diagnostics, then one line.
// RUN: cd %S && sh -c '%escape_report Inputs/broken.c; echo "exit status $?"' > %t/out 2>&1
// RUN: FileCheck %s --check-prefix=BROKEN < %t/out
// BROKEN:Inputs/broken.c:4:9: error: use of undeclared identifier 'undeclared'
// BROKEN:escape-report: error: Inputs/broken.c: compilation failed (clang exited with status 1)
// BROKEN-NEXT:exit status 1
//
// Several files, two bad: the good ones are reported, the status says one
// failed.
// RUN: cd %S && sh -c '%escape_report missing.c bad-input.c Inputs/broken.c Inputs/empty.c; echo "exit status $?"' > %t/out 2> %t/err
// RUN: FileCheck %s --check-prefix=SEVERAL-OUT --match-full-lines < %t/out
// RUN: FileCheck %s --check-prefix=SEVERAL-ERR < %t/err
// SEVERAL-OUT:bad-input.c:[[#]]:13: malloc(16) escapes to heap
// SEVERAL-OUT-NEXT:exit status 1
// SEVERAL-ERR:escape-report: error: missing.c: No such file or directory
// SEVERAL-ERR:escape-report: error: Inputs/broken.c: compilation failed (clang exited with status 1)
// SEVERAL-ERR-NOT:error
//
// The clang of another LLVM release, an unusable plugin, a missing one.
// RUN: cd %S && sh -c 'env HEAP2STACK_CLANG=%S/Inputs/clang-18 %escape_report bad-input.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=CLANG --match-full-lines
// CLANG:escape-report: error: '{{.*}}/Inputs/clang-18' is not the clang of LLVM [[#]], which this escape-report and its plugin are built for (it says "Debian clang version 18.1.8 (1~deb12u1)"); set HEAP2STACK_CLANG to the clang of LLVM [[#]]
// CLANG-NEXT:exit status 1
//
// RUN: cd %S && sh -c 'env HEAP2STACK_CLANG=%t/no-clang %escape_report bad-input.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NOCLANG --match-full-lines
// NOCLANG:escape-report: error: cannot run clang '{{.*}}/no-clang': No such file or directory (set HEAP2STACK_CLANG to the clang of LLVM [[#]])
// NOCLANG-NEXT:exit status 1
//
// RUN: cd %S && sh -c 'env HEAP2STACK_PLUGIN=%S/Inputs/not-a-plugin.so %escape_report bad-input.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=PLUGIN --match-full-lines
// PLUGIN:escape-report: error: the heap2stack plugin '{{.*}}/Inputs/not-a-plugin.so' does not work in clang '{{.*}}': error: unable to load plugin '{{.*}}/Inputs/not-a-plugin.so': {{.*}}invalid ELF header'
// PLUGIN-NEXT:exit status 1
//
// RUN: cd %S && sh -c 'env HEAP2STACK_PLUGIN=%t/none.so %escape_report bad-input.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NOPLUGIN --match-full-lines
// NOPLUGIN:escape-report: error: cannot read the heap2stack plugin '{{.*}}/none.so': No such file or directory (set HEAP2STACK_PLUGIN)
// NOPLUGIN-NEXT:exit status 1
//
// RUN: %escape_report --help | FileCheck %s --check-prefix=HELP
// HELP:usage: escape-report [-m | -m -m | -m=2] [-O1|-O2|-O3|-Os|-Oz|-Og]
#include <stdlib.h>

int *escaping;

void good(void)
{
	escaping = malloc(16);
}

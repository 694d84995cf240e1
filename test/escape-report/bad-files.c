// Files escape-report cannot report: one line `escape-report: error: FILE:
// ...` saying why, nothing on standard output, exit status 1 (2 for `-`,
// a usage error). Nothing is compiled: clang is not run on them.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
//
// Missing, a directory, not a regular file (a FIFO would block clang
// forever; a device).
// RUN: sh -c '%escape_report missing.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=MISSING --match-full-lines
// MISSING:escape-report: error: missing.c: No such file or directory
// MISSING-NEXT:exit status 1
// RUN: mkdir -p %t/dir.c
// RUN: sh -c '%escape_report dir.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=DIR --match-full-lines
// DIR:escape-report: error: dir.c: is a directory
// DIR-NEXT:exit status 1
// RUN: mkfifo %t/fifo.c
// RUN: sh -c '%escape_report fifo.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=FIFO --match-full-lines
// FIFO:escape-report: error: fifo.c: not a regular file
// FIFO-NEXT:exit status 1
// RUN: sh -c '%escape_report /dev/null; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=DEVNULL --match-full-lines
// DEVNULL:escape-report: error: /dev/null: not a regular file
// DEVNULL-NEXT:exit status 1
// RUN: sh -c '%escape_report -; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=STDIN --match-full-lines
// STDIN:escape-report: error: '-': escape-report does not read standard input; name a file (see 'escape-report --help')
// STDIN-NEXT:exit status 2
//
// Unreadable (as root, every file is readable: the run is as nobody).
// RUN: cp %S/Inputs/empty.c %t/unreadable.c && chmod 000 %t/unreadable.c && chmod 755 %t
// RUN: sh -c 'if [ "$(id -u)" = 0 ]; then as="setpriv --reuid=65534 --regid=65534 --clear-groups env TMPDIR=/tmp"; fi; $as %escape_report %t/unreadable.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=UNREADABLE --match-full-lines
// UNREADABLE:escape-report: error: {{.*}}/unreadable.c: Permission denied
// UNREADABLE-NEXT:exit status 1
//
// Not C or C++: by its name, clang would compile a .ll as IR, take a .txt
// or a name without an extension for a linker input (the plugin would not
// run), a .h for a header to precompile; with `-x`, the language named.
// RUN: echo 'define void @f() { ret void }' > %t/ir.ll
// RUN: sh -c '%escape_report ir.ll; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=LL --match-full-lines
// LL:escape-report: error: ir.ll: not a C or C++ source file: clang takes .ll for LLVM IR (for C or C++ with another name: -- -x c or -- -x c++)
// LL-NEXT:exit status 1
// RUN: echo 'some notes' > %t/notes.txt
// RUN: sh -c '%escape_report notes.txt; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=TXT --match-full-lines
// TXT:escape-report: error: notes.txt: not a C or C++ source file: clang takes .txt for a linker input (for C or C++ with another name: -- -x c or -- -x c++)
// TXT-NEXT:exit status 1
// RUN: cp %S/Inputs/empty.c %t/noext
// RUN: sh -c '%escape_report noext; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NOEXT --match-full-lines
// NOEXT:escape-report: error: noext: not a C or C++ source file: clang takes a name without an extension for a linker input (for C or C++ with another name: -- -x c or -- -x c++)
// NOEXT-NEXT:exit status 1
// RUN: cp %S/Inputs/empty.c %t/header.h
// RUN: sh -c '%escape_report header.h; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=HEADER --match-full-lines
// HEADER:escape-report: error: header.h: not a C or C++ source file: clang takes .h for a header to precompile (for C or C++ with another name: -- -x c or -- -x c++)
// HEADER-NEXT:exit status 1
// RUN: sh -c '%escape_report %S/Inputs/empty.c -- -x ir; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=XIR --match-full-lines
// XIR:escape-report: error: {{.*}}/Inputs/empty.c: not compiled as C or C++ (-x ir): escape-report reports C and C++ files
// XIR-NEXT:exit status 1
//
// ... and with `-x c`, a C file of any name is reported.
// RUN: cp %S/bad-files.c %t/c-source.txt
// RUN: %escape_report c-source.txt -- -x c | FileCheck %s --check-prefix=XC --match-full-lines
// XC:c-source.txt:[[#@LINE+45]]:9: malloc(8) escapes to heap
//
// A binary, and a C file holding a NUL byte (clang would drop it, and the
// columns of the report would not be the file's).
// RUN: cp %escape_report %t/binary.c
// RUN: sh -c '%escape_report binary.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=BINARY --match-full-lines
// BINARY:escape-report: error: binary.c: not a C or C++ source file: it holds a NUL byte (line 1)
// BINARY-NEXT:exit status 1
// RUN: printf 'int a;\n\nint b;\0\n' > %t/nul.c
// RUN: sh -c '%escape_report nul.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NUL --match-full-lines
// NUL:escape-report: error: nul.c: not a C or C++ source file: it holds a NUL byte (line 3)
// NUL-NEXT:exit status 1
//
// Code that does not compile: clang's diagnostics, then one line.
// RUN: sh -c '%escape_report %S/Inputs/broken.c; echo "exit status $?"' > %t/out 2>&1
// RUN: FileCheck %s --check-prefix=BROKEN < %t/out
// BROKEN:{{.*}}broken.c:4:9: error: use of undeclared identifier 'undeclared'
// BROKEN:escape-report: error: {{.*}}broken.c: compilation failed (clang exited with status 1)
// BROKEN-NEXT:exit status 1
//
// With good files among them, the good ones are reported; the status is 1.
// RUN: cp %S/bad-files.c %t/good.c
// RUN: sh -c '%escape_report missing.c fifo.c good.c nul.c notes.txt; echo "exit status $?"' > %t/out 2> %t/err
// RUN: FileCheck %s --check-prefix=MIXED-OUT --match-full-lines < %t/out
// RUN: FileCheck %s --check-prefix=MIXED-ERR --match-full-lines < %t/err
// MIXED-OUT:good.c:[[#]]:9: malloc(8) escapes to heap
// MIXED-OUT-NEXT:exit status 1
// MIXED-ERR:escape-report: error: missing.c: No such file or directory
// MIXED-ERR-NEXT:escape-report: error: fifo.c: not a regular file
// MIXED-ERR-NEXT:escape-report: error: nul.c: not a C or C++ source file: it holds a NUL byte (line 3)
// MIXED-ERR-NEXT:escape-report: error: notes.txt: not a C or C++ source file: clang takes .txt for a linker input (for C or C++ with another name: -- -x c or -- -x c++)
// MIXED-ERR-NOT:{{.}}
//
// A .ll compiled as C (-x c) is code that does not compile.
// RUN: sh -c '%escape_report ir.ll -- -x c; echo "exit status $?"' > %t/out 2>&1
// RUN: FileCheck %s --check-prefix=IRASC < %t/out
// IRASC:ir.ll:1:1: error:
// IRASC:escape-report: error: ir.ll: compilation failed (clang exited with status 1)
// IRASC-NEXT:exit status 1
#include <stdlib.h>

void *kept;

void keep(void)
{
	kept = malloc(8);
}

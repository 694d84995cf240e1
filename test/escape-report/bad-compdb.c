// A bad compilation database (-p BUILD_DIR): one line naming the file and
// what is wrong with it, at the line where it is, and exit status 2, before
// anything is compiled (libclang's own messages are not shown: it prints
// several lines, and takes a truncated file for a good one). A file the
// database does not list, or whose entry names a directory that does not
// exist, cannot be reported: exit status 1.
//
// RUN: rm -rf %t && mkdir -p %t/db && cp %S/Inputs/empty.c %t/ok.c && cd %t
//
// RUN: printf '' > %t/db/compile_commands.json
// RUN: sh -c '%escape_report -p db ok.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=EMPTY --match-full-lines
// EMPTY:escape-report: error: db/compile_commands.json: not a compilation database: empty: expected a JSON array of compile commands, at its end
// EMPTY-NEXT:exit status 2
//
// RUN: printf '{"directory": "%/t", "file": "ok.c", "command": "cc -c ok.c"}\n' > %t/db/compile_commands.json
// RUN: sh -c '%escape_report -p db ok.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=OBJECT --match-full-lines
// OBJECT:escape-report: error: db/compile_commands.json: not a compilation database: expected a JSON array of compile commands, at line 1
// OBJECT-NEXT:exit status 2
//
// RUN: printf '[\n  "cc -c ok.c"\n]\n' > %t/db/compile_commands.json
// RUN: sh -c '%escape_report -p db ok.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NOTOBJ --match-full-lines
// NOTOBJ:escape-report: error: db/compile_commands.json: not a compilation database: entry 1 is not an object, at line 2
// NOTOBJ-NEXT:exit status 2
//
// Truncated: libclang would read the entries before the cut.
// RUN: printf '[{"directory": "%/t", "file": "ok.c", "command": "cc -c ok.c"},\n {"directory": "%/t", "fi' > %t/db/compile_commands.json
// RUN: sh -c '%escape_report -p db ok.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=TRUNC --match-full-lines
// TRUNC:escape-report: error: db/compile_commands.json: not a compilation database: unterminated string, at its end
// TRUNC-NEXT:exit status 2
// RUN: printf '[{"directory": "%/t", "file": "ok.c", "command": "cc -c ok.c"}\n' > %t/db/compile_commands.json
// RUN: sh -c '%escape_report -p db ok.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NOCLOSE --match-full-lines
// NOCLOSE:escape-report: error: db/compile_commands.json: not a compilation database: expected ',' or ']', at its end
// NOCLOSE-NEXT:exit status 2
// RUN: printf '[{"directory": "%/t", "file": "ok.c", "command": "cc -c ok.c"}]\n]\n' > %t/db/compile_commands.json
// RUN: sh -c '%escape_report -p db ok.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=TRAILING --match-full-lines
// TRAILING:escape-report: error: db/compile_commands.json: not a compilation database: text after the array, at line 2
// TRAILING-NEXT:exit status 2
// RUN: printf '[{"directory": "%/t" "file": "ok.c"}]\n' > %t/db/compile_commands.json
// RUN: sh -c '%escape_report -p db ok.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=SYNTAX --match-full-lines
// SYNTAX:escape-report: error: db/compile_commands.json: not a compilation database: expected ',' or '}', at line 1
// SYNTAX-NEXT:exit status 2
//
// Entries of the wrong shape.
// RUN: printf '[\n{"directory": "%/t", "command": "cc -c ok.c"}\n]\n' > %t/db/compile_commands.json
// RUN: sh -c '%escape_report -p db ok.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NOFILE --match-full-lines
// NOFILE:escape-report: error: db/compile_commands.json: not a compilation database: entry 1 has no "file", at line 2
// NOFILE-NEXT:exit status 2
// RUN: printf '[{"directory": "%/t", "file": "ok.c", "command": "cc -c ok.c"},\n {"file": "ok.c", "command": "cc -c ok.c"}]\n' > %t/db/compile_commands.json
// RUN: sh -c '%escape_report -p db ok.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NODIR --match-full-lines
// NODIR:escape-report: error: db/compile_commands.json: not a compilation database: entry 2 has no "directory", at line 2
// NODIR-NEXT:exit status 2
// RUN: printf '[{"directory": "%/t", "file": "ok.c"}]\n' > %t/db/compile_commands.json
// RUN: sh -c '%escape_report -p db ok.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NOCMD --match-full-lines
// NOCMD:escape-report: error: db/compile_commands.json: not a compilation database: entry 1 has no "command" or "arguments", at line 1
// NOCMD-NEXT:exit status 2
// RUN: printf '[{"directory": "%/t", "file": "ok.c", "command": ""}]\n' > %t/db/compile_commands.json
// RUN: sh -c '%escape_report -p db ok.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=EMPTYCMD --match-full-lines
// EMPTYCMD:escape-report: error: db/compile_commands.json: not a compilation database: entry 1: "command" is empty, at line 1
// EMPTYCMD-NEXT:exit status 2
// RUN: printf '[{"directory": "%/t", "file": "ok.c", "arguments": []}]\n' > %t/db/compile_commands.json
// RUN: sh -c '%escape_report -p db ok.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=EMPTYARGS --match-full-lines
// EMPTYARGS:escape-report: error: db/compile_commands.json: not a compilation database: entry 1: "arguments" is empty, at line 1
// EMPTYARGS-NEXT:exit status 2
// RUN: printf '[{"directory": 5, "file": "ok.c", "command": "cc -c ok.c"}]\n' > %t/db/compile_commands.json
// RUN: sh -c '%escape_report -p db ok.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=DIRNUM --match-full-lines
// DIRNUM:escape-report: error: db/compile_commands.json: not a compilation database: entry 1: "directory" is not a string, at line 1
// DIRNUM-NEXT:exit status 2
// RUN: printf '[{"directory": "%/t", "file": "ok.c", "arguments": ["cc", 1]}]\n' > %t/db/compile_commands.json
// RUN: sh -c '%escape_report -p db ok.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=ARGNUM --match-full-lines
// ARGNUM:escape-report: error: db/compile_commands.json: not a compilation database: entry 1: an argument is not a string, at line 1
// ARGNUM-NEXT:exit status 2
//
// A directory that does not exist: for the file's entry, an error; for
// another file's entry, none.
// RUN: printf '[{"directory": "%/t/gone", "file": "%/t/ok.c", "command": "cc -c ok.c"}]\n' > %t/db/compile_commands.json
// RUN: sh -c '%escape_report -p db ok.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=GONE --match-full-lines
// GONE:escape-report: error: ok.c: the directory of its compile command in db/compile_commands.json, {{.*}}/gone: No such file or directory
// GONE-NEXT:exit status 1
// RUN: printf '[{"directory": "%/t/gone", "file": "other.c", "command": "cc -c other.c"},\n {"directory": "%/t", "file": "ok.c", "command": "cc -c ok.c"}]\n' > %t/db/compile_commands.json
// RUN: sh -c '%escape_report -p db ok.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=OTHERGONE --match-full-lines
// OTHERGONE:exit status 0
//
// A file the database does not list; a -p that is not a directory.
// RUN: printf '[{"directory": "%/t", "file": "other.c", "command": "cc -c other.c"}]\n' > %t/db/compile_commands.json
// RUN: sh -c '%escape_report -p db ok.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NOTLISTED --match-full-lines
// NOTLISTED:escape-report: error: ok.c: not in the compilation database db/compile_commands.json
// NOTLISTED-NEXT:exit status 1
// RUN: sh -c '%escape_report -p ok.c ok.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=PFILE --match-full-lines
// PFILE:escape-report: error: -p ok.c: not a directory
// PFILE-NEXT:exit status 2
// RUN: sh -c '%escape_report -p nowhere ok.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=PMISSING --match-full-lines
// PMISSING:escape-report: error: -p nowhere: No such file or directory
// PMISSING-NEXT:exit status 2
//
// The database of the good case, for comparison: read, nothing to report.
// RUN: printf '[{"directory": "%/t", "file": "ok.c", "arguments": ["cc", "-c", "ok.c"], "output": "ok.o"}]\n' > %t/db/compile_commands.json
// RUN: sh -c '%escape_report -p db ok.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=GOOD --match-full-lines
// GOOD:exit status 0

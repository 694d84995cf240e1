// -p BUILD_DIR without FILEs reports every file its compile_commands.json
// compiles, each once (one.c has two entries), a relative entry found in
// its directory (two.c); --match=REGEX keeps the files whose name
// matches; -j N compiles N at a time and reports the same, in the same
// order, as one at a time, errors included.
//
// RUN: rm -rf %t && mkdir -p %t/build %t/clean %t/hang
// RUN: cp %S/Inputs/project/two.c %t/build/
// RUN: sed -e 's|@SRC@|%/S/Inputs/project|g' -e 's|@BUILD@|%/t/build|g' -e 's|@EXTRA@||' %S/Inputs/project/compile_commands.json.in > %t/build/compile_commands.json
// RUN: grep -v broken %t/build/compile_commands.json > %t/clean/compile_commands.json
//
// Every file of the database (sorted by path, as always).
// RUN: %escape_report -p %t/clean > %t/all.out
// RUN: FileCheck %s --check-prefix=ALL --match-full-lines < %t/all.out
// RUN: count 4 < %t/all.out
// ALL-DAG:{{.*}}Inputs/project/one.c:5:21: s does not escape
// ALL-DAG:{{.*}}Inputs/project/one.c:7:12: malloc(32) does not escape
// ALL-DAG:{{.*}}Inputs/project/three.c:6:9: malloc(SIZE) escapes to heap
// ALL-DAG:{{.*}}build/two.c:8:9: malloc(16) escapes to heap
//
// -j 3 and -j3: the same report.
// RUN: %escape_report -j 3 -p %t/clean > %t/j3.out
// RUN: diff %t/all.out %t/j3.out
// RUN: %escape_report -j3 -json -p %t/clean > %t/j3.json
// RUN: %escape_report -json -p %t/clean > %t/j1.json
// RUN: diff %t/j1.json %t/j3.json
//
// --match: the files whose path matches.
// RUN: %escape_report -p %t/clean --match='t[wh]' | FileCheck %s --check-prefix=MATCH --match-full-lines
// RUN: %escape_report -p %t/clean --match='t[wh]' | count 2
// MATCH-DAG:{{.*}}Inputs/project/three.c:6:9: malloc(SIZE) escapes to heap
// MATCH-DAG:{{.*}}build/two.c:8:9: malloc(16) escapes to heap
//
// A file that does not compile: the others are reported, its error comes
// in the database's order, with or without -j; exit status 1.
// RUN: sh -c '%escape_report -p %t/build; echo "exit status $?"' > %t/b1.out 2> %t/b1.err
// RUN: sh -c '%escape_report -j 4 -p %t/build; echo "exit status $?"' > %t/b4.out 2> %t/b4.err
// RUN: diff %t/b1.out %t/b4.out
// RUN: FileCheck %s --check-prefix=BROKEN --match-full-lines < %t/b4.out
// RUN: count 5 < %t/b4.out
// BROKEN-DAG:{{.*}}Inputs/project/one.c:7:12: malloc(32) does not escape
// BROKEN-DAG:{{.*}}Inputs/project/three.c:6:9: malloc(SIZE) escapes to heap
// BROKEN-DAG:{{.*}}build/two.c:8:9: malloc(16) escapes to heap
// BROKEN:exit status 1
// RUN: grep 'escape-report: error' %t/b4.err | FileCheck %s --check-prefix=BROKENERR --match-full-lines
// BROKENERR:escape-report: error: {{.*}}Inputs/project/broken.c: compilation failed (clang exited with status 1)
// BROKENERR-NOT:{{.}}
//
// A compile that hangs under -j is killed after --timeout, the others
// finish, and no clang is left running.
// RUN: mkfifo %t/hang/pipe.h
// RUN: sed -e 's|@SRC@|%/S/Inputs/project|g' -e 's|@BUILD@|%/t/build|g' -e 's|@EXTRA@|-I%/t/hang -DHANG|' %S/Inputs/project/compile_commands.json.in | grep -v broken > %t/hang/compile_commands.json
// RUN: sh -c '%escape_report -j 2 --timeout=2 -p %t/hang; echo "exit status $?"' > %t/hang.out 2> %t/hang.err
// RUN: FileCheck %s --check-prefix=HANG --match-full-lines < %t/hang.out
// RUN: count 4 < %t/hang.out
// HANG-DAG:{{.*}}Inputs/project/one.c:7:12: malloc(32) does not escape
// HANG-DAG:{{.*}}build/two.c:8:9: malloc(16) escapes to heap
// HANG:exit status 1
// RUN: FileCheck %s --check-prefix=HANGERR --match-full-lines < %t/hang.err
// HANGERR:escape-report: error: {{.*}}Inputs/project/three.c: clang did not finish in 2 s; killed (--timeout=SECONDS sets the limit, 0 none)
// RUN: not pgrep -f '[D]HANG.*optimization-record-file'
//
// Bad uses.
// RUN: sh -c '%escape_report -p %t/clean --match=zzz; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NONE --match-full-lines
// NONE:escape-report: error: no file of the compilation database matches --match=zzz
// NONE-NEXT:exit status 1
// RUN: sh -c '%escape_report -p %t/clean --match="("; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=BADRE --match-full-lines
// BADRE:escape-report: error: --match=(: {{.+}}
// BADRE-NEXT:exit status 2
// RUN: sh -c 'cd %S/Inputs/project && %escape_report --match=one one.c; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=MATCHFILES --match-full-lines
// MATCHFILES:escape-report: error: --match selects files of -p's compilation database: give it with -p and without FILEs (see 'escape-report --help')
// MATCHFILES-NEXT:exit status 2
// RUN: sh -c '%escape_report -j 0 -p %t/clean; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=J0 --match-full-lines
// J0:escape-report: error: -j 0: the number of files to compile at once, 1 to 1024 (see 'escape-report --help')
// J0-NEXT:exit status 2
// RUN: sh -c '%escape_report -j x -p %t/clean; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=JX --match-full-lines
// RUN: sh -c '%escape_report -j +3 -p %t/clean; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=JPLUS --match-full-lines
// JPLUS:escape-report: error: -j +3: the number of files to compile at once, 1 to 1024 (see 'escape-report --help')
// JPLUS-NEXT:exit status 2
// JX:escape-report: error: -j x: the number of files to compile at once, 1 to 1024 (see 'escape-report --help')
// JX-NEXT:exit status 2
// RUN: sh -c '%escape_report -p %t/clean -j; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=JNONE --match-full-lines
// JNONE:escape-report: error: -j needs a number of files (see 'escape-report --help')
// JNONE-NEXT:exit status 2

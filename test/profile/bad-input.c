// heap2stack-profile on bad input: one line naming the problem and a
// non-zero exit status (2 for a usage error), never a crash or a silent
// success.
//
// RUN: not %h2s_profile 2>&1 | FileCheck --check-prefix=NOCMD %s
// RUN: not %h2s_profile frobnicate 2>&1 | FileCheck --check-prefix=UNKNOWN %s
// RUN: not %h2s_profile run 2>&1 | FileCheck --check-prefix=RUNNOTHING %s
// RUN: not %h2s_profile run -x -- true 2>&1 | FileCheck --check-prefix=RUNOPT %s
// RUN: not %h2s_profile run -o %t.prof -- %t.does-not-exist 2>&1 | FileCheck --check-prefix=NOPROG %s
// RUN: not %h2s_profile run -o %t.no/such/dir/p.prof -- true 2>&1 | FileCheck --check-prefix=NOOUT %s
// RUN: env HEAP2STACK_PROFILE_RUNTIME=%t.no-runtime.so not %h2s_profile run -o %t.prof -- true 2>&1 | FileCheck --check-prefix=NORT %s
// RUN: not %h2s_profile report 2>&1 | FileCheck --check-prefix=NOPROF %s
// RUN: not %h2s_profile report %t.missing 2>&1 | FileCheck --check-prefix=MISSING %s
// RUN: not %h2s_profile report %S 2>&1 | FileCheck --check-prefix=DIR %s
// RUN: not %h2s_profile report %s 2>&1 | FileCheck --check-prefix=NOTPROF %s
// RUN: printf '#heap2stack-profile 1\nsite\tx\t12\n' > %t.bad
// RUN: not %h2s_profile report %t.bad 2>&1 | FileCheck --check-prefix=MALFORMED %s
// A count past 2^64 is malformed too, not saturated.
// RUN: printf '#heap2stack-profile 1\nsite\tm\t0x10\tprogram\t99999999999999999999\t16\t0\t16\t16\t1\t0\t0\t0\t0\t0\t4:1\n' > %t.overflow.bad
// RUN: not %h2s_profile report %t.overflow.bad 2>&1 | FileCheck --check-prefix=MALFORMED %s
// RUN: printf '#heap2stack-profile 7\n' > %t.v7
// RUN: not %h2s_profile report %t.v7 2>&1 | FileCheck --check-prefix=VERSION %s
// RUN: printf '#heap2stack-profile 1\n' > %t.empty
// RUN: not %h2s_profile report --records %s %t.empty 2>&1 | FileCheck --check-prefix=NOTREC %s
// Records that LLVM's parser reads but that are not heap2stack's remarks
// as it writes them: a site without its Reason, a flow step before any
// site, a parameter of an unknown form. Other passes' remarks are skipped.
// RUN: printf -- '--- !Missed\nPass: heap2stack\nName: KeptOnHeap\nFunction: f\nArgs:\n  - Expr: x\n  - Allocator: malloc\n  - Detail: d\n...\n' > %t.noreason.yaml
// RUN: not %h2s_profile report --records %t.noreason.yaml %t.empty 2>&1 | FileCheck --check-prefix=NOREASON %s
// RUN: printf -- '--- !Analysis\nPass: heap2stack\nName: Flow\nFunction: f\nArgs:\n  - Step: 1\n  - Dst: a\n  - Src: b\n  - Why: assign\n...\n' > %t.flow.yaml
// RUN: not %h2s_profile report --records %t.flow.yaml %t.empty 2>&1 | FileCheck --check-prefix=FLOWFIRST %s
// RUN: printf -- '--- !Analysis\nPass: heap2stack\nName: Param\nFunction: f\nArgs:\n  - Param: p\n  - ArgNo: 0\n  - Form: weird\n...\n' > %t.form.yaml
// RUN: not %h2s_profile report --records %t.form.yaml %t.empty 2>&1 | FileCheck --check-prefix=FORM %s
// RUN: printf -- '--- !Missed\nPass: inline\nName: NoDefinition\nFunction: f\nArgs:\n  - Callee: g\n...\n' > %t.inline.yaml
// RUN: %h2s_profile report --records %t.inline.yaml %t.empty | FileCheck --check-prefix=OTHERPASS %s
// RUN: not %h2s_profile report --top many %t.empty 2>&1 | FileCheck --check-prefix=TOP %s
// RUN: not %h2s_profile report --svg 2>&1 | FileCheck --check-prefix=SVGARG %s
// RUN: not %h2s_profile report --svg %t.no/such/dir/x.svg %t.empty 2>&1 | FileCheck --check-prefix=SVGOUT %s
// RUN: not %h2s_profile report --bogus %t.empty 2>&1 | FileCheck --check-prefix=BOGUS %s
// RUN: not %h2s_profile sizes 2>&1 | FileCheck --check-prefix=SIZESNONE %s
// RUN: not %h2s_profile sizes -o 2>&1 | FileCheck --check-prefix=SIZESARG %s
// RUN: not %h2s_profile sizes --bogus %t.empty 2>&1 | FileCheck --check-prefix=BOGUS %s
// RUN: not %h2s_profile sizes %t.missing 2>&1 | FileCheck --check-prefix=MISSING %s
// RUN: not %h2s_profile sizes %t.bad 2>&1 | FileCheck --check-prefix=MALFORMED %s
// RUN: not %h2s_profile sizes -o %t.no/such/dir/x.sizes %t.empty 2>&1 | FileCheck --check-prefix=SIZESOUT %s
//
// An empty profile is a valid one, and the command's exit status passes
// through `run` (the profile is written all the same):
// RUN: %h2s_profile report %t.empty | FileCheck --check-prefix=EMPTY %s
// RUN: %h2s_profile sizes %t.empty | FileCheck --check-prefix=SIZESEMPTY %s
// RUN: not %h2s_profile run -o %t.false.prof -- false 2>&1 | FileCheck --check-prefix=FALSE %s
// RUN: FileCheck --check-prefix=PROFILE %s < %t.false.prof
//
// NOCMD: heap2stack-profile: error: no command given
// UNKNOWN: heap2stack-profile: error: unknown command 'frobnicate'
// RUNNOTHING: heap2stack-profile: error: run: no command given
// RUNOPT: heap2stack-profile: error: unknown option '-x'
// NOPROG: heap2stack-profile: error: cannot run {{.*}}does-not-exist: No such file or directory
// NOOUT: heap2stack-profile: error: cannot write {{.*}}p.prof: No such file or directory
// NORT: heap2stack-profile: error: run-time library {{.*}}no-runtime.so: No such file or directory (set HEAP2STACK_PROFILE_RUNTIME)
// NOPROF: heap2stack-profile: error: report: no profile given
// MISSING: heap2stack-profile: error: cannot read {{.*}}.missing: No such file or directory
// DIR: heap2stack-profile: error: cannot read {{.*}}profile: Is a directory
// NOTPROF: heap2stack-profile: error: {{.*}}bad-input.c: not a heap2stack profile (no '#heap2stack-profile' line before line 1)
// MALFORMED: heap2stack-profile: error: {{.*}}.bad: line 2: malformed site
// VERSION: heap2stack-profile: error: {{.*}}.v7: profile of format version '7', this tool reads version 1
// NOTREC: heap2stack-profile: error: {{.*}}bad-input.c: not a valid YAML remark file: {{.+}}
// NOREASON: heap2stack-profile: error: {{.*}}noreason.yaml: remark 1: heap2stack's 'KeptOnHeap' remark has no valid 'Reason' argument
// FLOWFIRST: heap2stack-profile: error: {{.*}}flow.yaml: remark 1: a flow step before any allocation site
// FORM: heap2stack-profile: error: {{.*}}form.yaml: remark 1: heap2stack's 'Param' remark has no valid 'Form' argument
// OTHERPASS: 0 allocations
// TOP: heap2stack-profile: error: --top: not a number 'many'
// SVGARG: heap2stack-profile: error: missing value after '--svg'
// SVGOUT: heap2stack-profile: error: cannot write {{.*}}x.svg: No such file or directory
// BOGUS: heap2stack-profile: error: unknown option '--bogus'
// SIZESNONE: heap2stack-profile: error: sizes: no profile given
// SIZESARG: heap2stack-profile: error: missing value after '-o'
// SIZESOUT: heap2stack-profile: error: cannot write {{.*}}x.sizes: No such file or directory
// SIZESEMPTY: #heap2stack-sizes 1
// SIZESEMPTY-NOT: site
// EMPTY: 0 allocations by the program at 0 sites; 0 could have lived on the stack
// FALSE: heap2stack-profile: 1 process, 0 allocations by the program
// PROFILE: #heap2stack-profile 1
int main(void) { return 0; }

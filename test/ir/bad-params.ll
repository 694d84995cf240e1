; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<max-size=abc>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=VALUE
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<max-size=-1>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=NEGATIVE
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<max-size=99999999999999999999999>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=HUGE
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<max-size>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=NOVALUE
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<bogus=1>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=UNKNOWN
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<no-loops=1>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=FLAG
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<max-size=64;;no-loops>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=EMPTY
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=NOTHING
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<=5>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=NONAME
; RUN: not %opt -load-pass-plugin=%plugin -passes='print<escape<verbose=1>>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=PRINTFLAG
; RUN: not %opt -load-pass-plugin=%plugin -passes='print<escape<frame-budget=x>>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=PRINTVALUE
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<max-size=16;max-size=8>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=TWICE
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<no-loops;loops>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=LOOPS
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<loops;loops>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=LOOPS2
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<freed-escapes;no-freed-escapes>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=FREED
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<no-freed-escapes=0>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=FREEDFLAG
; RUN: not %opt -load-pass-plugin=%plugin -passes='print<escape<verbose;verbose>>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=VERBOSE2
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack(function(sroa))' -disable-output %s 2>&1 | FileCheck %s --check-prefix=INNER
; RUN: not %opt -load-pass-plugin=%plugin -passes='print<escape>(sroa)' -disable-output %s 2>&1 | FileCheck %s --check-prefix=PRINTINNER
; RUN: not %opt -load-pass-plugin=%plugin -passes=heap2stack -escape-options=max-size=8 -disable-output %s 2>&1 | FileCheck %s --check-prefix=CLOPT
; RUN: not %opt -load-pass-plugin=%plugin -passes='print<escape>' -escape-options=max-size=8 -disable-output %s 2>&1 | FileCheck %s --check-prefix=PRINTCLOPT
; RUN: %opt -load-pass-plugin=%plugin -passes=heap2stack -escape-report=- -disable-output %S/malloc.ll 2>&1 | FileCheck %s --check-prefix=CLREPORT
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<guard-size=1k>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=GUARD
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<inline-budget=lots>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=INLINE
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<loop-slots=-2>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=SLOTS
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<recursive-stack=some>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=FRAMES
; RUN: not %opt -load-pass-plugin=%plugin -passes='heap2stack<recursive-frames=8>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=RETIRED
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<max-size=64;frame-budget=128;recursive-budget=0;recursive-stack=0;guard-size=32;loop-slots=0;no-loops>' -disable-output %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<loops;verbose;freed-escapes>' -disable-output %s
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<no-freed-escapes>' -disable-output %s
; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape<verbose;max-size=8>>' -disable-output %s
;
; Malformed pass parameters are errors that name the pass text and the
; parameter, and opt exits with a failure status; a parameter given twice
; (`loops` and `no-loops` are one parameter) is an error, not "the last one
; wins", and so are `freed-escapes` and `no-freed-escapes`; every valid
; parameter at once (the last four RUN lines) is
; accepted. -escape-options is for the default pipelines: with a pass in
; -passes it is an error, not silently ignored; -escape-report applies to
; every heap2stack pass.

; VALUE:      heap2stack: {{(error: )?}}in 'heap2stack<max-size=abc>': invalid value 'abc' for parameter 'max-size': expected a number of bytes
; NEGATIVE:   heap2stack: {{(error: )?}}in 'heap2stack<max-size=-1>': invalid value '-1' for parameter 'max-size': expected a number of bytes
; HUGE:       heap2stack: {{(error: )?}}in 'heap2stack<max-size=99999999999999999999999>': invalid value '99999999999999999999999' for parameter 'max-size': expected a number of bytes
; GUARD:      heap2stack: {{(error: )?}}in 'heap2stack<guard-size=1k>': invalid value '1k' for parameter 'guard-size': expected a number of bytes
; INLINE:     heap2stack: {{(error: )?}}in 'heap2stack<inline-budget=lots>': invalid value 'lots' for parameter 'inline-budget': expected a number of instructions
; SLOTS:      heap2stack: {{(error: )?}}in 'heap2stack<loop-slots=-2>': invalid value '-2' for parameter 'loop-slots': expected a number of slots
; FRAMES:     heap2stack: {{(error: )?}}in 'heap2stack<recursive-stack=some>': invalid value 'some' for parameter 'recursive-stack': expected a number of bytes
; RETIRED:    heap2stack: {{(error: )?}}in 'heap2stack<recursive-frames=8>': unknown parameter 'recursive-frames' (known: {{.*}}recursive-stack=N{{.*}})
; NOVALUE:    heap2stack: {{(error: )?}}in 'heap2stack<max-size>': invalid value '' for parameter 'max-size': expected a number of bytes
; UNKNOWN:    heap2stack: {{(error: )?}}in 'heap2stack<bogus=1>': unknown parameter 'bogus' (known: max-size=N, frame-budget=N, recursive-budget=N, recursive-stack=N, guard-size=N, inline-budget=N, hot-inline-budget=N, loop-slots=N, loops, no-loops, freed-escapes, no-freed-escapes, verbose, profile=FILE)
; FLAG:       heap2stack: {{(error: )?}}in 'heap2stack<no-loops=1>': parameter 'no-loops' is a flag and takes no value
; EMPTY:      heap2stack: {{(error: )?}}in 'heap2stack<max-size=64;;no-loops>': empty parameter
; NOTHING:    heap2stack: {{(error: )?}}in 'heap2stack<>': empty parameter
; NONAME:     heap2stack: {{(error: )?}}in 'heap2stack<=5>': parameter '=5' has no name
; PRINTFLAG:  heap2stack: {{(error: )?}}in 'print<escape<verbose=1>>': parameter 'verbose' is a flag and takes no value
; PRINTVALUE: heap2stack: {{(error: )?}}in 'print<escape<frame-budget=x>>': invalid value 'x' for parameter 'frame-budget': expected a number of bytes

define void @f() {
  ret void
}
; TWICE:      heap2stack: {{(error: )?}}in 'heap2stack<max-size=16;max-size=8>': parameter 'max-size' is given more than once
; LOOPS:      heap2stack: {{(error: )?}}in 'heap2stack<no-loops;loops>': parameter 'loops' contradicts or repeats an earlier 'loops' or 'no-loops'
; LOOPS2:     heap2stack: {{(error: )?}}in 'heap2stack<loops;loops>': parameter 'loops' contradicts or repeats an earlier 'loops' or 'no-loops'
; FREED:      heap2stack: {{(error: )?}}in 'heap2stack<freed-escapes;no-freed-escapes>': parameter 'no-freed-escapes' contradicts or repeats an earlier 'freed-escapes' or 'no-freed-escapes'
; FREEDFLAG:  heap2stack: {{(error: )?}}in 'heap2stack<no-freed-escapes=0>': parameter 'no-freed-escapes' is a flag and takes no value
; VERBOSE2:   heap2stack: {{(error: )?}}in 'print<escape<verbose;verbose>>': parameter 'verbose' is given more than once
; INNER:      heap2stack: error: in 'heap2stack(...)': heap2stack is a module pass and takes no inner pipeline
; PRINTINNER: heap2stack: error: in 'print<escape>(...)': print<escape> is a module pass and takes no inner pipeline
; CLOPT:      heap2stack: error: -escape-options= is for the default pipelines (clang, LTO); a pass in -passes takes its parameters as heap2stack<PARAMS>
; PRINTCLOPT: heap2stack: error: -escape-options= is for the default pipelines (clang, LTO); a pass in -passes takes its parameters as print<escape<PARAMS>>
; CLREPORT:   f: malloc(16) does not escape

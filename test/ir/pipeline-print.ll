; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<max-size=64;loop-slots=8;no-loops;no-freed-escapes>' -print-pipeline-passes -disable-output %s | FileCheck %s --check-prefix=PARAMS
; RUN: %opt -load-pass-plugin=%plugin -passes='heap2stack<max-size=4096;loop-slots=64;loops>' -print-pipeline-passes -disable-output %s | FileCheck %s --check-prefix=DEFAULTS
; RUN: %opt -load-pass-plugin=%plugin -passes='print<escape<verbose>>' -print-pipeline-passes -disable-output %s 2>/dev/null | FileCheck %s --check-prefix=PRINT
;
; -print-pipeline-passes writes the parameters that differ from the
; defaults, so the printed pipeline parses back to the same pass.

; PARAMS:   heap2stack<max-size=64;loop-slots=8;no-loops;no-freed-escapes>
; DEFAULTS: {{^}}heap2stack{{(,|$)}}
; PRINT:    print<escape<verbose>>

define void @f() {
  ret void
}

// A heap2stack.so built for another LLVM release, loaded by this release's
// clang or opt: one line naming both releases and exit status 1, not a
// crash. Needs both builds (tools/test.sh builds 19 first, then 22, so the
// 22 run has this test).
//
// REQUIRES: other_release_plugin
// RUN: not %clang -O2 -fpass-plugin=%other_plugin -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: not %opt -load-pass-plugin=%other_plugin -passes=heap2stack -disable-output %S/../ir/malloc.ll 2>&1 | FileCheck %s
// CHECK: heap2stack: error: this heap2stack.so was built for LLVM [[OTHER:[0-9]+]].{{[0-9.]+}} but is loaded by LLVM [[THIS:[0-9]+]].{{[0-9.]+}}; rebuild it against LLVM [[THIS]] (-DLLVM_DIR=.../llvm-[[THIS]]/lib/cmake/llvm)
// CHECK-NOT: Stack dump
int main(void) { return 0; }

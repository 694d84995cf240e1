// heap2stack's package in a project whose compiler is the clang of the
// other supported LLVM release: not found, with one sentence naming both
// releases (CMake wraps it; tr joins its lines).
//
// REQUIRES: other_release_clang
// RUN: rm -rf %t && mkdir -p %t
// RUN: %cmake --install %h2s_build --prefix %t/prefix > /dev/null
// RUN: not %cmake -S %S/Inputs/sample -B %t/sample -DCMAKE_C_COMPILER=%other_clang -DCMAKE_PREFIX_PATH=%t/prefix > %t/configure.log 2>&1
// RUN: tr -s '\n ' '  ' < %t/configure.log | FileCheck -DMAJOR=%llvm_major %s
//
// CHECK: Reason given by package: heap2stack is built for LLVM [[MAJOR]] and runs only in clang [[MAJOR]], but the C compiler is Clang [[OTHER:[0-9]+]].{{[0-9.]+}} at {{[^ ]*}}/llvm-[[OTHER]]/bin/clang (heap2stack found in {{[^ ]*}}/prefix).

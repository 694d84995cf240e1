// heap2stack_enable() misused, and a version of the package that is not
// there (Inputs/misuse, one CASE per configure, against the build tree's
// package): each stops with one sentence naming the problem. CMake wraps
// the message; tr joins its lines. Bad plugin parameters fail the build,
// per translation unit and at the link, with the plugin's own error.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: %cmake -S %S/Inputs/misuse -B %t/m -DCASE=none -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER=%clang -DCMAKE_CXX_COMPILER=g++ -Dheap2stack_DIR=%h2s_build/cmake > %t/none.log
// RUN: not %cmake -DCASE=cxx-compiler %t/m 2>&1 | tr -s '\n ' '  ' | FileCheck --check-prefix=CXX -DMAJOR=%llvm_major %s
// RUN: not %cmake -DCASE=no-target %t/m 2>&1 | tr -s '\n ' '  ' | FileCheck --check-prefix=NO-TARGET %s
// RUN: not %cmake -DCASE=unknown-argument %t/m 2>&1 | tr -s '\n ' '  ' | FileCheck --check-prefix=ARGUMENT %s
// RUN: not %cmake -DCASE=empty-options %t/m 2>&1 | tr -s '\n ' '  ' | FileCheck --check-prefix=EMPTY %s
// RUN: not %cmake -DCASE=lto-static %t/m 2>&1 | tr -s '\n ' '  ' | FileCheck --check-prefix=STATIC %s
//
// RUN: %cmake -DCASE=bad-parameter %t/m > /dev/null
// RUN: not %cmake --build %t/m --target app 2>&1 | FileCheck --check-prefix=PARAM %s
// RUN: %cmake -DCASE=bad-parameter-lto %t/m > /dev/null
// RUN: not %cmake --build %t/m --target app 2>&1 | FileCheck --check-prefix=PARAM %s
//
// The package is 0.1.0; a request for 0.1 finds it, one for 0.2 does not.
// RUN: %cmake -DCASE=none -DREQUEST=0.1 %t/m > /dev/null
// RUN: not %cmake -DCASE=none -DREQUEST=0.2 %t/m 2>&1 | tr -s '\n ' '  ' | FileCheck --check-prefix=VERSION %s
//
// CXX: CMake Error at {{.*}}heap2stackEnable.cmake:{{[0-9]+}} (message): heap2stack_enable(app_cxx): heap2stack is built for LLVM [[MAJOR]] and runs only in clang [[MAJOR]], but the C++ compiler is GNU {{[0-9.]+}} at {{[^ ]*}}g++.
// NO-TARGET: heap2stack_enable(ap): there is no target named 'ap'.
// ARGUMENT: heap2stack_enable(app): unknown argument 'OPTION' (expected LTO or OPTIONS <param>...).
// EMPTY: heap2stack_enable(app): OPTIONS needs at least one plugin parameter (e.g. OPTIONS max-size=256).
// STATIC: heap2stack_enable(lib): with LTO heap2stack runs when lib is linked, but lib is a STATIC_LIBRARY: enable it on the executable or library that links lib.
// VERSION: Could not find a configuration file for package "heap2stack" that is compatible with requested version "0.2".
// VERSION-SAME: heap2stackConfig.cmake, version: 0.1.0
// PARAM: heap2stack: error: in '-escape-options=max-size=48;bogus': unknown parameter 'bogus'

// heap2stack's CMake package, installed into a prefix, on a sample project
// (Inputs/sample): find_package(heap2stack CONFIG REQUIRED) and
// heap2stack_enable() per translation unit, with LTO, with OPTIONS and on a
// target with INTERPROCEDURAL_OPTIMIZATION, and a target without the call.
// The plugin ran where the allocations it demotes are gone at run time
// (alloccount) and where its remark is in the build log.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: %cmake --install %h2s_build --prefix %t/staged > %t/install.log
// The installed package is relocatable: it is used from where it is moved.
// RUN: mv %t/staged %t/prefix
// RUN: cd %t/prefix && find . -type f | sort > %t/layout
// RUN: FileCheck --check-prefix=LAYOUT %s < %t/layout
//
// RUN: %cmake -S %S/Inputs/sample -B %t/sample -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER=%clang -DCMAKE_PREFIX_PATH=%t/prefix -DCMAKE_C_FLAGS=-Rpass=heap2stack > %t/configure.log
// RUN: FileCheck --check-prefix=FOUND -DMAJOR=%llvm_major %s < %t/configure.log
// RUN: %cmake --build %t/sample > %t/build.log 2>&1
// RUN: FileCheck --check-prefix=REMARK %s < %t/build.log
// RUN: not grep -r plugin %t/sample/CMakeFiles/plain.dir
//
// RUN: %t/sample/plain > %t/plain.out
// RUN: FileCheck --check-prefix=OUT %s < %t/plain.out
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t/counts %t/sample/plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t/counts %t/sample/per_tu > %t/per_tu.out
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t/counts %t/sample/per_tu_options > %t/per_tu_options.out
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t/counts %t/sample/lto > %t/lto.out
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t/counts %t/sample/lto_options > %t/lto_options.out
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t/counts %t/sample/ipo > %t/ipo.out
// RUN: FileCheck --check-prefix=COUNT %s < %t/counts
// RUN: diff %t/plain.out %t/per_tu.out
// RUN: diff %t/plain.out %t/per_tu_options.out
// RUN: diff %t/plain.out %t/lto.out
// RUN: diff %t/plain.out %t/lto_options.out
// RUN: diff %t/plain.out %t/ipo.out
//
// The build tree's package (export()) works too.
// RUN: %cmake -S %S/Inputs/sample -B %t/from-build -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER=%clang -Dheap2stack_DIR=%h2s_build/cmake > %t/configure-build.log
// RUN: FileCheck --check-prefix=FOUND-BUILD -DMAJOR=%llvm_major %s < %t/configure-build.log
// RUN: %cmake --build %t/from-build --target per_tu > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t/counts-build %t/from-build/per_tu > /dev/null
// RUN: FileCheck --check-prefix=COUNT-BUILD %s < %t/counts-build
//
// A project whose only compiler is gcc: the package is not found, and says
// why in one sentence (CMake wraps it; tr joins its lines).
// RUN: not %cmake -S %S/Inputs/sample -B %t/gcc -DCMAKE_C_COMPILER=gcc -DCMAKE_PREFIX_PATH=%t/prefix > %t/gcc.log 2>&1
// RUN: tr -s '\n ' '  ' < %t/gcc.log | FileCheck --check-prefix=GCC -DMAJOR=%llvm_major %s
//
// The install layout: the plugin, the package, the tools and their man
// pages; no header (nothing can link the plugin's core).
// LAYOUT:      ./bin/escape-report
// LAYOUT-NEXT: ./bin/heap2stack-profile
// LAYOUT-NEXT: ./lib/alloccount.so
// LAYOUT-NEXT: ./lib/cmake/heap2stack/heap2stackConfig.cmake
// LAYOUT-NEXT: ./lib/cmake/heap2stack/heap2stackConfigVersion.cmake
// LAYOUT-NEXT: ./lib/cmake/heap2stack/heap2stackEnable.cmake
// LAYOUT-NEXT: ./lib/cmake/heap2stack/heap2stackTargets-release.cmake
// LAYOUT-NEXT: ./lib/cmake/heap2stack/heap2stackTargets.cmake
// LAYOUT-NEXT: ./lib/heap2stack.so
// LAYOUT-NEXT: ./lib/libheap2stack-profile.so
// LAYOUT-NEXT: ./share/man/man1/escape-report.1
// LAYOUT-NEXT: ./share/man/man1/heap2stack-profile.1
// LAYOUT-NOT:  {{.}}
//
// FOUND: heap2stack for LLVM [[MAJOR]]: {{.*}}/prefix/lib/heap2stack.so
// FOUND-BUILD: heap2stack for LLVM [[MAJOR]]: {{.*}}/pass/heap2stack.so
//
// Only per_tu runs the plugin at compile time with its default parameters:
// the one remark is for lower()'s buffer (the -O2 compiles of plain,
// per_tu_options, whose max-size=48 keeps it, and the LTO targets, whose
// plugin runs at the link, have none).
// REMARK:     main.c:17:14: remark: malloc(64) does not escape: moved to a 64-byte stack slot [-Rpass=heap2stack]
// REMARK-NOT: remark:
//
// OUT: 52400 Sample
//
// plain: 100 x lower(), 10 x hash() through xmalloc(), 1 x remember().
// per_tu: lower()'s buffer on the stack; xmalloc() hides hash()'s.
// per_tu_options (max-size=48): lower()'s 64 bytes stay on the heap.
// lto: both buffers on the stack; remember()'s block stays on the heap.
// lto_options (max-size=48): hash()'s 32 bytes on the stack, not lower()'s.
// ipo: as lto, at the link of CMake's -flto=thin.
// COUNT:      alloccount: program=111 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=11 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=111 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=1 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=101 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=1 all={{[0-9]+}}
// COUNT-BUILD: alloccount: program=11 all={{[0-9]+}}
//
// GCC: Found package configuration file: {{[^ ]*}}/prefix/lib/cmake/heap2stack/heap2stackConfig.cmake but it set heap2stack_FOUND to FALSE
// GCC-SAME: Reason given by package: heap2stack is built for LLVM [[MAJOR]] and runs only in clang [[MAJOR]], but the C compiler is GNU {{[0-9.]+}} at {{[^ ]*}}gcc (heap2stack found in {{[^ ]*}}/prefix).

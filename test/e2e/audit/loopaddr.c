// Regression (soundness audit): Buffers allocated in a loop and never freed have distinct addresses:
// an address kept (as an integer) from an earlier iteration and compared
// with the new one keeps the earlier object alive, so one slot cannot
// serve every iteration.
//
// RUN: %clang -O2 %s -o %t.plain
// RUN: %clang -O2 -fpass-plugin=%plugin %s -o %t.h2s
// RUN: %t.plain > %t.plain.out
// RUN: %t.h2s > %t.h2s.out
// RUN: diff %t.plain.out %t.h2s.out
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fsanitize=address -fpass-plugin=%plugin %s -o %t.asan
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t.asan > %t.asan.out
// RUN: diff %t.plain.out %t.asan.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// CHECK-NOT: malloc(16) does not escape
// OUT: dup=0
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
volatile int sink;
int main(int argc, char **argv) {
  uintptr_t prev = 0; int dup = 0;
  for (int i = 0; i < 10 + argc; i++) {
    char *p = malloc(16);
    p[0] = (char)i; sink = p[0];
    if ((uintptr_t)p == prev) dup++;
    prev = (uintptr_t)p;
  }
  printf("dup=%d\n", dup);
  return 0;
}

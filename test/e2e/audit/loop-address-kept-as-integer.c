// Regression (soundness audit): Buffers allocated in a loop and never freed have distinct addresses:
// an address kept (as an integer) from an earlier iteration and compared
// with the new one keeps the earlier object alive, so one slot cannot
// serve every iteration (loop-slots=0: the heap). By default each
// execution gets its own slot of a pool of 64 and the later ones heap
// blocks, all distinct: the 100 iterations run both.
//
// RUN: %e2e %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-options=loop-slots=0 -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=ONESLOT %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// ONESLOT-NOT: malloc(16) does not escape
// CHECK: malloc(16) does not escape: 64 stack slots of 16 bytes, one per execution, heap after the last [
// OUT: dup=0
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
volatile int sink;
int main(int argc, char **argv) {
  uintptr_t prev = 0; int dup = 0;
  for (int i = 0; i < 100 + argc; i++) {
    char *p = malloc(16);
    p[0] = (char)i; sink = p[0];
    if ((uintptr_t)p == prev) dup++;
    prev = (uintptr_t)p;
  }
  printf("dup=%d\n", dup);
  return 0;
}

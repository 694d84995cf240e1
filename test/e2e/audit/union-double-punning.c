// Regression (soundness audit): Union type punning copies a pointer through a double: the loaded
// double carries the pointer.
//
// RUN: %e2e %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// CHECK-NOT: malloc(16) does not escape
// OUT: hello-dbl
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
union u { double d; char *p; };
union u g;
volatile int gi = 1, gj = 1;
__attribute__((noinline)) void test(void) {
  char *p = malloc(16); strcpy(p, "hello-dbl");
  union u *m = malloc(4 * sizeof *m);
  m[gi].p = p;
  g.d = m[gj].d;
  free(m);
}
int main(int argc, char **argv) {
  test();
  char pad[256]; memset(pad, 'x', sizeof pad); __asm__ volatile("" :: "r"(pad) : "memory");
  puts(g.p);
  return 0;
}

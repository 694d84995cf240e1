// Regression (soundness audit): A callee returns either its argument or what it points to: every
// dereference level that reaches the result must be followed, not only
// the smallest, or the free of the inner buffer is deleted.
//
// RUN: %e2e %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// CHECK-NOT: malloc(16) does not escape
// OUT: hello-res
// OUT-NEXT: done
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
volatile int g_zero = 0;
__attribute__((noinline)) char *pick(char **pp, int c) { return c ? (char *)pp : *pp; }
__attribute__((noinline)) void test(int n) {
  char *x = malloc(16); strcpy(x, "hello-res");
  char **m = malloc(n);
  *m = x;
  char *r = pick(m, g_zero);
  puts(r);
  free(r);
  free(m);
}
int main(int argc, char **argv) { test(8 + argc - 1); puts("done"); return 0; }

// Regression (soundness audit): A callee writes an unknown pointer through its parameter via another
// callee: the caller's object then holds an unknown pointer, and a store
// through it escapes.
//
// RUN: %e2e %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// CHECK-NOT: malloc(16) does not escape
// OUT: hello-written
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
char **G;
__attribute__((noinline)) void inner(char ***pp) { *pp = G; }
__attribute__((noinline)) void outer(char ***pp) { inner(pp); }
__attribute__((noinline)) void test(void) {
  char *y = malloc(16); strcpy(y, "hello-written");
  char **x = malloc(8);
  char **h = x;
  outer(&h);
  *h = y;
  free(x);
}
int main(void) {
  G = malloc(8);
  test();
  char pad[256]; memset(pad, 'x', sizeof pad); __asm__ volatile("" :: "r"(pad) : "memory");
  puts(*G);
  return 0;
}

// Regression (soundness audit): A callee writes an unknown pointer through its parameter via another
// callee: the caller's object then holds an unknown pointer, and a store
// through it escapes.
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

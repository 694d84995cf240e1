// Regression (second soundness audit): `p - q` where q may be null is p's address: a pointer difference is
// harmless only between two pointers into one object, neither null. (At
// -O1 the null arrives through a phi.)
//
// RUN: %e2e %t -O1 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O1 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// CHECK-NOT: malloc(16) does not escape
// OUT: nulled
// OUT-NEXT: hello
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
intptr_t gd;
__attribute__((noinline)) void f(int n) {
  char *p = malloc(16); strcpy(p, "hello");
  char *q = p;
  if (n > 1) { q = NULL; puts("nulled"); }
  if (q) puts(q);
  gd = (intptr_t)p - (intptr_t)q;
}
__attribute__((noinline)) void clobber(void){ char pad[256]; memset(pad,'x',256); __asm__ volatile(""::"r"(pad):"memory"); }
int main(int argc, char**argv) {
  f(argc + 1);
  clobber();
  printf("%.5s\n", (char*)gd);
  return 0;
}

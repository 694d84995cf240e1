// Regression (second soundness audit): printf's positional %1$p prints an address as surely as %p does.
//
// RUN: %e2e %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// CHECK-NOT: malloc(16) does not escape
// OUT: hello
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
char gbuf[64];
__attribute__((noinline)) void f(void) {
  char *p = malloc(16); strcpy(p, "hello");
  sprintf(gbuf, "%1$p", p);
}
__attribute__((noinline)) void clobber(void){ char pad[256]; memset(pad,'x',256); __asm__ volatile(""::"r"(pad):"memory"); }
int main(void) {
  f();
  clobber();
  void *q; sscanf(gbuf, "%p", &q);
  printf("%.5s\n", (char*)q);
  return 0;
}

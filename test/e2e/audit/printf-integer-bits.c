// Regression (second soundness audit): A pointer's bits printed as an integer (%lx) and scanned back: a
// library call's integer argument is its value, which leaves.
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
__attribute__((noinline)) void f(int n) {
  char *p = malloc(16); strcpy(p, "hello");
  char *arr[2];
  arr[0] = p; arr[1] = p;
  unsigned long v; memcpy(&v, &arr[n & 1], sizeof v);
  sprintf(gbuf, "%lx", v);
}
__attribute__((noinline)) void clobber(void){ char pad[256]; memset(pad,'x',256); __asm__ volatile(""::"r"(pad):"memory"); }
int main(int argc, char**argv) {
  f(argc);
  clobber();
  unsigned long v; sscanf(gbuf, "%lx", &v);
  printf("%.5s\n", (char*)v);
  return 0;
}

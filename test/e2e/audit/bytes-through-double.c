// Regression (second soundness audit): A pointer's bytes converted to doubles and back: integer-to-float
// conversions keep the bytes.
//
// RUN: %e2e %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// CHECK-NOT: malloc(16) does not escape
// OUT: hello
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
double gd[8];
__attribute__((noinline)) void f(int n) {
  char *p = malloc(16); strcpy(p, "hello");
  char *arr[2];
  arr[0] = p; arr[1] = p;
  unsigned char *b = (unsigned char *)&arr[n & 1];
  for (int i = 0; i < 8; i++) gd[i] = b[i];
}
__attribute__((noinline)) void clobber(void){ char pad[256]; memset(pad,'x',256); __asm__ volatile(""::"r"(pad):"memory"); }
int main(int argc, char**argv) {
  f(argc);
  clobber();
  unsigned char b[8]; for (int i = 0; i < 8; i++) b[i] = (unsigned char)gd[i];
  char *q; memcpy(&q, b, 8);
  printf("%.5s\n", q);
  return 0;
}

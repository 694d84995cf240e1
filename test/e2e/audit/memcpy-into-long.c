// Regression (second soundness audit): A pointer's bytes memcpy'd into a long array and read back as a long:
// legal C (the array's declared type is long), so the long carries the
// pointer, whatever type-based alias analysis says.
//
// RUN: %e2e %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// CHECK-NOT: malloc(16) does not escape
// OUT: hello
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
long saved[4];
__attribute__((noinline)) void f(int n) {
  char *p = malloc(16); strcpy(p, "hello");
  char *arr[4] = {p, p, p, p};
  long tmp[4];
  memcpy(tmp, arr, n * sizeof(long));
  saved[0] = tmp[0];
}
__attribute__((noinline)) void clobber(void){ char pad[256]; memset(pad,'x',256); __asm__ volatile(""::"r"(pad):"memory"); }
int main(int argc, char **argv) {
  f(3 + argc);
  clobber();
  char *q = (char *)saved[0];
  printf("%.5s\n", q);
  return 0;
}

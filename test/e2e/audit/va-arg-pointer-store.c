// Regression (soundness audit): A pointer taken from va_arg points into the caller's memory: a store
// through it escapes.
//
// RUN: %e2e %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// CHECK-NOT: malloc(16) does not escape
// OUT: hello-va
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
__attribute__((noinline)) void f(int n, ...) {
  va_list ap; va_start(ap, n);
  char **out = va_arg(ap, char **);
  va_end(ap);
  char *y = malloc(16);
  strcpy(y, "hello-va");
  *out = y;
}
int main(void) {
  char *r = 0;
  f(1, &r);
  char pad[256]; memset(pad, 'x', sizeof pad); __asm__ volatile("" :: "r"(pad) : "memory");
  puts(r);
  return 0;
}

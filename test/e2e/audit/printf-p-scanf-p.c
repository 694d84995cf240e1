// Regression (soundness audit): printf's %p turns an address into text that scanf's %p turns back
// into the pointer: a pointer printed with %p escapes.
//
// RUN: %e2e %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// CHECK-NOT: malloc(16) does not escape
// OUT: hello-%p
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
char gbuf[64];
__attribute__((noinline)) void test(void) {
  char *x = malloc(16); strcpy(x, "hello-%p");
  sprintf(gbuf, "%p", (void *)x);
}
int main(void) {
  test();
  char pad[256]; memset(pad, 'x', sizeof pad); __asm__ volatile("" :: "r"(pad) : "memory");
  void *q; sscanf(gbuf, "%p", &q);
  puts((char *)q);
  return 0;
}

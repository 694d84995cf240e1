// Regression (soundness audit): printf's %p turns an address into text that scanf's %p turns back
// into the pointer: a pointer printed with %p escapes.
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

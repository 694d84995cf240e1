// Regression (soundness audit): Union type punning copies a pointer through a double: the loaded
// double carries the pointer.
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
// OUT: hello-dbl
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
union u { double d; char *p; };
union u g;
volatile int gi = 1, gj = 1;
__attribute__((noinline)) void test(void) {
  char *p = malloc(16); strcpy(p, "hello-dbl");
  union u *m = malloc(4 * sizeof *m);
  m[gi].p = p;
  g.d = m[gj].d;
  free(m);
}
int main(int argc, char **argv) {
  test();
  char pad[256]; memset(pad, 'x', sizeof pad); __asm__ volatile("" :: "r"(pad) : "memory");
  puts(g.p);
  return 0;
}

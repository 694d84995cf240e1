// Regression (soundness audit): A callee read()s a pointer into the caller's variable: the caller's
// object then holds an unknown pointer, and a store through it escapes.
//
// RUN: %e2e %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// CHECK-NOT: malloc(16) does not escape
// OUT: hello-rp
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
int fds[2];
char *gcell;
__attribute__((noinline)) void getptr(void *dst) { read(fds[0], dst, sizeof(void *)); }
__attribute__((noinline)) void test(void) {
  char *y = malloc(16); strcpy(y, "hello-rp");
  char **x = malloc(8);
  char **h = x;
  getptr(&h);   /* h = &gcell */
  *h = y;
  free(x);
}
int main(void) {
  pipe(fds);
  char **pc = &gcell; write(fds[1], &pc, sizeof pc);
  test();
  char pad[256]; memset(pad, 'x', sizeof pad); __asm__ volatile("" :: "r"(pad) : "memory");
  puts(gcell);
  return 0;
}

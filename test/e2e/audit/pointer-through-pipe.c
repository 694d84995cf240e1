// Regression (soundness audit): The bytes of a pointer written to a pipe and read back: a buffer whose
// contents leave through write() escapes.
//
// RUN: %e2e %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// CHECK-NOT: malloc(16) does not escape
// OUT: hello-write
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
int fds[2];
__attribute__((noinline)) void test(void) {
  char *x = malloc(16); strcpy(x, "hello-write");
  write(fds[1], &x, sizeof x);
}
int main(void) {
  pipe(fds);
  test();
  char pad[256]; memset(pad, 'x', sizeof pad); __asm__ volatile("" :: "r"(pad) : "memory");
  char *q; read(fds[0], &q, sizeof q);
  puts(q);
  return 0;
}

// Regression (soundness audit): The difference between a buffer and the frame address, plus the frame
// address, rebuilds the buffer's address: such a difference escapes.
//
// RUN: %e2e %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// CHECK-NOT: malloc(16) does not escape
// OUT: hello-pdiff
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
uintptr_t g_base, g_diff;
__attribute__((noinline)) void test(void) {
  char *p = malloc(16); strcpy(p, "hello-pdiff");
  char *fp = __builtin_frame_address(0);
  g_base = (uintptr_t)fp;
  g_diff = (uintptr_t)p - (uintptr_t)fp;
}
int main(void) {
  test();
  char pad[256]; memset(pad, 'x', sizeof pad); __asm__ volatile("" :: "r"(pad) : "memory");
  puts((char *)(g_base + g_diff));
  return 0;
}

// Regression (soundness audit): The difference between a buffer and the frame address, plus the frame
// address, rebuilds the buffer's address: such a difference escapes.
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

// Regression (soundness audit): A pointer's bytes copied char by char (through arithmetic) into a
// global: the buffer escapes.
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
// OUT: hello-xor
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct rec { char *name; };
unsigned char gsave[64];
__attribute__((noinline)) void save(unsigned n) {
  char *nm = malloc(16); strcpy(nm, "hello-xor");
  struct rec *r = malloc(sizeof *r); r->name = nm;
  unsigned char *b = (unsigned char *)r;
  for (unsigned i = 0; i < n; i++) gsave[i] = b[i] ^ 0x5a;
  free(r);
}
int main(int argc, char **argv) {
  save(sizeof(char *) + argc - 1);
  char pad[256]; memset(pad, 'x', sizeof pad); __asm__ volatile("" :: "r"(pad) : "memory");
  unsigned char b[sizeof(char *)];
  for (unsigned i = 0; i < sizeof b; i++) b[i] = gsave[i] ^ 0x5a;
  char *q; memcpy(&q, b, sizeof q);
  puts(q);
  return 0;
}

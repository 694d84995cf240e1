// Regression (soundness audit): A pointer's bytes copied char by char (through arithmetic) into a
// global: the buffer escapes.
//
// RUN: %e2e %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
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

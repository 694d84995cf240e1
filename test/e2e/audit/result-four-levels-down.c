// Regression (third soundness audit): The same with `return ****p` on a chain of four locals down to a malloc.
//
// RUN: %e2e %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O1 -fpass-plugin=%plugin %s -o %t.h2s1
// RUN: %t.h2s1 > %t.h2s1.out
// RUN: diff %t.plain.out %t.h2s1.out
// OUT: 3
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
__attribute__((noinline)) void clobber(){ char pad[256]; memset(pad,'x',256); __asm__ volatile(""::"r"(pad):"memory"); }
__attribute__((noinline)) int *deep(int *****p) { return ****p; }
__attribute__((noinline)) int f(int x) {
  int *e = malloc(sizeof(int)); *e = x;
  int **d = &e; int ***c = &d; int ****b = &c;
  int *r = deep(&b);
  int v = *r;
  free(r);
  return v;
}
int main(void) { int s = 0; for (int i = 0; i < 3; i++) s += f(i); clobber(); printf("%d\n", s); }

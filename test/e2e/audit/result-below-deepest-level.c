// Regression (third soundness audit): A callee returns a pointer found more than three dereferences below its
// parameter (the last node of a five-node list): the deepest parameter
// level stands for everything below it, so the caller's free of the result
// may free any node, and none of them can be demoted.
//
// RUN: %e2e %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O1 -fpass-plugin=%plugin %s -o %t.h2s1
// RUN: %t.h2s1 > %t.h2s1.out
// RUN: diff %t.plain.out %t.h2s1.out
// OUT: 5
#include <stdio.h>
#include <stdlib.h>
struct node { struct node *next; int v; };
__attribute__((noinline)) struct node *last(struct node *n) { while (n->next) n = n->next; return n; }
static struct node *mk(struct node *next, int v) { struct node *n = malloc(sizeof *n); n->next = next; n->v = v; return n; }
int main(void) {
  struct node *e = mk(0, 5), *d = mk(e, 4), *c = mk(d, 3), *b = mk(c, 2), *a = mk(b, 1);
  struct node *l = last(a);
  int v = l->v;
  free(l);                 /* frees e */
  free(a); free(b); free(c); free(d);
  printf("%d\n", v);
}

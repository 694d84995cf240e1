// The records are LLVM's remarks, so LLVM's own tools read them:
// llvm-remarkutil sums an argument (here Size: the bytes of each
// function's allocations of constant size, on the stack or not) and counts
// remarks; opt-viewer renders them as HTML pages of the source.
// (test/profile/records-join.c reads them as bitstream.)
//
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/src.c
// RUN: cd %t && %clang -O2 -g -fpass-plugin=%plugin -fsave-optimization-record=yaml -foptimization-record-file=%t/src.yaml -foptimization-record-passes=heap2stack -c src.c -o /dev/null
// RUN: llvm-remarkutil count --parser=yaml --count-by=arg --args=Size --group-by=function %t/src.yaml | FileCheck --check-prefix=SIZE %s
// RUN: llvm-remarkutil count --parser=yaml --group-by=function --remark-name=KeptOnHeap %t/src.yaml | FileCheck --check-prefix=KEPT %s
// RUN: %opt_viewer --output-dir %t/html --source-dir %t %t/src.yaml
// RUN: FileCheck --check-prefix=HTML %s < %t/html/src.c.html
//
// made: 4 + 12; scratch: 64 (the 12 of a third malloc in scratch is not
// constant); counted: none left, LLVM deleted it (Size 12 all the same).
// SIZE:      Function,Size
// SIZE-DAG:  made,16
// SIZE-DAG:  scratch,64
// SIZE-DAG:  counted,12
// KEPT:      Function,Count
// KEPT-DAG:  made,2
// KEPT-DAG:  scratch,2
// KEPT-NOT:  counted
// HTML: escapes to heap: returned
// HTML: does not escape: no allocation left
#include <stdlib.h>

extern void keep(void *p);

void *made(int **q)
{
	*q = malloc(12);
	return malloc(4);
}

int scratch(int n)
{
	int *buf = malloc(16 * sizeof *buf);
	char *dyn = malloc((unsigned)n);
	keep(buf);
	keep(dyn);
	return buf[0];
}

int counted(int n)
{
	char *tmp = malloc(12);
	tmp[0] = (char)n;
	int s = tmp[0];
	free(tmp);
	return s;
}

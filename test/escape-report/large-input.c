// A large generated file (Inputs/large-input.py): an 8 MB data table and
// 2000 functions that allocate, alternately kept on the heap and deleted.
// The report is complete and correct, in time linear in the size of the
// file (the table, data outside functions, is not indexed; records find
// their allocation by binary search). Larger files take longer, within
// --timeout (timeout.c).
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: python3 %S/Inputs/large-input.py %t/large.c
// RUN: cd %t && %escape_report large.c > %t/out 2> %t/err
// RUN: count 0 < %t/err
// RUN: count 2000 < %t/out
// RUN: FileCheck %s --match-full-lines < %t/out
// RUN: grep -c 'escapes to heap$' %t/out | FileCheck %s --check-prefix=HEAP
// RUN: grep -c 'does not escape$' %t/out | FileCheck %s --check-prefix=STACK
// CHECK:large.c:[[#FIRST:]]:27: malloc(sizeof *p * 4) escapes to heap
// CHECK-NEXT:large.c:[[#FIRST+1]]:26: malloc(sizeof *p * 4) does not escape
// CHECK-NEXT:large.c:[[#FIRST+2]]:27: malloc(sizeof *p * 4) escapes to heap
// CHECK:large.c:[[#FIRST+1998]]:30: malloc(sizeof *p * 4) escapes to heap
// CHECK-NEXT:large.c:[[#FIRST+1999]]:29: malloc(sizeof *p * 4) does not escape
// HEAP:1000
// STACK:1000

// strdup and strndup are allocation sites: a copy freed in its function
// gets a guarded stack buffer (does not escape), a returned copy escapes,
// and a copy LLVM deletes unused does not escape.
//
// RUN: cd %S && %escape_report -m strdup.c > %t.out 2> %t.err
// RUN: FileCheck %s --match-full-lines < %t.out
// RUN: count 6 < %t.out
// RUN: count 0 < %t.err
//
// The copy holds the source's bytes, so a returned copy leaks the
// source's content.
// CHECK:strdup.c:[[#@LINE+9]]:24: s does not escape
// CHECK-NEXT:strdup.c:[[#@LINE+10]]:12: strdup(s) does not escape
// CHECK-NEXT:strdup.c:[[#@LINE+15]]:26: leaking param content: s
// CHECK-NEXT:strdup.c:[[#@LINE+16]]:9: strndup(s, 4) escapes to heap
// CHECK-NEXT:strdup.c:[[#@LINE+18]]:25: s does not escape
// CHECK-NEXT:strdup.c:[[#@LINE+19]]:7: strdup(s) does not escape
#include <stdlib.h>
#include <string.h>

size_t len(const char *s)
{
	char *d = strdup(s);
	size_t n = strlen(d);
	free(d);
	return n;
}

char *prefix(const char *s)
{
	return strndup(s, 4);
}

void unused(const char *s)
{
	free(strdup(s));
}

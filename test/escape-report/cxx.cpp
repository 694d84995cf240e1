// C++: new-expressions are allocation sites, shown as written; functions by
// their qualified name (-json "function"). A placement new allocates
// nothing and is never reported.
//
// RUN: cd %S && %escape_report cxx.cpp > %t.out 2> %t.err
// RUN: FileCheck %s --match-full-lines --strict-whitespace < %t.out
// RUN: count 4 < %t.out
// RUN: count 0 < %t.err
// RUN: cd %S && %escape_report -json cxx.cpp | FileCheck %s --check-prefix=JSON
#include <cstdio>
#include <new>

struct point {
	int x, y;
};

point *last;

namespace geo {
int keep(int a)
{
	last = new point{a, 2};
	int *arr = new int[4];
	arr[0] = a;
	arr[3] = a + 1;
	std::printf("%d\n", arr[a & 3]);
	delete[] arr;
	return last->y;
}
}

int gone(int a)
{
	point *p = new point{a, a + 1};
	int r = p->y;
	delete p;
	alignas(point) static char buf[sizeof(point)];
	point *q = new (buf) point{1, 2};
	return r + q->x;
}

int *fresh()
{
	return new (std::nothrow) int(7);
}

// CHECK:cxx.cpp:22:9: new point{a, 2} escapes to heap
// CHECK-NEXT:cxx.cpp:23:13: new int[4] does not escape
// CHECK-NEXT:cxx.cpp:34:13: new point{a, a + 1} does not escape
// CHECK-NEXT:cxx.cpp:44:9: new (std::nothrow) int(7) escapes to heap

// JSON:{"file": "cxx.cpp", "line": 22, "column": 9, "function": "geo::keep", "kind": "allocation", "expression": "new point{a, 2}", "verdict": "heap", {{.*}} "allocator": "new", "reason": "escapes",
// JSON:{"file": "cxx.cpp", "line": 23, "column": 13, "function": "geo::keep", "kind": "allocation", "expression": "new int[4]", "verdict": "stack", "message": "new int[4] does not escape", "size": 16, "allocator": "new[]", "reason": "demote",

// C++ new/delete and new[]/delete[] of small objects that never escape are
// demoted like malloc/free.
//
// RUN: %e2e_cxx %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clangxx -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
// RUN: grep remark: %t.rem | count 3
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
#include <cstdio>

struct Point {
	double x, y;
};

static __attribute__((noinline)) double dist2(const Point *a, const Point *b)
{
	double dx = a->x - b->x, dy = a->y - b->y;
	return dx * dx + dy * dy;
}

static __attribute__((noinline)) int sum(const int *v, int n)
{
	int s = 0;
	for (int i = 0; i < n; i++)
		s += v[i];
	return s;
}

static __attribute__((noinline)) void measure(int k)
{
	// CHECK-DAG: new_delete.cpp:[[@LINE+1]]:{{[0-9]+}}: remark: {{.*}}[-Rpass=heap2stack]
	Point *a = new Point{1.0 * k, 2.0};
	// CHECK-DAG: new_delete.cpp:[[@LINE+1]]:{{[0-9]+}}: remark: {{.*}}[-Rpass=heap2stack]
	Point *b = new Point{4.0, 6.0 * k};
	// CHECK-DAG: new_delete.cpp:[[@LINE+1]]:{{[0-9]+}}: remark: {{.*}}[-Rpass=heap2stack]
	int *squares = new int[8];
	for (int i = 0; i < 8; i++)
		squares[i] = (i + k) * (i + k);
	std::printf("dist2 %.1f squares %d\n", dist2(a, b), sum(squares, 8));
	delete a;
	delete b;
	delete[] squares;
}

int main(int argc, char **)
{
	measure(argc);
	measure(argc + 1);
	return 0;
}

// OUT: dist2 25.0 squares 204
// OUT: dist2 104.0 squares 284
// COUNT: alloccount: program=6 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=0 all={{[0-9]+}}

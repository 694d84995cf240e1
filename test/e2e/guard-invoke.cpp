// new char[n] with a size known only at run time, invoked (a local object
// with a destructor is live across it): a guarded buffer like a call's.
// Both sides run (10 and 20 bytes fit the 256-byte buffer, 1000 does not),
// and an exception thrown while the buffer is live is caught, the buffer
// deleted on the way out. Run with and without the plugin and under ASan
// with detect_stack_use_after_return.
//
// RUN: %e2e_cxx %t -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clangxx -O2 -g -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
// RUN: %clangxx -O2 -emit-llvm -S -Xclang -disable-llvm-passes %s -o - | FileCheck --check-prefix=INVOKE %s
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
//
// The allocation is an invoke before any optimisation:
// INVOKE: invoke {{.*}} @_Znam(
//
// Output, by construction: 10 'b' (98) sum to 980, 1000 'c' (99) to
// 99000; the third call throws before it fills; each return or unwind
// runs the tracer's destructor first.
// OUT: leave fill
// OUT-NEXT: 980
// OUT-NEXT: leave fill
// OUT-NEXT: 99000
// OUT-NEXT: leave fill
// OUT-NEXT: caught negative
//
// Allocation calls: three new[]; with the plugin the 1000-byte one.
// COUNT: alloccount: program=3
// COUNT: alloccount: program=1
#include <cstdio>
#include <cstring>
#include <stdexcept>

struct Tracer {
	const char *name;
	~Tracer() { std::printf("leave %s\n", name); }
};

__attribute__((noinline)) static void check(int v)
{
	if (v < 0)
		throw std::runtime_error("negative");
}

__attribute__((noinline)) static unsigned fill(size_t n, int v)
{
	Tracer t{"fill"};
	// CHECK: guard-invoke.cpp:[[@LINE+1]]:{{[0-9]+}}: remark: new[](n) does not escape: stack buffer of 256 bytes, heap above
	char *buf = new char[n];
	unsigned sum = 0;
	try {
		check(v);
		std::memset(buf, 'a' + v % 26, n);
		for (size_t i = 0; i < n; i++)
			sum += (unsigned char)buf[i];
	} catch (const std::exception &) {
		delete[] buf;
		throw;
	}
	delete[] buf;
	return sum;
}

int main(int argc, char **)
{
	std::printf("%u\n", fill((size_t)argc * 10, 1));
	std::printf("%u\n", fill((size_t)argc * 1000, 2));
	try {
		fill((size_t)argc * 20, -1);
	} catch (const std::exception &e) {
		std::printf("caught %s\n", e.what());
	}
	return 0;
}

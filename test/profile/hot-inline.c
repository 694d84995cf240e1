// Hot sites (docs/design.md): with profile=FILE, a site among those that
// make 99% of the profile's allocation calls may have a callee that frees
// its block inlined within hot-inline-budget (4096 instructions), not
// inline-budget (256). release() books a block's bytes (about 450 IR
// instructions, two callers: LLVM's inliner keeps it a call) and frees it.
// hot() allocates 1000 blocks, cold() 3: 1000 of 1003 calls are over 99%,
// so only hot()'s site is hot. With the profile hot()'s block is demoted
// (release inlined into hot), cold()'s kept; without it both are kept.
// Allocation calls, by construction: 1003 plain, 1003 with the plugin and
// no profile, 3 with the profile (cold's).
// Output: hot() adds p[i % 32] = (i + i % 32) mod 256 for i < 1000. For
// i = 32q + r that is 32 (q mod 8) + 2r, less 256 when q mod 8 = 7 and
// r >= 16; 256 consecutive i add 32 * 32 * 28 + 8 * 2 * 496 - 256 * 16 =
// 32512; i = 768..999 add 32 * 32 * 21 + 7 * 2 * 496 (q mod 8 < 7) +
// 8 * 224 + 2 * 28 (q mod 8 = 7, r < 8) = 30296: 3 * 32512 + 30296 =
// 127832. cold() adds (2i + (i + 1) % 32) for i < 3: 1 + 4 + 7 = 12. The
// ledger is compared between the builds, not with a constant.
//
// RUN: %clang -O2 -g -finstrument-functions-after-inlining %s -o %t.inst
// RUN: %h2s_profile run -o %t.prof -- %t.inst
// RUN: %h2s_profile sizes -o %t.sizes %t.prof
// RUN: %clang -O2 -g %s -o %t.plain
// RUN: %clang -O2 -g -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack %s -o %t.h2s 2> %t.rem0
// RUN: FileCheck --check-prefix=NOPROF %s < %t.rem0
// RUN: %clang -O2 -g -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-options=profile=%t.sizes -Rpass=heap2stack -Rpass-missed=heap2stack %s -o %t.prof.h2s 2> %t.rem
// RUN: FileCheck --check-prefix=REM %s < %t.rem
// RUN: %t.plain > %t.plain.out
// RUN: %t.h2s > %t.h2s.out
// RUN: %t.prof.h2s > %t.prof.h2s.out
// RUN: diff %t.plain.out %t.h2s.out
// RUN: diff %t.plain.out %t.prof.h2s.out
// RUN: FileCheck --check-prefix=OUT %s < %t.plain.out
// RUN: %clang -O2 -g -fsanitize=address -fplugin=%plugin -fpass-plugin=%plugin -mllvm -escape-options=profile=%t.sizes %s -o %t.asan
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t.asan > %t.asan.out
// RUN: diff %t.plain.out %t.asan.out
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.prof.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
//
// OUT: hot 127832 cold 12 ledger {{[0-9]+}}
// COUNT: alloccount: program=1003
// COUNT-NEXT: alloccount: program=1003
// COUNT-NEXT: alloccount: program=3
#include <stdio.h>
#include <stdlib.h>

#define NOINLINE __attribute__((noinline))

volatile long ledger[64];

#define BOOK(i) ledger[(i) % 64] += p[(i) % 32] + (i)
#define BOOK8(i) BOOK(i); BOOK(i + 1); BOOK(i + 2); BOOK(i + 3); \
	BOOK(i + 4); BOOK(i + 5); BOOK(i + 6); BOOK(i + 7)
#define BOOK64(i) BOOK8(i); BOOK8(i + 8); BOOK8(i + 16); BOOK8(i + 24); \
	BOOK8(i + 32); BOOK8(i + 40); BOOK8(i + 48); BOOK8(i + 56)

// Books the block's bytes and frees it: about 450 IR instructions.
void release(unsigned char *p)
{
	BOOK64(0);
	BOOK64(64);
	free(p);
}

NOINLINE long hot(int n)
{
	long s = 0;
	for (int i = 0; i < n; i++) {
		// REM-DAG: hot-inline.c:[[#@LINE+2]]:{{[0-9]+}}: remark: malloc(32) does not escape: moved to a 32-byte stack slot; inlined release, which frees it
		// NOPROF-DAG: hot-inline.c:[[#@LINE+1]]:{{[0-9]+}}: remark: malloc(32) escapes to heap: freed by release at {{.*}}, not inlined: larger than what is left of inline-budget 256
		unsigned char *p = malloc(32);
		if (!p)
			abort();
		for (int j = 0; j < 32; j++)
			p[j] = (unsigned char)(i + j);
		s += p[i % 32];
		release(p);
	}
	return s;
}

NOINLINE long cold(int n)
{
	long s = 0;
	for (int i = 0; i < n; i++) {
		// REM-DAG: hot-inline.c:[[#@LINE+2]]:{{[0-9]+}}: remark: malloc(32) escapes to heap: freed by release at {{.*}}, not inlined: larger than what is left of inline-budget 256
		// NOPROF-DAG: hot-inline.c:[[#@LINE+1]]:{{[0-9]+}}: remark: malloc(32) escapes to heap: freed by release at {{.*}}, not inlined: larger than what is left of inline-budget 256
		unsigned char *p = malloc(32);
		if (!p)
			abort();
		for (int j = 0; j < 32; j++)
			p[j] = (unsigned char)(2 * i + j);
		s += p[(i + 1) % 32];
		release(p);
	}
	return s;
}

int main(void)
{
	long h = hot(1000), c = cold(3), l = 0;
	for (int i = 0; i < 64; i++)
		l += ledger[i];
	printf("hot %ld cold %ld ledger %ld\n", h, c, l);
	return 0;
}

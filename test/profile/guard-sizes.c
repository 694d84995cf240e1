// Guarded buffers sized by a profile: `heap2stack-profile sizes` turns a
// profile into the sizes file that the plugin's profile=FILE reads, and
// each site whose size is known only at run time gets a stack buffer for
// the requests the profile saw there, instead of guard-size (256). The
// sizes, by construction (bucket b holds the requests in (2^(b-1), 2^b]):
//
//   medium  100 x 600 and 1 x 2000: 100 of 101 requests (99.0%) fit in
//           1024 bytes: a buffer of 1024; the 2000 takes the heap.
//   mostly  98 x 40 and 2 x 3000: 98% fit in 64, all in 4096, and 3000 is
//           the largest: a buffer of 3008 (3000 rounded up to 16).
//   huge    10 x 8000 and 1 x 100: most requests exceed max-size (4096):
//           no buffer, kept on the heap.
//   other   never runs under the profile: guard-size, 256 bytes.
//   grow    malloc(16) grown by realloc, doubling, to 600 bytes, 100
//           times under the profile (reallocs 600, largest 600): a slot
//           of 608 bytes (600 rounded up to 16), not guard-size's 256.
//           The profiled build (PROFILE_RUN) grows 100 blocks to 600;
//           the others 99 to 600 and one to 2000, past the slot.
//
// So a run makes 212 allocations without the plugin (101 + 100 + 11), 113
// with it and no profile (101 medium, mostly's 2 x 3000, huge's 10 x 8000:
// mostly's 40s and huge's 100 fit in 256 bytes) and 12 with the profile
// (the 2000 and the 11 huge); and alloccount counts realloc calls too:
// grow makes 99 x (1 + 6) + (1 + 7) = 701 calls without the plugin
// (16 -> 32 -> ... -> 512 -> 600 and -> 1024 -> 2000); 99 x 2 + 3 = 201
// with a 256-byte slot (growth to 256 stays in the slot; 512 moves the
// block to the heap, a malloc, and 600 is a realloc; for 2000: 512, 1024
// and 2000); 2 with the profile's 608 (the 2000's move at 1024, then its
// realloc to 2000). In all: 913, 314 and 14.
// Each buffer serves requests on both sides of its size at run time; the
// output is the same in every build and under ASan with
// detect_stack_use_after_return.
//
// RUN: %clang -O2 -g -finstrument-functions-after-inlining -DPROFILE_RUN %s -o %t.inst
// RUN: %h2s_profile run -o %t.prof -- %t.inst
// RUN: %h2s_profile sizes -o %t.sizes %t.prof
// RUN: FileCheck --check-prefix=SIZES %s < %t.sizes
// RUN: %clang -O2 -g %s -o %t.plain
// RUN: %clang -O2 -g -fpass-plugin=%plugin %s -o %t.h2s
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
// SIZES: #heap2stack-sizes 1
// SIZES-DAG: site{{.}}medium{{.}}{{.*}}guard-sizes.c{{.}}[[LINE:[0-9]+]]{{.}}[[COL:[0-9]+]]{{.}}{{.*}}guard-sizes.c{{.}}[[LINE]]{{.}}[[COL]]{{.}}101{{.}}0{{.}}2000{{.}}10:100,11:1{{$}}
// SIZES-DAG: site{{.}}mostly{{.}}{{.*}}{{.}}100{{.}}0{{.}}3000{{.}}6:98,12:2{{$}}
// SIZES-DAG: site{{.}}huge{{.}}{{.*}}{{.}}11{{.}}0{{.}}8000{{.}}7:1,13:10{{$}}
// SIZES-DAG: site{{.}}grow{{.}}{{.*}}{{.}}100{{.}}600{{.}}600{{.}}4:100{{$}}
// SIZES-NOT: other
//
//
// OUT: medium 60000 2000 mostly 3920 6000 huge 80000 100 other 0
// OUT-NEXT: grow 59400 2000
//
// COUNT: alloccount: program=913
// COUNT-NEXT: alloccount: program=314
// COUNT-NEXT: alloccount: program=14
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOINLINE __attribute__((noinline))

// Reads the block; does not keep it.
NOINLINE static long fill(char *p, size_t n)
{
	long s = 0;
	memset(p, 1, n);
	for (size_t i = 0; i < n; i++)
		s += p[i];
	return s;
}

/* One allocation site per function, each on the line of its SITE(). */
#define SITE(name)                                                             \
	NOINLINE long name(size_t n)                                           \
	{                                                                      \
		char *p = malloc(n);                                           \
		long s;                                                        \
		if (!p)                                                        \
			return -1;                                             \
		s = fill(p, n);                                                \
		free(p);                                                       \
		return s;                                                      \
	}

// REM-DAG: guard-sizes.c:[[#@LINE+1]]:{{[0-9]+}}: remark: malloc(n) does not escape: stack buffer of 1024 bytes, heap above (sized by the profile)
SITE(medium)
// REM-DAG: guard-sizes.c:[[#@LINE+1]]:{{[0-9]+}}: remark: malloc(n) does not escape: stack buffer of 3008 bytes, heap above (sized by the profile)
SITE(mostly)
// REM-DAG: guard-sizes.c:[[#@LINE+1]]:{{[0-9]+}}: remark: malloc(n) escapes to heap: too large for stack: most requests the profile saw exceed max-size 4096
SITE(huge)
// REM-DAG: guard-sizes.c:[[#@LINE+1]]:{{[0-9]+}}: remark: malloc(n) does not escape: stack buffer of 256 bytes, heap above [-Rpass=heap2stack]
SITE(other)

// A block grown to n bytes by doubling reallocs, read and freed.
NOINLINE long grow(size_t n)
{
	size_t cap = 16;
	// REM-DAG: guard-sizes.c:[[#@LINE+1]]:{{[0-9]+}}: remark: malloc(16) does not escape: moved to a 608-byte stack slot; realloc grows it in place up to 608 bytes, on the heap beyond (sized by the profile) [-Rpass=heap2stack]
	char *p = malloc(cap);
	long s;
	if (!p)
		return -1;
	while (cap < n) {
		size_t next = cap * 2 < n ? cap * 2 : n;
		char *q = realloc(p, next);
		if (!q) {
			free(p);
			return -1;
		}
		p = q;
		cap = next;
	}
	s = fill(p, n);
	free(p);
	return s;
}

int main(int argc, char **argv)
{
	volatile size_t six = 600, two = 2000, forty = 40, three = 3000,
			eight = 8000, hundred = 100;
	long m = 0, ms = 0, h = 0;
	(void)argv;
	for (int i = 0; i < 100; i++)
		m += medium(six);
	for (int i = 0; i < 98; i++)
		ms += mostly(forty);
	for (int i = 0; i < 10; i++)
		h += huge(eight);
	printf("medium %ld %ld mostly %ld %ld huge %ld %ld other %ld\n", m,
	       medium(two), ms, mostly(three) + mostly(three), h,
	       huge(hundred), argc > 1 ? other(six) : 0L);
	m = 0;
#ifdef PROFILE_RUN
	for (int i = 0; i < 100; i++)
		m += grow(six);
	printf("grow %ld\n", m);
#else
	for (int i = 0; i < 99; i++)
		m += grow(six);
	printf("grow %ld %ld\n", m, grow(two));
#endif
	return 0;
}

// A scratch buffer allocated through xmalloc/xfree wrappers defined in
// another translation unit (Inputs/xmalloc.c). Per translation unit the
// plugin cannot see the malloc; with the plugin at link time (full LTO and
// ThinLTO) the wrappers are inlined first and the buffer is demoted.
//
// REQUIRES: lld
// RUN: %clang -O2 -flto -c %s -o %t.main.o
// RUN: %clang -O2 -flto -c %S/Inputs/xmalloc.c -o %t.xmalloc.o
// RUN: %clang -O2 -flto -fuse-ld=lld %t.main.o %t.xmalloc.o -o %t.plain
// RUN: %clang -O2 -flto -fuse-ld=lld -Wl,--load-pass-plugin=%plugin %t.main.o %t.xmalloc.o -o %t.h2s
// RUN: %t.plain > %t.plain.out
// RUN: %t.h2s > %t.h2s.out
// RUN: diff %t.plain.out %t.h2s.out
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
//
// The same under ASan (the program's own frees are deleted, so ASan sees no
// heap object; a stack slot used after return would be caught).
// RUN: %clang -O2 -flto -fsanitize=address -c %s -o %t.amain.o
// RUN: %clang -O2 -flto -fsanitize=address -c %S/Inputs/xmalloc.c -o %t.axmalloc.o
// RUN: %clang -O2 -flto -fsanitize=address -fuse-ld=lld -Wl,--load-pass-plugin=%plugin %t.amain.o %t.axmalloc.o -o %t.asan
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t.asan > %t.asan.out
// RUN: diff %t.plain.out %t.asan.out
//
// ThinLTO: the plugin runs in each back-end compile.
// RUN: %clang -O2 -flto=thin -c %s -o %t.tmain.o
// RUN: %clang -O2 -flto=thin -c %S/Inputs/xmalloc.c -o %t.txmalloc.o
// RUN: %clang -O2 -flto=thin -fuse-ld=lld -Wl,--load-pass-plugin=%plugin %t.tmain.o %t.txmalloc.o -o %t.thin
// RUN: %t.thin > %t.thin.out
// RUN: diff %t.plain.out %t.thin.out
// RUN: rm -f %t.tcnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.tcnt %t.thin > /dev/null
// RUN: FileCheck --check-prefix=THIN %s < %t.tcnt
//
// Per translation unit, the wrapper hides the malloc: nothing changes.
// RUN: %clang -O2 -fpass-plugin=%plugin -c %s -o %t.tu.o
// RUN: %clang -O2 -fpass-plugin=%plugin -c %S/Inputs/xmalloc.c -o %t.tuxmalloc.o
// RUN: %clang -O2 %t.tu.o %t.tuxmalloc.o -o %t.tu
// RUN: rm -f %t.ucnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.ucnt %t.tu > /dev/null
// RUN: FileCheck --check-prefix=TU %s < %t.ucnt
#include <stdio.h>
#include <string.h>

void *xmalloc(size_t n);
void xfree(void *p);

static unsigned long hash_word(const char *w)
{
	char *tmp = xmalloc(64);
	size_t n = strlen(w);
	if (n > 63)
		n = 63;
	for (size_t i = 0; i < n; i++)
		tmp[i] = (char)(w[i] | 0x20);
	tmp[n] = 0;
	unsigned long h = 5381;
	for (const char *p = tmp; *p; p++)
		h = h * 33 + (unsigned char)*p;
	xfree(tmp);
	return h;
}

int main(void)
{
	static const char *const words[] = {"Alpha", "BETA", "gamma", "Delta"};
	unsigned long total = 0;
	for (int round = 0; round < 250; round++)
		for (int i = 0; i < 4; i++)
			total += hash_word(words[i]) % 1000;
	printf("total %lu\n", total);
	return 0;
}

// 250 rounds of the four words' djb2 hashes (lower-cased) mod 1000.
// OUT: total 572750
// 1000 calls of hash_word: each allocates once without the plugin.
// COUNT: alloccount: program=1000 all={{[0-9]+}}
// COUNT-NEXT: alloccount: program=0 all={{[0-9]+}}
// THIN: alloccount: program=0 all={{[0-9]+}}
// TU: alloccount: program=1000 all={{[0-9]+}}

// jq's formatted strings: a buffer that starts at 1024 bytes and doubles
// until vsnprintf's output fits, read by a helper that walks it with a
// decoder taking a cursor and an end (`end - in` inside the decoder, the
// cursor handed back, null at the end, a length table indexed by the
// first byte). The decoder's difference of its two parameters is checked
// by its callers, whose arguments point into one buffer. LLVM peels the
// first try here: malloc(1024) gets a slot of its own and the retries a
// guarded buffer (unpeeled, as in jq linked with LTO, the one site gets a
// 1024-byte guarded buffer: test/ir/guard-first-size.ll). Both sides run:
// a short string that fits, and one of 3000 bytes that takes the heap.
// Run with and without the plugin and under ASan with
// detect_stack_use_after_return.
//
// RUN: %e2e %t -g -O2 %s
// RUN: FileCheck --check-prefix=OUT %s < %t.h2s.out
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2> %t.rem
// RUN: FileCheck %s < %t.rem
// RUN: rm -f %t.cnt
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.plain > /dev/null
// RUN: env LD_PRELOAD=%alloccount ALLOCCOUNT_OUT=%t.cnt %t.h2s > /dev/null
// RUN: FileCheck --check-prefix=COUNT %s < %t.cnt
//
// Output, by construction: "id=42 name=h\xe9llo" is 16 bytes, one of them
// (0xe9, a lead byte without its continuation) not UTF-8: 16 characters,
// 1 bad. The long string is 3000 'a': 3000 characters, none bad.
// OUT: short 16 16 1
// OUT-NEXT: long 3000 3000 0
//
// Allocation calls: the short string, the buffer and the result; the long
// one, the 1024-byte try, the 6002-byte buffer and the result: 5. With
// the plugin the 1024-byte tries are on the stack: 3.
// COUNT: alloccount: program=5
// COUNT: alloccount: program=3
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// bytes of a UTF-8 sequence by its first byte; 0: not a lead byte
static const unsigned char seqlen[256] = {
	[0x01 ... 0x7f] = 1, [0xc2 ... 0xdf] = 2, [0xe0 ... 0xef] = 3,
	[0xf0 ... 0xf4] = 4,
};

// Decodes one character at in: *cp is it, or -1 for a bad byte; returns
// the cursor past it, or null at end.
__attribute__((noinline)) static const char *next(const char *in,
						  const char *end, int *cp)
{
	unsigned char first;
	int len;
	if (in == end)
		return NULL;
	first = (unsigned char)in[0];
	len = seqlen[first];
	if (len == 0) {
		*cp = -1;
		return in + 1;
	}
	if (len > end - in) {
		*cp = -1;
		return in + (end - in);
	}
	*cp = first;
	for (int k = 1; k < len; k++) {
		if (((unsigned char)in[k] & 0xc0) != 0x80) {
			*cp = -1;
			return in + 1;
		}
		*cp = (*cp << 6) | (in[k] & 0x3f);
	}
	return in + len;
}

struct text {
	long bytes, chars, bad;
	char *copy;
};

// Counts the characters of data and keeps a copy (it outlives the call).
__attribute__((noinline)) static struct text scan(const char *data, long n)
{
	struct text t = {n, 0, 0, malloc(n + 1)};
	const char *end = data + n, *i = data;
	int c;
	if (!t.copy)
		abort();
	memcpy(t.copy, data, n);
	t.copy[n] = '\0';
	while ((i = next(i, end, &c))) {
		t.chars++;
		t.bad += c < 0;
	}
	return t;
}

__attribute__((noinline)) static struct text format(const char *fmt, ...)
{
	int size = 1024;
	for (;;) {
		// CHECK-DAG: cursor-helpers.c:[[@LINE+2]]:{{[0-9]+}}: remark: malloc(1024) does not escape: moved to a 1024-byte stack slot
		// CHECK-DAG: cursor-helpers.c:[[@LINE+1]]:{{[0-9]+}}: remark: malloc(...) does not escape: stack buffer of 256 bytes, heap above
		char *buf = malloc(size);
		va_list ap;
		int n;
		if (!buf)
			abort();
		va_start(ap, fmt);
		n = vsnprintf(buf, size, fmt, ap);
		va_end(ap);
		if (n >= 0 && n < size) {
			struct text t = scan(buf, n);
			free(buf);
			return t;
		}
		free(buf);
		size = n > 0 ? n * 2 : size * 2;
	}
}

int main(void)
{
	static char big[3001];
	struct text t = format("id=%d name=%s", 42, "h\xe9llo");
	printf("short %ld %ld %ld\n", t.bytes, t.chars, t.bad);
	free(t.copy);
	memset(big, 'a', 3000);
	t = format("%s", big);
	printf("long %ld %ld %ld\n", t.bytes, t.chars, t.bad);
	free(t.copy);
	return 0;
}

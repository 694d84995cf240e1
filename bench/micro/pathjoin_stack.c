/*
 * pathjoin_stack: pathjoin.c written by hand the way heap2stack rewrites it:
 * the 256-byte path buffer is an array in the caller's frame, which join()
 * fills and normalises, and nothing is freed. Same paths, same checksum as
 * pathjoin.
 *
 * Expected: no allocation, nothing for heap2stack to do; this is the
 * hand-written baseline heap2stack's pathjoin is judged against.
 */
#include <string.h>

#include "kernel.h"

#define KERNEL_NAME "pathjoin_stack"

#define PATH_BUF 256

/* Collapses "//", "/./" and "name/../" in place. */
static void normalise(char *p)
{
	char *out = p;
	const char *in = p;
	while (*in) {
		if (in[0] == '/' && in[1] == '/') {
			in++;
		} else if (in[0] == '/' && in[1] == '.' && in[2] == '/') {
			in += 2;
		} else if (in[0] == '/' && in[1] == '.' && in[2] == '.' &&
			   (in[3] == '/' || in[3] == '\0')) {
			while (out > p && out[-1] != '/')
				out--;
			if (out > p)
				out--;
			in += 3;
		} else {
			*out++ = *in++;
		}
	}
	*out = '\0';
}

/* Builds "dir/file" in p[PATH_BUF]; NULL when it does not fit. */
static char *join(char *p, const char *dir, const char *file)
{
	size_t a = strlen(dir), b = strlen(file);
	if (a + b + 2 > PATH_BUF)
		return NULL;
	memcpy(p, dir, a);
	p[a] = '/';
	memcpy(p + a + 1, file, b + 1);
	normalise(p);
	return p;
}

static uint64_t lookup(const char *dir, const char *file)
{
	char buf[PATH_BUF];
	const char *path = join(buf, dir, file);
	if (!path)
		return 0;
	uint64_t h = 1469598103934665603ull;
	size_t depth = 0;
	for (const char *c = path; *c; c++) {
		h = (h ^ (unsigned char)*c) * 1099511628211ull;
		depth += *c == '/';
	}
	return h + depth;
}

int main(int argc, char **argv)
{
	static const char *const dirs[] = {
		"/usr/share/doc", "/home/user/src/project//lib", "./build/./out",
		"/var/lib/dpkg/info", "../include/../include/sys",
		"/opt/toolchain/llvm-22/lib/clang/22/include",
	};
	static const char *const files[] = {
		"README.md", "./config.h", "../lib/libfoo.so.1", "x",
		"sub/dir/../file.txt", "very_long_file_name_for_the_path_helper.c",
		"a/b/c/d/e/f/g/h", "..//..//etc/passwd",
	};
	const size_t nd = sizeof dirs / sizeof dirs[0];
	const size_t nf = sizeof files / sizeof files[0];
	uint64_t sum = 0;
	unsigned long n = 6000000ul * scale(argc, argv);
	for (unsigned long i = 0; i < n; i++) {
		uint64_t r = rng();
		sum = mix(sum, lookup(dirs[r % nd], files[(r >> 8) % nf]));
	}
	report(KERNEL_NAME, sum);
	return 0;
}

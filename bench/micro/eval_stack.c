/*
 * eval_stack: eval.c written by hand the way heap2stack rewrites it: each
 * expression's value stack of 64 unsigned longs (512 bytes) is an array in
 * eval()'s frame instead of a block from malloc, and nothing is freed (the
 * array dies with the call). Same expressions, same checksum as eval.
 *
 * Expected: no allocation, nothing for heap2stack to do; the hand-written
 * baseline heap2stack's eval is judged against.
 */
#include "kernel.h"

#define KERNEL_NAME "eval_stack"

#define DEPTH 64

static unsigned long eval(const char *e)
{
	unsigned long st[DEPTH];
	int sp = 0;
	unsigned long result = 0;
	for (const char *c = e; *c; c++) {
		if (*c >= '0' && *c <= '9') {
			unsigned long v = 0;
			while (*c >= '0' && *c <= '9')
				v = v * 10 + (unsigned long)(*c++ - '0');
			c--;
			if (sp == DEPTH)
				goto out;
			st[sp++] = v;
		} else if (*c == '+' || *c == '-' || *c == '*' || *c == '/') {
			if (sp < 2)
				goto out;
			unsigned long b = st[--sp], a = st[--sp];
			switch (*c) {
			case '+': a += b; break;
			case '-': a -= b; break;
			case '*': a *= b; break;
			default: a = b ? a / b : 0; break;
			}
			st[sp++] = a;
		}
	}
	result = sp ? st[sp - 1] : 0;
out:
	return result;
}

int main(int argc, char **argv)
{
	enum { N = 512, LEN = 96 };
	static char exprs[N][LEN];
	for (int i = 0; i < N; i++) {
		char *p = exprs[i];
		int depth = 0, len = 0;
		/* A number takes at most 4 characters; closing the expression
		 * takes 2 per value left on the stack. */
		for (;;) {
			int room = len + 4 + 2 * (depth + 1) < LEN;
			if (room && (depth < 2 || rng() % 3)) {
				len += snprintf(p + len, (size_t)(LEN - len), "%u ",
						(unsigned)(rng() % 1000));
				depth++;
			} else if (depth >= 2) {
				p[len++] = "+-*/"[rng() % 4];
				p[len++] = ' ';
				depth--;
			} else {
				break;
			}
		}
		while (depth-- > 1) {
			p[len++] = '+';
			p[len++] = ' ';
		}
		p[len] = '\0';
	}
	uint64_t sum = 0;
	unsigned long rounds = 9000ul * scale(argc, argv);
	for (unsigned long r = 0; r < rounds; r++)
		for (int i = 0; i < N; i++)
			sum = mix(sum, eval(exprs[(i + r) % N]));
	report(KERNEL_NAME, sum);
	return 0;
}

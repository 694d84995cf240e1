/*
 * strbuild.h: what strbuild.c and strbuild_stack.c share: the records and
 * how they are rendered and hashed. The including file defines struct sb,
 * sb_init, sb_reserve, sb_release and KERNEL_NAME.
 */
#ifndef STRBUILD_H
#define STRBUILD_H

static void sb_add(struct sb *b, const char *s, size_t n)
{
	sb_reserve(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void sb_str(struct sb *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

static void sb_num(struct sb *b, unsigned long v)
{
	char tmp[24];
	size_t n = sizeof tmp;
	do {
		tmp[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	sb_add(b, tmp + n, sizeof tmp - n);
}

static uint64_t render(unsigned long id)
{
	static const char *const names[] = {"alpha", "beta", "gamma",
					    "delta-epsilon", "zeta"};
	struct sb b;
	sb_init(&b);
	sb_str(&b, "{\"id\": ");
	sb_num(&b, id);
	sb_str(&b, ", \"name\": \"");
	sb_str(&b, names[id % 5]);
	sb_str(&b, "\", \"tags\": [");
	unsigned ntags = (unsigned)(rng() % 6);
	for (unsigned t = 0; t < ntags; t++) {
		if (t)
			sb_str(&b, ", ");
		sb_num(&b, rng() % 100000);
	}
	sb_str(&b, "]}");
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < b.len; i++)
		h = (h ^ (unsigned char)b.data[i]) * 1099511628211ull;
	sb_release(&b);
	return h;
}

int main(int argc, char **argv)
{
	uint64_t sum = 0;
	unsigned long n = 2500000ul * scale(argc, argv);
	for (unsigned long i = 0; i < n; i++)
		sum = mix(sum, render(i));
	report(KERNEL_NAME, sum);
	return 0;
}

#endif

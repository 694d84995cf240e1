/*
 * objects_stack: objects.cpp written by hand the way heap2stack rewrites it:
 * the Message is a local passed to digest() by reference and the int[32]
 * scratch array is a local array, so neither is allocated; the Shape still
 * comes from new in the factory and is deleted after its virtual area().
 * Same messages, same scratch arrays, same shapes, same checksum as objects.
 *
 * Expected: one allocation per step (the Shape), as in heap2stack's build
 * of objects.cpp; heap2stack keeps the Shape here too (passed to an
 * indirect call). This is the hand-written baseline heap2stack's objects is
 * judged against.
 */
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "kernel.h"

#define KERNEL_NAME "objects_stack"

struct Message {
	unsigned len;
	char text[120];
	uint32_t tags[8];
};

__attribute__((noinline)) static uint64_t digest(const Message &m)
{
	uint64_t h = m.len;
	for (unsigned i = 0; i < m.len; i++)
		h = h * 131 + (unsigned char)m.text[i];
	for (uint32_t t : m.tags)
		h ^= t + (h << 3);
	return h;
}

struct Shape {
	virtual ~Shape() {}
	virtual double area() const = 0;
};

struct Circle : Shape {
	double r;
	explicit Circle(double r) : r(r) {}
	double area() const override { return 3.0 * r * r; }
};

struct Rect : Shape {
	double w, h;
	Rect(double w, double h) : w(w), h(h) {}
	double area() const override { return w * h; }
};

static Shape *make_shape(uint64_t r)
{
	if (r & 1)
		return new Circle((double)(r % 17));
	return new Rect((double)(r % 13), (double)(r % 7));
}

static uint64_t step(uint64_t r)
{
	Message m;
	m.len = (unsigned)(r % 100) + 8;
	for (unsigned i = 0; i < m.len; i++)
		m.text[i] = (char)('a' + (r >> (i % 50)) % 26);
	for (unsigned i = 0; i < 8; i++)
		m.tags[i] = (uint32_t)(r >> (4 * i));
	uint64_t h = digest(m);

	unsigned n = (unsigned)(r >> 40) % 24 + 8;
	int v[32];
	for (unsigned i = 0; i < n; i++)
		v[i] = (int)((r >> (i % 40)) & 0x3ff);
	for (unsigned i = 1; i < n; i++) /* insertion sort */
		for (unsigned j = i; j > 0 && v[j - 1] > v[j]; j--) {
			int t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	h = h * 31 + (uint64_t)v[n / 2];

	Shape *s = make_shape(r >> 20);
	double a = s->area();
	delete s;
	return h + (uint64_t)(a * 2);
}

int main(int argc, char **argv)
{
	uint64_t sum = 0;
	unsigned long n = 1500000ul * scale(argc, argv);
	for (unsigned long i = 0; i < n; i++)
		sum = mix(sum, step(rng()));
	report(KERNEL_NAME, sum);
	return 0;
}

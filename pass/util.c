/*
 * util.c: small containers shared by the analysis core.
 *
 *   h2s_uvec  growable vector of unsigned
 *   h2s_map   open-addressing hash map, uint64_t -> uint64_t
 *   x*alloc   allocation that aborts on out-of-memory
 *   h2s_str   growable string appended to with str_printf
 *   h2s_arena bump allocator for the blocks of one function's graph
 */
#include "internal.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The key value that marks an empty map slot; callers never use it as a key. */
#define MAP_EMPTY UINT64_MAX
#define MAP_MIN_CAP 16u

/* ------------------------------------------------------------- allocation */

/* Abort the process after an allocation of `size` bytes failed. */
static void oom(size_t size)
{
	fprintf(stderr, "heap2stack: out of memory (%zu bytes)\n", size);
	abort();
}

/* Zeroed array of n elements of `size` bytes; never returns NULL. A request
 * for zero bytes still returns a unique, freeable pointer. */
void *xcalloc(size_t n, size_t size)
{
	void *p;
	if (n == 0 || size == 0)
		n = size = 1;
	p = calloc(n, size);
	if (!p)
		oom(n * size);
	return p;
}

/* realloc that never returns NULL; p may be NULL. */
void *xrealloc(void *p, size_t size)
{
	void *q;
	if (size == 0)
		size = 1;
	q = realloc(p, size);
	if (!q)
		oom(size);
	return q;
}

/* A malloc'd copy of the NUL-terminated string s. */
char *xstrdup(const char *s)
{
	size_t len = strlen(s) + 1;
	char *d = xrealloc(NULL, len);
	memcpy(d, s, len);
	return d;
}

int parse_u64(const char *s, uint64_t *v)
{
	char *end;
	unsigned long long n;
	if (!s || *s < '0' || *s > '9')
		return 0;
	errno = 0;
	n = strtoull(s, &end, 10);
	if (errno || *end)
		return 0;
	*v = n;
	return 1;
}

/* ------------------------------------------------------------------ arena */

/* A chunk of an arena; its bytes follow the header. The header keeps them
 * 16-byte aligned, as malloc returns chunks. */
struct h2s_chunk {
	struct h2s_chunk *prev; /* older chunks */
	size_t cap, used;       /* bytes after the header, bytes handed out */
	size_t pad;
};
_Static_assert(sizeof(struct h2s_chunk) % 16 == 0, "chunk header alignment");

/* Chunk size: below glibc's mmap threshold, so that freed chunks go back
 * to the heap and the next graph reuses them without page faults. */
#define ARENA_CHUNK (60u * 1024)

/* size bytes, not zeroed, 16-byte aligned. A block larger than a chunk
 * gets a chunk of its own, kept behind the current one. */
static void *arena_raw(h2s_arena *a, size_t size)
{
	struct h2s_chunk *c = a->top;
	size = (size + 15) & ~(size_t)15;
	if (!c || c->cap - c->used < size) {
		size_t cap = size > ARENA_CHUNK ? size : ARENA_CHUNK;
		struct h2s_chunk *n = xrealloc(NULL, sizeof *n + cap);
		n->cap = cap;
		n->used = 0;
		if (c && size > ARENA_CHUNK) {
			n->prev = c->prev;
			c->prev = n;
		} else {
			n->prev = c;
			a->top = n;
		}
		c = n;
	}
	c->used += size;
	return (unsigned char *)(c + 1) + c->used - size;
}

void *arena_alloc(h2s_arena *a, size_t size)
{
	void *p = arena_raw(a, size);
	memset(p, 0, size);
	return p;
}

/* Appends x, moving the elements to a block twice as large when full (the
 * old block stays in the arena until it is freed). */
void arena_push(h2s_arena *a, h2s_uvec *v, unsigned x)
{
	if (v->n == v->cap) {
		unsigned cap = v->cap ? 2 * v->cap : 4;
		unsigned *nv = arena_raw(a, (size_t)cap * sizeof *nv);
		if (v->n)
			memcpy(nv, v->v, (size_t)v->n * sizeof *nv);
		v->v = nv;
		v->cap = cap;
	}
	v->v[v->n++] = x;
}

/* Releases every block of a and leaves it empty and reusable. */
void arena_free(h2s_arena *a)
{
	while (a->top) {
		struct h2s_chunk *c = a->top;
		a->top = c->prev;
		free(c);
	}
}

/* ----------------------------------------------------------------- vector */

/* Appends x to a, doubling the capacity when full. A zeroed vector is
 * empty and valid. */
void uvec_push(h2s_uvec *a, unsigned x)
{
	assert(a->n <= a->cap);
	if (a->n == a->cap) {
		a->cap = a->cap ? 2 * a->cap : 4;
		a->v = xrealloc(a->v, (size_t)a->cap * sizeof *a->v);
	}
	a->v[a->n++] = x;
}

/* Releases a's storage and leaves it empty and reusable. */
void uvec_free(h2s_uvec *a)
{
	free(a->v);
	a->v = NULL;
	a->n = a->cap = 0;
}

/* -------------------------------------------------------------------- map */

/* A well-mixed hash of a key (the splitmix64 finalizer), so that aligned
 * pointers spread over the table. */
static uint64_t map_hash(uint64_t k)
{
	k ^= k >> 30;
	k *= 0xbf58476d1ce4e5b9ull;
	k ^= k >> 27;
	k *= 0x94d049bb133111ebull;
	k ^= k >> 31;
	return k;
}

/* Slot holding key, or the empty slot where it would be inserted. The table
 * must have capacity (a power of two) and at least one empty slot. */
static unsigned map_slot(const h2s_map *m, uint64_t key)
{
	unsigned mask = m->cap - 1;
	unsigned i = (unsigned)map_hash(key) & mask;
	assert(m->cap && (m->cap & mask) == 0 && m->n < m->cap);
	while (m->keys[i] != key && m->keys[i] != MAP_EMPTY)
		i = (i + 1) & mask;
	return i;
}

/* Rehashes m into a table of cap slots (a power of two larger than 2 * n). */
static void map_resize(h2s_map *m, unsigned cap)
{
	h2s_map old = *m;
	unsigned i;
	assert(cap && (cap & (cap - 1)) == 0 && cap > 2 * old.n);
	m->cap = cap;
	m->keys = xrealloc(NULL, (size_t)cap * sizeof *m->keys);
	m->vals = xrealloc(NULL, (size_t)cap * sizeof *m->vals);
	memset(m->keys, 0xff, (size_t)cap * sizeof *m->keys);
	for (i = 0; i < old.cap; i++) {
		unsigned s;
		if (old.keys[i] == MAP_EMPTY)
			continue;
		s = map_slot(m, old.keys[i]);
		m->keys[s] = old.keys[i];
		m->vals[s] = old.vals[i];
	}
	free(old.keys);
	free(old.vals);
}

/* Ensures room for one more key while keeping the load at most 50%. */
static void map_reserve_one(h2s_map *m)
{
	if (2 * ((size_t)m->n + 1) > m->cap)
		map_resize(m, m->cap ? 2 * m->cap : MAP_MIN_CAP);
}

void map_reserve(h2s_map *m, unsigned n)
{
	unsigned cap = m->cap ? m->cap : MAP_MIN_CAP;
	while (cap < 2 * (size_t)n + 2)
		cap *= 2;
	if (cap > m->cap)
		map_resize(m, cap);
}

/* Returns 1 and sets *val (when val is non-NULL) if key is present; 0
 * otherwise. A zeroed map is empty and valid. */
int map_get(const h2s_map *m, uint64_t key, uint64_t *val)
{
	unsigned s;
	assert(key != MAP_EMPTY);
	if (m->n == 0)
		return 0;
	s = map_slot(m, key);
	if (m->keys[s] != key)
		return 0;
	if (val)
		*val = m->vals[s];
	return 1;
}

/* Inserts key -> val, overwriting any previous value of key. */
void map_put(h2s_map *m, uint64_t key, uint64_t val)
{
	unsigned s;
	assert(key != MAP_EMPTY);
	map_reserve_one(m);
	s = map_slot(m, key);
	if (m->keys[s] == MAP_EMPTY) {
		m->keys[s] = key;
		m->n++;
	}
	m->vals[s] = val;
}

/* Inserts key -> val when key is absent and returns 1; leaves the map
 * unchanged and returns 0 when key is present. */
int map_add(h2s_map *m, uint64_t key, uint64_t val)
{
	unsigned s;
	assert(key != MAP_EMPTY);
	map_reserve_one(m);
	s = map_slot(m, key);
	if (m->keys[s] != MAP_EMPTY)
		return 0;
	m->keys[s] = key;
	m->vals[s] = val;
	m->n++;
	return 1;
}

/* Releases m's storage and leaves it empty and reusable. */
void map_free(h2s_map *m)
{
	free(m->keys);
	free(m->vals);
	m->keys = m->vals = NULL;
	m->cap = m->n = 0;
}

/* ----------------------------------------------------------------- string */

/* Appends the printf-formatted text to b, growing it as needed. b->s is
 * always NUL-terminated afterwards and b->n is its length. A zeroed h2s_str
 * is empty and valid. */
void str_printf(h2s_str *b, const char *fmt, ...)
{
	va_list ap;
	int len;
	size_t need;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		len = 0; /* encoding error: append nothing */
	need = b->n + (size_t)len + 1;
	if (need > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < need)
			cap *= 2;
		b->s = xrealloc(b->s, cap);
		b->cap = cap;
	}
	va_start(ap, fmt);
	if (len > 0)
		vsnprintf(b->s + b->n, b->cap - b->n, fmt, ap);
	va_end(ap);
	b->n += (size_t)len;
	b->s[b->n] = '\0';
}

#!/usr/bin/env python3
"""gen.py SEED [-o DIR] [--cxx]: a random C program that allocates the way
C does.

Writes DIR/main.c and DIR/helpers.c (default DIR: ./gen-SEED); with --cxx,
main.cpp and helpers.cpp, the same kind of program in C++ that also uses
new, new[], new[](), nothrow new and operator new (aligned or not) with the
matching deletes. The program is deterministic and free of undefined
behaviour (leaks are intended): built any way, it prints the same lines
(one checksum per test function, of the contents of every buffer it
computed, never of an address) and exits 0.

The generator is the project's differential fuzzer's input (tools/fuzz/run.sh,
docs/testing.md). Most allocations really do not escape (constant sizes,
freed in the function, used by static helpers and by libc functions the
plugin knows), so heap2stack's transform is exercised; the rest escape in
the ways real C code lets pointers escape (globals, bytes copied into
globals, integers, return values, out-parameters, threads, indirect calls,
realloc), so a wrong demotion shows up as a different output or an ASan
report.

Stdlib only; the same SEED always gives the same files.
"""
import argparse
import os
import random
import re
import sys

# Element types of the buffers: C type, sizeof, kind.
TYPES = {
    "w": ("unsigned", 4),       # words
    "b": ("unsigned char", 1),  # bytes
    "s": ("char", 1),           # NUL-terminated string of length < count
}

ALIGNS = [16, 32, 64, 128, 256]

PRELUDE_COMMON = r"""#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIX(h, v) ((h) = ((h) ^ ((unsigned)(v) + 0x9e3779b9u + ((h) << 6) + ((h) >> 2))))

struct node { unsigned v; struct node *next; };
struct holder { unsigned *p; size_t n; };
struct kv { unsigned k, v; };
struct span { unsigned *p; size_t n; };
struct targ { unsigned a; unsigned out; unsigned *buf; size_t n; };

__attribute__((unused)) static unsigned s_sum_w(const unsigned *p, size_t n)
{
	unsigned h = 7;
	for (size_t i = 0; i < n; i++)
		MIX(h, p[i]);
	return h;
}

__attribute__((unused)) static unsigned s_sum_b(const void *v, size_t n)
{
	const unsigned char *p = CAST(const unsigned char *) v;
	unsigned h = 11;
	for (size_t i = 0; i < n; i++)
		MIX(h, p[i]);
	return h;
}

__attribute__((unused)) static void s_fill_w(unsigned *p, size_t n, unsigned s)
{
	for (size_t i = 0; i < n; i++)
		p[i] = s * 2654435761u + (unsigned)i * 40503u;
}

__attribute__((unused)) static void s_fill_b(void *v, size_t n, unsigned s)
{
	unsigned char *p = CAST(unsigned char *) v;
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(s + i * 31u);
}

__attribute__((unused)) static void *lmalloc(size_t n)
{
	void *p = malloc(n);
	if (!p)
		abort();
	return p;
}

__attribute__((unused)) static void lfree(void *p)
{
	free(p);
}

__attribute__((unused)) static void *s_ident(void *p)
{
	return p;
}

__attribute__((unused)) static int cmp_w(const void *x, const void *y)
{
	unsigned a = *(const unsigned *)x, b = *(const unsigned *)y;
	return (a > b) - (a < b);
}

__attribute__((unused)) static int cmp_b(const void *x, const void *y)
{
	unsigned a = *(const unsigned char *)x, b = *(const unsigned char *)y;
	return (a > b) - (a < b);
}

__attribute__((unused)) static int cmp_kv(const void *x, const void *y)
{
	const struct kv *a = CAST(const struct kv *) x, *b = CAST(const struct kv *) y;
	if (a->k != b->k)
		return (a->k > b->k) - (a->k < b->k);
	return (a->v > b->v) - (a->v < b->v);
}

__attribute__((unused)) static unsigned hd_sum(const struct holder *hd)
{
	return s_sum_w(hd->p, hd->n);
}

/* Stores p into the holder the caller passes by address, and hands back
 * through *out a pointer into p: stores into the caller's memory, which
 * heap2stack's callers replay (not inlined, so the summaries are what
 * the caller sees). */
__attribute__((unused, noinline)) static void hd_set(struct holder *hd, unsigned *p, size_t n)
{
	hd->p = p;
	hd->n = n;
}

__attribute__((unused, noinline)) static unsigned *w_at(unsigned *p, size_t k, unsigned **out)
{
	*out = p + k;
	return p;
}

/* A cursor and an end, as a parser's helpers take them (not inlined): the
 * difference of the two parameters is the caller's to check, and the
 * cursor handed back, or null at the end, points into the caller's
 * block. */
__attribute__((unused, noinline)) static size_t w_span(const unsigned *p, const unsigned *end)
{
	return (size_t)(end - p);
}

__attribute__((unused, noinline)) static const unsigned *w_next(const unsigned *p, const unsigned *end)
{
	return p + 1 < end ? p + 1 : NULL;
}

/* A struct assignment of the caller's holder, its address handed on (a
 * typed copy: its pointer member copied as a pointer, its count as an
 * integer); hd_note keeps the count through a call that may do anything.
 * Not inlined. */
static size_t g_kept_n;
static void keep_n(size_t n) { g_kept_n += n; }
static void (*volatile p_keep_n)(size_t) = keep_n;
__attribute__((unused, noinline)) static unsigned hd_note(const struct holder *hd)
{
	p_keep_n(hd->n);
	return hd->n ? hd->p[0] : 0u;
}
__attribute__((unused, noinline)) static unsigned hd_copy_sum(const struct holder *hd)
{
	struct holder c = *hd;
	unsigned s = hd_note(&c);
	return s + hd_sum(&c);
}

/* The same copy, whose block is replaced by a copy of its words (on both
 * branches) before anything reads it, then freed: its own block, never
 * the caller's (Slots of a local). Not inlined. */
__attribute__((unused, noinline)) static unsigned hd_recopy_sum(const struct holder *hd)
{
	struct holder c = *hd;
	unsigned s;
	if (hd->n > 0) {
		c.p = CAST(unsigned *) malloc(hd->n * sizeof *c.p);
		if (!c.p)
			abort();
		memcpy(c.p, hd->p, hd->n * sizeof *c.p);
	} else {
		c.p = NULL;
	}
	s = hd_note(&c) + hd_sum(&c);
	free(c.p);
	return s;
}

/* Copies the words of the holder's block into a block a global keeps (the
 * last 4 are kept, the older ones freed): what the holder's block holds
 * leaks, the block itself does not. Not inlined. */
static unsigned *g_interned[4];
static unsigned g_ninterned;
__attribute__((unused, noinline)) static const unsigned *hd_intern(const struct holder *hd)
{
	unsigned *c = CAST(unsigned *) malloc(hd->n * sizeof *c);
	if (!c)
		abort();
	memcpy(c, hd->p, hd->n * sizeof *c);
	free(g_interned[g_ninterned % 4]);
	g_interned[g_ninterned++ % 4] = c;
	return c;
}
"""

EXTERN_DECLS = r"""
/* helpers.c */
unsigned opaque(unsigned x);
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void xfree(void *p);
char *xstrdup(const char *s);
unsigned sum_words(const unsigned *p, size_t n);
void fill_words(unsigned *p, size_t n, unsigned s);
unsigned sum_bytes(const void *p, size_t n);
void fill_bytes(void *p, size_t n, unsigned s);
void stash(void *p);
unsigned free_stash(void);
void *identity(void *p);
void *pick(void *a, void *b, unsigned c);
"""

HELPERS_FIXED = r"""
static void *g_stash[64];
static unsigned g_nstash;

unsigned opaque(unsigned x)
{
	return x;
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		abort();
	return p;
}

void *xcalloc(size_t n, size_t m)
{
	void *p = calloc(n ? n : 1, m ? m : 1);
	if (!p)
		abort();
	return p;
}

void xfree(void *p)
{
	free(p);
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = CAST(char *) xmalloc(n);
	memcpy(p, s, n);
	return p;
}

unsigned sum_words(const unsigned *p, size_t n)
{
	return s_sum_w(p, n);
}

void fill_words(unsigned *p, size_t n, unsigned s)
{
	s_fill_w(p, n, s ^ 0x55u);
}

unsigned sum_bytes(const void *p, size_t n)
{
	return s_sum_b(p, n);
}

void fill_bytes(void *p, size_t n, unsigned s)
{
	s_fill_b(p, n, s ^ 0x33u);
}

/* Keeps p until free_stash (ownership moves here; the caller may still use
 * it). Past 64 pointers the rest leak. */
void stash(void *p)
{
	if (g_nstash < 64)
		g_stash[g_nstash++] = p;
}

/* Sums the first byte of each stashed block and frees them. */
unsigned free_stash(void)
{
	unsigned h = g_nstash;
	for (unsigned i = 0; i < g_nstash; i++) {
		MIX(h, *(unsigned char *)g_stash[i]);
		free(g_stash[i]);
		g_stash[i] = NULL;
	}
	g_nstash = 0;
	return h;
}

void *identity(void *p)
{
	return p;
}

void *pick(void *a, void *b, unsigned c)
{
	return c ? a : b;
}
"""

MAIN_GLOBALS = r"""
/* Pointers that really escape, collected and freed by drain(). */
static unsigned *g_keep[8];
static unsigned char g_hidden[8][sizeof(void *)];
static uintptr_t g_xor[8];
/* Addresses whose bytes were copied into a long array and read back as
 * long (a load tagged long that reads a pointer's bytes: legal C). */
static long g_words[8];
static unsigned *g_tmp;
/* A block published for a callee to read. It is cleared before the block
 * is freed or grown, so after a longjmp it is null or a block the jump
 * leaked, which main may still read. */
static unsigned char *g_pub;

__attribute__((noinline, unused)) static unsigned pub_peek(void)
{
	return g_pub ? g_pub[0] : 0u;
}
/* The last element a qsort comparator saw: its block must outlive the
 * function that sorted it (those blocks are leaked, never freed). */
static const void *g_cmp_last;

__attribute__((unused)) static int cmp_w_keep(const void *x, const void *y)
{
	g_cmp_last = x;
	return cmp_w(x, y);
}

static unsigned drain(void)
{
	unsigned h = 3;
	for (int j = 0; j < 8; j++) {
		void *q;
		if (g_keep[j]) {
			MIX(h, *(unsigned char *)g_keep[j]);
			free(g_keep[j]);
			g_keep[j] = NULL;
		}
		memcpy(&q, g_hidden[j], sizeof q);
		if (q) {
			MIX(h, *(unsigned char *)q);
			free(q);
			memset(g_hidden[j], 0, sizeof g_hidden[j]);
		}
		if (g_xor[j]) {
			q = (void *)(g_xor[j] ^ (uintptr_t)0x5a5aa5a5u);
			MIX(h, *(unsigned char *)q);
			free(q);
			g_xor[j] = 0;
		}
		if (g_words[j]) {
			q = (void *)g_words[j];
			MIX(h, *(unsigned char *)q);
			free(q);
			g_words[j] = 0;
		}
	}
	if (g_cmp_last)
		MIX(h, *(const unsigned *)g_cmp_last);
	return h;
}
"""


class Buf:
    """A live heap buffer in the generated code: pointer variable `p`,
    element count variable `n` (size_t), at least `cmin` elements, all
    initialised (strings: NUL-terminated within the count)."""

    def __init__(self, p, n, ty, cmin, alloc, align=16, freeable=True,
                 fixed=None, family="c"):
        self.p = p
        self.n = n
        self.ty = ty
        self.cmin = cmin
        self.alloc = alloc
        self.align = align       # guaranteed alignment of p
        self.freeable = freeable  # p is what the allocator returned
        self.fixed = fixed       # the exact count when constant
        # How it is freed: "c" (free), "arr" (delete[]), "op" (operator
        # delete), "al:N" (aligned operator delete).
        self.family = family
        self.pinned = False  # a global points into it: never freed
        self.published = False  # g_pub may point to it

    @property
    def ctype(self):
        return TYPES[self.ty][0]

    @property
    def esize(self):
        return TYPES[self.ty][1]


class Fn:
    """A function being generated: its lines and name counters."""

    def __init__(self, gen, tu):
        self.gen = gen
        self.tu = tu  # "main" or "helpers"
        self.nv = 0
        self.noglobal = False  # a thread's code: no shared global state

    def var(self, prefix):
        self.nv += 1
        return "%s%d" % (prefix, self.nv)


def indent(lines, k=1):
    return ["\t" * k + l if l else l for l in lines]


class Gen:
    def __init__(self, seed, cxx=False):
        self.seed = seed
        self.cxx = cxx
        self.r = random.Random(seed)
        self.nfn = 0
        # Generated functions, in definition order, per translation unit.
        self.defs = {"main": [], "helpers": []}
        self.protos = []  # prototypes of helpers.c functions main.c calls
        self.tests = []   # (name, arg) of the test functions main calls
        self.jmpbufs = 0
        self.need_pthread = False

    # ------------------------------------------------------------ utils
    def cx(self, t):
        """A cast to t, needed in C++ (void * does not convert)."""
        return "(%s)" % t if self.cxx else ""

    def dealloc(self, b, p=None):
        """The statement freeing b (or pointer expression p of b's family)."""
        p = p or b.p
        if b.family == "c":
            return "free(%s);" % p
        if b.family == "arr":
            return "delete[] %s;" % p
        if b.family == "op":
            return "::operator delete(%s);" % p
        return "::operator delete(%s, std::align_val_t(%s));" % (p, b.family[3:])

    def chance(self, p):
        return self.r.random() < p

    def pick(self, *choices):
        """pick((weight, value), ...)"""
        tot = sum(w for w, _ in choices)
        x = self.r.uniform(0, tot)
        for w, v in choices:
            x -= w
            if x <= 0:
                return v
        return choices[-1][1]

    def name(self, prefix):
        self.nfn += 1
        return "%s%d" % (prefix, self.nfn)

    def const(self):
        return self.r.randint(1, 1 << 16)

    # ------------------------------------------------------------ sizes
    def size(self, f, ty, nvar):
        """Lines declaring nvar (size_t) and (cmin, fixed)."""
        r = self.r
        kind = self.pick((80, "const"), (5, "opaque"), (5, "masked"),
                         (3, "clamped"), (3, "unbounded"), (4, "large"))
        big = 64 if ty == "w" else 256
        if kind == "const":
            c = r.choice([1, 2, 3, 4, 7, 8, 16, 24, 32, 64, r.randint(1, big)])
            if ty == "s":
                c = max(c, 2)
            return ["size_t %s = %d;" % (nvar, c)], c, c
        if kind == "large":
            # Around the default max-size (4096 bytes).
            nbytes = r.choice([4096, 4097, 4096 - 16, 5000, 8192, 2048 + 1])
            c = max(2, nbytes // TYPES[ty][1])
            return ["size_t %s = %d;" % (nvar, c)], c, c
        lo = r.randint(2, 8)
        if kind == "opaque":
            c = r.randint(lo, big)
            return ["size_t %s = opaque(%du);" % (nvar, c)], lo, None
        if kind == "masked":
            m = r.choice([3, 7, 15, 63])
            return ["size_t %s = (a & %du) + %d;" % (nvar, m, lo)], lo, None
        if kind == "clamped":
            c = r.randint(4, big)
            return ["size_t %s = (a < %du ? a : %du) + %d;" % (nvar, c, c, lo)], lo, None
        return ["size_t %s = a %% %du + %d;" % (nvar, r.randint(10, 500), lo)], lo, None

    # ------------------------------------------------------------ allocation
    def alloc(self, f, ty=None, allow_producer=True, conly=False):
        """Lines allocating and initialising a new buffer; returns (lines, Buf)."""
        r = self.r
        ty = ty or self.pick((55, "w"), (25, "b"), (20, "s"))
        ct = TYPES[ty][0]
        p = f.var("p")
        n = f.var("n")
        if allow_producer and self.chance(0.12):
            return self.producer_call(f, ty, p, n)
        if ty == "s" and self.chance(0.3):
            lit = self.literal()
            fn = r.choice(["strdup", "xstrdup"])
            lines = ["size_t %s = %d;" % (n, len(lit) + 1),
                     "char *%s = %s(\"%s\");" % (p, fn, lit)]
            if fn == "strdup":
                lines.append("if (!%s)" % p)
                lines.append("\tabort();")
            return lines, Buf(p, n, ty, len(lit) + 1, fn, fixed=len(lit) + 1)
        lines, cmin, fixed = self.size(f, ty, n)
        nbytes = "%s * sizeof(%s)" % (n, ct)
        kinds = [(40, "malloc"), (14, "calloc"), (8, "aligned_alloc"),
                 (6, "posix_memalign"), (6, "xmalloc"), (4, "xcalloc"),
                 (6, "lmalloc"), (3, "realloc0"), (2, "memalign")]
        if self.cxx and not conly:
            kinds += [(30, "new[]"), (8, "new[]()"), (5, "nothrow"), (5, "opnew"),
                      (4, "opnew_al")]
        kind = self.pick(*kinds)
        align = 16
        zeroed = False
        family = "c"
        X = self.cx(ct + " *")
        if kind == "malloc":
            lines.append("%s *%s = %smalloc(%s);" % (ct, p, X, nbytes))
        elif kind == "calloc":
            lines.append("%s *%s = %scalloc(%s, sizeof(%s));" % (ct, p, X, n, ct))
            zeroed = True
        elif kind == "xcalloc":
            lines.append("%s *%s = %sxcalloc(%s, sizeof(%s));" % (ct, p, X, n, ct))
            zeroed = True
        elif kind == "new[]":
            lines.append("%s *%s = new %s[%s];" % (ct, p, ct, n))
            family = "arr"
        elif kind == "new[]()":
            lines.append("%s *%s = new %s[%s]();" % (ct, p, ct, n))
            family = "arr"
            zeroed = True
        elif kind == "nothrow":
            lines.append("%s *%s = new (std::nothrow) %s[%s];" % (ct, p, ct, n))
            lines.append("if (!%s)" % p)
            lines.append("\tabort();")
            family = "arr"
        elif kind == "opnew":
            lines.append("%s *%s = static_cast<%s *>(::operator new(%s));" % (ct, p, ct, nbytes))
            family = "op"
        elif kind == "opnew_al":
            align = r.choice([32, 64, 128])
            lines.append("%s *%s = static_cast<%s *>(::operator new(%s, std::align_val_t(%d)));"
                         % (ct, p, ct, nbytes, align))
            family = "al:%d" % align
        elif kind == "aligned_alloc":
            align = r.choice(ALIGNS)
            lines.append("%s *%s = %saligned_alloc(%d, (%s + %d) / %d * %d);"
                         % (ct, p, X, align, nbytes, align - 1, align, align))
        elif kind == "posix_memalign":
            align = r.choice([8, 16, 32, 64, 128, 4096])
            t = f.var("t")
            lines.append("%s *%s;" % (ct, p))
            lines.append("{")
            lines.append("\tvoid *%s;" % t)
            lines.append("\tif (posix_memalign(&%s, %d, %s))" % (t, align, nbytes))
            lines.append("\t\tabort();")
            lines.append("\t%s = %s%s;" % (p, X, t))
            lines.append("}")
        elif kind == "xmalloc":
            lines.append("%s *%s = %sxmalloc(%s);" % (ct, p, X, nbytes))
        elif kind == "lmalloc":
            lines.append("%s *%s = %slmalloc(%s);" % (ct, p, X, nbytes))
        elif kind == "memalign":
            align = r.choice(ALIGNS)
            lines.append("%s *%s = %smemalign(%d, %s);" % (ct, p, X, align, nbytes))
        else:
            lines.append("%s *%s = %srealloc(NULL, %s);" % (ct, p, X, nbytes))
        if kind in ("malloc", "calloc", "aligned_alloc", "realloc0", "memalign"):
            if self.chance(0.7):
                lines.append("if (!%s)" % p)
                lines.append("\tabort();")
        b = Buf(p, n, ty, cmin, kind, align=align, fixed=fixed, family=family)
        if not zeroed or ty == "s" or self.chance(0.3):
            lines += self.init(f, b)
        return lines, b

    def literal(self):
        r = self.r
        parts = []
        for _ in range(r.randint(1, 4)):
            parts.append(r.choice(["ab", "x", "12", "-7", "q9", "zz", "0", "word", " "]))
        return "".join(parts)

    def init(self, f, b):
        r = self.r
        p, n = b.p, b.n
        if b.ty == "s":
            k = r.randint(0, 3)
            if k == 0:
                return ["snprintf(%s, %s, \"%%u-%s%%u\", a, %du);" % (p, n, self.literal(), self.const())]
            if k == 1:
                return ["%s[0] = 0;" % p, "strncat(%s, \"%s\", %s - 1);" % (p, self.literal(), n)]
            if k == 2:
                return ["memset(%s, 'a' + (int)(a %% 26u), %s - 1);" % (p, n),
                        "%s[%s - 1] = 0;" % (p, n)]
            return ["snprintf(%s, %s, \"%%s%%u\", \"%s\", a * %du);" % (p, n, self.literal(), self.const())]
        k = self.pick((35, 0), (25, 1), (8, 2), (20, 3), (12, 4))
        i = f.var("i")
        if k == 0:
            return ["for (size_t %s = 0; %s < %s; %s++)" % (i, i, n, i),
                    "\t%s[%s] = (%s)(%s * %du + a);" % (p, i, b.ctype, i, self.const())]
        if k == 1:
            return ["memset(%s, %d, %s * sizeof(%s));" % (p, r.randint(0, 255), n, b.ctype)]
        if k == 2:
            fn = "fill_words" if b.ty == "w" else "fill_bytes"
            return ["%s(%s, %s, a + %du);" % (fn, p, n, self.const())]
        if k == 3:
            fn = "s_fill_w" if b.ty == "w" else "s_fill_b"
            return ["%s(%s, %s, a ^ %du);" % (fn, p, n, self.const())]
        # a worker helper that writes every element, then reads them
        return ["MIX(h, %s);" % self.worker_call(f, b, mode="init")]

    # ------------------------------------------------------------ helpers made on demand
    def place(self, f):
        """Where a helper called from f goes: f's TU, or helpers.c (extern)
        when f is in main.c."""
        if f.tu == "main" and self.chance(0.15):
            return "helpers"
        return f.tu

    def emit_fn(self, tu, caller_tu, proto, body, static_ok=True):
        """Adds a function definition; returns nothing. proto lacks 'static'."""
        if tu == caller_tu and tu == "main" and static_ok:
            attr = self.r.choice(["static ", "static ", "static ",
                                  "static __attribute__((noinline)) "])
            self.defs[tu].append(attr + proto + "\n{\n" + "\n".join(indent(body)) + "\n}\n")
        elif tu == caller_tu:
            # helpers.c calling helpers.c
            attr = self.r.choice(["static ", "static ", ""])
            if attr == "":
                self.protos_h.append(proto + ";")
            self.defs[tu].append(attr + proto + "\n{\n" + "\n".join(indent(body)) + "\n}\n")
        else:
            self.protos.append(proto + ";")
            self.defs[tu].append(proto + "\n{\n" + "\n".join(indent(body)) + "\n}\n")

    def worker_call(self, f, b, mode=None):
        """A call to a new helper that reads b (mode "r"), updates it ("rw")
        or writes every element first ("init": b is not initialised yet);
        returns the call expression (unsigned)."""
        tu = self.place(f)
        g = Fn(self, tu)
        g.noglobal = f.noglobal
        name = self.name("wk")
        ct = b.ctype
        if mode is None:
            mode = self.r.choice(["r", "rw"])
        cq = "const " if mode == "r" else ""
        body = ["unsigned h = a;"]
        if mode == "init":
            i = g.var("i")
            body += ["for (size_t %s = 0; %s < n; %s++)" % (i, i, i),
                     "	p[%s] = (%s)(a * 7u + %s * 13u);" % (i, ct, i)]
        elif mode == "rw":
            i = g.var("i")
            if b.ty == "s":
                body += ["for (size_t %s = 0; %s + 1 < n && p[%s]; %s++)" % (i, i, i, i),
                         "\tp[%s] = (char)('a' + (p[%s] + a) %% 26u);" % (i, i)]
            else:
                body += ["for (size_t %s = 0; %s < n; %s++)" % (i, i, i),
                         "\tp[%s] = (%s)(p[%s] * 3u + a + %s);" % (i, ct, i, i)]
        i = g.var("i")
        if b.ty == "s":
            body += ["MIX(h, strlen(p));",
                     "for (size_t %s = 0; p[%s]; %s++)" % (i, i, i),
                     "\tMIX(h, p[%s]);" % i]
        else:
            k = self.r.randint(0, 2)
            if k == 0:
                body += ["for (size_t %s = n; %s-- > 0;)" % (i, i), "\tMIX(h, p[%s]);" % i]
            elif k == 1:
                body += ["for (const %s *q = p; q < p + n; q++)" % ct, "\tMIX(h, *q);"]
            else:
                body += ["MIX(h, s_sum_b(p, n * sizeof *p));"]
        body.append("return h;")
        proto = "unsigned %s(%s%s *p, size_t n, unsigned a)" % (name, cq, ct)
        self.emit_fn(tu, f.tu, proto, body)
        return "%s(%s, %s, a + %du)" % (name, b.p, b.n, self.const())

    def producer_call(self, f, ty, p, n):
        """p = a new helper's freshly allocated buffer (returned, through
        an out-parameter, or in a struct returned by value)."""
        tu = self.place(f)
        g = Fn(self, tu)
        g.noglobal = f.noglobal
        name = self.name("mk")
        ct = TYPES[ty][0]
        lines, b = self.alloc(g, ty, allow_producer=False)
        body = ["unsigned h = a;"] + lines
        for _ in range(self.r.randint(0, 2)):
            body += self.op(g, b, [b])
        style = self.r.choice(["ret", "out", "span"] if ty == "w" else ["ret", "out"])
        if style == "ret":
            body += ["*np = %s;" % b.n, "(void)h;", "return %s;" % b.p]
            proto = "%s *%s(unsigned a, size_t *np)" % (ct, name)
            call = ["size_t %s;" % n, "%s *%s = %s(a + %du, &%s);" % (ct, p, name, self.const(), n)]
        elif style == "out":
            body += ["*np = %s;" % b.n, "*out = %s;" % b.p, "return h;"]
            proto = "unsigned %s(unsigned a, %s **out, size_t *np)" % (name, ct)
            call = ["size_t %s;" % n, "%s *%s;" % (ct, p),
                    "MIX(h, %s(a + %du, &%s, &%s));" % (name, self.const(), p, n)]
        else:
            body += ["struct span sp = { %s, %s };" % (b.p, b.n), "(void)h;", "return sp;"]
            proto = "struct span %s(unsigned a)" % name
            sp = f.var("sp")
            call = ["struct span %s = %s(a + %du);" % (sp, name, self.const()),
                    "unsigned *%s = %s.p;" % (p, sp), "size_t %s = %s.n;" % (n, sp)]
        self.emit_fn(tu, f.tu, proto, body)
        nb = Buf(p, n, ty, b.cmin, "producer", align=b.align, fixed=b.fixed, family=b.family)
        nb.pinned = b.pinned
        return call, nb

    def consumer_call(self, f, b):
        """A new helper that uses b and frees it; returns the statement."""
        tu = self.place(f)
        g = Fn(self, tu)
        g.noglobal = f.noglobal
        name = self.name("eat")
        gb = Buf("p", "n", b.ty, b.cmin, b.alloc, b.align, b.freeable, b.fixed, b.family)
        body = ["unsigned h = a;"]
        for _ in range(self.r.randint(0, 2)):
            body += self.op(g, gb, [gb], two=False)
        fr = self.r.choice(["free(p);", "free(p);", "xfree(p);", "lfree(p);"])
        if b.family != "c":
            fr = self.dealloc(b, "p")
        if self.chance(0.3):
            body += ["if (a & 1u) {", "\t" + fr, "\treturn h;", "}", "MIX(h, p[0]);", fr]
        else:
            body.append(fr)
        body.append("return h;")
        proto = "unsigned %s(%s *p, size_t n, unsigned a)" % (name, b.ctype)
        self.emit_fn(tu, f.tu, proto, body)
        return ["MIX(h, %s(%s, %s, a + %du));" % (name, b.p, b.n, self.const())]

    # ------------------------------------------------------------ operations on live buffers
    def op(self, f, b, live, two=True, pin_ok=False):
        """Lines doing one random thing with b (which stays live). `live`
        lists every live buffer (for operations on two)."""
        r = self.r
        p, n, ct = b.p, b.n, b.ctype
        k = r.randint(0, b.cmin - 1) if b.ty != "s" else 0
        i = f.var("i")
        others = [o for o in live if o is not b and o.ty == b.ty] if two else []
        choices = []
        if b.ty != "s":
            # Mostly what the plugin can follow; some escapes.
            choices += [
                (8, "rmw"), (8, "sum"), (6, "idx"), (6, "s_sum"), (4, "s_fill"),
                (2, "ext_sum"), (1, "ext_fill"), (4, "worker"), (3, "qsort"),
                (3, "ptrarith"), (2, "cmp"), (1.5, "intptr"), (3, "memset"),
                (3, "holder_local"), (2, "holder_set"), (2, "outptr"),
                (0 if f.noglobal else 2, "holder_intern"), (2, "cursor"),
                (2, "holder_copy"), (2, "holder_recopy"),
                (2, "ptrarray"), (1, "fnptr"),
                (3, "ident"), (2, "memmove"), (0.5, "global_tmp"),
                (2, "bytes_local"), (1, "union"), (2, "heap_holder"),
                (0.5, "ext_ident"), (2, "intmem"),
                (0 if f.noglobal or f.tu != "main" else 2, "publish"),
            ]
            if b.align > 16 or b.alloc in ("aligned_alloc", "posix_memalign", "memalign"):
                choices.append((3, "aligncheck"))
            if pin_ok and b.ty == "w" and f.tu == "main" and not f.noglobal:
                choices.append((2, "qsort_keep"))
            if not b.pinned and b.freeable and b.family == "c" and \
                    b.alloc not in ("aligned_alloc", "posix_memalign", "memalign", "producer"):
                choices.append((1, "realloc"))
        else:
            choices += [(5, "strlen"), (4, "strtoul"), (3, "strchr"), (3, "worker"),
                        (3, "s_sum"), (2, "snprintf_again"), (2, "strdup_copy"),
                        (2, "ident"), (2, "intptr")]
        if others:
            choices += [(3, "memcpy2"), (2, "select2"), (2, "ne2")]
        what = self.pick(*choices)
        sz = "%s * sizeof(%s)" % (n, ct)
        if what == "rmw":
            return ["for (size_t %s = 0; %s < %s; %s++)" % (i, i, n, i),
                    "\t%s[%s] = (%s)(%s[%s] ^ (%s * %du));" % (p, i, ct, p, i, i, self.const())]
        if what == "sum":
            return ["for (size_t %s = 0; %s < %s; %s++)" % (i, i, n, i),
                    "\tMIX(h, %s[%s]);" % (p, i)]
        if what == "idx":
            return ["%s[%d] = (%s)(%s[%d] + a);" % (p, k, ct, p, r.randint(0, b.cmin - 1)),
                    "MIX(h, %s[%d]);" % (p, k)]
        if what == "s_sum":
            if b.ty == "w":
                return ["MIX(h, s_sum_w(%s, %s));" % (p, n)]
            if b.ty == "s":
                return ["MIX(h, s_sum_b(%s, strlen(%s)));" % (p, p)]
            return ["MIX(h, s_sum_b(%s, %s));" % (p, n)]
        if what == "s_fill":
            return ["%s(%s, %s, h);" % ("s_fill_w" if b.ty == "w" else "s_fill_b", p, n)]
        if what == "ext_sum":
            if b.ty == "w":
                return ["MIX(h, sum_words(%s, %s));" % (p, n)]
            return ["MIX(h, sum_bytes(%s, %s));" % (p, sz)]
        if what == "ext_fill":
            return ["%s(%s, %s, h);" % ("fill_words" if b.ty == "w" else "fill_bytes", p, n)]
        if what == "worker":
            return ["MIX(h, %s);" % self.worker_call(f, b)]
        if what == "qsort":
            return ["qsort(%s, %s, sizeof(%s), %s);" % (p, n, ct, "cmp_w" if b.ty == "w" else "cmp_b"),
                    "MIX(h, %s[0]);" % p, "MIX(h, %s[%s - 1]);" % (p, n)]
        if what == "qsort_keep":
            b.pinned = True
            return ["qsort(%s, %s, sizeof(%s), cmp_w_keep);" % (p, n, ct),
                    "MIX(h, %s[0]);" % p]
        if what == "ptrarith":
            e, m = f.var("e"), f.var("m")
            return ["{",
                    "\t%s *%s = %s + %s, *%s = %s + %s / 2;" % (ct, e, p, n, m, p, n),
                    "\tMIX(h, %s - %s);" % (e, m),
                    "\tMIX(h, *%s);" % m,
                    "\tMIX(h, %s > %s);" % (m, p),
                    "}"]
        if what == "cmp":
            return ["MIX(h, (%s + %s / 2 >= %s) + (%s != NULL) * 2);" % (p, n, p, p)]
        if what == "intptr":
            u, q = f.var("u"), f.var("q")
            if self.chance(0.5):
                return ["{",
                        "\tuintptr_t %s = (uintptr_t)%s;" % (u, p),
                        "\t%s *%s = (%s *)%s;" % (ct, q, ct, u),
                        "\tMIX(h, %s[%d]);" % (q, k),
                        "}"]
            return ["{",
                    "\tuintptr_t %s = (uintptr_t)(%s + %d);" % (u, p, k),
                    "\t%s *%s = (%s *)(%s - %d * sizeof(%s));" % (ct, q, ct, u, k, ct),
                    "\tMIX(h, %s[0] == %s[0]);" % (q, p),
                    "}"]
        if what == "intmem":
            # The address as an integer kept in memory the function owns,
            # read back and turned into a pointer again; or an offset to
            # an aligned address (a difference of two integers made from
            # it: 0 for every block, all being 16-aligned) stored into the
            # block itself and added back, as gnulib's malloca does.
            u, q, box, d = f.var("u"), f.var("q"), f.var("box"), f.var("d")
            if b.align < 16 or self.chance(0.5):
                return ["{",
                        "	uintptr_t %s[2] = {0, 0};" % box,
                        "	%s[a & 1u] = (uintptr_t)%s;" % (box, p),
                        "	%s *%s = (%s *)%s[a & 1u];" % (ct, q, ct, box),
                        "	MIX(h, %s[%d]);" % (q, k),
                        "	MIX(h, %s[a & 1u] == (uintptr_t)%s);" % (box, p),
                        "}"]
            c = r.randint(0, 15)
            return ["{",
                    "	uintptr_t %s = (uintptr_t)%s;" % (u, p),
                    "	size_t %s = ((%s + %du) & ~(uintptr_t)15) - %s;" % (d, u, c, u),
                    "	((unsigned char *)%s)[0] ^= (unsigned char)%s;" % (p, d),
                    "	%s *%s = (%s *)((char *)%s + ((unsigned char *)%s)[0] * 0 + %s);"
                    % (ct, q, ct, p, p, d),
                    "	MIX(h, %s[0]);" % q,
                    "}"]
        if what == "aligncheck":
            return ["MIX(h, ((uintptr_t)%s & %du) == 0);" % (p, b.align - 1)]
        if what == "memset":
            return ["memset(%s, %d, %s / 2 * sizeof(%s));" % (p, r.randint(0, 255), n, ct)]
        if what in ("holder_local", "holder_set", "holder_intern") and b.ty == "w":
            # a struct holder on the stack: filled, read, written through
            hd = f.var("hd")
            if what == "holder_set":
                fill = ["\tstruct holder %s;" % hd,
                        "\thd_set(&%s, %s, %s);" % (hd, p, n)]
            else:
                fill = ["\tstruct holder %s = { %s, %s };" % (hd, p, n)]
            if what == "holder_intern":
                read = "\tMIX(h, hd_intern(&%s)[%d]);" % (hd, k)
            else:
                read = "\tMIX(h, hd_sum(&%s));" % hd
            return ["{"] + fill + [read, "\t%s.p[%d] += 1;" % (hd, k), "}"]
        if what in ("holder_copy", "holder_recopy") and b.ty == "w":
            hd = f.var("hd")
            fn = "hd_copy_sum" if what == "holder_copy" else "hd_recopy_sum"
            return ["{",
                    "\tstruct holder %s = { %s, %s };" % (hd, p, n),
                    "\tMIX(h, %s(&%s));" % (fn, hd),
                    "}"]
        if what == "outptr" and b.ty == "w":
            at = f.var("at")
            return ["{",
                    "\tunsigned *%s;" % at,
                    "\t(void)w_at(%s, %d, &%s);" % (p, k, at),
                    "\tMIX(h, *%s);" % at,
                    "\t*%s += 1;" % at,
                    "}"]
        if what == "cursor" and b.ty == "w":
            q, e, c = f.var("q"), f.var("e"), f.var("c")
            return ["{",
                    "\tconst unsigned *%s = %s, *%s = %s + %s;" % (q, p, e, p, n),
                    "\tsize_t %s = 0;" % c,
                    "\twhile ((%s = w_next(%s, %s)))" % (q, q, e),
                    "\t\t%s += *%s & 1u;" % (c, q),
                    "\tMIX(h, %s + w_span(%s, %s));" % (c, p, e),
                    "}"]
        if what in ("holder_local", "heap_holder", "holder_set", "outptr",
                    "holder_intern", "cursor", "holder_copy",
                    "holder_recopy") and b.ty != "w":
            return ["MIX(h, s_sum_b(%s, %s));" % (p, n)]
        if what == "heap_holder":
            hd = f.var("hd")
            return ["{",
                    "\tstruct holder *%s = %smalloc(sizeof *%s);" % (hd, self.cx("struct holder *"), hd),
                    "\tif (!%s)" % hd,
                    "\t\tabort();",
                    "\t%s->p = %s;" % (hd, p),
                    "\t%s->n = %s;" % (hd, n),
                    "\tMIX(h, hd_sum(%s));" % hd,
                    "\tfree(%s);" % hd,
                    "}"]
        if what == "ptrarray":
            arr = f.var("arr")
            return ["{",
                    "\t%s *%s[2] = { %s, %s + %d };" % (ct, arr, p, p, k),
                    "\tMIX(h, %s[a & 1u][0]);" % arr,
                    "}"]
        if what == "fnptr":
            fp = f.var("fp")
            if b.ty == "w":
                return ["{",
                        "\tunsigned (*%s)(const unsigned *, size_t) = (a & 2u) ? s_sum_w : sum_words;" % fp,
                        "\tMIX(h, %s(%s, %s));" % (fp, p, n),
                        "}"]
            return ["{",
                    "\tunsigned (*%s)(const void *, size_t) = (a & 2u) ? s_sum_b : sum_bytes;" % fp,
                    "\tMIX(h, %s(%s, %s));" % (fp, p, n),
                    "}"]
        if what == "ident":
            q = f.var("q")
            return ["{",
                    "\t%s *%s = %ss_ident(%s);" % (ct, q, self.cx(ct + " *"), p),
                    "\tMIX(h, %s[0]);" % q,
                    "}"]
        if what == "ext_ident":
            q = f.var("q")
            return ["{",
                    "\t%s *%s = %sidentity(%s);" % (ct, q, self.cx(ct + " *"), p),
                    "\tMIX(h, %s[%d]);" % (q, k),
                    "}"]
        if what == "memmove":
            if b.cmin < 2:
                return ["MIX(h, %s[0]);" % p]
            return ["memmove(%s, %s + 1, (%s - 1) * sizeof(%s));" % (p, p, n, ct)]
        if what == "publish":
            b.published = True
            return ["g_pub = (unsigned char *)(void *)%s;" % p,
                    "MIX(h, pub_peek());"]
        if what == "global_tmp":
            return ["g_tmp = (unsigned *)(void *)%s;" % p,
                    "MIX(h, *(unsigned char *)g_tmp);",
                    "g_tmp = NULL;"] if f.tu == "main" and not f.noglobal else ["MIX(h, %s[0]);" % p]
        if what == "bytes_local":
            w, q = f.var("w"), f.var("q")
            return ["{",
                    "\tunsigned char %s[sizeof(void *)];" % w,
                    "\t%s *%s;" % (ct, q),
                    "\tmemcpy(%s, &%s, sizeof %s);" % (w, p, p),
                    "\tmemcpy(&%s, %s, sizeof %s);" % (q, w, q),
                    "\tMIX(h, %s[%d]);" % (q, k),
                    "}"]
        if what == "union" and self.cxx:
            what = "bytes_local"  # reading another union member is UB in C++
        if what == "union":
            un = f.var("un")
            return ["{",
                    "\tunion { %s *p; uintptr_t u; } %s;" % (ct, un),
                    "\t%s.p = %s;" % (un, p),
                    "\t%s.u += %d * sizeof(%s);" % (un, k, ct),
                    "\tMIX(h, *%s.p);" % un,
                    "}"]
        if what == "realloc":
            np_, i2 = f.var("np"), f.var("i")
            grow = r.choice([1, 4, 16, 100])
            b.alloc = "realloc"
            b.align = 16
            b.fixed = None if b.fixed is None else b.fixed + grow
            return self.unpublish(b) + ["{",
                    "\t%s *%s = %srealloc(%s, (%s + %d) * sizeof(%s));" % (ct, np_, self.cx(ct + " *"), p, n, grow, ct),
                    "\tif (!%s)" % np_,
                    "\t\tabort();",
                    "\tfor (size_t %s = %s; %s < %s + %d; %s++)" % (i2, n, i2, n, grow, i2),
                    "\t\t%s[%s] = (%s)%s;" % (np_, i2, ct, i2),
                    "\t%s = %s;" % (p, np_),
                    "\t%s += %d;" % (n, grow),
                    "\tMIX(h, %s[%s - 1]);" % (p, n),
                    "}"]
        # strings
        if what == "strlen":
            return ["MIX(h, strlen(%s));" % p]
        if what == "strtoul":
            e = f.var("end")
            return ["{",
                    "\tchar *%s;" % e,
                    "\tunsigned long v_ = strtoul(%s, &%s, 10);" % (p, e),
                    "\tMIX(h, v_);",
                    "\tMIX(h, %s - %s);" % (e, p),
                    "\tMIX(h, *%s);" % e,
                    "}"]
        if what == "strchr":
            c = f.var("c")
            return ["{",
                    "\tconst char *%s = strchr(%s, '%s');" % (c, p, r.choice("-abxz0")),
                    "\tMIX(h, %s ? %s - %s : -1);" % (c, c, p),
                    "}"]
        if what == "snprintf_again":
            return ["snprintf(%s, %s, \"%%u%s\", h);" % (p, n, self.literal())]
        if what == "strdup_copy":
            d = f.var("d")
            return ["{",
                    "\tchar *%s = strdup(%s);" % (d, p),
                    "\tif (!%s)" % d,
                    "\t\tabort();",
                    "\tMIX(h, strcmp(%s, %s) == 0);" % (d, p),
                    "\tMIX(h, s_sum_b(%s, strlen(%s)));" % (d, d),
                    "\tfree(%s);" % d,
                    "}"]
        if what == "memcpy2":
            o = r.choice(others)
            if b.ty == "s":
                return ["snprintf(%s, %s, \"%%s\", %s);" % (o.p, o.n, p)]
            return ["memcpy(%s, %s, (%s < %s ? %s : %s) * sizeof(%s));"
                    % (o.p, p, n, o.n, n, o.n, ct)]
        if what == "select2":
            o = r.choice(others)
            z = f.var("z")
            return ["{",
                    "\t%s *%s = (h & 1u) ? %s : %s;" % (ct, z, p, o.p),
                    "\tMIX(h, %s[0]);" % z,
                    "}"]
        if what == "ne2":
            o = r.choice(others)
            return ["MIX(h, (%s != %s) + ((uintptr_t)%s != (uintptr_t)%s));" % (p, o.p, p, o.p)]
        return ["MIX(h, %s[0]);" % p]

    # ------------------------------------------------------------ ends of lifetime
    def unpublish(self, b):
        """Lines clearing g_pub when it points to b (before b is freed or
        grown)."""
        if not b.published:
            return []
        return ["if (g_pub == (unsigned char *)(void *)%s)" % b.p, "\tg_pub = NULL;"]

    def end(self, f, b, in_loop):
        """Lines ending b's life in f: free, leak, or an escape."""
        return self.unpublish(b) + self.end_lines(f, b, in_loop)

    def end_lines(self, f, b, in_loop):
        r = self.r
        p = b.p
        choices = [(50, "free"), (4, "xfree"), (6, "lfree"), (8, "condfree"),
                   (5, "leak"), (5, "consume"), (1.5, "fnfree"), (4, "alias")]
        if b.freeable and not f.noglobal:
            choices += [(1.5, "stash")]
            if f.tu == "main":
                choices += [(1.5, "keep"), (1, "hide"), (1, "xor"),
                            (1, "words")]
        what = self.pick(*choices)
        if (not b.freeable or b.pinned) and what not in ("leak",):
            what = "leak"
        if b.family != "c":
            if what == "condfree":
                return ["if (h & %du)" % (1 << r.randint(0, 4)), "\t" + self.dealloc(b)]
            if what in ("leak", "consume"):
                pass
            elif what == "alias":
                al = f.var("al")
                return ["{", "\t%s *%s = %s;" % (b.ctype, al, p), "\t" + self.dealloc(b, al), "}"]
            else:
                return [self.dealloc(b)]
        if what == "free":
            return ["free(%s);" % p]
        if what == "xfree":
            return ["xfree(%s);" % p]
        if what == "lfree":
            return ["lfree(%s);" % p]
        if what == "condfree":
            if self.chance(0.5):
                return ["if (h & %du)" % (1 << r.randint(0, 4)), "\tfree(%s);" % p]
            return ["if (a & 1u) {", "\tMIX(h, %s[0]);" % p, "\tfree(%s);" % p,
                    "} else {", "\tfree(%s);" % p, "}"]
        if what == "leak":
            return ["(void)%s; /* leaked */" % p]
        if what == "consume":
            return self.consumer_call(f, b)
        if what == "fnfree":
            fr = f.var("fr")
            return ["{",
                    "\tvoid (*%s)(void *) = (a & 4u) ? free : xfree;" % fr,
                    "\t%s(%s);" % (fr, p),
                    "}"]
        if what == "alias":
            al = f.var("al")
            return ["{", "\tvoid *%s = %s;" % (al, p), "\tfree(%s);" % al, "}"]
        if what == "stash":
            return ["stash(%s);" % p]
        j = r.randint(0, 7)
        if what == "keep":
            return ["free(g_keep[%d]);" % j, "g_keep[%d] = (unsigned *)(void *)%s;" % (j, p)]
        if what == "hide":
            q = f.var("old")
            return ["{",
                    "\tvoid *%s;" % q,
                    "\tmemcpy(&%s, g_hidden[%d], sizeof %s);" % (q, j, q),
                    "\tfree(%s);" % q,
                    "\tmemcpy(g_hidden[%d], &%s, sizeof %s);" % (j, p, p),
                    "}"]
        if what == "words":
            w = f.var("w")
            return ["{",
                    "\tlong %s[sizeof(void *) / sizeof(long)];" % w,
                    "\tmemcpy(%s, &%s, sizeof %s);" % (w, p, p),
                    "\tif (g_words[%d])" % j,
                    "\t\tfree((void *)g_words[%d]);" % j,
                    "\tg_words[%d] = %s[0];" % (j, w),
                    "}"]
        # xor
        return ["if (g_xor[%d])" % j,
                "\tfree((void *)(g_xor[%d] ^ (uintptr_t)0x5a5aa5a5u));" % j,
                "g_xor[%d] = (uintptr_t)%s ^ (uintptr_t)0x5a5aa5a5u;" % (j, p)]

    # ------------------------------------------------------------ groups of statements
    def straight(self, f, nbuf, nops, in_loop=False, extra=None):
        """A sequence: nbuf buffers allocated, nops operations, every buffer
        ended. `extra` (lines) is inserted at a random point while buffers
        are live (a recursive call, a longjmp)."""
        out = []
        live = []
        todo = nbuf
        ops_left = nops
        extra_at = self.r.randint(0, nops) if extra else -1
        step = 0
        while todo or live:
            if step == extra_at:
                out += extra
                extra_at = -1
            step += 1
            acts = []
            if todo:
                acts.append((3 if not live else 1, "alloc"))
            if live and ops_left:
                acts.append((4, "op"))
            if live and (not ops_left or len(live) > 2 or not todo):
                acts.append((1 if ops_left else 5, "end"))
            a = self.pick(*acts)
            if a == "alloc":
                lines, b = self.alloc(f)
                out += lines
                live.append(b)
                todo -= 1
            elif a == "op":
                ops_left -= 1
                b = self.r.choice(live)
                out += self.op(f, b, live, pin_ok=True)
            else:
                b = self.r.choice(live)
                live.remove(b)
                out += self.end(f, b, in_loop)
        if extra_at >= 0:
            out += extra
        return ["{"] + indent(out) + ["}"]

    def group(self, f, depth=0, extra=None):
        r = self.r
        kind = self.pick((35, "plain"), (10, "if"), (18, "loop"), (4, "keepprev"),
                         (3, "keepone"), (1.5, "list"), (1, "matrix"), (5, "kv"),
                         (2, "thread") if f.tu == "main" and depth == 0 else (0, None),
                         (2, "setjmp") if depth == 0 else (0, None),
                         (2, "recursion") if depth == 0 else (0, None),
                         (2, "escape_param"), (3, "bufarray"))
        if extra and kind in ("thread", "setjmp", "recursion", "list", "matrix", "kv",
                              "keepprev", "keepone", "escape_param", "bufarray"):
            kind = "plain"
        nb = r.randint(1, 3)
        no = r.randint(1, 5)
        if kind == "plain":
            return self.straight(f, nb, no, extra=extra)
        if kind == "if":
            body = ["if (a & %du) " % (1 << r.randint(0, 5))]
            t = self.straight(f, nb, no, extra=extra)
            e = self.straight(f, r.randint(1, 2), r.randint(1, 3))
            return [body[0] + t[0]] + t[1:-1] + ["} else {"] + e[1:]
        if kind == "loop":
            it = f.var("it")
            bound = r.choice(["%d" % r.randint(2, 12), "(a & 7u) + 1"])
            s = self.straight(f, nb, no, in_loop=True, extra=extra)
            out = ["for (unsigned %s = 0; %s < %s; %s++) {" % (it, it, bound, it),
                   "\tMIX(h, %s);" % it]
            if self.chance(0.25):
                out += ["\tif (((h >> 3) & 7u) == 5u)", "\t\tcontinue;"]
            out += indent(s) + ["}"]
            return out
        if kind == "keepprev":
            # Each iteration's block lives into the next: one slot cannot
            # serve every iteration.
            it, prev = f.var("it"), f.var("prev")
            lines, b = self.alloc(f, ty=r.choice("wb"), allow_producer=False)
            out = ["%s *%s = NULL;" % (b.ctype, prev),
                   "for (unsigned %s = 0; %s < %d; %s++) {" % (it, it, r.randint(2, 8), it)]
            body = list(lines)
            for _ in range(r.randint(0, 2)):
                body += self.op(f, b, [b])
            body += ["if (%s) {" % prev,
                     "\tMIX(h, (%s != %s) + ((uintptr_t)%s != (uintptr_t)%s));" % (prev, b.p, prev, b.p),
                     "\tMIX(h, %s[0]);" % prev,
                     "\t" + self.dealloc(b, prev),
                     "}",
                     "%s = %s;" % (prev, b.p)]
            out += indent(body) + ["}",
                                   "if (%s) {" % prev,
                                   "\tMIX(h, %s[0]);" % prev,
                                   "\t" + self.dealloc(b, prev),
                                   "}"]
            return ["{"] + indent(out) + ["}"]
        if kind == "keepone" and self.chance(0.4):
            # The kept block's address lives on as an integer.
            it, keepu, q = f.var("it"), f.var("keepu"), f.var("q")
            lines, b = self.alloc(f, ty=r.choice("wb"), allow_producer=False)
            pickit = r.randint(0, 3)
            out = ["uintptr_t %s = 0;" % keepu,
                   "for (unsigned %s = 0; %s < 5; %s++) {" % (it, it, it)]
            body = list(lines)
            for _ in range(r.randint(0, 2)):
                body += self.op(f, b, [b])
            body += ["if (%s)" % keepu,
                     "\tMIX(h, %s != (uintptr_t)%s);" % (keepu, b.p),
                     "if (%s == %du && !%s)" % (it, pickit, keepu),
                     "\t%s = (uintptr_t)%s;" % (keepu, b.p),
                     "else",
                     "\t" + self.dealloc(b)]
            out += indent(body) + ["}",
                                   "if (%s) {" % keepu,
                                   "\t%s *%s = (%s *)%s;" % (b.ctype, q, b.ctype, keepu),
                                   "\tMIX(h, %s[0]);" % q,
                                   "\t" + self.dealloc(b, q),
                                   "}"]
            return ["{"] + indent(out) + ["}"]
        if kind == "keepone":
            it, keep = f.var("it"), f.var("keep")
            lines, b = self.alloc(f, ty=r.choice("wb"), allow_producer=False)
            pickit = r.randint(0, 3)
            out = ["%s *%s = NULL;" % (b.ctype, keep),
                   "for (unsigned %s = 0; %s < 5; %s++) {" % (it, it, it)]
            body = list(lines)
            for _ in range(r.randint(0, 2)):
                body += self.op(f, b, [b])
            body += ["if (%s)" % keep,
                     "\tMIX(h, (%s != %s) + ((uintptr_t)%s != (uintptr_t)%s) + %s[0]);"
                     % (keep, b.p, keep, b.p, keep),
                     "if (%s == %du && !%s)" % (it, pickit, keep),
                     "\t%s = %s;" % (keep, b.p),
                     "else",
                     "\t" + self.dealloc(b)]
            out += indent(body) + ["}",
                                   "if (%s) {" % keep,
                                   "\tMIX(h, %s[0]);" % keep,
                                   "\t" + self.dealloc(b, keep),
                                   "}"]
            return ["{"] + indent(out) + ["}"]
        if kind == "list":
            head, nd, it = f.var("head"), f.var("nd"), f.var("it")
            X = self.cx("struct node *")
            alloc = r.choice(["%smalloc(sizeof *%s)" % (X, nd), "%scalloc(1, sizeof *%s)" % (X, nd),
                              "%sxmalloc(sizeof *%s)" % (X, nd), "%slmalloc(sizeof *%s)" % (X, nd)])
            nfree = "free(%s);"
            if self.cxx and self.chance(0.5):
                alloc = r.choice(["new node", "new node()"])
                nfree = "delete %s;"
            # past 64 nodes, a pool's slots run out and the heap serves
            # the rest (docs/design.md, Pools)
            cnt = r.choice(["%d" % r.randint(1, 20), "(a & 15u) + 1", "(a & 15u) + 1", "(a & 7u) + 2",
                            "%d" % r.randint(60, 80), "(a & 127u) + 1"])
            out = ["struct node *%s = NULL;" % head,
                   "for (unsigned %s = 0; %s < %s; %s++) {" % (it, it, cnt, it),
                   "\tstruct node *%s = %s;" % (nd, alloc),
                   "\tif (!%s)" % nd,
                   "\t\tabort();",
                   "\t%s->v = %s * %du + a;" % (nd, it, self.const()),
                   "\t%s->next = %s;" % (nd, head),
                   "\t%s = %s;" % (head, nd),
                   "}"]
            if self.chance(0.5):
                out += ["for (struct node *c_ = %s; c_; c_ = c_->next)" % head,
                        "\tMIX(h, c_->v);"]
            keep = self.chance(0.2) and f.tu == "main" and not f.noglobal and nfree == "free(%s);"
            out += ["while (%s) {" % head,
                    "\tstruct node *nx_ = %s->next;" % head,
                    "\tMIX(h, %s->v);" % head]
            if keep:
                j = r.randint(0, 7)
                out += ["\tif (!nx_) {",
                        "\t\tfree(g_keep[%d]);" % j,
                        "\t\tg_keep[%d] = (unsigned *)(void *)%s;" % (j, head),
                        "\t} else",
                        "\t\tfree(%s);" % head]
            else:
                out += ["\t" + nfree % head]
            out += ["\t%s = nx_;" % head, "}"]
            if self.chance(0.3):
                # rounds: the list built and freed again, in one call (a
                # pool that empties starts again from its first slot)
                rd = f.var("rd")
                out = ["for (unsigned %s = 0; %s < %s; %s++) {" % (rd, rd, r.choice(["3", "(a & 3u) + 1"]), rd),
                       "\tMIX(h, %s);" % rd] + indent(out) + ["}"]
            return ["{"] + indent(out) + ["}"]
        if kind == "matrix":
            rows, R, C = f.var("rows"), r.choice(["%d" % r.randint(1, 6), "(int)(a & 3u) + 1",
                                                  "(int)(a & 3u) + 1"]), r.randint(1, 16)
            ri, ci = f.var("r"), f.var("c")
            out = ["unsigned **%s = %smalloc((size_t)(%s) * sizeof *%s);" % (rows, self.cx("unsigned **"), R, rows),
                   "if (!%s)" % rows,
                   "\tabort();",
                   "for (int %s = 0; %s < %s; %s++) {" % (ri, ri, R, ri),
                   "\t%s[%s] = %s%s;" % (rows, ri, self.cx("unsigned *"),
                                       r.choice(["malloc(%d * sizeof **%s)" % (C, rows),
                                                 "calloc(%d, sizeof **%s)" % (C, rows)])),
                   "\tif (!%s[%s])" % (rows, ri),
                   "\t\tabort();",
                   "\tfor (int %s = 0; %s < %d; %s++)" % (ci, ci, C, ci),
                   "\t\t%s[%s][%s] = (unsigned)(%s * %d + %s) ^ a;" % (rows, ri, ci, ri, C, ci),
                   "}",
                   "for (int %s = 0; %s < %s; %s++) {" % (ri, ri, R, ri),
                   "\tMIX(h, s_sum_w(%s[%s], %d));" % (rows, ri, C),
                   "\tfree(%s[%s]);" % (rows, ri),
                   "}",
                   "free(%s);" % rows]
            return ["{"] + indent(out) + ["}"]
        if kind == "kv":
            kv, cnt = f.var("kv"), r.randint(1, 40)
            i = f.var("i")
            kfree = "free(%s);" % kv
            kalloc = self.cx("struct kv *") + r.choice(["malloc(%d * sizeof *%s)" % (cnt, kv),
                                                      "calloc(%d, sizeof *%s)" % (cnt, kv),
                                                      "xmalloc(%d * sizeof *%s)" % (cnt, kv)])
            if self.cxx and self.chance(0.5):
                kalloc = "new kv[%d]" % cnt
                kfree = "delete[] %s;" % kv
            out = ["struct kv *%s = %s;" % (kv, kalloc),
                   "if (!%s)" % kv,
                   "\tabort();",
                   "for (int %s = 0; %s < %d; %s++) {" % (i, i, cnt, i),
                   "\t%s[%s].k = (unsigned)(%s * %du + a) %% 7u;" % (kv, i, i, self.const()),
                   "\t%s[%s].v = (unsigned)%s;" % (kv, i, i),
                   "}",
                   "qsort(%s, %d, sizeof *%s, cmp_kv);" % (kv, cnt, kv),
                   "for (int %s = 0; %s < %d; %s++)" % (i, i, cnt, i),
                   "\tMIX(h, %s[%s].k * 100u + %s[%s].v);" % (kv, i, kv, i),
                   kfree]
            return ["{"] + indent(out) + ["}"]
        if kind == "bufarray":
            # Blocks allocated in a loop, all live at once (one stack slot
            # cannot serve them all).
            arr, it, i = f.var("arr"), f.var("it"), f.var("i")
            ty = r.choice("wb")
            ct = TYPES[ty][0]
            K, C = r.randint(2, 6), r.choice([1, 4, 16, r.randint(1, 64)])
            # a count known only at run time: a guarded buffer per slot
            # of a pool, sometimes past guard-size (docs/design.md, Pools)
            if self.chance(0.3):
                K = r.choice([K, r.randint(20, 70)])
                C = r.choice(["(%du + (a & 31u))" % C, "(%du + (a & 127u))" % C])
            X = self.cx(ct + " *")
            alloc = r.choice(["%smalloc(%s * sizeof(%s))" % (X, C, ct), "%scalloc(%s, sizeof(%s))" % (X, C, ct),
                              "%slmalloc(%s * sizeof(%s))" % (X, C, ct)])
            fr = "free(%s[%s]);"
            if self.cxx and self.chance(0.5):
                alloc, fr = "new %s[%s]" % (ct, C), "delete[] %s[%s];"
            out = ["%s *%s[%d];" % (ct, arr, K),
                   "for (unsigned %s = 0; %s < %d; %s++) {" % (it, it, K, it),
                   "\t%s[%s] = %s;" % (arr, it, alloc),
                   "\tif (!%s[%s])" % (arr, it),
                   "\t\tabort();",
                   "\tfor (size_t %s = 0; %s < %s; %s++)" % (i, i, C, i),
                   "\t\t%s[%s][%s] = (%s)(%s * %du + %s + a);" % (arr, it, i, ct, it, self.const(), i),
                   "}"]
            if self.chance(0.5):
                out += ["for (unsigned %s = 1; %s < %d; %s++)" % (it, it, K, it),
                        "\tMIX(h, (%s[%s] != %s[0]) + ((uintptr_t)%s[%s] != (uintptr_t)%s[0]));"
                        % (arr, it, arr, arr, it, arr)]
            if fr.startswith("free") and self.chance(0.3):
                # each block grown by realloc, within a pool's slot or
                # beyond it; the new bytes are written before any read
                C2 = r.choice(["(%s + 8u)" % C, "(%s + 100u)" % C, "(%s * 3u)" % C])
                q = f.var("q")
                out += ["for (unsigned %s = 0; %s < %d; %s++) {" % (it, it, K, it),
                        "\t%s *%s = %s%s;" % (ct, q, X, "realloc(%s[%s], %s * sizeof(%s))" % (arr, it, C2, ct)),
                        "\tif (!%s)" % q,
                        "\t\tabort();",
                        "\tfor (size_t %s = %s; %s < %s; %s++)" % (i, C, i, C2, i),
                        "\t\t%s[%s] = (%s)(%s + %s);" % (q, i, ct, it, i),
                        "\t%s[%s] = %s;" % (arr, it, q),
                        "}"]
                C = C2
            out += ["for (unsigned %s = 0; %s < %d; %s++) {" % (it, it, K, it),
                    "\tMIX(h, s_sum_b(%s[%s], %s * sizeof(%s)));" % (arr, it, C, ct),
                    "\t" + fr % (arr, it),
                    "}"]
            return ["{"] + indent(out) + ["}"]
        if kind == "escape_param":
            # A helper stores its argument into the caller's structure,
            # which is then used after the helper returns.
            return self.escape_param(f)
        if kind == "thread":
            return self.thread(f)
        if kind == "setjmp":
            return self.setjmp_group(f)
        return self.recursion(f)

    def escape_param(self, f):
        tu = self.place(f)
        name = self.name("put")
        g = Fn(self, tu)
        g.noglobal = f.noglobal
        lines, b = self.alloc(g, ty="w", allow_producer=False, conly=True)
        body = ["unsigned h = a;"] + lines
        for _ in range(self.r.randint(0, 2)):
            body += self.op(g, b, [b])
        body += ["sp->p = %s;" % b.p, "sp->n = %s;" % b.n, "return h;"]
        self.emit_fn(tu, f.tu, "unsigned %s(struct span *sp, unsigned a)" % name, body)
        sp = f.var("sp")
        return ["{",
                "\tstruct span %s;" % sp,
                "\tMIX(h, %s(&%s, a + %du));" % (name, sp, self.const()),
                "\tMIX(h, s_sum_w(%s.p, %s.n));" % (sp, sp),
                "\tfree(%s.p);" % sp,
                "}"]

    def thread(self, f):
        self.need_pthread = True
        name = self.name("thr")
        g = Fn(self, "main")
        g.noglobal = True
        body = ["struct targ *t = %sarg;" % self.cx("struct targ *"), "unsigned a = t->a;", "unsigned h = a;"]
        body += self.straight(g, self.r.randint(1, 3), self.r.randint(1, 4))
        if self.chance(0.5):
            body += ["if (t->buf)", "\tMIX(h, s_sum_w(t->buf, t->n));"]
        body += ["t->out = h;", "return NULL;"]
        self.defs["main"].append("static void *%s(void *arg)\n{\n%s\n}\n"
                                 % (name, "\n".join(indent(body))))
        nt = self.r.randint(1, 3)
        ta, th, i = f.var("ta"), f.var("th"), f.var("i")
        shared = self.chance(0.5)
        out = ["struct targ %s[%d];" % (ta, nt), "pthread_t %s[%d];" % (th, nt)]
        if shared:
            out += ["unsigned *sh_ = %smalloc(16 * sizeof *sh_);" % self.cx("unsigned *"), "if (!sh_)", "\tabort();",
                    "s_fill_w(sh_, 16, a);"]
        out += ["for (int %s = 0; %s < %d; %s++) {" % (i, i, nt, i),
                "\t%s[%s].a = a + (unsigned)%s;" % (ta, i, i),
                "\t%s[%s].buf = %s;" % (ta, i, "sh_" if shared else "NULL"),
                "\t%s[%s].n = 16;" % (ta, i),
                "\tif (pthread_create(&%s[%s], NULL, %s, &%s[%s]))" % (th, i, name, ta, i),
                "\t\tabort();",
                "}",
                "for (int %s = 0; %s < %d; %s++) {" % (i, i, nt, i),
                "\tpthread_join(%s[%s], NULL);" % (th, i),
                "\tMIX(h, %s[%s].out);" % (ta, i),
                "}"]
        if shared:
            out.append("free(sh_);")
        return ["{"] + indent(out) + ["}"]

    def setjmp_group(self, f):
        self.jmpbufs += 1
        jb = "jb_%d_%d" % (self.nfn, self.jmpbufs)
        name = self.name("jw")
        tu = f.tu
        g = Fn(self, tu)
        g.noglobal = f.noglobal
        extra = ["if ((h & 3u) == %du) {" % self.r.randint(0, 3),
                 "\t%s_v = h;" % jb,
                 "\tlongjmp(%s, 1);" % jb,
                 "}"]
        body = ["unsigned h = a;"] + self.straight(g, self.r.randint(1, 3), self.r.randint(1, 4), extra=extra)
        body.append("return h;")
        self.defs[tu].append("static jmp_buf %s;\nstatic volatile unsigned %s_v;\n" % (jb, jb))
        self.defs[tu].append("static %sunsigned %s(unsigned a)\n{\n%s\n}\n"
                             % (self.r.choice(["", "__attribute__((noinline)) "]), name,
                                "\n".join(indent(body))))
        hv = f.var("hv")
        if tu != "main" or f.noglobal:
            return ["{",
                    "\tvolatile unsigned %s = h;" % hv,
                    "\tif (setjmp(%s) == 0)" % jb,
                    "\t\t%s = %s ^ %s(a + %du);" % (hv, hv, name, self.const()),
                    "\telse",
                    "\t\t%s = %s + %s_v * 1000u;" % (hv, hv, jb),
                    "\th = %s;" % hv,
                    "}"]
        # a block the jump leaked may still be published: read it
        return ["{",
                "\tvolatile unsigned %s = h;" % hv,
                "\tg_pub = NULL;",
                "\tif (setjmp(%s) == 0) {" % jb,
                "\t\t%s = %s ^ %s(a + %du);" % (hv, hv, name, self.const()),
                "\t} else {",
                "\t\t%s = %s + %s_v * 1000u + pub_peek();" % (hv, hv, jb),
                "\t\tg_pub = NULL;",
                "\t}",
                "\th = %s;" % hv,
                "}"]

    def recursion(self, f):
        name = self.name("rec")
        tu = f.tu
        g = Fn(self, tu)
        g.noglobal = f.noglobal
        extra = ["if (d)", "\tMIX(h, %s(d - 1, a ^ h));" % name]
        body = ["unsigned h = a + d;"] + self.straight(g, self.r.randint(1, 2), self.r.randint(1, 3), extra=extra)
        body.append("return h;")
        self.defs[tu].append("static unsigned %s(unsigned d, unsigned a);\n" % name)
        self.defs[tu].append("static unsigned %s(unsigned d, unsigned a)\n{\n%s\n}\n"
                             % (name, "\n".join(indent(body))))
        # deep enough to pass recursive-stack too (the noinl configuration
        # gives it 256 bytes): the depth guard's frames without a region
        # take their blocks from malloc
        depth = self.r.choice(["%d" % self.r.randint(0, 20), "a & 15u"])
        return ["MIX(h, %s(%s, a));" % (name, depth)]

    # ------------------------------------------------------------ test functions
    def test_fn(self, tu):
        name = self.name("t")
        f = Fn(self, tu)
        body = ["unsigned h = a * 2654435761u;"]
        for _ in range(self.r.randint(1, 3)):
            body += self.group(f)
        body.append("return h;")
        if tu == "main":
            self.defs["main"].append("static unsigned %s(unsigned a)\n{\n%s\n}\n"
                                     % (name, "\n".join(indent(body))))
        else:
            self.protos.append("unsigned %s(unsigned a);" % name)
            self.defs["helpers"].append("unsigned %s(unsigned a)\n{\n%s\n}\n"
                                        % (name, "\n".join(indent(body))))
        self.tests.append((name, self.r.randint(0, 300)))

    def generate(self):
        self.protos_h = []
        ntests = self.r.randint(2, 4)
        for _ in range(ntests):
            self.test_fn("helpers" if self.chance(0.25) else "main")
        hdr = "/* heap2stack fuzz program, seed %d (tools/fuzz/gen.py) */\n" % self.seed
        inc = "#include <malloc.h>\n#include <pthread.h>\n#include <setjmp.h>\n"
        if self.cxx:
            inc += "#include <new>\n"
        prelude = re.sub(r"CAST\(([^)]*)\) ", (lambda m: "(%s)" % m.group(1)) if self.cxx else "",
                         PRELUDE_COMMON)
        helpers_fixed = re.sub(r"CAST\(([^)]*)\) ", (lambda m: "(%s)" % m.group(1)) if self.cxx else "",
                               HELPERS_FIXED)
        main = [hdr, inc, prelude, EXTERN_DECLS]
        main += [p + "\n" for p in self.protos]
        main.append(MAIN_GLOBALS)
        main += ["\n" + d for d in self.defs["main"]]
        mb = ["int main(void)", "{", "\tunsigned h = 0, r;"]
        for name, arg in self.tests:
            mb += ["\tr = %s(opaque(%du));" % (name, arg),
                   "\tprintf(\"%s %%08x\\n\", r);" % name,
                   "\tMIX(h, r);"]
        mb += ["\tr = drain();", "\tprintf(\"drain %08x\\n\", r);", "\tMIX(h, r);",
               "\tr = free_stash();", "\tprintf(\"stash %08x\\n\", r);", "\tMIX(h, r);",
               "\tprintf(\"checksum %08x\\n\", h);", "\treturn 0;", "}"]
        main.append("\n" + "\n".join(mb) + "\n")
        helpers = [hdr, inc, prelude, EXTERN_DECLS]
        helpers += [p + "\n" for p in self.protos]
        helpers += [p + "\n" for p in self.protos_h]
        helpers.append(helpers_fixed)
        helpers += ["\n" + d for d in self.defs["helpers"]]
        return "".join(main), "".join(helpers)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("seed", type=int)
    ap.add_argument("-o", dest="out", default=None)
    ap.add_argument("--cxx", action="store_true",
                    help="C++: main.cpp and helpers.cpp, with new/new[]/new(nothrow)/"
                    "operator new (aligned too) and the matching deletes besides the C allocators")
    args = ap.parse_args()
    out = args.out or "gen-%d" % args.seed
    os.makedirs(out, exist_ok=True)
    m, h = Gen(args.seed, cxx=args.cxx).generate()
    ext = "cpp" if args.cxx else "c"
    with open(os.path.join(out, "main." + ext), "w") as fp:
        fp.write(m)
    with open(os.path.join(out, "helpers." + ext), "w") as fp:
        fp.write(h)


if __name__ == "__main__":
    main()

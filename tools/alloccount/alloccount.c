/*
 * alloccount: an LD_PRELOAD library that counts heap allocation calls.
 *
 *     env LD_PRELOAD=alloccount.so ./prog
 *     alloccount: program=N all=M                (on stderr at exit)
 *
 * `all` counts every call to malloc, calloc, realloc, aligned_alloc,
 * posix_memalign, memalign, valloc and C++ operator new (plain, nothrow and
 * aligned). `program` counts those made directly by the main executable: the
 * call's return address lies in one of its loaded segments. Allocations that
 * libc or libstdc++ make on their own behalf (stdio buffers, ...) count only
 * in `all`, which makes `program` a stable measure of the heap2stack pass:
 * each demoted site removes its calls from it. With ALLOCCOUNT_OUT=FILE the
 * line is appended to FILE instead of written to stderr.
 *
 * With ALLOCCOUNT_OBJECTS=SUB1:SUB2:... a call counts in `program` when its
 * return address lies in any loaded object (the executable, whose path is
 * /proc/self/exe, or a shared library) whose path contains one of the
 * substrings, instead of only in the main executable. This counts what a
 * package's own binaries and .so files allocate during its test suite, and
 * not what the shell, make or libc do. The table of loaded objects is
 * refreshed when an address falls outside every object it knows (a library
 * loaded by dlopen since). In this mode a forked child starts from zero, so
 * summing the lines of all processes counts each call once.
 *
 * Every function forwards to glibc's own entry points (__libc_malloc, ...),
 * so the library needs no dlsym and cannot recurse into itself. free and
 * operator delete forward to __libc_free and are not counted. operator new
 * is interposed so that `new` in the program is attributed to the program
 * (libstdc++'s operator new would call malloc from libstdc++); it calls
 * abort() instead of throwing std::bad_alloc.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pthread.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);
extern void *__libc_memalign(size_t align, size_t size);
extern void *__libc_valloc(size_t size);
extern void __libc_free(void *p);

#define MAX_RANGES 16

/* The main executable's PT_LOAD segments, filled once by the constructor
 * (before the program's own constructors run) and read-only afterwards. */
static struct { uintptr_t lo, hi; } ranges[MAX_RANGES];
static unsigned nranges;
static unsigned long long n_program, n_all;

/* dl_iterate_phdr reports the main executable first, under the name "". */
static int find_main(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	(void)data;
	if (info->dlpi_name && info->dlpi_name[0] != '\0')
		return 1;
	for (unsigned i = 0; i < info->dlpi_phnum && nranges < MAX_RANGES; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type != PT_LOAD)
			continue;
		ranges[nranges].lo = info->dlpi_addr + ph->p_vaddr;
		ranges[nranges].hi = info->dlpi_addr + ph->p_vaddr + ph->p_memsz;
		nranges++;
	}
	return 1; /* only the first entry */
}

/* ----------------------------------------- ALLOCCOUNT_OBJECTS (optional) */

/* Every PT_LOAD segment of every loaded object, each marked with whether
 * the object's path matches ALLOCCOUNT_OBJECTS. A table is immutable once
 * published; a refresh builds a new one and swaps the pointer (the old one
 * is leaked: refreshes are rare). */
struct seg {
	uintptr_t lo, hi;
	int match;
};
struct segtab {
	unsigned n, cap;
	struct seg s[];
};

static int objects_mode;
static char *objects_subs;          /* copy of ALLOCCOUNT_OBJECTS */
static char exe_path[4096];
static struct segtab *segtab;       /* read with __atomic_load_n */
static pthread_mutex_t seg_lock = PTHREAD_MUTEX_INITIALIZER;

static int path_matches(const char *path)
{
	if (!path || !path[0])
		return 0;
	const char *p = objects_subs;
	while (p && *p) {
		const char *end = strchr(p, ':');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len > 0) {
			for (const char *q = path; *q; q++)
				if (strncmp(q, p, len) == 0)
					return 1;
		}
		p = end ? end + 1 : NULL;
	}
	return 0;
}

static int collect(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	struct segtab **tp = data;
	struct segtab *t = *tp;
	const char *name = info->dlpi_name;
	if (!name || !name[0])
		name = exe_path; /* the main executable */
	int match = path_matches(name);
	for (unsigned i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type != PT_LOAD)
			continue;
		if (t->n == t->cap) {
			unsigned cap = t->cap * 2;
			struct segtab *u = __libc_malloc(sizeof *u + cap * sizeof u->s[0]);
			if (!u)
				return 1;
			memcpy(u, t, sizeof *t + t->n * sizeof t->s[0]);
			u->cap = cap;
			__libc_free(t);
			*tp = t = u;
		}
		t->s[t->n].lo = info->dlpi_addr + ph->p_vaddr;
		t->s[t->n].hi = info->dlpi_addr + ph->p_vaddr + ph->p_memsz;
		t->s[t->n].match = match;
		t->n++;
	}
	return 0;
}

static unsigned long long seg_gen; /* dlpi_adds + dlpi_subs at the scan */

static int generation(struct dl_phdr_info *info, size_t size, void *data)
{
	if (size >= offsetof(struct dl_phdr_info, dlpi_subs) + sizeof info->dlpi_subs)
		*(unsigned long long *)data = info->dlpi_adds + info->dlpi_subs;
	return 1;
}

static void refresh_segments(void)
{
	dl_iterate_phdr(generation, &seg_gen);

	unsigned cap = 64;
	struct segtab *t = __libc_malloc(sizeof *t + cap * sizeof t->s[0]);
	if (!t)
		return;
	t->n = 0;
	t->cap = cap;
	dl_iterate_phdr(collect, &t);
	__atomic_store_n(&segtab, t, __ATOMIC_RELEASE);
}

/* 1: in a matching object, 0: in another object, -1: in no known object */
static int lookup(const struct segtab *t, uintptr_t a)
{
	if (!t)
		return -1;
	for (unsigned i = 0; i < t->n; i++)
		if (a >= t->s[i].lo && a < t->s[i].hi)
			return t->s[i].match;
	return -1;
}

static int in_objects(uintptr_t a)
{
	int r = lookup(__atomic_load_n(&segtab, __ATOMIC_ACQUIRE), a);
	if (r >= 0)
		return r;
	/* Unknown address: maybe an object loaded since the last scan.
	 * Rescan only when the loader's counters of objects added and
	 * removed changed, so code outside every object (JIT) costs one
	 * dl_iterate_phdr step, not a rescan. */
	pthread_mutex_lock(&seg_lock);
	r = lookup(__atomic_load_n(&segtab, __ATOMIC_ACQUIRE), a);
	if (r < 0) {
		unsigned long long gen = 0;
		dl_iterate_phdr(generation, &gen);
		if (gen != seg_gen) {
			refresh_segments();
			r = lookup(__atomic_load_n(&segtab, __ATOMIC_ACQUIRE), a);
		}
	}
	pthread_mutex_unlock(&seg_lock);
	return r > 0;
}

static void reset_in_child(void)
{
	__atomic_store_n(&n_program, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&n_all, 0, __ATOMIC_RELAXED);
	pthread_mutex_init(&seg_lock, NULL);
}

__attribute__((constructor)) static void alloccount_init(void)
{
	dl_iterate_phdr(find_main, NULL);
	const char *objs = getenv("ALLOCCOUNT_OBJECTS");
	if (objs && objs[0]) {
		size_t len = strlen(objs);
		objects_subs = __libc_malloc(len + 1);
		if (!objects_subs)
			return;
		memcpy(objects_subs, objs, len + 1);
		ssize_t n = readlink("/proc/self/exe", exe_path, sizeof exe_path - 1);
		exe_path[n > 0 ? n : 0] = '\0';
		pthread_mutex_lock(&seg_lock);
		refresh_segments();
		pthread_mutex_unlock(&seg_lock);
		pthread_atfork(NULL, NULL, reset_in_child);
		objects_mode = 1;
	}
}

/* Count one allocation call whose caller returns to `ret`. */
static void count(void *ret)
{
	uintptr_t a = (uintptr_t)ret;
	__atomic_fetch_add(&n_all, 1, __ATOMIC_RELAXED);
	if (objects_mode) {
		if (in_objects(a))
			__atomic_fetch_add(&n_program, 1, __ATOMIC_RELAXED);
		return;
	}
	for (unsigned i = 0; i < nranges; i++) {
		if (a >= ranges[i].lo && a < ranges[i].hi) {
			__atomic_fetch_add(&n_program, 1, __ATOMIC_RELAXED);
			return;
		}
	}
}

#define COUNT() count(__builtin_return_address(0))

__attribute__((destructor)) static void alloccount_fini(void)
{
	char line[96];
	int n = snprintf(line, sizeof line, "alloccount: program=%llu all=%llu\n",
			 __atomic_load_n(&n_program, __ATOMIC_RELAXED),
			 __atomic_load_n(&n_all, __ATOMIC_RELAXED));
	if (n < 0)
		return;
	if ((size_t)n >= sizeof line)
		n = (int)sizeof line - 1;
	const char *out = getenv("ALLOCCOUNT_OUT");
	int fd = 2;
	if (out && out[0]) {
		fd = open(out, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
		if (fd < 0)
			fd = 2;
	}
	ssize_t w = write(fd, line, (size_t)n);
	(void)w;
	if (fd != 2)
		close(fd);
}

/* ------------------------------------------------------------------- C */

void *malloc(size_t size)
{
	COUNT();
	return __libc_malloc(size);
}

void *calloc(size_t n, size_t size)
{
	COUNT();
	return __libc_calloc(n, size);
}

void *realloc(void *p, size_t size)
{
	COUNT();
	return __libc_realloc(p, size);
}

void *memalign(size_t align, size_t size)
{
	COUNT();
	return __libc_memalign(align, size);
}

void *aligned_alloc(size_t align, size_t size)
{
	COUNT();
	return __libc_memalign(align, size);
}

void *valloc(size_t size)
{
	COUNT();
	return __libc_valloc(size);
}

int posix_memalign(void **out, size_t align, size_t size)
{
	COUNT();
	if (align == 0 || (align & (align - 1)) != 0 || align % sizeof(void *))
		return EINVAL;
	void *p = __libc_memalign(align, size);
	if (!p)
		return ENOMEM;
	*out = p;
	return 0;
}

void free(void *p)
{
	__libc_free(p);
}

/* ----------------------------------------------------------------- C++ */

static void *new_or_abort(size_t size)
{
	void *p = __libc_malloc(size ? size : 1);
	if (!p)
		abort();
	return p;
}

/* operator new(size_t), new[](size_t) */
void *_Znwm(size_t size)
{
	COUNT();
	return new_or_abort(size);
}

void *_Znam(size_t size)
{
	COUNT();
	return new_or_abort(size);
}

/* operator new(size_t, const std::nothrow_t &), new[](...) */
void *_ZnwmRKSt9nothrow_t(size_t size, const void *tag)
{
	(void)tag;
	COUNT();
	return __libc_malloc(size ? size : 1);
}

void *_ZnamRKSt9nothrow_t(size_t size, const void *tag)
{
	(void)tag;
	COUNT();
	return __libc_malloc(size ? size : 1);
}

/* operator new(size_t, std::align_val_t), new[](...) */
void *_ZnwmSt11align_val_t(size_t size, size_t align)
{
	COUNT();
	void *p = __libc_memalign(align, size ? size : 1);
	if (!p)
		abort();
	return p;
}

void *_ZnamSt11align_val_t(size_t size, size_t align)
{
	COUNT();
	void *p = __libc_memalign(align, size ? size : 1);
	if (!p)
		abort();
	return p;
}

/* operator delete(void *), delete[](void *), the sized and the aligned
 * forms */
void _ZdlPv(void *p) { __libc_free(p); }
void _ZdaPv(void *p) { __libc_free(p); }
void _ZdlPvm(void *p, size_t size) { (void)size; __libc_free(p); }
void _ZdaPvm(void *p, size_t size) { (void)size; __libc_free(p); }
void _ZdlPvSt11align_val_t(void *p, size_t al) { (void)al; __libc_free(p); }
void _ZdaPvSt11align_val_t(void *p, size_t al) { (void)al; __libc_free(p); }
void _ZdlPvmSt11align_val_t(void *p, size_t size, size_t al)
{
	(void)size;
	(void)al;
	__libc_free(p);
}
void _ZdaPvmSt11align_val_t(void *p, size_t size, size_t al)
{
	(void)size;
	(void)al;
	__libc_free(p);
}

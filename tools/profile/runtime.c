/*
 * libheap2stack-profile.so: the run-time half of heap2stack-profile
 * (docs/profile.md). LD_PRELOADed into a program built with
 *
 *     clang -O2 -g -finstrument-functions-after-inlining
 *
 * it measures, for every heap allocation, how long the block lives compared
 * with the frames that were live when it was made.
 *
 * Frames. The instrumentation calls __cyg_profile_func_enter/exit around
 * every function that survived inlining, so a per-thread shadow stack holds
 * exactly the frames a per-function transform sees. Each entry keeps the
 * function, a per-thread serial number (an id never reused) and the
 * caller's stack pointer at the call of the hook, which is an address inside
 * the function's frame. Frames left without an exit hook (longjmp, a C++
 * exception) are found by that address: the stack grows down, so a shadow
 * frame whose address lies below the current caller's stack pointer is
 * gone, and a frame entered at the very address of an older one replaces
 * it. The stack grows without a fixed limit.
 *
 * Lifetimes. An allocation records its site (the return address of the
 * allocation call: module and ELF virtual address, so PIE executables and
 * shared libraries work) and the ids of the allocating frame (the top of the
 * shadow stack) and of its three nearest ancestors. At free it gets the
 * smallest k such that the frame k levels up is still live in this thread:
 * k=0 is "freed while the allocating function was still running", what a
 * per-function demotion can reach; k=1..3 the callers; otherwise outlived.
 * A block freed by another thread outlived its frames; one never freed is
 * counted as unfreed when the process ends (or execs). An allocation made
 * with no instrumented frame on the stack (in a constructor of an
 * uninstrumented library, say) has no frame to die in: outlived.
 *
 * Sites whose return address lies in a module of the system (a path under
 * /lib, /usr/lib and their 32- and 64-bit twins, /bin, /sbin, /usr/bin,
 * /usr/sbin, /usr/libexec) are not the program's: libc's stdio buffers,
 * libstdc++'s exception objects, the shell and make a test suite runs. They
 * are counted apart (origin "system").
 *
 * Interposed: malloc, calloc, realloc (a realloc continues the block: same
 * site and frames, new size; realloc(NULL, n) allocates; realloc(p, 0)
 * frees), free, aligned_alloc, memalign, posix_memalign, valloc, pvalloc,
 * strdup and strndup (implemented here, so the allocation is the program's
 * call and not one inside libc), every C++ operator new and delete. glibc's
 * entry points (__libc_malloc, ...) do the allocating; operator new and
 * delete forward to libstdc++'s own through dlsym, with recording off while
 * they run so their inner malloc is not counted twice.
 *
 * Processes. Each process writes its own profile file into
 * $HEAP2STACK_PROFILE_DIR when it exits, calls _exit, or execs (exec does
 * not run exit handlers; a failed exec removes the file again and goes on).
 * A forked child starts with empty counters and forgets its parent's live
 * blocks. heap2stack-profile merges the files.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "profile.h"

#define NOINSTR __attribute__((no_instrument_function))
#define EXPORT __attribute__((visibility("default"), no_instrument_function))
#define TLS __thread __attribute__((tls_model("initial-exec")))

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);
extern void *__libc_memalign(size_t align, size_t size);
extern void *__libc_valloc(size_t size);
extern void *__libc_pvalloc(size_t size);
extern void __libc_free(void *p);

/* ------------------------------------------------------------ memory */

/* The runtime's own memory comes from mmap: never from the allocator it
 * watches. */
NOINSTR static void *raw_alloc(size_t n)
{
	void *p = mmap(NULL, n, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		static const char msg[] =
			"heap2stack-profile: out of memory for the profile\n";
		ssize_t w = write(2, msg, sizeof msg - 1);
		(void)w;
		_exit(127);
	}
	return p;
}

NOINSTR static void raw_free(void *p, size_t n)
{
	if (p)
		munmap(p, n);
}

/* ------------------------------------------------------------ state */

typedef struct frame {
	uintptr_t sp;   /* the caller's stack pointer in the enter hook */
	uint64_t id;    /* per-thread serial, never 0 */
	void *fn;
} frame;

typedef struct thread_state {
	frame *frames;
	size_t n, cap;
	uint64_t next_id;
	unsigned serial;   /* thread number, from 1 */
	int busy;          /* inside the runtime: record nothing */
} thread_state;

static TLS thread_state ts;

/* A live block. */
typedef struct block {
	uintptr_t ptr;     /* 0: empty, 1: deleted */
	unsigned site;
	unsigned thread;
	uint32_t depth;    /* frames on the stack when it was made */
	uint64_t ids[H2S_PROFILE_LEVELS]; /* ids of frames depth-1 .. depth-4 */
} block;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static block *blocks;
static size_t nblocks, cap_blocks, used_blocks; /* used: live + deleted */

static h2s_profile_site *sites;
static size_t nsites, cap_sites;
/* return address -> site index + 1 */
static uintptr_t *site_keys;
static unsigned *site_vals;
static size_t cap_site_map;

static unsigned next_thread = 1;
static pthread_key_t thread_key;   /* its destructor frees a thread's frames */
static pid_t my_pid;       /* a vfork child (another pid) writes nothing */
static int finished;       /* written the profile: record nothing more */
static int enabled;        /* HEAP2STACK_PROFILE_DIR is set */
static char out_dir[4096];
static char exe_path[4096];
static char written_file[4200];

/* ------------------------------------------------------------ frames */

NOINSTR static void thread_exit(void *unused)
{
	(void)unused;
	raw_free(ts.frames, ts.cap * sizeof *ts.frames);
	ts.frames = NULL;
	ts.n = ts.cap = 0;
}

NOINSTR static void thread_init(void)
{
	int busy = ts.busy;
	if (ts.serial)
		return;
	ts.serial = __atomic_fetch_add(&next_thread, 1, __ATOMIC_RELAXED);
	ts.next_id = 1;
	ts.busy = 1; /* pthread_setspecific may allocate */
	if (enabled)
		pthread_setspecific(thread_key, &ts);
	ts.busy = busy;
}

/* The stack pointer of the runtime function's caller: the address just
 * above the return address pushed by the call (frame pointers are kept in
 * this file). */
#define CALLER_SP() ((uintptr_t)__builtin_frame_address(0) + 2 * sizeof(void *))

/* Pops the shadow frames that are gone: below sp, or (inclusive) at it. */
NOINSTR static void pop_dead(uintptr_t sp, int inclusive)
{
	while (ts.n && (ts.frames[ts.n - 1].sp < sp ||
			(inclusive && ts.frames[ts.n - 1].sp == sp)))
		ts.n--;
}

EXPORT void __cyg_profile_func_enter(void *fn, void *call_site)
{
	uintptr_t sp = CALLER_SP();
	(void)call_site;
	thread_init();
	pop_dead(sp, 1);
	if (ts.n == ts.cap) {
		size_t cap = ts.cap ? 2 * ts.cap : 256;
		frame *f = raw_alloc(cap * sizeof *f);
		if (ts.n)
			memcpy(f, ts.frames, ts.n * sizeof *f);
		raw_free(ts.frames, ts.cap * sizeof *f);
		ts.frames = f;
		ts.cap = cap;
	}
	ts.frames[ts.n].sp = sp;
	ts.frames[ts.n].id = ts.next_id++;
	ts.frames[ts.n].fn = fn;
	ts.n++;
}

EXPORT void __cyg_profile_func_exit(void *fn, void *call_site)
{
	uintptr_t sp = CALLER_SP();
	(void)call_site;
	pop_dead(sp, 0);
	/* the frame being left is the top one, unless its entry was lost */
	for (size_t i = ts.n; i > 0; i--)
		if (ts.frames[i - 1].fn == fn) {
			ts.n = i - 1;
			return;
		}
}

/* ------------------------------------------------------------ sites */

NOINSTR static int is_system_path(const char *p)
{
	static const char *const dirs[] = {
		"/lib/",     "/lib32/",     "/lib64/",    "/libx32/",
		"/usr/lib/", "/usr/lib32/", "/usr/lib64/", "/usr/libx32/",
		"/bin/",     "/sbin/",      "/usr/bin/",  "/usr/sbin/",
		"/usr/libexec/"};
	for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++)
		if (!strncmp(p, dirs[i], strlen(dirs[i])))
			return 1;
	return 0;
}

/* Fills the module and ELF address of return address ra. */
NOINSTR static void locate(h2s_profile_site *s, uintptr_t ra)
{
	Dl_info info;
	struct link_map *lm = NULL;
	const char *name = NULL;
	s->vaddr = ra;
	if (dladdr1((void *)ra, &info, (void **)&lm, RTLD_DL_LINKMAP) && lm) {
		s->vaddr = ra - lm->l_addr;
		name = lm->l_name;
	}
	if (!name || !name[0])
		name = exe_path; /* the main program */
	snprintf(s->module, sizeof s->module, "%.*s", (int)sizeof s->module - 1,
		 name);
	s->system = is_system_path(s->module);
}

NOINSTR static size_t hash_ptr(uintptr_t p, size_t cap)
{
	uint64_t h = (uint64_t)p * 0x9e3779b97f4a7c15ull;
	return (size_t)(h >> 20) & (cap - 1);
}

/* The site of return address ra, or -1 when it has none yet; called with
 * the lock held. Inserts the site `loc` describes when it is not NULL. */
NOINSTR static int site_of(uintptr_t ra, const h2s_profile_site *loc)
{
	size_t i;
	if (2 * (nsites + 1) > cap_site_map) {
		size_t cap = cap_site_map ? 2 * cap_site_map : 1024;
		uintptr_t *k = raw_alloc(cap * sizeof *k);
		unsigned *v = raw_alloc(cap * sizeof *v);
		for (size_t j = 0; j < cap_site_map; j++)
			if (site_vals[j]) {
				size_t h = hash_ptr(site_keys[j], cap);
				while (v[h])
					h = (h + 1) & (cap - 1);
				k[h] = site_keys[j];
				v[h] = site_vals[j];
			}
		raw_free(site_keys, cap_site_map * sizeof *k);
		raw_free(site_vals, cap_site_map * sizeof *v);
		site_keys = k;
		site_vals = v;
		cap_site_map = cap;
	}
	for (i = hash_ptr(ra, cap_site_map); site_vals[i];
	     i = (i + 1) & (cap_site_map - 1))
		if (site_keys[i] == ra)
			return (int)site_vals[i] - 1;
	if (!loc)
		return -1;
	if (nsites == cap_sites) {
		size_t cap = cap_sites ? 2 * cap_sites : 256;
		h2s_profile_site *s = raw_alloc(cap * sizeof *s);
		if (nsites)
			memcpy(s, sites, nsites * sizeof *s);
		raw_free(sites, cap_sites * sizeof *s);
		sites = s;
		cap_sites = cap;
	}
	sites[nsites] = *loc;
	site_keys[i] = ra;
	site_vals[i] = (unsigned)++nsites;
	return (int)nsites - 1;
}

/* ------------------------------------------------------------ blocks */

NOINSTR static block *block_slot(uintptr_t p, int insert)
{
	size_t i;
	if (insert && 2 * (used_blocks + 1) > cap_blocks) {
		size_t cap = cap_blocks ? cap_blocks : 4096;
		block *old = blocks, *b;
		size_t oldcap = cap_blocks;
		while (4 * (nblocks + 1) > cap)
			cap *= 2;
		if (cap < 4096)
			cap = 4096;
		b = raw_alloc(cap * sizeof *b);
		for (size_t j = 0; j < oldcap; j++)
			if (old[j].ptr > 1) {
				size_t h = hash_ptr(old[j].ptr, cap);
				while (b[h].ptr)
					h = (h + 1) & (cap - 1);
				b[h] = old[j];
			}
		raw_free(old, oldcap * sizeof *old);
		blocks = b;
		cap_blocks = cap;
		used_blocks = nblocks;
	}
	if (!cap_blocks)
		return NULL;
	for (i = hash_ptr(p, cap_blocks);; i = (i + 1) & (cap_blocks - 1)) {
		if (blocks[i].ptr == p)
			return &blocks[i];
		if (!blocks[i].ptr)
			break;
	}
	if (!insert)
		return NULL;
	/* reuse the first deleted slot on the way, if any */
	for (size_t j = hash_ptr(p, cap_blocks);; j = (j + 1) & (cap_blocks - 1))
		if (blocks[j].ptr <= 1) {
			if (!blocks[j].ptr)
				used_blocks++;
			return &blocks[j];
		}
}

NOINSTR static unsigned size_bucket(size_t n)
{
	unsigned b = 0;
	while (n > 1 && b < H2S_PROFILE_BUCKETS - 1) {
		n = (n + 1) / 2;
		b++;
	}
	return b;
}

/* Records the allocation of p (n bytes) made by the call returning to ra,
 * whose caller's stack pointer is sp. */
NOINSTR static void note_alloc(void *p, size_t n, uintptr_t ra, uintptr_t sp)
{
	block *b;
	int s;
	if (!p || !enabled || finished || ts.busy)
		return;
	thread_init();
	pop_dead(sp, 0);
	ts.busy = 1;
	pthread_mutex_lock(&lock);
	s = site_of(ra, NULL);
	if (s < 0) {
		/* dladdr takes the loader's lock: never under ours, or a
		 * thread in dlopen that allocates would wait for us while we
		 * wait for it */
		h2s_profile_site here;
		pthread_mutex_unlock(&lock);
		memset(&here, 0, sizeof here);
		locate(&here, ra);
		pthread_mutex_lock(&lock);
		s = site_of(ra, &here);
	}
	sites[s].calls++;
	sites[s].bytes += n;
	sites[s].sizes[size_bucket(n)]++;
	if (sites[s].calls == 1 || n < sites[s].min_size)
		sites[s].min_size = n;
	if (n > sites[s].max_size)
		sites[s].max_size = n;
	b = block_slot((uintptr_t)p, 1);
	b->ptr = (uintptr_t)p;
	b->site = s;
	b->thread = ts.serial;
	b->depth = (uint32_t)ts.n;
	for (unsigned k = 0; k < H2S_PROFILE_LEVELS; k++)
		b->ids[k] = k < ts.n ? ts.frames[ts.n - 1 - k].id : 0;
	nblocks++;
	pthread_mutex_unlock(&lock);
	ts.busy = 0;
}

/* The lifetime class of a block freed now, by this thread. */
NOINSTR static unsigned lifetime_class(const block *b)
{
	if (b->thread != ts.serial || !b->depth)
		return H2S_CLASS_OUTLIVED;
	for (unsigned k = 0; k < H2S_PROFILE_LEVELS && k < b->depth; k++) {
		size_t at = b->depth - 1 - k;
		if (at < ts.n && ts.frames[at].id == b->ids[k])
			return H2S_CLASS_K0 + k;
	}
	return H2S_CLASS_OUTLIVED;
}

/* Records the end of p's life. */
NOINSTR static void note_free(void *p, uintptr_t sp)
{
	block *b;
	if (!p || !enabled || finished || ts.busy)
		return;
	thread_init();
	pop_dead(sp, 0);
	ts.busy = 1;
	pthread_mutex_lock(&lock);
	b = block_slot((uintptr_t)p, 0);
	if (b) {
		sites[b->site].lifetimes[lifetime_class(b)]++;
		b->ptr = 1;
		nblocks--;
	}
	pthread_mutex_unlock(&lock);
	ts.busy = 0;
}

/* realloc moved (or kept) old to new with n bytes: the same block goes on. */
NOINSTR static void note_move(void *old, void *new, size_t n)
{
	block *b, keep;
	if (!enabled || finished || ts.busy)
		return;
	ts.busy = 1;
	pthread_mutex_lock(&lock);
	b = block_slot((uintptr_t)old, 0);
	if (b) {
		keep = *b;
		sites[keep.site].reallocs++;
		if (n > sites[keep.site].max_size)
			sites[keep.site].max_size = n;
		if (new != old) {
			b->ptr = 1;
			b = block_slot((uintptr_t)new, 1);
			*b = keep;
			b->ptr = (uintptr_t)new;
		}
	}
	pthread_mutex_unlock(&lock);
	ts.busy = 0;
}

/* ------------------------------------------------------------ output */

/* Writes the profile of this process (unfreed blocks counted) to a file of
 * its own in out_dir. Returns 0 on success. */
NOINSTR static int write_profile(void)
{
	static unsigned seq;
	FILE *f;
	int fd;
	if (!enabled || finished || getpid() != my_pid)
		return -1;
	ts.busy = 1;
	pthread_mutex_lock(&lock);
	finished = 1;
	for (size_t i = 0; i < cap_blocks; i++)
		if (blocks[i].ptr > 1)
			sites[blocks[i].site].lifetimes[H2S_CLASS_UNFREED]++;
	/* a new file: the image an exec starts has the same pid */
	do {
		snprintf(written_file, sizeof written_file, "%s/prof.%ld.%u",
			 out_dir, (long)getpid(), seq++);
		fd = open(written_file,
			  O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	} while (fd < 0 && errno == EEXIST && seq < 100000);
	f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		fprintf(stderr, "heap2stack-profile: cannot write %s: %s\n",
			written_file, strerror(errno));
		if (fd >= 0)
			close(fd);
		pthread_mutex_unlock(&lock);
		return -1;
	}
	h2s_profile_write(f, sites, nsites);
	fclose(f);
	pthread_mutex_unlock(&lock);
	return 0;
}

/* A forked child: no counts yet, no blocks of its own, one thread. */
NOINSTR static void child_after_fork(void)
{
	my_pid = getpid();
	pthread_mutex_init(&lock, NULL);
	for (size_t i = 0; i < nsites; i++) {
		h2s_profile_site keep = sites[i];
		memset(&sites[i], 0, sizeof sites[i]);
		memcpy(sites[i].module, keep.module, sizeof keep.module);
		sites[i].vaddr = keep.vaddr;
		sites[i].system = keep.system;
	}
	if (blocks)
		memset(blocks, 0, cap_blocks * sizeof *blocks);
	nblocks = used_blocks = 0;
}

__attribute__((constructor, no_instrument_function)) static void init(void)
{
	const char *dir = getenv("HEAP2STACK_PROFILE_DIR");
	ssize_t n;
	thread_init();
	if (!dir || !dir[0])
		return;
	snprintf(out_dir, sizeof out_dir, "%s", dir);
	n = readlink("/proc/self/exe", exe_path, sizeof exe_path - 1);
	exe_path[n > 0 ? n : 0] = '\0';
	my_pid = getpid();
	pthread_key_create(&thread_key, thread_exit);
	pthread_atfork(NULL, NULL, child_after_fork);
	enabled = 1;
	ts.busy = 1;
	pthread_setspecific(thread_key, &ts);
	ts.busy = 0;
}

__attribute__((destructor, no_instrument_function)) static void fini(void)
{
	write_profile();
}

/* ------------------------------------------------------------ exec, exit */

typedef int (*execve_fn)(const char *, char *const[], char *const[]);
typedef int (*execvpe_fn)(const char *, char *const[], char *const[]);

/* Writes the profile before an exec replaces the process; takes it back
 * when the exec failed and the process goes on. */
NOINSTR static int before_exec(void)
{
	return write_profile() == 0;
}

NOINSTR static void after_failed_exec(int written)
{
	int e = errno;
	if (written) {
		unlink(written_file);
		finished = 0;
		/* the unfreed counts were added; take them back */
		for (size_t i = 0; i < nsites; i++)
			sites[i].lifetimes[H2S_CLASS_UNFREED] = 0;
	}
	ts.busy = 0;
	errno = e;
}

EXPORT int execve(const char *path, char *const argv[], char *const envp[])
{
	static execve_fn real;
	int w, r;
	if (!real)
		real = (execve_fn)dlsym(RTLD_NEXT, "execve");
	w = before_exec();
	r = real(path, argv, envp);
	after_failed_exec(w);
	return r;
}

EXPORT int execvpe(const char *file, char *const argv[], char *const envp[])
{
	static execvpe_fn real;
	int w, r;
	if (!real)
		real = (execvpe_fn)dlsym(RTLD_NEXT, "execvpe");
	w = before_exec();
	r = real(file, argv, envp);
	after_failed_exec(w);
	return r;
}

EXPORT int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

EXPORT int execvp(const char *file, char *const argv[])
{
	return execvpe(file, argv, environ);
}

/* execl, execlp, execle: glibc builds the vector and calls its internal
 * execve, which no interposition sees; so they are rebuilt here. */
#define MAX_EXECL_ARGS 4096

/* The vector of an execl-style call: ARG and the arguments after it up to
 * NULL, then (env_follows) the environment; runs execvpe (search) or
 * execve. */
NOINSTR static int exec_list(int search, const char *file, const char *arg,
			     va_list ap, int env_follows)
{
	char *argv[MAX_EXECL_ARGS];
	char **envp = environ;
	size_t n = 1;
	argv[0] = (char *)arg;
	while (n < MAX_EXECL_ARGS - 1 && (argv[n] = va_arg(ap, char *)) != NULL)
		n++;
	argv[n] = NULL;
	if (env_follows)
		envp = va_arg(ap, char **);
	return search ? execvpe(file, argv, envp) : execve(file, argv, envp);
}

EXPORT int execl(const char *path, const char *arg, ...)
{
	va_list ap;
	int r;
	va_start(ap, arg);
	r = exec_list(0, path, arg, ap, 0);
	va_end(ap);
	return r;
}

EXPORT int execlp(const char *file, const char *arg, ...)
{
	va_list ap;
	int r;
	va_start(ap, arg);
	r = exec_list(1, file, arg, ap, 0);
	va_end(ap);
	return r;
}

EXPORT int execle(const char *path, const char *arg, ...)
{
	va_list ap;
	int r;
	va_start(ap, arg);
	r = exec_list(0, path, arg, ap, 1);
	va_end(ap);
	return r;
}

typedef void (*exit_fn)(int);

EXPORT void _exit(int status)
{
	static exit_fn real;
	if (!real)
		real = (exit_fn)dlsym(RTLD_NEXT, "_exit");
	write_profile();
	real(status);
	__builtin_unreachable();
}

EXPORT void _Exit(int status)
{
	_exit(status);
}

/* ------------------------------------------------------------ C allocators */

#define RA() ((uintptr_t)__builtin_return_address(0))

EXPORT void *malloc(size_t n)
{
	void *p = __libc_malloc(n);
	note_alloc(p, n, RA(), CALLER_SP());
	return p;
}

EXPORT void *calloc(size_t n, size_t size)
{
	void *p = __libc_calloc(n, size);
	note_alloc(p, n * size, RA(), CALLER_SP());
	return p;
}

EXPORT void free(void *p)
{
	note_free(p, CALLER_SP());
	__libc_free(p);
}

EXPORT void *realloc(void *old, size_t n)
{
	void *p;
	if (!old) {
		p = __libc_malloc(n);
		note_alloc(p, n, RA(), CALLER_SP());
		return p;
	}
	if (n == 0) {
		/* glibc frees the block and returns NULL */
		note_free(old, CALLER_SP());
		return __libc_realloc(old, 0);
	}
	p = __libc_realloc(old, n);
	if (p)
		note_move(old, p, n);
	return p;
}

EXPORT void *reallocarray(void *old, size_t n, size_t size)
{
	void *p;
	if (size && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	if (!old) {
		p = __libc_malloc(n * size);
		note_alloc(p, n * size, RA(), CALLER_SP());
		return p;
	}
	if (n * size == 0) {
		note_free(old, CALLER_SP());
		return __libc_realloc(old, 0);
	}
	p = __libc_realloc(old, n * size);
	if (p)
		note_move(old, p, n * size);
	return p;
}

EXPORT void *memalign(size_t align, size_t n)
{
	void *p = __libc_memalign(align, n);
	note_alloc(p, n, RA(), CALLER_SP());
	return p;
}

EXPORT void *aligned_alloc(size_t align, size_t n)
{
	/* glibc 2.36's aligned_alloc is memalign */
	void *p = __libc_memalign(align, n);
	note_alloc(p, n, RA(), CALLER_SP());
	return p;
}

EXPORT int posix_memalign(void **out, size_t align, size_t n)
{
	void *p;
	if (!align || (align & (align - 1)) || align % sizeof(void *))
		return EINVAL;
	p = __libc_memalign(align, n);
	if (!p)
		return ENOMEM;
	note_alloc(p, n, RA(), CALLER_SP());
	*out = p;
	return 0;
}

EXPORT void *valloc(size_t n)
{
	void *p = __libc_valloc(n);
	note_alloc(p, n, RA(), CALLER_SP());
	return p;
}

EXPORT void *pvalloc(size_t n)
{
	void *p = __libc_pvalloc(n);
	note_alloc(p, n, RA(), CALLER_SP());
	return p;
}

EXPORT char *strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = __libc_malloc(n);
	if (p) {
		memcpy(p, s, n);
		note_alloc(p, n, RA(), CALLER_SP());
	}
	return p;
}

EXPORT char *strndup(const char *s, size_t max)
{
	size_t n = strnlen(s, max);
	char *p = __libc_malloc(n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
		note_alloc(p, n + 1, RA(), CALLER_SP());
	}
	return p;
}

/* ------------------------------------------------------------ C++ */

/* libstdc++'s operator new and delete, found once. They allocate through
 * malloc and free, which record nothing while ts.busy is set. */
NOINSTR static void *next_symbol(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);
	if (!f) {
		fprintf(stderr, "heap2stack-profile: %s not found\n", name);
		abort();
	}
	return f;
}

/* An operator new: PARAMS its parameter list (the size first, named n),
 * ARGS the same names as arguments. */
#define NEW(sym, PARAMS, ARGS)                                                \
	EXPORT void *sym PARAMS                                               \
	{                                                                     \
		static void *(*real) PARAMS;                                  \
		void *p;                                                      \
		int busy = ts.busy;                                           \
		if (!real)                                                    \
			real = (void *(*) PARAMS)next_symbol(#sym);           \
		ts.busy = 1;                                                  \
		p = real ARGS;                                                \
		ts.busy = busy;                                               \
		note_alloc(p, n, RA(), CALLER_SP());                          \
		return p;                                                     \
	}

NEW(_Znwm, (size_t n), (n))
NEW(_Znam, (size_t n), (n))
NEW(_ZnwmRKSt9nothrow_t, (size_t n, const void *t), (n, t))
NEW(_ZnamRKSt9nothrow_t, (size_t n, const void *t), (n, t))
NEW(_ZnwmSt11align_val_t, (size_t n, size_t a), (n, a))
NEW(_ZnamSt11align_val_t, (size_t n, size_t a), (n, a))
NEW(_ZnwmSt11align_val_tRKSt9nothrow_t, (size_t n, size_t a, const void *t),
    (n, a, t))
NEW(_ZnamSt11align_val_tRKSt9nothrow_t, (size_t n, size_t a, const void *t),
    (n, a, t))

/* An operator delete: PARAMS its parameter list (the pointer first, named
 * p), ARGS the same names as arguments. */
#define DELETE(sym, PARAMS, ARGS)                                             \
	EXPORT void sym PARAMS                                                \
	{                                                                     \
		static void (*real) PARAMS;                                   \
		int busy = ts.busy;                                           \
		if (!real)                                                    \
			real = (void (*) PARAMS)next_symbol(#sym);            \
		note_free(p, CALLER_SP());                                    \
		ts.busy = 1;                                                  \
		real ARGS;                                                    \
		ts.busy = busy;                                               \
	}

DELETE(_ZdlPv, (void *p), (p))
DELETE(_ZdaPv, (void *p), (p))
DELETE(_ZdlPvm, (void *p, size_t n), (p, n))
DELETE(_ZdaPvm, (void *p, size_t n), (p, n))
DELETE(_ZdlPvRKSt9nothrow_t, (void *p, const void *t), (p, t))
DELETE(_ZdaPvRKSt9nothrow_t, (void *p, const void *t), (p, t))
DELETE(_ZdlPvSt11align_val_t, (void *p, size_t a), (p, a))
DELETE(_ZdaPvSt11align_val_t, (void *p, size_t a), (p, a))
DELETE(_ZdlPvmSt11align_val_t, (void *p, size_t n, size_t a), (p, n, a))
DELETE(_ZdaPvmSt11align_val_t, (void *p, size_t n, size_t a), (p, n, a))
DELETE(_ZdlPvSt11align_val_tRKSt9nothrow_t,
       (void *p, size_t a, const void *t), (p, a, t))
DELETE(_ZdaPvSt11align_val_tRKSt9nothrow_t,
       (void *p, size_t a, const void *t), (p, a, t))

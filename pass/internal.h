/*
 * Internal header shared by the C files of the heap2stack core.
 *
 * Files, in the order data flows through them:
 *   util.c       small containers (vectors, hash maps, bitsets)
 *   cfg.c        basic-block numbering, successors and predecessors
 *   domtree.c    dominator tree (Cooper-Harvey-Kennedy)
 *   loops.c      natural loops, loop depth, blocks on any CFG cycle
 *   scc.c        strongly connected components (iterative Tarjan)
 *   snapshot.c   the allocation calls as the pipeline starts, and those
 *                of them LLVM deleted before heap2stack ran
 *   libfuncs.c   allocators, deallocators and the libc effect table
 *   graph.c      the location graph: locations, objects, edges
 *   lower.c      lowering instructions other than calls into it
 *   call.c       lowering calls: allocators, library calls, callees' tags
 *   solve.c      the fixpoint over the graph
 *   summary.c    parameter tags, bottom-up over the call graph's SCCs
 *   exits.c      calls that may leave a function, blocks freed before it
 *                returns
 *   decide.c     verdicts: escape, size, loops, recursion, budget
 *   transform.c  the rewrite of demotable sites
 *   report.c     print<escape> text, and the words it shares with remarks
 *   explain.c    Go's -m=2 block (C library only: escape-report has it too)
 *   remarks.c    optimization remarks with named arguments (the records)
 *   heap2stack.c the driver behind the public API
 */
#ifndef HEAP2STACK_INTERNAL_H
#define HEAP2STACK_INTERNAL_H

#include "heap2stack/heap2stack.h"
#include "heap2stack/reasons.h"
#include "compat.h"

#include <assert.h>
#include <llvm-c/Core.h>
#include <llvm-c/DebugInfo.h>
#include <llvm-c/Target.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define H2S_NONE 0xffffffffu

/* No slot is larger than this, whatever max-size says: it keeps decide.c's
 * budget arithmetic from overflowing, and a guarded calloc's count * size
 * (each at most the slot) within 64 bits. */
#define H2S_MAX_SLOT ((uint64_t)1 << 32)

/* Rounds of inlining callees that free a function's blocks (each inlined
 * callee may call another that frees them). */
#define H2S_INLINE_ROUNDS 8

/* ------------------------------------------------------------------ util.c */

typedef struct h2s_uvec {
	unsigned *v;
	unsigned n, cap;
} h2s_uvec;

void uvec_push(h2s_uvec *a, unsigned x);
void uvec_free(h2s_uvec *a);

/* Open-addressing map from a non-NULL pointer or a nonzero-able 64-bit key to
 * a 64-bit value. Keys are compared by value. */
typedef struct h2s_map {
	uint64_t *keys;
	uint64_t *vals;
	unsigned cap, n;
} h2s_map;

/* Returns 1 and sets *val when key is present. */
int map_get(const h2s_map *m, uint64_t key, uint64_t *val);
/* Inserts or overwrites. */
void map_put(h2s_map *m, uint64_t key, uint64_t val);
/* Inserts when absent; returns 1 when it inserted. */
int map_add(h2s_map *m, uint64_t key, uint64_t val);
void map_free(h2s_map *m);
static inline uint64_t ptrkey(const void *p) { return (uint64_t)(uintptr_t)p; }

/* Bitsets of a fixed number of 64-bit words. */
static inline int bit_test(const uint64_t *b, unsigned i)
{
	return (int)((b[i >> 6] >> (i & 63)) & 1);
}
static inline void bit_set(uint64_t *b, unsigned i)
{
	b[i >> 6] |= (uint64_t)1 << (i & 63);
}

/* Bump allocator for one function's graph: many small blocks, freed at
 * once. A zeroed arena is empty and valid. */
typedef struct h2s_arena {
	struct h2s_chunk *top;
} h2s_arena;
/* size zeroed bytes, aligned for any scalar; never NULL. */
void *arena_alloc(h2s_arena *a, size_t size);
/* uvec_push for a vector whose storage lives in a (never uvec_free it). */
void arena_push(h2s_arena *a, h2s_uvec *v, unsigned x);
void arena_free(h2s_arena *a);
/* Makes room for n keys in all, so that inserting them does not rehash. */
void map_reserve(h2s_map *m, unsigned n);

void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
/* A decimal number without sign or spaces (s may be NULL): 1 with it in
 * *v, or 0. */
int parse_u64(const char *s, uint64_t *v);
/* n rounded up to a multiple of a. */
static inline uint64_t round_up(uint64_t n, uint64_t a)
{
	return (n + a - 1) / a * a;
}
/* Growable string for reports and messages. */
typedef struct h2s_str {
	char *s;
	size_t n, cap;
} h2s_str;
void str_printf(h2s_str *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* ------------------------------------------------- cfg.c, domtree.c, loops.c */

/* The control-flow graph of one function with a body. Blocks are numbered in
 * function order; block 0 is the entry block. */
typedef struct h2s_cfg {
	unsigned n;                 /* number of blocks */
	LLVMBasicBlockRef *block;   /* index -> block */
	h2s_map index;              /* block -> index */
	h2s_uvec *succ, *pred;      /* per block, duplicates removed */
	unsigned *rpo;              /* reachable blocks in reverse post-order */
	unsigned nrpo;              /* number of reachable blocks */
	unsigned *rpo_num;          /* block -> position in rpo, H2S_NONE if
				     * unreachable */
	unsigned *idom;             /* block -> immediate dominator; entry and
				     * unreachable blocks: H2S_NONE */
	unsigned *loop_depth;       /* natural-loop nesting depth, 0 = none */
	unsigned *loop_header;      /* innermost natural loop's header, or
				     * H2S_NONE */
	unsigned char *in_cycle;    /* block lies on some CFG cycle (natural or
				     * irreducible) */
} h2s_cfg;

/* cfg.c: fills n, block, index, succ, pred, rpo, nrpo, rpo_num. */
void cfg_build(h2s_cfg *g, LLVMValueRef fn);
/* Block index of bb, or H2S_NONE. */
unsigned cfg_index(const h2s_cfg *g, LLVMBasicBlockRef bb);
void cfg_free(h2s_cfg *g);
/* The number of instructions in fn's body. */
unsigned fn_num_insts(LLVMValueRef fn);

/* domtree.c: fills idom. Requires cfg_build. */
void dom_build(h2s_cfg *g);
/* 1 when block a dominates block b (every block dominates itself;
 * unreachable blocks are dominated by everything). */
int dom_dominates(const h2s_cfg *g, unsigned a, unsigned b);

/* loops.c: fills loop_depth, loop_header, in_cycle. Requires dom_build. */
void loops_build(h2s_cfg *g);

/* scc.c: strongly connected components of a directed graph on nodes 0..n-1
 * with adjacency lists adj[0..n-1]. Writes comp[v] for every node and returns
 * the number of components. Components are numbered in the order Tarjan's
 * algorithm completes them: if there is an edge u->v with comp[u] != comp[v]
 * then comp[v] < comp[u] (callees before callers). Iterative: no recursion
 * depth limit. */
unsigned scc_compute(unsigned n, const h2s_uvec *adj, unsigned *comp);

/* --------------------------------------------------------------- libfuncs.c */

typedef enum h2s_akind {
	AK_MALLOC,          /* size in arg size_arg */
	AK_CALLOC,          /* count * size */
	AK_ALIGNED,         /* alignment in arg align_arg, size in size_arg */
	AK_POSIX_MEMALIGN,  /* int posix_memalign(void **p, align, size) */
	AK_STRDUP,          /* strdup(s): strlen(s) + 1 bytes, known only at
			     * run time */
	AK_STRNDUP,         /* strndup(s, n): strnlen(s, n) + 1 bytes */
} h2s_akind;

typedef struct h2s_allocfn {
	const char *name;
	h2s_akind kind;
	int size_arg, count_arg, align_arg;  /* -1 when absent */
	int nargs;                           /* arguments of the C signature */
	const char *family;                  /* "malloc", "_Znwm", "_Znam" */
	unsigned min_align;                  /* what the allocator guarantees */
	const char *pretty;                  /* name in reports */
} h2s_allocfn;

/* Effects of well-known library functions on their pointer arguments. */
enum {
	LF_NOCAP = 1,      /* argument neither captured nor its contents leaked */
	LF_RETALIAS = 2,   /* the result may point into this argument */
	LF_WRITES = 4,     /* may write (non-pointer) data through it */
	LF_ESCAPE = 8,     /* argument escapes (realloc, ...) */
	LF_ENDPTR = 16,    /* *arg stores a pointer into argument 0 (strtol) */
	LF_MEMCPY_SRC = 32, /* contents copied into argument 0 */
	LF_CALLBACK = 64,  /* elements handed to the comparator argument */
	LF_COMPARATOR = 128,
	LF_OUT = 256,      /* its bytes leave the process (or the analysis):
			    * whatever pointers they hold escape */
	LF_FORMAT = 512,   /* a printf format: a %p conversion (or a format
			    * that is not a constant string) makes the pointer
			    * arguments escape, as printf then scanf can
			    * rebuild them */
	LF_RETOTHER = 1024, /* with LF_RETALIAS: the result may also be the
			    * library's own memory (dirname's static ".",
			    * the block realpath allocates when this
			    * argument is NULL) */
};

typedef struct h2s_libfn {
	const char *name;
	unsigned short arg[6];  /* flags for args 0..5 */
	unsigned short rest;    /* flags for further (variadic) args */
} h2s_libfn;

/* Recognise an allocation call: returns its descriptor or NULL. Checks that
 * the callee is a library declaration and that neither the call nor the
 * caller forbids treating it as a builtin. */
const h2s_allocfn *lib_alloc_call(LLVMValueRef call);
/* 1 when a declaration of that name may be an allocator: a module with no
 * such declaration has no allocation site. */
int lib_allocator_name(const char *name);
/* Calls fn on every allocation call of m (those lib_alloc_call accepts),
 * found from the uses of the allocators' declarations without visiting any
 * other instruction; in use-list order. */
void lib_each_alloc_call(LLVMModuleRef m,
			 void (*fn)(void *ctx, LLVMValueRef call,
				    const h2s_allocfn *a),
			 void *ctx);
/* The family ("malloc", "_Znwm", ...) a deallocation call frees, or NULL. */
const char *lib_free_call(LLVMValueRef call);
/* 1 when call is `realloc(ptr, size)`, a call (not an invoke) of the
 * library's realloc. */
int lib_realloc_call(LLVMValueRef call);
/* 1 when the module's strlen (bounded: strnlen) is absent or the library's
 * declaration with the C signature for a bits-wide size_t: not defined by
 * the module, nor declared with another signature. */
int lib_length_ok(LLVMModuleRef m, int bounded, unsigned bits);
/* That declaration, added when absent. Requires lib_length_ok. */
LLVMValueRef lib_length_fn(LLVMModuleRef m, int bounded, unsigned bits);
/* Library function effects, or NULL when call is not a recognised library
 * call. */
const h2s_libfn *lib_effects(LLVMValueRef call);
/* 1 when fmt is a constant printf format (or a choice between such) whose
 * conversions print no pointer (%p). */
int lib_format_prints_no_pointer(LLVMValueRef fmt);
/* Name of a function value, "" when it has none. */
const char *fn_name(LLVMValueRef fn);
/* Function-level enum attribute `name` (noinline, optnone, ...) on a
 * function, or on a call site. */
int fn_has_attr(LLVMValueRef fn, const char *name);
/* 1 when the linker may replace fn's body (weak, linkonce without _odr,
 * extern_weak, common): what runs may not be the definition seen. */
int fn_replaceable(LLVMValueRef fn);
int call_has_fn_attr(LLVMValueRef call, const char *name);

/* --------------------------------------------------------- the location graph */

typedef enum h2s_okind {
	OBJ_UNKNOWN,   /* memory the function does not own: globals, what
			* unknown calls return, what inttoptr produces */
	OBJ_PARAM,     /* what parameter `param` points to, `level` derefs deep;
			* with `rawbytes`, what the non-pointer bytes of level
			* `level - 1` carry (Typed loads, graph.c) */
	OBJ_ALLOCA,    /* a local variable */
	OBJ_SITE,      /* an allocation site */
	OBJ_NULL,      /* what a null pointer points to: nothing; it tells a
			* pointer that may be null from one that may not */
} h2s_okind;

#define H2S_MAX_LEVEL 3  /* parameter objects deeper than this are merged */

typedef struct h2s_obj {
	h2s_okind kind;
	unsigned content;  /* location holding the pointers stored in it */
	unsigned ptrs;     /* what a load of a pointer type may read: what
			    * every store but an arithmetic-typed one wrote */
	unsigned raw;      /* what a load of an arithmetic type may read:
			    * what every store but a pointer-typed one wrote
			    * (both subsets of content; Typed loads) */
	unsigned param, level;
	unsigned site;     /* OBJ_SITE: index into fn->found.sites */
	LLVMValueRef inst; /* alloca or allocating call */
	unsigned char external; /* stores into it flow to {heap} (or ~r0) */
	unsigned char sret;     /* stores into it flow to ~r0 */
	unsigned char written;  /* a store or memcpy may write into it */
	unsigned char sunk;     /* bit 0: handled as escaped, bit 1: exposed */
	unsigned char rawbytes; /* OBJ_PARAM: the raw object of its level */
	/* OBJ_ALLOCA that a typed struct copy writes (Slots of a local): its
	 * bytes in nslots pointer-sized slots, slot k holding what every
	 * write that may touch bytes [k * P, k * P + P) wrote, at locations
	 * slots, slots + 1, ...; nslots 0: none */
	unsigned slots, nslots;
} h2s_obj;

typedef enum h2s_lkind {
	LOC_VALUE,    /* an SSA value */
	LOC_CONTENT,  /* the contents of an object */
	LOC_TEMP,     /* an unnamed intermediate */
	LOC_HEAP,     /* {heap}: everything that outlives the function */
	LOC_RESULT,   /* ~r0 */
	LOC_EXPOSED,  /* memory unknown code may write pointers into */
	LOC_PARAM_OUT, /* what is stored into a pointer parameter's pointee:
			* the caller's memory, which outlives the function */
} h2s_lkind;

/* Parameters whose pointee a summary can say a store goes to (to_param);
 * stores through the others go to {heap}. */
#define H2S_PARAM_OUTS 32

typedef struct h2s_loc {
	h2s_lkind kind;
	LLVMValueRef value;  /* LOC_VALUE */
	unsigned obj;        /* LOC_CONTENT: owner */
	uint64_t *pts;       /* objects this location may point to */
	uint64_t *done;      /* solve.c: the objects of pts its edges have
			      * been handled for (NULL: none yet) */
	h2s_uvec copies;     /* edges e with e.src == this (kind E_COPY) */
	h2s_uvec loads;      /* load edges whose address is this */
	h2s_uvec stores;     /* store edges whose address is this */
	h2s_uvec why;        /* pairs (object, edge that first brought it
			      * here), in the order they came: see why_edge */
	unsigned char queued;
} h2s_loc;

typedef enum h2s_ekind {
	E_COPY,   /* dst ⊇ src            (Go: derefs 0) */
	E_LOAD,   /* dst ⊇ *src           (Go: derefs +1) */
	E_STORE,  /* *dst ⊇ src           (a store through dst) */
} h2s_ekind;

/* Why a flow exists; printed as Go's `(REASON)` and used for remarks. */
typedef enum h2s_why {
	W_ALLOC,        /* the allocation itself (spill) */
	W_ASSIGN,       /* copy: GEP, cast, phi, select */
	W_LOAD,         /* indirection */
	W_STORE,        /* store through a pointer */
	W_STORE_GLOBAL, /* store into memory the function does not own */
	W_STORE_PARAM,  /* store through a parameter */
	W_RETURN,       /* returned */
	W_CALL_UNKNOWN, /* argument of an unknown or indirect call */
	W_CALL_LEAK,    /* argument of a function whose summary leaks it */
	W_CALL_RESULT,  /* flows to a call's result through the callee */
	W_REALLOC,      /* handed to realloc */
	W_PTRTOINT,
	W_ASM,
	W_OTHER_INST,   /* used by an instruction the analysis does not model */
	W_ESCAPED_MEM,  /* held by memory that itself escapes */
	W_EXPOSED,      /* memory handed to code that may write pointers */
	W_MEMCPY,
	W_ARG,          /* a parameter's pointee */
	W_PRINTED,      /* printed by printf's %p: scanf can read it back */
} h2s_why;

/* What a load's or store's type-based alias tag (!tbaa) says of the bytes
 * it accesses (lower.c; docs/design.md, Typed loads). */
typedef enum h2s_tbaa {
	TBAA_ANY,      /* no tag, a character type, or one not known here */
	TBAA_POINTER,  /* a pointer type: "any pointer" or below it */
	TBAA_ARITH,    /* a C arithmetic type directly below "omnipotent
			* char": int, long, double, ... */
} h2s_tbaa;

typedef struct h2s_edge {
	unsigned char kind, why;
	unsigned char nonnull; /* a copy that leaves out the null object: the
			       * value is not null where it flows (a phi's
			       * incoming value past a test of it) */
	unsigned char tbaa;   /* E_LOAD, E_STORE: the instruction's type
			       * tag says it accesses bytes of a pointer
			       * type or of an arithmetic one (h2s_tbaa) */
	unsigned src, dst;
	/* E_LOAD, E_STORE of an address that is slot_obj's alloca plus a
	 * constant: the slots of slot_obj it reads (one) or writes
	 * (slot_mask); other objects, and edges with slot_obj H2S_NONE, as
	 * without slots (fields ordered for a 40-byte edge) */
	unsigned slot_obj;
	LLVMValueRef inst;    /* the instruction the flow happens at */
	unsigned parent;      /* derived edges: the load/store edge they come
			       * from; H2S_NONE otherwise */
	unsigned via;         /* derived edges: the object dereferenced */
	uint64_t slot_mask;
} h2s_edge;

/* Verdict reasons, in the order of the shared vocabulary
 * (heap2stack/reasons.h: each one's code and Go's phrase); report.c turns
 * them into text. R_ESCAPES: a flow reaches {heap} or ~r0 (see the flow);
 * R_MIXED_FREE: a realloc may receive it, and without the glue's block
 * splitting (hooks.if_else) the realloc cannot be rewritten;
 * R_ADDRSPACE: the result is not in the stack's address space; R_FAMILY:
 * a deallocator of another family may free it; R_CALLEE_FREE: a function
 * it is passed to frees it, and that call could not be inlined
 * (s->not_inlined). */
typedef enum h2s_reason {
#define H2S_REASON_ENUM(name, code, phrase, help) name,
	H2S_REASONS(H2S_REASON_ENUM)
#undef H2S_REASON_ENUM
} h2s_reason;

/* Why a call of a function that frees a site's block stayed a call. */
typedef enum h2s_noinline {
	NI_NONE,
	NI_OFF,           /* inline-budget=0, or no inlining hook */
	NI_BUDGET,        /* the callee is larger than what is left */
	NI_RECURSIVE,     /* the callee is the caller, or hands the block
			   * on round its call-graph cycle */
	NI_NOINLINE,      /* noinline or optnone */
	NI_REFUSED,       /* LLVM's inliner would not (inline_call said 0) */
	NI_ROUNDS,        /* still freed after the last round */
	NI_LIBRARY,       /* a library function (qsort) calls the function
			   * that frees it */
} h2s_noinline;

typedef struct h2s_site {
	LLVMValueRef call;
	const h2s_allocfn *alloc;
	unsigned obj;
	int size_known, bad_align;
	int bounded;             /* size not constant, but at most `bound` */
	uint64_t bound;          /* bounded: the bound (size may be larger:
				  * a slot a realloc grows) */
	int guarded;             /* demoted with a run-time test: the slot
				  * serves sizes up to `size`, the allocator
				  * the others */
	int grows;               /* a realloc may receive it */
	uint64_t slots;          /* > 0: in a loop whose blocks outlive the
				  * iteration, `slots` slots of `size`
				  * bytes serve the first executions of a
				  * call of the function, one each, the
				  * allocator the rest (a pool) */
	int trips_bounded;       /* slots: the loops around it run at most
				  * `slots` times in all (ScalarEvolution) */
	uint64_t guard;          /* a size known only at run time: the bytes
				  * of its stack buffer (guard-size, or what
				  * the profile calls for; 0: none) */
	int profiled;            /* guard is the profile's (profile=FILE) */
	int grown_profiled;      /* the slot of a growing block is the
				  * largest the profile saw it grow to */
	int freed_here;          /* it escapes, but the function frees it on
				  * every path before it returns
				  * (exits.c); flow_edge says where it
				  * escapes */
	uint64_t size, align;    /* size: the bytes of the slot */
	unsigned addrspace;      /* of the pointer it yields */
	unsigned block;          /* cfg block index */
	/* verdict */
	h2s_reason reason;
	unsigned flow_edge;      /* R_ESCAPES: the edge into the sink */
	LLVMValueRef where;      /* R_MIXED_FREE: the realloc; R_FAMILY: the
				  * free; R_LOOP: the user; R_CALLEE_FREE:
				  * the call */
	h2s_noinline not_inlined; /* R_CALLEE_FREE: why */
	unsigned char hot;        /* the profile counts it as hot: its
				   * callees that free it are inlined within
				   * hot-inline-budget */
	char *inlined;           /* functions inlined for it (that free it),
				  * ", "-joined */
	char *inlined_alloc;     /* the functions inlined whose allocation it
				  * is (allocating helpers), ", "-joined */
	/* position and text, kept valid after the transform */
	char *file;              /* outermost inlined-at call site */
	unsigned line, col;
	char *ifile;             /* where the call is written */
	unsigned iline, icol;
	char *text;              /* "malloc(16)" */
	char *detail;            /* reason in words, for remarks */
} h2s_site;

/* The frame bytes one slot of s takes at the allocator's alignment: what
 * decide.c's budget counts per slot, and how far apart a pool's slots
 * lie (transform.c). */
static inline uint64_t site_stride(const h2s_site *s)
{
	return round_up(s->size ? s->size : 1, s->align);
}

/* `sub (ptrtoint a), (ptrtoint b)`: a pointer difference. It reveals
 * nothing while a and b point into one object; otherwise both escape. */
typedef struct h2s_pdiff {
	unsigned a, b;           /* locations of the two pointers */
	LLVMValueRef inst;
	unsigned char done;
	unsigned char a_nonnull, b_nonnull; /* the difference is used only
				  * where that pointer is not null: its null
				  * object does not count */
} h2s_pdiff;

/* A call that ends the life of the block its first argument points to:
 * a deallocation, or a realloc, which may instead return the block itself
 * (grown in place) or a copy. */
typedef struct h2s_free {
	LLVMValueRef call;
	unsigned loc;            /* location of the freed pointer */
	const char *family;      /* "malloc", "_Znwm", "_Znam" */
	int grow;                /* a realloc */
	int callee;              /* a call of a module function whose tags
				  * say it frees what loc points to: not a
				  * free the transform rewrites */
	/* transform_plan(): the demoted sites it may receive, and whether it
	 * may receive nothing else but null */
	unsigned *demoted, ndemoted;
	int only_demoted;
} h2s_free;

/* A parameter's summary, in Go's terms. */
typedef struct h2s_ptag {
	unsigned char heap;          /* the pointer itself leaks (derefs 0) */
	unsigned char content_from;  /* 0, or the smallest k >= 1 such that
				      * what k derefs of it point to leaks
				      * (and so everything below it) */
	unsigned char freed;         /* the callee frees it */
	unsigned char freed_levels;  /* bit k, 1 <= k < H2S_MAX_LEVEL: it
				      * frees what k derefs of it point to
				      * (freed deeper: content_from) */
	unsigned char raw_levels;    /* bit k, 1 <= k <= H2S_MAX_LEVEL: what
				      * the bytes k - 1 derefs down carry
				      * when read as an arithmetic type
				      * leaks (a load through a typed edge;
				      * content_from k covers it) */
	unsigned char written;       /* the callee stores through it */
	signed char result_level;    /* flows to ~r0 with N derefs, or -1:
				      * the smallest N, for the report */
	unsigned char result_levels; /* bit N: flows to ~r0 with N derefs */
	uint32_t to_param[H2S_MAX_LEVEL]; /* bit i of [k]: what k derefs of it
				      * point to is stored into parameter
				      * i's pointee */
	uint32_t to_param_raw[H2S_MAX_LEVEL]; /* the same, by a store not
				      * tagged with a pointer type (the
				      * caller's replay is then untyped) */
	uint32_t raw_to_param[H2S_MAX_LEVEL]; /* bit i of [k], k >= 1: what
				      * the bytes k - 1 derefs down carry,
				      * read as an arithmetic type, is stored
				      * into parameter i's pointee */
	uint32_t diff_with;          /* bit j: its address minus parameter
				      * j's (a pointer difference) leaves the
				      * function: harmless when the caller's
				      * two arguments point into one object */
} h2s_ptag;

/* 1 when the callee stores some level of the parameter into another
 * parameter's pointee (to_param): a store only a caller that replays it
 * sees. */
static inline int ptag_stores(const h2s_ptag *t)
{
	for (unsigned k = 0; k < H2S_MAX_LEVEL; k++)
		if (t->to_param[k])
			return 1;
	return 0;
}

/* A named local variable whose address outlives the frame. */
typedef struct h2s_addr {
	char *name, *detail;
	unsigned line;
} h2s_addr;

typedef struct h2s_func h2s_func;

/* The location graph of one function: built by graph.c, lower.c and
 * call.c, solved by solve.c, read by decide.c and the report, and freed by
 * graph_free once the verdicts are made. */
typedef struct h2s_graph {
	h2s_obj *objs;  unsigned nobj, objcap;
	h2s_loc *locs;  unsigned nloc, loccap;
	h2s_edge *edges; unsigned nedge, edgecap;
	unsigned words;            /* bitset words per location */
	h2s_arena arena;           /* bitsets and edge lists of locations */
	h2s_map valloc;            /* value -> location */
	h2s_map slotobj;           /* alloca with slots -> its object */
	h2s_map edgeset;           /* solve.c: (src,dst) of derived copies,
				    * deduped */
	unsigned heap, result, exposed, nullloc, unknownloc;
	unsigned nullptrloc;       /* holds the null object */
	unsigned null_obj;
	unsigned called;           /* what indirect calls jump to */
	unsigned unknown_obj;
	unsigned *pout;            /* param i -> its LOC_PARAM_OUT or H2S_NONE */
	unsigned *pout_raw;        /* param i -> what the stores into its
				    * pointee not tagged with a pointer type
				    * wrote (a part of pout; Typed loads) */
} h2s_graph;

/* What the analysis found in one function, which the transform and every
 * report read: the allocation sites with their verdicts, reasons, texts
 * and positions; with report_params, the parameters' names and lines, the
 * function's file and the locals whose address escapes (report.c). */
typedef struct h2s_findings {
	h2s_site *sites; unsigned nsite, sitecap;
	char **pnames;             /* per parameter: source or IR name */
	unsigned *pline;
	char *file;                /* function's file, from debug info */
	h2s_addr *addrs; unsigned naddr;
} h2s_findings;

struct h2s_func {
	LLVMValueRef fn;
	struct h2s_result *mod;
	h2s_cfg cfg;
	h2s_graph g;               /* until graph_free (after decide) */
	unsigned *param_obj;       /* param i -> its level-0 object or H2S_NONE
				    * (report.c reads it after graph_free) */
	unsigned nparams;
	unsigned char *pptr;       /* param i is a pointer (from the signature,
				    * valid before the function is analysed) */
	unsigned sret_param;       /* index of the sret parameter or H2S_NONE */
	unsigned char result_known; /* what it returns points only to its
				    * parameters' objects (result_levels) or
				    * is null: nothing of its own, nothing
				    * unknown */
	unsigned char result_null; /* what it returns may be null */
	unsigned char allocates_result; /* decide.c: a site of its own reaches
				    * ~r0 and not {heap}: it returns a block it
				    * allocates (an allocating helper) */
	h2s_findings found;         /* what the transform and the reports
				    * read */
	/* what lowering collects for the solver and the verdicts */
	h2s_free *frees; unsigned nfree, freecap;
	h2s_pdiff *pdiffs; unsigned npdiff, pdiffcap;
	h2s_ptag *ptags;           /* per parameter: its summary, what
				    * callers read */
	unsigned recursive;        /* in a call cycle */
	unsigned char frames;      /* decide.c: on a call cycle, with
				    * frame-budget (at most recursive-stack)
				    * in the outermost frames past
				    * recursive-budget (what keeps an
				    * R_RECURSIVE site) */
	unsigned char depth_guard; /* decide.c: its demoted sites are past
				    * recursive-budget: every slot is in a
				    * region that only the outermost frames
				    * of the cycles make, within
				    * recursive-stack bytes a thread, the
				    * allocator deeper (transform.c) */
	LLVMValueRef depth_ok;     /* transform.c, while it rewrites: i1,
				    * this frame has the region */
	unsigned calls_setjmp, has_musttail, optnone, coroutine;
	unsigned interposable;     /* callers may not use its summary */
	unsigned char leaves;      /* a call of it may leave its caller other
				    * than by returning (exits.c): longjmp,
				    * unwinding, exit's handlers */
	unsigned changed;
	unsigned scc;              /* component in the call graph */
	/* transform_plan(): the tail calls that may see a slot */
	LLVMValueRef *notail; unsigned nnotail;
	/* callees inlined for a site: (site's call, callee's name, whether
	 * the callee allocated it rather than freed it) */
	struct h2s_inlined {
		LLVMValueRef site;
		char *callee;
		int allocates;
	} *inl;
	unsigned ninl;
	uint64_t inline_used;      /* instructions inlined so far */
	/* slots.c, between analyze_func's two solves: typed struct copy ->
	 * the slots of its destination that every path overwrites before
	 * anything may read them (left out of the copy) */
	h2s_map slot_kill;
};

/* An allocation of the snapshot LLVM deleted (snapshot.c): where and what
 * it was. */
typedef struct h2s_deleted {
	char *function;          /* the function it was written in */
	char *text;
	char *allocator;
	LLVMMetadataRef loc;     /* where it was written */
	char *size;              /* "16", or "" when not constant */
} h2s_deleted;

struct h2s_result {
	LLVMModuleRef mod;
	h2s_options opt;
	h2s_hooks hooks;
	h2s_func *fns; unsigned nfn;
	h2s_map fnindex;           /* function value -> index into fns */
	unsigned ptr_bytes;
	unsigned tbaa_kind;         /* the metadata kind of !tbaa (lower.c) */
	unsigned tbaa_struct_kind;  /* and of !tbaa.struct */
	LLVMTargetDataRef td;       /* the module's data layout, or NULL */
	unsigned char declared_c;   /* the module is C: a local's struct type
				     * is its effective type (lower.c,
				     * declared_member) */
	unsigned alloca_as;         /* the datalayout's alloca address space */
	int transformed;
	unsigned inlined;           /* calls inlined by the analysis */
	/* the snapshot's allocations LLVM deleted (snapshot.c), for the
	 * remarks and the report */
	h2s_deleted *deleted; unsigned ndeleted;
};

/* graph.c: the graph and the primitives lower.c and call.c build it with */
void graph_init(h2s_func *f);
void graph_build(h2s_func *f);
void graph_free(h2s_func *f);
unsigned graph_value_loc(h2s_func *f, LLVMValueRef v);
/* A new edge, not yet indexed at any location. */
unsigned graph_new_edge(h2s_func *f, h2s_ekind kind, h2s_why why,
			unsigned src, unsigned dst, LLVMValueRef inst);
/* Adds the flow {heap} = l (for the solver's late discoveries). */
void graph_to_heap(h2s_func *f, unsigned l, h2s_why why, LLVMValueRef inst);
/* Adds an edge and indexes it where the solver visits it from; H2S_NONE
 * for an edge that carries nothing (from the null-like constants). */
unsigned add_edge(h2s_func *f, h2s_ekind kind, h2s_why why, unsigned src,
		  unsigned dst, LLVMValueRef inst);
/* Seeds location l with object o (Go's `l = &{storage for o}`). */
void seed(h2s_func *f, unsigned l, unsigned o, h2s_why why, LLVMValueRef inst);
/* A fresh temporary location. */
unsigned temp(h2s_func *f);
/* dst = *src, as a fresh temporary. */
/* lower.c: what the !tbaa.struct of memcpy (or memmove) I says of the
 * bytes it copies: 1 when its length is a constant len and its fields
 * cover [0, len) one after the other, each tagged with a pointer or an
 * arithmetic type, with bit (1 << TBAA_POINTER) and bit
 * (1 << TBAA_ARITH) of *classes set for the kinds present, and slots[c]
 * the pointer-sized slots (of the first 64) class c's fields lie in;
 * 0 otherwise, when the copy is untyped (Typed struct copies in
 * docs/design.md). */
int struct_copy_classes(const h2s_func *f, LLVMValueRef I,
			unsigned *classes, uint64_t slots[3]);
/* The slots bytes [off, off + size) lie in, size > 0, within n slots of
 * P bytes (n at most 64). */
static inline uint64_t slots_of(uint64_t off, uint64_t size, uint64_t P,
				unsigned n)
{
	uint64_t m = 0;
	for (uint64_t b = off / P; b <= (off + size - 1) / P && b < n; b++)
		m |= (uint64_t)1 << b;
	return m;
}
/* The alloca that address a points into at a constant byte offset (*off):
 * the alloca itself, or GEPs of it with constant indices only; NULL
 * otherwise. */
LLVMValueRef alloca_offset(LLVMTargetDataRef td, LLVMValueRef a,
			   uint64_t *off);
/* call.c: 1 when I calls an intrinsic that moves no pointer and reads
 * no memory the analysis follows (lifetime markers, debug info, assume,
 * memset). */
int call_is_inert(LLVMValueRef I);
/* 1 when I calls llvm.memcpy or llvm.memmove. */
int call_is_memcpy(LLVMValueRef I);
/* slots.c (Slots of a local, docs/design.md) */
/* The number of pointer-sized slots of alloca I when it gets slots: the
 * destination of a typed struct copy, of constant size, at most 64
 * slots; 0 otherwise. */
unsigned alloca_slots(const h2s_func *f, LLVMValueRef I);
/* The slots of the object edge id, an access of a value of type `type`
 * at address addr, reads (read) or writes: sets the edge's slot_obj and
 * slot_mask when addr is a slotted alloca plus a constant. A read gets a
 * slot only when it reads exactly one. */
void mark_slots(h2s_func *f, unsigned id, LLVMValueRef addr,
		LLVMTypeRef type, int read);
/* Store edge st of a typed struct copy into address dst writes only the
 * slots of mask (relative to dst) when dst is a slotted alloca itself;
 * otherwise it is left as any write. */
void copy_slots(h2s_func *f, unsigned st, LLVMValueRef dst, uint64_t mask);
/* After a first solve: fills f->slot_kill; 1 when some slot is killed,
 * and the graph must be built and solved again with them. */
int slot_kills(h2s_func *f);
unsigned load_into_temp(h2s_func *f, unsigned src, h2s_why why,
			LLVMValueRef inst);
/* {heap} = v, except a narrow scalar handed to a call (docs/design.md,
 * Limits). */
void to_heap(h2s_func *f, LLVMValueRef v, h2s_why why, LLVMValueRef inst);
/* dst = src, at instruction dst. */
void copy_from(h2s_func *f, LLVMValueRef dst, LLVMValueRef src, h2s_why why);
/* The object of alloca or allocation call I (graph_build's order: *next
 * is where the search starts). */
unsigned inst_object(h2s_func *f, LLVMValueRef I, unsigned *next);
/* Constants that point nowhere (null, undef, numbers, metadata). */
int is_null_like(LLVMValueRef v);
int is_pointer(LLVMValueRef v);
/* A pointer, or a vector of pointers. */
int has_pointer_type(LLVMValueRef v);
/* An integer or float scalar narrower than a pointer. */
int is_narrow_scalar(h2s_func *f, LLVMValueRef v);
/* lower.c */
void lower_inst(h2s_func *f, LLVMValueRef I, unsigned *next);
/* Records the pointer difference of what locations a and b point to, made
 * at inst, for solve.c to check. */
void add_pdiff_locs(h2s_func *f, unsigned a, unsigned b, LLVMValueRef inst,
		    int a_nonnull, int b_nonnull);
/* 1 when condition c is `p == null` or `p != null` (*eq tells which). */
int null_test(LLVMValueRef c, LLVMValueRef p, int *eq);
/* The value an address is computed from by GEPs and casts. */
LLVMValueRef address_root(LLVMValueRef p);
/* call.c */
void lower_call(h2s_func *f, LLVMValueRef I, unsigned *next);
/* A call of code nothing is known of: its arguments escape. */
void lower_unknown_call(h2s_func *f, LLVMValueRef I, unsigned nargs,
			h2s_why why);
/* The module function call I calls, when its definition is the one that
 * runs; NULL otherwise. */
h2s_func *callee_func(struct h2s_result *r, LLVMValueRef call);
int is_intrinsic_named(const char *name, const char *prefix);
/* 1 when U is an intrinsic call whose result the graph computes from its
 * operand op. */
int intrinsic_carries(LLVMValueRef U, unsigned op);
/* solve.c */
void solve(h2s_func *f);
/* 1 when pointer difference d is between two parameters' own pointees
 * (level 0), i's minus j's, i != j, both below 32: a difference the
 * caller checks on its arguments (the diff_with tag). */
int pdiff_params(const h2s_func *f, const h2s_pdiff *d, unsigned *i,
		 unsigned *j);
/* 1 when object o may be reached from location l. */
static inline int loc_has(const h2s_func *f, unsigned l, unsigned o)
{
	return bit_test(f->g.locs[l].pts, o);
}
/* 1 when location l may point to an object of the bitset set. */
static inline int loc_meets(const h2s_func *f, unsigned l, const uint64_t *set)
{
	for (unsigned w = 0; w < f->g.words; w++)
		if (f->g.locs[l].pts[w] & set[w])
			return 1;
	return 0;
}
/* Adds to the bitset set every object that holds, any number of derefs
 * down, a pointer to one of its objects. */
void objs_reaching(const h2s_func *f, uint64_t *set);
/* The edge that first brought obj into loc, or H2S_NONE. Not recorded for
 * the unknown and null objects, whose flows nothing explains. A search of
 * the location's list: it is asked for seldom (once per object reaching a
 * sink, per site and per parameter), while every object arriving anywhere
 * records its edge, which a list does in an append. */
unsigned why_edge(const h2s_func *f, unsigned loc, unsigned obj);
/* Records edge e as the reason obj is in loc. */
void why_record(h2s_func *f, unsigned loc, unsigned obj, unsigned e);
/* The objects of bitset word 0 why_edge does not record: the unknown and
 * null objects, made first (graph.c). */
static inline uint64_t why_unexplained(const h2s_func *f)
{
	return ((uint64_t)1 << f->g.unknown_obj) | ((uint64_t)1 << f->g.null_obj);
}
/* The sink object obj reaches first of {heap}, ~r0, what indirect calls
 * jump to and the parameters' pointees, or H2S_NONE: it then escapes. */
unsigned escape_sink(const h2s_func *f, unsigned obj);
/* summary.c */
void summarize(h2s_func *f);
/* exits.c */
/* 1 when instruction I unwinds (resume and the funclet EH exits) or is
 * a call that may leave, not counting calls of module functions whose
 * definition is the one that runs (heap2stack.c propagates their flag). */
int inst_may_leave(const h2s_result *r, LLVMValueRef I);
/* 1 when every path from site s's allocation reaches a free of its
 * block (a free of the allocation's own value) before it reaches a
 * return, a call that may leave, or the allocation again; paths on
 * which the block is null excepted. */
int freed_before_return(h2s_func *f, const h2s_site *s);
/* decide.c */
void decide(h2s_func *f);
/* transform.c */
/* What the transform reads of the graph, read off it while it exists
 * (after decide, before any rewrite): the graph may go before the
 * transform runs. Does nothing when no site is demoted. */
void transform_plan(h2s_func *f);
/* Frees what transform_plan made. */
void transform_plan_free(h2s_func *f);
unsigned transform_func(h2s_func *f);
/* report.c */
void site_describe(h2s_func *f, h2s_site *s);
void func_describe(h2s_func *f);
/* The detail of an allocation LLVM deleted before heap2stack ran. */
#define H2S_DELETED_WORDS                                                     \
	"no allocation left: LLVM's optimisations deleted it before "         \
	"heap2stack ran"
/* "malloc(16)", "malloc(n)": the text of allocation call `call` of
 * allocator a: constants, and names of values from the IR or (with hooks,
 * which may be NULL) from debug information. */
char *alloc_text(const h2s_allocfn *a, LLVMValueRef call,
		 const h2s_hooks *h);
/* The name of location l in a flow: a variable's name from debug
 * information, else Go's {temp}, {heap}, ~r0; {storage} for H2S_NONE (the
 * allocation itself). Needs the graph. */
const char *flow_name(const h2s_func *f, unsigned l);
/* Go's word for why a flow step happens ("assign", "call parameter"). */
const char *go_reason(h2s_why w);
#define MAX_STEPS 64
/* The edges of an escaping site's flow, from the allocation to the sink,
 * into chain[0..MAX_STEPS). Returns their number. Needs the graph. */
unsigned flow_chain(const h2s_func *f, const h2s_site *s, unsigned *chain);
/* The flow that makes parameter p's form (param_form) at -m=2, from the
 * parameter to the sink, into chain[0..MAX_STEPS), without the step that
 * seeds the parameter's object; *derefs: the level of that object, *sink:
 * "{heap}" or "~r0". Returns the number of edges: 0 when the form comes
 * from no flow (a free, a store into another parameter's pointee, or no
 * leak). Needs the graph. */
unsigned param_flow(const h2s_func *f, unsigned p, unsigned *chain,
		    unsigned *derefs, const char **sink);
/* Go's four forms of a pointer parameter's summary. */
typedef enum h2s_param_form {
	PARAM_LEAKS,    /* leaking param: p */
	PARAM_CONTENT,  /* leaking param content: p */
	PARAM_RESULT,   /* leaking param: p to result ~r0 level=N */
	PARAM_NONE      /* p does not escape */
} h2s_param_form;
h2s_param_form param_form(const h2s_ptag *t);
/* snapshot.c: the allocations of the module's snapshot (h2s_snapshot)
 * that no allocation call of the module has the position of any more. */
unsigned snapshot_deleted(LLVMModuleRef m, h2s_deleted **out);
void snapshot_deleted_free(h2s_deleted *d, unsigned n);
/* The same, or (outermost = 0) where its code was written. */
int inst_source_position(LLVMValueRef inst, int outermost, const char **file,
			 unsigned *line, unsigned *col);
/* profile.c: the sizes file of parameter profile=FILE */
int h2s_sizes_load(const char *path, h2s_sizes **out, char *err,
		   size_t errlen);
/* 1 when the profile has site s (of f): *bytes is then the stack buffer
 * its requests call for, 0 when most of them exceed max-size. */
int profile_guard(const h2s_func *f, const h2s_site *s, uint64_t *bytes);
/* 1 when the profile saw the blocks of site s (of f) grown by realloc, to
 * at most *bytes (rounded up to 16), within max-size. */
int profile_growth(const h2s_func *f, const h2s_site *s, uint64_t *bytes);
/* The instructions a function may grow by when heap2stack inlines a
 * callee that frees site s's block: hot-inline-budget for a hot site
 * (when larger), inline-budget otherwise. */
static inline uint64_t site_inline_budget(const h2s_options *o,
					  const h2s_site *s)
{
	return s->hot && o->hot_inline_budget > o->inline_budget
		       ? o->hot_inline_budget
		       : o->inline_budget;
}
/* The frame bytes a function on a call cycle may give its slots past
 * recursive-budget, behind the depth guard: frame-budget, at most
 * recursive-stack (decide.c decides with it, report.c names it). */
static inline uint64_t deep_budget(const h2s_options *o)
{
	return o->frame_budget < o->recursive_stack ? o->frame_budget
						    : o->recursive_stack;
}
/* 1 when the profile counts site s (of f) as hot: among the sites that
 * make 99% of the allocation calls it saw. */
int profile_hot(const h2s_func *f, const h2s_site *s);

#endif

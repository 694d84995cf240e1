/*
 * heap2stack: escape analysis and heap-to-stack demotion for LLVM IR.
 *
 * C interface of the analysis core: the contract between the pass glue
 * (pass/glue.cpp), which drives it from the LLVM PassBuilder, and the C
 * files of pass/. It is not installed: the core exists only inside the
 * MODULE library heap2stack.so, which nothing can link. Data flows one way:
 *
 *     h2s_analyze()        builds one result: allocation sites, verdicts,
 *                          reasons, flows and parameter summaries
 *     h2s_transform()      rewrites the demotable sites (reads the result)
 *     h2s_emit_remarks()   optimization remarks with named arguments,
 *                          the records escape-report reads (reads the
 *                          result)
 *     h2s_format_report()  the Go-style `print<escape>` text (reads the result)
 *
 * No consumer re-derives a decision: the report and the transform cannot
 * disagree because both read the same h2s_result.
 *
 * Ownership: h2s_analyze() returns a result the caller frees with
 * h2s_result_free(); h2s_format_report() returns a malloc'd string the caller
 * frees with free().
 */
#ifndef HEAP2STACK_HEAP2STACK_H
#define HEAP2STACK_HEAP2STACK_H

#include <llvm-c/Core.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The sizes file of parameter `profile=FILE` (heap2stack-profile sizes),
 * loaded. */
typedef struct h2s_sizes h2s_sizes;

/* Tunable limits; every field but the last is settable as a pass parameter
 * (`heap2stack<max-size=N;frame-budget=N;...>`). docs/design.md justifies the
 * defaults. */
typedef struct h2s_options {
	uint64_t max_size;         /* largest single allocation demoted, bytes */
	uint64_t frame_budget;     /* total bytes demoted per function */
	uint64_t recursive_budget; /* frame budget inside a recursive call cycle */
	uint64_t recursive_stack;  /* beyond recursive_budget, a function on a
				    * call cycle may demote frame_budget bytes
				    * in its outermost frames, while the
				    * slots of the module's cycles' active
				    * frames on the thread stay within this
				    * many bytes, the allocator deeper (0:
				    * none) */
	uint64_t guard_size;       /* stack buffer for a size known only at run
				    * time, at most max_size (0: such sizes
				    * stay on the heap) */
	uint64_t inline_budget;    /* IR instructions heap2stack may add to a
				    * function by inlining callees that free
				    * its blocks and helpers that allocate
				    * blocks it frees (0: none) */
	uint64_t hot_inline_budget; /* the same, for a callee that frees a
				    * site the profile (profile=FILE) counts
				    * as hot */
	int loops;                 /* demote allocations inside loops (one slot) */
	uint64_t loop_slots;       /* a site in a loop whose blocks outlive the
				    * iteration: at most this many slots, one
				    * per execution, the allocator after them
				    * (0: such sites stay on the heap) */
	int freed_escapes;         /* demote a block that escapes but is freed
				    * by its function on every path before it
				    * returns (docs/design.md) */
	int verbose;               /* report: print the flow behind each verdict */
	h2s_sizes *profile;        /* profile=FILE: the stack buffer of a site
				    * whose size is known only at run time is
				    * sized by the requests the profile saw
				    * there (NULL: guard-size). Loaded when
				    * the parameter is set, kept for the
				    * process's life: the options are copied
				    * by value. */
	/* Set by the caller, not a pass parameter (default 0). 1: the result
	 * describes every function's parameters, as h2s_format_report and
	 * h2s_emit_remarks give them, so every function is analysed. 0:
	 * only the functions the allocation sites' verdicts depend on are
	 * analysed (nothing at all in a module without an allocation site),
	 * and those two print the sites alone. */
	int report_params;
} h2s_options;

void h2s_options_init(h2s_options *o);

/* The file a loaded sizes file was read from. */
const char *h2s_sizes_path(const h2s_sizes *t);

/* Sets one pass parameter by name ("max-size", "frame-budget",
 * "recursive-budget", "guard-size", "inline-budget", "loops", "no-loops",
 * "freed-escapes", "no-freed-escapes", "verbose", "profile"; "profile"
 * reads its file, and a file that cannot be read or parsed is an error).
 * `value` is NULL for a flag written without `=`. Returns 0 on success; otherwise writes a one-line
 * message naming the problem into err (size errlen) and returns -1. */
int h2s_options_set(h2s_options *o, const char *key, const char *value,
		    char *err, size_t errlen);

/* Services the C core needs from C++ LLVM APIs that have no C binding. The
 * glue fills them in; any may be NULL (the feature is then skipped). */
/* An optimization remark of the pass "heap2stack", as the core describes
 * it (docs/escape-report.md, "The records", lists every one). */
typedef enum h2s_remark_kind {
	H2S_REMARK_PASSED,   /* an allocation moved to the stack (or gone) */
	H2S_REMARK_MISSED,   /* an allocation kept on the heap */
	H2S_REMARK_ANALYSIS  /* a flow step, a parameter, an address */
} h2s_remark_kind;

/* One named argument: key and value, and with `at` set the debug location
 * of that instruction (where its code was written; with `outermost`, the
 * outermost call it was inlined at), as LLVM's ore::NV(Key, DebugLoc). */
typedef struct h2s_remark_arg {
	const char *key;
	const char *value;
	LLVMValueRef at;
	int outermost;
} h2s_remark_arg;

typedef struct h2s_remark {
	h2s_remark_kind kind;
	const char *name;          /* "Demoted", "KeptOnHeap", "Flow", ... */
	/* Where: the debug location of instruction `inst`, in its function;
	 * or (inst NULL) the DILocation `loc` (NULL: none) in function `fn`,
	 * which is NULL or a declaration when the function named `function`
	 * is no longer in the module or has lost its body (a deleted
	 * allocation's). */
	LLVMValueRef inst;
	LLVMMetadataRef loc;
	LLVMValueRef fn;
	const char *function;
	LLVMModuleRef module;      /* the module (for a function it lost) */
	/* args[0..nshown) are the message (-Rpass prints their values
	 * concatenated); the rest are for the record file only (LLVM's
	 * ore::setExtraArgs). */
	const h2s_remark_arg *args;
	unsigned nargs, nshown;
} h2s_remark;

typedef struct h2s_hooks {
	void *ctx;
	/* Emit remark `r` under the pass name "heap2stack". */
	void (*remark)(void *ctx, const h2s_remark *r);
	/* Source name and declaration line of parameter `argno` (0-based) of
	 * `fn` from its DILocalVariable, or NULL when there is no debug info. */
	const char *(*param_name)(void *ctx, LLVMValueRef fn, unsigned argno,
				  unsigned *line);
	/* Source name and line of the variable a debug record says holds
	 * `value` (an instruction or argument) in its own function, or NULL. */
	const char *(*value_name)(void *ctx, LLVMValueRef value, unsigned *line);
	/* The largest unsigned value the integer `value` may have when the
	 * instruction `at` runs (from its known bits and ranges, and the
	 * branch conditions that lead to `at`): 1 and *max, or 0 when
	 * nothing bounds it below its type's maximum. */
	int (*value_max)(void *ctx, LLVMValueRef value, LLVMValueRef at,
			 uint64_t *max);
	/* Splits the block of `before` there and branches on the i1 `cond`
	 * to two new blocks that both fall through to `before`: *then_term
	 * and *else_term are their terminators (LLVM's
	 * SplitBlockAndInsertIfThenElse). Guarded buffers and realloc growth
	 * need it. */
	void (*if_else)(void *ctx, LLVMValueRef cond, LLVMValueRef before,
			LLVMValueRef *then_term, LLVMValueRef *else_term);
	/* Inlines the direct call `call` (LLVM's InlineFunction), when LLVM
	 * deems the callee inlinable there (attributes and target features
	 * compatible, no construct the inliner refuses). Returns 1 when it
	 * did, 0 when it left the call as it was. */
	int (*inline_call)(void *ctx, LLVMValueRef call);
	/* The most times the instruction `at` can run in one call of its
	 * function: the product of the constant maximum trip counts of the
	 * loops around it (LLVM's ScalarEvolution). 1 and *max, or 0 when a
	 * loop around it has none. A hint only: the rewrite it sizes tests
	 * at run time. */
	int (*trips_max)(void *ctx, LLVMValueRef at, uint64_t *max);
	/* 1 when m has debug info and every compile unit in it is C (not
	 * C++, whose storage reuse gives a declared object another type);
	 * 0 otherwise. Typed loads trust a local's declared struct type
	 * only then. */
	int (*module_is_c)(void *ctx, LLVMModuleRef m);
} h2s_hooks;

typedef struct h2s_result h2s_result;

/* Analyse M (and read its snapshot, h2s_snapshot, for the allocations
 * LLVM deleted): every function with a body when o->report_params is set,
 * otherwise the functions the allocation sites' verdicts depend on (and
 * those that may free what an allocating helper returns). It changes M in
 * one way only: with o->inline_budget and hooks->inline_call, it inlines
 * calls of functions that free a block allocated in the caller, and of
 * functions that return a block they allocate where the caller frees it
 * (docs/design.md, Callees that free, Allocating helpers), and analyses
 * the caller again; h2s_num_inlined() counts them. */
h2s_result *h2s_analyze(LLVMModuleRef M, const h2s_options *o,
			const h2s_hooks *hooks);

/* Demote every site the result marks demotable. Returns the number of
 * allocation sites demoted. The result stays readable afterwards (its
 * verdicts, positions and texts are kept), but its IR handles to rewritten
 * instructions are no longer valid. */
unsigned h2s_transform(h2s_result *r);

/* Number of functions in the result (none for a module with nothing to
 * analyse) and whether h2s_transform changed the i-th one (the glue runs
 * cleanup, docs/design.md, on those). */
unsigned h2s_num_functions(const h2s_result *r);
/* Calls h2s_analyze inlined (their callers count as changed). */
unsigned h2s_num_inlined(const h2s_result *r);
LLVMValueRef h2s_function(const h2s_result *r, unsigned i);
int h2s_function_changed(const h2s_result *r, unsigned i);

/* The remarks of the result (docs/escape-report.md, "The records"): per
 * allocation site a Passed remark for a demotion or a Missed one with the
 * reason it stays on the heap, followed by one Analysis remark per step of
 * its flow; with o->report_params, an Analysis remark per pointer
 * parameter and per local whose address escapes; a Passed remark
 * "Deleted" per allocation of the module's snapshot (h2s_snapshot) that no
 * call of the module has the position of any more. Called before
 * h2s_transform (the remarks' locations are instructions). */
void h2s_emit_remarks(const h2s_result *r);

/* The name of the module's named metadata that holds the snapshot. */
#define H2S_SNAPSHOT "heap2stack.sites"

/* Records in M's named metadata H2S_SNAPSHOT the allocation sites of M as
 * they are now, at the start of the optimisation pipeline: per allocation
 * call with a debug location, its function's name, its text, its
 * allocator and its DILocation. heap2stack reports those LLVM's
 * optimisations deleted before it ran (h2s_emit_remarks), and the glue
 * erases the metadata then (the C API cannot). Does nothing when M has a
 * snapshot already. */
void h2s_snapshot(LLVMModuleRef M);

/* Go-style report: one line per allocation site (and per allocation of
 * the module's snapshot LLVM deleted) and per pointer parameter,
 * sorted by position, with explanation blocks when options.verbose is set.
 * Returns a malloc'd NUL-terminated string. */
char *h2s_format_report(const h2s_result *r);

void h2s_result_free(h2s_result *r);

#ifdef __cplusplus
}
#endif

#endif

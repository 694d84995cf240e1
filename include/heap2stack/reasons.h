/*
 * The one vocabulary of heap2stack's decisions, shared by the plugin (its
 * remarks, print<escape>, the records) and escape-report (its text, -m=2
 * and -json): every reason an allocation site gets has one code and one
 * phrase, and the two verdicts have one wording each, Go's.
 *
 * H2S_REASONS(X) calls X(name, code, phrase) once per reason, in the order
 * of the plugin's h2s_reason enum:
 *   code    the records' and -json's `reason` (stable: later versions may
 *           add codes, never rename one);
 *   phrase  Go's parenthesised words for a site kept on the heap for a
 *           reason that is not a flow (`-m=2`: `malloc(n) escapes to heap:`
 *           then `  (non-constant size)`); NULL for a site moved to the
 *           stack and for one that escapes, which a flow explains. The
 *           remark's and the record's detail say the same with the
 *           figures (`non-constant size (at most 9000 bytes > max-size
 *           4096)`).
 */
#ifndef HEAP2STACK_REASONS_H
#define HEAP2STACK_REASONS_H

#define H2S_WORDS_STACK "does not escape"
#define H2S_WORDS_HEAP "escapes to heap"

#define H2S_REASONS(X)                                                        \
	X(R_DEMOTE, "demote", NULL)                                           \
	X(R_ESCAPES, "escapes", NULL)                                         \
	X(R_DYNAMIC_SIZE, "dynamic-size", "non-constant size")                \
	X(R_TOO_LARGE, "too-large", "too large for stack")                    \
	X(R_LOOP, "loop", "live across loop iterations")                      \
	X(R_RECURSIVE, "recursive", "recursive function")                     \
	X(R_BUDGET, "budget", "frame budget exhausted")                       \
	X(R_MIXED_FREE, "mixed-free",                                         \
	  "grown by a realloc this host cannot rewrite")                      \
	X(R_OPTNONE, "optnone", "optnone function")                           \
	X(R_MUSTTAIL, "musttail", "function makes a musttail call")           \
	X(R_SETJMP, "setjmp", "function calls setjmp")                        \
	X(R_ADDRSPACE, "addrspace", "not in the stack's address space")       \
	X(R_COROUTINE, "coroutine", "coroutine not yet split")                \
	X(R_BAD_ALIGN, "bad-align", "unsupported alignment")                  \
	X(R_FAMILY, "family", "freed by a deallocator of another family")     \
	X(R_CALLEE_FREE, "freed-by-callee", "freed by a callee not inlined")

#endif

/*
 * The one vocabulary of heap2stack's decisions, shared by the plugin (its
 * remarks, print<escape>, the records) and escape-report (its text, -m=2
 * and -json): every reason an allocation site gets has one code and one
 * phrase, and the two verdicts have one wording each, Go's.
 *
 * H2S_REASONS(X) calls X(name, code, phrase, help) once per reason, in the
 * order of the plugin's h2s_reason enum:
 *   code    the records' and -json's `reason` (stable: later versions may
 *           add codes, never rename one);
 *   phrase  Go's parenthesised words for a site kept on the heap for a
 *           reason that is not a flow (`-m=2`: `malloc(n) escapes to heap:`
 *           then `  (non-constant size)`); NULL for a site moved to the
 *           stack (`demote`), one LLVM deleted before heap2stack ran
 *           (`deleted`, from the snapshot) and one that escapes, which a
 *           flow explains. The
 *           remark's and the record's detail say the same with the
 *           figures (`non-constant size (at most 9000 bytes > max-size
 *           4096)`);
 *   help    what the reason means, in sentences (escape-report's SARIF
 *           rules); NULL for the two that leave nothing on the heap.
 */
#ifndef HEAP2STACK_REASONS_H
#define HEAP2STACK_REASONS_H

#define H2S_WORDS_STACK "does not escape"
#define H2S_WORDS_HEAP "escapes to heap"

#define H2S_REASONS(X)                                                        \
	X(R_DEMOTE, "demote", NULL, NULL)                                     \
	X(R_ESCAPES, "escapes", NULL,                                         \
	  "A pointer to the block outlives the function: it is returned, "    \
	  "stored where the function's caller or other code can read it, or " \
	  "passed to a function that may keep it. The flow shows the steps.") \
	X(R_DYNAMIC_SIZE, "dynamic-size", "non-constant size",                \
	  "The size is not a compile-time constant, has no constant bound, "  \
	  "and no guarded stack buffer could be used.")                       \
	X(R_TOO_LARGE, "too-large", "too large for stack",                    \
	  "The allocation is larger than heap2stack's max-size (4096 bytes "  \
	  "by default) or than the largest stack slot it makes.")             \
	X(R_LOOP, "loop", "live across loop iterations",                      \
	  "The allocation runs in a loop and its object of one iteration may " \
	  "still be live when it runs again, so one stack slot cannot serve " \
	  "every iteration.")                                                 \
	X(R_RECURSIVE, "recursive", "recursive function",                     \
	  "The function is on a call-graph cycle, and the block would take "  \
	  "its frame past its recursive-budget of stack bytes.")              \
	X(R_BUDGET, "budget", "frame budget exhausted",                       \
	  "Moving it would take the function's stack frame past its "         \
	  "frame-budget.")                                                    \
	X(R_MIXED_FREE, "mixed-free",                                         \
	  "grown by a realloc this host cannot rewrite",                      \
	  "A realloc may receive the block, and the host heap2stack runs in " \
	  "cannot rewrite it (no block splitting).")                          \
	X(R_OPTNONE, "optnone", "optnone function",                           \
	  "The function is not optimised (optnone).")                         \
	X(R_MUSTTAIL, "musttail", "function makes a musttail call",           \
	  "The function makes a musttail call, which its frame cannot "       \
	  "outlive.")                                                         \
	X(R_SETJMP, "setjmp", "function calls setjmp",                        \
	  "The function calls setjmp or another returns_twice function.")     \
	X(R_ADDRSPACE, "addrspace", "not in the stack's address space",       \
	  "The block is in an address space other than the stack's.")         \
	X(R_COROUTINE, "coroutine", "coroutine not yet split",                \
	  "The function is a coroutine LLVM has not split yet.")              \
	X(R_BAD_ALIGN, "bad-align", "unsupported alignment",                  \
	  "The requested alignment is not a constant power of two "           \
	  "heap2stack can give a stack slot.")                                \
	X(R_FAMILY, "family", "freed by a deallocator of another family",     \
	  "A deallocation that may receive the block is not of its "          \
	  "allocator's family (free for malloc, delete for new, delete[] "    \
	  "for new[]).")                                                      \
	X(R_CALLEE_FREE, "freed-by-callee", "freed by a callee not inlined",  \
	  "A function that is not inlined may free the block.")               \
	X(R_DELETED, "deleted", NULL, NULL)

#endif

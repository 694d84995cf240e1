/*
 * Lifetimes that end inside the function (docs/design.md, Blocks freed
 * before the function returns).
 *
 * A block whose address escapes is still dead when its function returns
 * if the function itself frees it on every path from the allocation, and
 * nothing in between can leave the function other than by returning: no
 * longjmp, no unwinding, no exit that runs handlers. This file answers the
 * two questions that takes: which calls may leave (call_may_leave, and the
 * per-function flag `leaves` that heap2stack.c propagates up the call
 * graph), and whether every path from an allocation meets a free of its
 * block first (freed_before_return).
 */
#include "internal.h"

#include <string.h>

/* Intrinsics that may leave or run a handler: traps raise a signal whose
 * handler may longjmp or free what it likes; the EH and setjmp/longjmp
 * ones unwind; the experimental ones include deoptimisation. Every other
 * intrinsic is an operation that returns (memcpy, lifetime markers,
 * arithmetic, debug records). */
static int leaving_intrinsic(const char *name)
{
	static const char *const prefixes[] = {
		"llvm.trap", "llvm.debugtrap", "llvm.ubsantrap", "llvm.eh.",
		"llvm.seh.", "llvm.wasm.", "llvm.experimental.", "llvm.coro.",
	};
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
		if (!strncmp(name, prefixes[i], strlen(prefixes[i])))
			return 1;
	return 0;
}

/* A library call that ends the process without running any of the
 * program's code: no atexit handler, no signal handler. */
static int ends_quietly(const char *name)
{
	return !strcmp(name, "_exit") || !strcmp(name, "_Exit");
}

/* The module function call calls, or NULL for a declaration. */
static const h2s_func *module_callee(const h2s_result *r, LLVMValueRef callee)
{
	uint64_t i;
	return map_get(&r->fnindex, ptrkey(callee), &i) ? &r->fns[i] : NULL;
}

/* 1 when call may leave its caller other than by returning, or end the
 * process after running the program's handlers (exit, abort): an
 * indirect call, inline asm, a throwing or unknown function, a module
 * function whose `leaves` is set. */
static int call_may_leave(const h2s_result *r, LLVMValueRef call)
{
	LLVMValueRef c = LLVMGetCalledValue(call);
	const h2s_func *g;
	const h2s_libfn *lf;
	const char *name;
	if (LLVMIsACallBrInst(call) || !c || !LLVMIsAFunction(c))
		return 1; /* inline asm, an indirect call */
	if ((g = module_callee(r, c)))
		return g->leaves || fn_replaceable(c);
	name = fn_name(c);
	if (LLVMGetIntrinsicID(c))
		return leaving_intrinsic(name);
	if (ends_quietly(name))
		return 0;
	/* a call (an invoke's unwinding is an edge of the CFG) of a
	 * function that may throw */
	if (LLVMIsACallInst(call) && !call_has_fn_attr(call, "nounwind") &&
	    !fn_has_attr(c, "nounwind"))
		return 1;
	if (lib_alloc_call(call) || lib_free_call(call) || lib_realloc_call(call))
		return 0;
	if ((lf = lib_effects(call))) {
		/* qsort and bsearch call the comparator */
		for (unsigned k = 0; k < LLVMGetNumArgOperands(call) && k < 6;
		     k++) {
			LLVMValueRef a = LLVMGetOperand(call, k);
			if (!(lf->arg[k] & LF_COMPARATOR))
				continue;
			g = LLVMIsAFunction(a) ? module_callee(r, a) : NULL;
			if (!g || g->leaves || fn_replaceable(a))
				return 1;
		}
		return 0;
	}
	/* LLVM's willreturn: the call comes back to a frame that includes
	 * the caller's (nounwind was checked above) */
	return !fn_has_attr(c, "willreturn") &&
	       !call_has_fn_attr(call, "willreturn");
}

int inst_may_leave(const h2s_result *r, LLVMValueRef I)
{
	LLVMOpcode op = LLVMGetInstructionOpcode(I);
	LLVMValueRef c;
	if (op == LLVMResume || op == LLVMCleanupRet || op == LLVMCatchSwitch)
		return 1;
	if (op != LLVMCall && op != LLVMInvoke && op != LLVMCallBr)
		return 0;
	/* module callees: heap2stack.c propagates their flag */
	c = LLVMGetCalledValue(I);
	if (c && LLVMIsAFunction(c) && module_callee(r, c))
		return fn_replaceable(c);
	return call_may_leave(r, I);
}

/* 1 when call is a free of the block site s's call yields, by the
 * deallocator of its family: `free(p)` with p the allocation's own value,
 * which is the block of the allocation's last execution. */
static int frees_site(const h2s_func *f, const h2s_site *s, LLVMValueRef I)
{
	for (unsigned r = 0; r < f->nfree; r++) {
		const h2s_free *fr = &f->frees[r];
		if (fr->call == I)
			return !fr->callee && !fr->grow &&
			       !strcmp(fr->family, s->alloc->family) &&
			       LLVMGetOperand(I, 0) == s->call;
	}
	return 0;
}

/* Walks one block from I. Returns 0 when the path fails (a return, a
 * call that may leave, the allocation again), 1 otherwise; pushes the
 * successors to visit when the block's end is reached without a free. */
static int walk(h2s_func *f, const h2s_site *s, LLVMValueRef I,
		unsigned char *seen, h2s_uvec *work)
{
	LLVMValueRef T;
	unsigned n;
	int eq = 0, tested;
	for (; I && !LLVMIsATerminatorInst(I); I = LLVMGetNextInstruction(I)) {
		if (I == s->call)
			return 0; /* allocated again while the block lives */
		if (!LLVMIsACallInst(I))
			continue;
		if (frees_site(f, s, I))
			return 1;
		if (call_may_leave(f->mod, I))
			return 0;
	}
	T = I;
	if (!T)
		return 0;
	switch (LLVMGetInstructionOpcode(T)) {
	case LLVMBr:
	case LLVMSwitch:
	case LLVMIndirectBr:
		break;
	case LLVMInvoke:
		/* its unwinding is an edge; it may still leave by longjmp */
		if (frees_site(f, s, T))
			return 1;
		if (call_may_leave(f->mod, T))
			return 0;
		break;
	case LLVMUnreachable:
		return 1; /* undefined, or past a call that ends quietly */
	default:
		return 0; /* ret, resume, the funclet EH terminators, callbr */
	}
	/* the side of a test of the block's pointer where it is null holds
	 * no block at all */
	tested = LLVMIsABranchInst(T) && LLVMIsConditional(T) &&
		 null_test(LLVMGetCondition(T), s->call, &eq);
	n = LLVMGetNumSuccessors(T);
	for (unsigned k = 0; k < n; k++) {
		unsigned b = cfg_index(&f->cfg, LLVMGetSuccessor(T, k));
		if (tested && k == (eq ? 0u : 1u))
			continue;
		if (b != H2S_NONE && !seen[b]) {
			seen[b] = 1;
			uvec_push(work, b);
		}
	}
	return 1;
}

int freed_before_return(h2s_func *f, const h2s_site *s)
{
	unsigned char *seen;
	h2s_uvec work = {0};
	int ok, any = 0;
	if (!f->mod->opt.freed_escapes || !LLVMIsACallInst(s->call))
		return 0;
	for (unsigned r = 0; r < f->nfree && !any; r++)
		any = frees_site(f, s, f->frees[r].call);
	if (!any)
		return 0;
	seen = xcalloc(f->cfg.n ? f->cfg.n : 1, 1);
	ok = walk(f, s, LLVMGetNextInstruction(s->call), seen, &work);
	while (ok && work.n) {
		unsigned b = work.v[--work.n];
		ok = walk(f, s, LLVMGetFirstInstruction(f->cfg.block[b]), seen,
			  &work);
	}
	free(seen);
	uvec_free(&work);
	return ok;
}

/*
 * The rewrite of demotable sites. For each site decide.c marked R_DEMOTE:
 *
 *   entry:  %h2s.slot = alloca [N x i8], align A     (one per site, static)
 *   site:   llvm.lifetime.start(%h2s.slot)
 *           memset(%h2s.slot, 0, N)                   (calloc only)
 *           uses of the call -> %h2s.slot; `p == null` -> false
 *           (posix_memalign: store the slot to *arg0, result -> 0)
 *   frees:  llvm.lifetime.end(%h2s.slot) when the freed pointer is the slot
 *           itself, then the free is deleted
 *
 * and `tail` is cleared on every call that may receive a pointer to a slot,
 * directly or through memory: a tail call promises the callee touches no
 * alloca of the caller, and dead-store elimination relies on that promise.
 * A deleted invoke (of `operator new`, `free` or `operator delete`) becomes
 * a branch to its normal destination, and the phis of its unwind
 * destination lose their entry for it.
 * A function whose frame grows by more than a page gets stack probes.
 */
#include "internal.h"

#include <stdlib.h>

/* Objects that are demoted, or hold (transitively) a pointer to one. */
static uint64_t *reaching_demoted(h2s_func *f)
{
	uint64_t *d = xcalloc(f->g.words, sizeof(uint64_t));
	for (unsigned i = 0; i < f->found.nsite; i++)
		if (f->found.sites[i].reason == R_DEMOTE)
			bit_set(d, f->found.sites[i].obj);
	objs_reaching(f, d);
	return d;
}

/* The calls marked `tail` that may see a slot: their mark must go (a
 * tail call may not read its caller's frame). A slot whose address
 * escapes (freed_here) may be seen by any call, through memory the
 * analysis does not follow. */
static void plan_tail_calls(h2s_func *f)
{
	uint64_t *d = reaching_demoted(f);
	unsigned cap = 0;
	int any = 0;
	for (unsigned i = 0; i < f->found.nsite; i++)
		any |= f->found.sites[i].reason == R_DEMOTE && f->found.sites[i].freed_here;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->fn); bb;
	     bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef I = LLVMGetFirstInstruction(bb); I;
		     I = LLVMGetNextInstruction(I)) {
			uint64_t l;
			int sees = any;
			if (!LLVMIsACallInst(I) ||
			    LLVMGetTailCallKind(I) == LLVMTailCallKindNone)
				continue;
			for (unsigned k = 0;
			     !sees && k < LLVMGetNumArgOperands(I); k++) {
				LLVMValueRef a = LLVMGetOperand(I, k);
				sees = map_get(&f->g.valloc, ptrkey(a), &l) &&
				       loc_meets(f, (unsigned)l, d);
			}
			if (!sees)
				continue;
			if (f->nnotail == cap) {
				cap = cap ? 2 * cap : 8;
				f->notail =
					xrealloc(f->notail, cap * sizeof *f->notail);
			}
			f->notail[f->nnotail++] = I;
		}
	free(d);
}

/* Replaces `icmp eq/ne %p, null` on the allocation's result by constants. */
static void fold_null_checks(LLVMValueRef call)
{
	LLVMUseRef u = LLVMGetFirstUse(call);
	while (u) {
		LLVMValueRef U = LLVMGetUser(u);
		u = LLVMGetNextUse(u);
		if (!LLVMIsAICmpInst(U))
			continue;
		LLVMIntPredicate p = LLVMGetICmpPredicate(U);
		LLVMValueRef other = LLVMGetOperand(U, 0) == call
					     ? LLVMGetOperand(U, 1)
					     : LLVMGetOperand(U, 0);
		if ((p != LLVMIntEQ && p != LLVMIntNE) ||
		    !LLVMIsAConstantPointerNull(other))
			continue;
		while (u && LLVMGetUser(u) == U)
			u = LLVMGetNextUse(u);
		LLVMReplaceAllUsesWith(
			U, LLVMConstInt(LLVMTypeOf(U), p == LLVMIntNE, 0));
		LLVMInstructionEraseFromParent(U);
	}
}

/* The entries for block `from` of the phis at the top of `bb`: removed
 * when `to` is NULL (`from` stops branching to `bb`), else made entries
 * for `to` (the edge now comes from there). The LLVM-C API can neither
 * delete one incoming value nor change its block, so each such phi is
 * rebuilt. */
static void move_phi_entries(LLVMBuilderRef b, LLVMBasicBlockRef bb,
			     LLVMBasicBlockRef from, LLVMBasicBlockRef to)
{
	LLVMValueRef phi = LLVMGetFirstInstruction(bb);
	while (phi && LLVMIsAPHINode(phi)) {
		LLVMValueRef next = LLVMGetNextInstruction(phi);
		unsigned n = LLVMCountIncoming(phi), kept = 0;
		LLVMValueRef *vals = xcalloc(n ? n : 1, sizeof *vals);
		LLVMBasicBlockRef *blocks = xcalloc(n ? n : 1, sizeof *blocks);
		size_t len;
		char *name = xstrdup(LLVMGetValueName2(phi, &len));
		int changed = 0;
		for (unsigned k = 0; k < n; k++) {
			LLVMBasicBlockRef in = LLVMGetIncomingBlock(phi, k);
			if (in == from) {
				changed = 1;
				if (!to)
					continue;
				in = to;
			}
			vals[kept] = LLVMGetIncomingValue(phi, k);
			blocks[kept++] = in;
		}
		if (changed) {
			LLVMValueRef repl;
			if (kept) {
				LLVMPositionBuilderBefore(b, phi);
				repl = LLVMBuildPhi(b, LLVMTypeOf(phi), "");
				LLVMAddIncoming(repl, vals, blocks, kept);
			} else {
				/* no predecessor is left: the block is dead */
				repl = LLVMGetUndef(LLVMTypeOf(phi));
			}
			LLVMReplaceAllUsesWith(phi, repl);
			LLVMInstructionEraseFromParent(phi);
			if (kept)
				LLVMSetValueName2(repl, name, len);
		}
		free(name);
		free(vals);
		free(blocks);
		phi = next;
	}
}

/* Deletes a call or invoke; an invoke becomes a branch to its normal
 * destination, and its unwind destination's phis forget it. A result that
 * is used (`int free();` in old C) has no value to give: undef. */
static void erase_call(LLVMBuilderRef b, LLVMValueRef call)
{
	if (LLVMGetTypeKind(LLVMTypeOf(call)) != LLVMVoidTypeKind &&
	    LLVMGetFirstUse(call))
		LLVMReplaceAllUsesWith(call, LLVMGetUndef(LLVMTypeOf(call)));
	if (LLVMIsAInvokeInst(call)) {
		LLVMBasicBlockRef from = LLVMGetInstructionParent(call);
		LLVMPositionBuilderBefore(b, call);
		LLVMBuildBr(b, LLVMGetNormalDest(call));
		move_phi_entries(b, LLVMGetUnwindDest(call), from, NULL);
	}
	LLVMInstructionEraseFromParent(call);
}

static void rewrite_site(h2s_func *f, LLVMBuilderRef b, h2s_site *s,
			 LLVMValueRef slot)
{
	LLVMModuleRef m = f->mod->mod;
	LLVMContextRef ctx = LLVMGetModuleContext(m);
	LLVMValueRef call = s->call;
	LLVMPositionBuilderBefore(b, call);
	LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(call));
	compat_lifetime(b, m, 1, slot, s->size ? s->size : 1);
	if (s->alloc->kind == AK_CALLOC && s->size)
		LLVMBuildMemSet(b, slot, LLVMConstInt(LLVMInt8TypeInContext(ctx), 0, 0),
				LLVMConstInt(LLVMInt64TypeInContext(ctx), s->size, 0),
				(unsigned)s->align);
	if (s->alloc->kind == AK_POSIX_MEMALIGN) {
		LLVMBuildStore(b, slot, LLVMGetOperand(call, 0));
		LLVMReplaceAllUsesWith(call, LLVMConstInt(LLVMTypeOf(call), 0, 0));
	} else {
		fold_null_checks(call);
		LLVMReplaceAllUsesWith(call, slot);
	}
	erase_call(b, call);
}

/* A frame that grows by more than a page could step over the guard page
 * below the stack without touching it; ask the backend for stack probes
 * (what -fstack-clash-protection does) unless the function already has a
 * probing choice. */
#define PAGE_BYTES 4096

static void add_stack_probes(h2s_func *f, uint64_t bytes)
{
	static const char key[] = "probe-stack";
	static const char val[] = "inline-asm";
	LLVMContextRef ctx = LLVMGetModuleContext(f->mod->mod);
	if (bytes <= PAGE_BYTES ||
	    LLVMGetStringAttributeAtIndex(f->fn, LLVMAttributeFunctionIndex, key,
					  sizeof key - 1))
		return;
	LLVMAddAttributeAtIndex(
		f->fn, LLVMAttributeFunctionIndex,
		LLVMCreateStringAttribute(ctx, key, sizeof key - 1, val,
					  sizeof val - 1));
}

/* ------------------------------------------------ guards and growth */

static LLVMValueRef const_like(LLVMValueRef v, uint64_t n)
{
	return LLVMConstInt(LLVMTypeOf(v), n, 0);
}

/* The block `term` ends, and the block the two arms of an if_else join. */
static LLVMBasicBlockRef parent(LLVMValueRef term)
{
	return LLVMGetInstructionParent(term);
}

/* Moves instruction I to just before `before`. */
static void move_before(LLVMBuilderRef b, LLVMValueRef I, LLVMValueRef before)
{
	LLVMInstructionRemoveFromParent(I);
	LLVMPositionBuilderBefore(b, before);
	LLVMInsertIntoBuilder(b, I);
}

/* A phi of `then_v` (from then_term's block) and `else_v` at the top of
 * the block both fall through to. */
static LLVMValueRef join(LLVMBuilderRef b, LLVMValueRef then_term,
			 LLVMValueRef then_v, LLVMValueRef else_term,
			 LLVMValueRef else_v)
{
	LLVMBasicBlockRef tail = LLVMGetSuccessor(then_term, 0);
	LLVMValueRef vals[2] = {then_v, else_v};
	LLVMBasicBlockRef from[2] = {parent(then_term), parent(else_term)};
	LLVMValueRef phi;
	/* before the debug records attached to the first instruction too:
	 * a phi must not carry any (the verifier rejects the module) */
	LLVMPositionBuilderBeforeInstrAndDbgRecords(
		b, LLVMGetFirstInstruction(tail));
	phi = LLVMBuildPhi(b, LLVMTypeOf(then_v), "");
	LLVMAddIncoming(phi, vals, from, 2);
	return phi;
}

/* i1: the size the allocation asks for fits `k` bytes. A calloc's count
 * and size are each tested first, so that their product (each below 2^32)
 * cannot wrap. */
static LLVMValueRef fits(h2s_func *f, LLVMBuilderRef b, h2s_site *s,
			 uint64_t k, LLVMValueRef *bytes)
{
	LLVMValueRef n;
	if (s->alloc->kind == AK_STRDUP || s->alloc->kind == AK_STRNDUP) {
		/* *bytes: the string's length, without its NUL */
		int bounded = s->alloc->kind == AK_STRNDUP;
		LLVMValueRef fn =
			lib_length_fn(f->mod->mod, bounded, 8 * f->mod->ptr_bytes);
		LLVMValueRef args[2] = {LLVMGetOperand(s->call, 0),
					bounded ? LLVMGetOperand(s->call, 1)
						: NULL};
		*bytes = LLVMBuildCall2(b, LLVMGlobalGetValueType(fn), fn, args,
					bounded ? 2 : 1, "");
		return LLVMBuildICmp(b, LLVMIntULT, *bytes, const_like(*bytes, k),
				     "");
	}
	n = LLVMGetOperand(s->call, (unsigned)s->alloc->size_arg);
	LLVMValueRef ok = LLVMBuildICmp(b, LLVMIntULE, n, const_like(n, k), "");
	*bytes = n;
	if (s->alloc->count_arg >= 0) {
		LLVMValueRef c =
			LLVMGetOperand(s->call, (unsigned)s->alloc->count_arg);
		LLVMValueRef cn = LLVMBuildMul(b, c, n, "");
		ok = LLVMBuildAnd(b, ok,
				  LLVMBuildICmp(b, LLVMIntULE, c, const_like(c, k), ""),
				  "");
		ok = LLVMBuildAnd(b, ok,
				  LLVMBuildICmp(b, LLVMIntULE, cn, const_like(cn, k),
						""),
				  "");
		*bytes = cn;
	}
	return ok;
}

/* The stack arm of strdup(s) / strndup(s, n), len = strlen(s) /
 * strnlen(s, n) < K: the slot gets s's len bytes and a NUL. */
static void copy_string(h2s_func *f, LLVMBuilderRef b, h2s_site *s,
			LLVMValueRef slot, LLVMValueRef len)
{
	LLVMContextRef ctx = LLVMGetModuleContext(f->mod->mod);
	LLVMTypeRef i8 = LLVMInt8TypeInContext(ctx);
	LLVMBuildMemCpy(b, slot, (unsigned)s->align, LLVMGetOperand(s->call, 0),
			1, len);
	LLVMBuildStore(b, LLVMConstInt(i8, 0, 0),
		       LLVMBuildGEP2(b, i8, slot, &len, 1, ""));
}

/* The guard of an invoke: if_else split the block before it, so it is
 * the whole block its two arms join at (`heap`, with the arm from the
 * else block). The stack arm goes past it instead, to a new block J
 * where the invoke's normal edge now leads too:
 *   stack: br J
 *   heap:  invoke ... to J unwind U
 *   J:     phi [slot, stack], [invoke, heap]; br N
 * N's phis take their entries for the heap block from J. */
static void guard_invoke(LLVMBuilderRef b, LLVMValueRef call,
			 LLVMValueRef then_t, LLVMValueRef stack_v)
{
	LLVMBasicBlockRef heap = LLVMGetInstructionParent(call);
	LLVMBasicBlockRef normal = LLVMGetNormalDest(call);
	LLVMBasicBlockRef stack = LLVMGetInstructionParent(then_t);
	LLVMContextRef ctx = LLVMGetTypeContext(LLVMTypeOf(call));
	LLVMBasicBlockRef j = LLVMInsertBasicBlockInContext(ctx, normal, "");
	LLVMValueRef vals[2], phi;
	LLVMBasicBlockRef from[2] = {stack, heap};
	LLVMSetSuccessor(then_t, 0, j);
	LLVMSetNormalDest(call, j);
	move_phi_entries(b, normal, heap, j);
	LLVMPositionBuilderAtEnd(b, j);
	phi = LLVMBuildPhi(b, LLVMTypeOf(call), "");
	LLVMBuildBr(b, normal);
	LLVMReplaceAllUsesWith(call, phi);
	vals[0] = stack_v;
	vals[1] = call;
	LLVMAddIncoming(phi, vals, from, 2);
}

/* A pool's two counters (allocas of i64, 0 on entry to the function):
 * `used`, the slots handed out since the pool was last empty (slot i is
 * the next), and `live`, those of them not freed yet. When a free makes
 * `live` 0, every block of the pool is dead, and `used` starts again at
 * 0. */
typedef struct pool_counters {
	LLVMValueRef used, live;
} pool_counters;

/*   site:  fits = size <= K                    (a pool: i = *used, i < N,
 *                                               and size <= K if guarded)
 *          br fits, stack, heap
 *   stack: (a pool: slot = pool + i * stride, *used = i + 1, *live += 1)
 *          (calloc: memset(slot, 0, size); posix_memalign: *p = slot)
 *   heap:  the original call
 *   join:  phi [slot, stack], [call, heap]     (posix_memalign: [0, call])
 * `pc` is the pool's counters, else NULL.
 */
static void rewrite_guarded(h2s_func *f, LLVMBuilderRef b, h2s_site *s,
			    LLVMValueRef slot, const pool_counters *pc)
{
	/* behind the depth guard, the slot is there only when this frame
	 * made the region */
	LLVMValueRef extra = f->depth_guard ? f->depth_ok : NULL;
	LLVMModuleRef m = f->mod->mod;
	LLVMContextRef ctx = LLVMGetModuleContext(m);
	LLVMTypeRef i64 = LLVMInt64TypeInContext(ctx);
	const h2s_hooks *h = &f->mod->hooks;
	LLVMValueRef call = s->call, bytes = NULL, cond = NULL, then_t, else_t,
		     phi, stack_v, i = NULL;
	int posix = s->alloc->kind == AK_POSIX_MEMALIGN;
	LLVMPositionBuilderBefore(b, call);
	LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(call));
	if (pc) {
		/* no lifetime.start: it would end the slots handed out */
		i = LLVMBuildLoad2(b, i64, pc->used, "");
		cond = LLVMBuildICmp(b, LLVMIntULT, i,
				     LLVMConstInt(i64, s->slots, 0), "");
	} else if (!extra) {
		/* (a slot in the depth guard's region is no alloca of its
		 * own: no lifetime marker) */
		compat_lifetime(b, m, 1, slot, s->size);
	}
	if (s->guarded) {
		LLVMValueRef ok = fits(f, b, s, s->size, &bytes);
		cond = cond ? LLVMBuildAnd(b, cond, ok, "") : ok;
	}
	if (extra)
		cond = cond ? LLVMBuildAnd(b, cond, extra, "") : extra;
	/* a fixed slot: calloc zeroes all of it, as an unguarded site does */
	if (!bytes)
		bytes = LLVMConstInt(i64, s->size, 0);
	h->if_else(h->ctx, cond, call, &then_t, &else_t);
	LLVMPositionBuilderBefore(b, then_t);
	if (pc) {
		LLVMValueRef off = LLVMBuildMul(
			b, i, LLVMConstInt(i64, site_stride(s), 0), "");
		slot = LLVMBuildGEP2(b, LLVMInt8TypeInContext(ctx), slot, &off,
				     1, "");
		LLVMBuildStore(b, LLVMBuildAdd(b, i, LLVMConstInt(i64, 1, 0), ""),
			       pc->used);
		LLVMBuildStore(b,
			       LLVMBuildAdd(b, LLVMBuildLoad2(b, i64, pc->live, ""),
					    LLVMConstInt(i64, 1, 0), ""),
			       pc->live);
	}
	if (s->alloc->kind == AK_STRDUP || s->alloc->kind == AK_STRNDUP)
		copy_string(f, b, s, slot, bytes);
	if (s->alloc->kind == AK_CALLOC)
		LLVMBuildMemSet(b, slot,
				LLVMConstInt(LLVMInt8TypeInContext(ctx), 0, 0),
				bytes, (unsigned)s->align);
	if (posix)
		LLVMBuildStore(b, slot, LLVMGetOperand(call, 0));
	stack_v = posix ? LLVMConstInt(LLVMTypeOf(call), 0, 0) : slot;
	if (LLVMIsAInvokeInst(call)) {
		guard_invoke(b, call, then_t, stack_v);
		return;
	}
	move_before(b, call, else_t);
	phi = join(b, then_t, stack_v, else_t, stack_v);
	LLVMReplaceAllUsesWith(call, phi);
	/* the incoming value from the heap arm is the call itself */
	LLVMSetOperand(phi, 1, call);
}

/* i1: p is one of the slots of site s: p == slot, or, for a pool of N
 * slots, p - pool < N * stride as unsigned integers (so a pointer below
 * the pool is not one either). Exact for every pointer a program may
 * free: a live heap block is a distinct object from the pool. */
static LLVMValueRef is_site_slot(h2s_func *f, LLVMBuilderRef b,
				 const h2s_site *s, LLVMValueRef p,
				 LLVMValueRef slot)
{
	LLVMTypeRef i64 = LLVMInt64TypeInContext(LLVMGetModuleContext(f->mod->mod));
	LLVMValueRef off, in;
	if (!s->slots) {
		in = LLVMBuildICmp(b, LLVMIntEQ, p, slot, "");
	} else {
		off = LLVMBuildSub(b, LLVMBuildPtrToInt(b, p, i64, ""),
				   LLVMBuildPtrToInt(b, slot, i64, ""), "");
		in = LLVMBuildICmp(b, LLVMIntULT, off,
				   LLVMConstInt(i64, s->slots * site_stride(s), 0),
				   "");
	}
	/* behind the depth guard: a frame without the region has no slot */
	return f->depth_guard ? LLVMBuildAnd(b, in, f->depth_ok, "") : in;
}

/* A free of p that may receive a block of the pool with counters pc,
 * `in` saying whether it does: one live block fewer, and when none is
 * left, the pool starts again from its first slot. (A program frees a
 * block once: a second free would be a double free without the plugin.) */
static void pool_free(LLVMBuilderRef b, const pool_counters *pc,
		      LLVMValueRef in)
{
	LLVMTypeRef i64 = LLVMGetAllocatedType(pc->live);
	LLVMValueRef live = LLVMBuildSub(b, LLVMBuildLoad2(b, i64, pc->live, ""),
					 LLVMBuildZExt(b, in, i64, ""), "");
	LLVMValueRef empty =
		LLVMBuildICmp(b, LLVMIntEQ, live, LLVMConstInt(i64, 0, 0), "");
	LLVMBuildStore(b, live, pc->live);
	LLVMBuildStore(b,
		       LLVMBuildSelect(b, empty, LLVMConstInt(i64, 0, 0),
				       LLVMBuildLoad2(b, i64, pc->used, ""), ""),
		       pc->used);
}

/* q = realloc(p, n) where p may be the slot of one of the demoted sites
 * d[0..nd-1] (S: that slot, |S| its bytes, or null when p is none):
 *   S null:     realloc(p, n)
 *   n == 0:     NULL (glibc frees the block and returns NULL)
 *   n <= |S|:   S (grown in place)
 *   otherwise:  r = realloc(NULL, n); S's bytes copied into r unless r is
 *               NULL (then the slot stays valid, as a block realloc could
 *               not grow does)
 * With one site, S is the slot whenever the test p == slot holds. For a
 * pool, S is p's own slot (p lies in the pool's range), and the two ends
 * of its block's life (size 0, a move to the heap) count as its free. */
static void rewrite_realloc(h2s_func *f, LLVMBuilderRef b, LLVMValueRef call,
			    const unsigned *d, unsigned nd, LLVMValueRef *slots,
			    const pool_counters *pc)
{
	const h2s_hooks *h = &f->mod->hooks;
	LLVMValueRef p = LLVMGetOperand(call, 0), n = LLVMGetOperand(call, 1);
	LLVMValueRef callee = LLVMGetCalledValue(call);
	LLVMTypeRef fty = LLVMGlobalGetValueType(callee);
	LLVMValueRef is_slot = NULL, slot = NULL, size = NULL, then_t, else_t,
		     in_t, out_t, r, ok, args[2], keep, moved, phi, gone;
	LLVMValueRef *in = xcalloc(nd, sizeof *in);
	uint64_t align = UINT64_MAX, dalign;
	LLVMPositionBuilderBefore(b, call);
	LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(call));
	for (unsigned k = 0; k < nd; k++) {
		const h2s_site *s = &f->found.sites[d[k]];
		LLVMValueRef eq = is_site_slot(f, b, s, p, slots[d[k]]);
		/* a pool's block is the slot p points to */
		LLVMValueRef its = s->slots ? p : slots[d[k]];
		in[k] = eq;
		if (!k) {
			slot = its;
			size = const_like(n, s->size);
		} else {
			slot = LLVMBuildSelect(b, eq, its, slot, "");
			size = LLVMBuildSelect(b, eq, const_like(n, s->size), size,
					       "");
		}
		is_slot = is_slot ? LLVMBuildOr(b, is_slot, eq, "") : eq;
		if (s->align < align)
			align = s->align;
	}
	h->if_else(h->ctx, is_slot, call, &then_t, &else_t);
	LLVMPositionBuilderBefore(b, then_t);
	h->if_else(h->ctx, LLVMBuildICmp(b, LLVMIntULE, n, size, ""), then_t,
		   &in_t, &out_t);
	LLVMPositionBuilderBefore(b, in_t);
	gone = LLVMBuildICmp(b, LLVMIntEQ, n, const_like(n, 0), "");
	keep = LLVMBuildSelect(b, gone, LLVMConstPointerNull(LLVMTypeOf(call)),
			       slot, "");
	/* realloc(p, 0) ends a pool block's life */
	for (unsigned k = 0; k < nd; k++)
		if (f->found.sites[d[k]].slots)
			pool_free(b, &pc[d[k]], LLVMBuildAnd(b, in[k], gone, ""));
	LLVMPositionBuilderBefore(b, out_t);
	args[0] = LLVMConstPointerNull(LLVMTypeOf(p));
	args[1] = n;
	r = LLVMBuildCall2(b, fty, callee, args, 2, "");
	ok = LLVMBuildICmp(b, LLVMIntNE, r, LLVMConstPointerNull(LLVMTypeOf(r)),
			   "");
	/* r has realloc's alignment, which may be less than the slot's
	 * (a block from aligned_alloc may be reallocated) */
	dalign = align < 2 * f->mod->ptr_bytes ? align : 2 * f->mod->ptr_bytes;
	LLVMBuildMemCpy(b, LLVMBuildSelect(b, ok, r, slot, ""), (unsigned)dalign,
			slot, (unsigned)align,
			LLVMBuildSelect(b, ok, size, const_like(n, 0), ""));
	/* a pool's block that moved to the heap is dead in its slot */
	for (unsigned k = 0; k < nd; k++)
		if (f->found.sites[d[k]].slots)
			pool_free(b, &pc[d[k]], LLVMBuildAnd(b, in[k], ok, ""));
	free(in);
	moved = join(b, in_t, keep, out_t, r);
	move_before(b, call, else_t);
	phi = join(b, then_t, moved, else_t, moved);
	LLVMReplaceAllUsesWith(call, phi);
	LLVMSetOperand(phi, 1, call);
}

/* The demoted sites a free or realloc may receive, and whether it may
 * receive nothing else but null. */
static void plan_free(h2s_func *f, h2s_free *fr)
{
	fr->only_demoted = 1;
	fr->ndemoted = 0;
	fr->demoted = NULL;
	if (fr->callee)
		return; /* no demoted site reaches one: decide.c */
	for (unsigned o = 0; o < f->g.nobj; o++) {
		const h2s_obj *ob = &f->g.objs[o];
		if (!loc_has(f, fr->loc, o) || o == f->g.null_obj)
			continue;
		if (ob->kind == OBJ_SITE &&
		    f->found.sites[ob->site].reason == R_DEMOTE) {
			if (!fr->demoted)
				fr->demoted = xcalloc(f->found.nsite, sizeof *fr->demoted);
			fr->demoted[fr->ndemoted++] = ob->site;
		} else {
			fr->only_demoted = 0;
		}
	}
}

static unsigned demoted_sites(const h2s_func *f)
{
	unsigned n = 0;
	for (unsigned i = 0; i < f->found.nsite; i++)
		n += f->found.sites[i].reason == R_DEMOTE;
	return n;
}

void transform_plan(h2s_func *f)
{
	if (!demoted_sites(f))
		return;
	plan_tail_calls(f);
	for (unsigned r = 0; r < f->nfree; r++)
		plan_free(f, &f->frees[r]);
}

void transform_plan_free(h2s_func *f)
{
	for (unsigned r = 0; r < f->nfree; r++) {
		free(f->frees[r].demoted);
		f->frees[r].demoted = NULL;
		f->frees[r].ndemoted = 0;
	}
	free(f->notail);
	f->notail = NULL;
	f->nnotail = 0;
}

/* A free that may receive demoted blocks: deleted when it receives nothing
 * else and none of them is guarded or a pool (whose blocks may come from
 * the allocator too, and whose counters count frees); otherwise it is
 * skipped for a slot, `if (!(p == slot1 || ...)) free(p)`, or, for an
 * invoke or a free whose result is used, frees null instead:
 * free(p == slot1 || ... ? NULL : p). */
static void rewrite_free(h2s_func *f, LLVMBuilderRef b, h2s_free *fr,
			 LLVMValueRef *slot, const pool_counters *pc)
{
	LLVMModuleRef m = f->mod->mod;
	const h2s_hooks *h = &f->mod->hooks;
	LLVMValueRef p = LLVMGetOperand(fr->call, 0), is_slot = NULL;
	const unsigned *d = fr->demoted;
	unsigned n = fr->ndemoted;
	/* heap_too: a site's own allocator may run too (a guard, a pool,
	 * a frame without the depth guard's region) */
	int only = fr->only_demoted, heap_too = f->depth_guard;
	if (!n)
		return;
	for (unsigned k = 0; k < n; k++)
		heap_too |= f->found.sites[d[k]].guarded ||
			    f->found.sites[d[k]].slots;
	LLVMPositionBuilderBefore(b, fr->call);
	LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(fr->call));
	if (fr->grow) {
		rewrite_realloc(f, b, fr->call, d, n, slot, pc);
		return;
	}
	if (only && !heap_too) {
		h2s_site *s = &f->found.sites[d[0]];
		if (n == 1 && p == s->call)
			compat_lifetime(b, m, 0, slot[d[0]], s->size ? s->size : 1);
		erase_call(b, fr->call);
		fr->call = NULL;
		return;
	}
	for (unsigned k = 0; k < n; k++) {
		const h2s_site *s = &f->found.sites[d[k]];
		LLVMValueRef eq = is_site_slot(f, b, s, p, slot[d[k]]);
		if (s->slots)
			pool_free(b, &pc[d[k]], eq);
		is_slot = is_slot ? LLVMBuildOr(b, is_slot, eq, "") : eq;
	}
	/* the call is skipped for a slot rather than made with null: a
	 * guarded buffer's or a pool's free runs once per block, often in
	 * loops (a call whose result nothing reads; an invoke keeps the
	 * null) */
	if (h->if_else && LLVMIsACallInst(fr->call) &&
	    !LLVMGetFirstUse(fr->call)) {
		LLVMValueRef then_t, else_t;
		h->if_else(h->ctx, is_slot, fr->call, &then_t, &else_t);
		move_before(b, fr->call, else_t);
		return;
	}
	LLVMSetOperand(fr->call, 0,
		       LLVMBuildSelect(b, is_slot,
				       LLVMConstPointerNull(LLVMTypeOf(p)), p, ""));
}

/* The module's per-thread count of the bytes of the depth guards' live
 * regions (internal, thread_local i64 `h2s.depth`, made once). */
static LLVMValueRef depth_counter(LLVMModuleRef m)
{
	LLVMTypeRef i64 = LLVMInt64TypeInContext(LLVMGetModuleContext(m));
	LLVMValueRef g = LLVMGetNamedGlobal(m, "h2s.depth");
	if (g && LLVMIsThreadLocal(g) && LLVMGlobalGetValueType(g) == i64 &&
	    LLVMGetLinkage(g) == LLVMInternalLinkage && !LLVMIsDeclaration(g))
		return g;
	/* (a name taken by anything else: LLVM gives ours another) */
	g = LLVMAddGlobal(m, i64, "h2s.depth");
	LLVMSetInitializer(g, LLVMConstInt(i64, 0, 0));
	LLVMSetLinkage(g, LLVMInternalLinkage);
	LLVMSetThreadLocal(g, 1);
	LLVMSetAlignment(g, 8);
	return g;
}

/* The depth guard (docs/design.md, Recursion: the outermost frames): a
 * function on a call cycle whose slots are past recursive-budget makes
 * them, `bytes` in all, in a region of its frame only while the regions
 * of the module's cycles on this thread, its own included, stay within
 * recursive-stack (N) bytes. In the entry block, after its allocas:
 *     d = h2s.depth; ok = d <= N - bytes
 *     if (ok) { region = alloca [bytes]; h2s.depth = d + bytes }
 * and before every return and resume h2s.depth -= ok ? bytes : 0.
 * Returns the region, null in a frame without one; f->depth_ok is ok. */
static LLVMValueRef depth_guard(h2s_func *f, LLVMBuilderRef b, uint64_t bytes,
				uint64_t align)
{
	LLVMModuleRef m = f->mod->mod;
	LLVMContextRef ctx = LLVMGetModuleContext(m);
	LLVMTypeRef i64 = LLVMInt64TypeInContext(ctx);
	LLVMTypeRef i8 = LLVMInt8TypeInContext(ctx);
	const h2s_hooks *h = &f->mod->hooks;
	LLVMValueRef cnt = depth_counter(m), split, d, ok, then_t, else_t,
		     region;
	LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(f->fn);
	/* after the entry block's last alloca: those stay static */
	split = LLVMGetFirstInstruction(entry);
	for (LLVMValueRef I = split; I; I = LLVMGetNextInstruction(I))
		if (LLVMIsAAllocaInst(I))
			split = LLVMGetNextInstruction(I);
	LLVMPositionBuilderBefore(b, split);
	LLVMSetCurrentDebugLocation2(b, NULL);
	uint64_t room = f->mod->opt.recursive_stack;
	LLVMValueRef size = LLVMConstInt(i64, bytes, 0);
	d = LLVMBuildLoad2(b, i64, cnt, "h2s.depth");
	/* decide keeps the region, padding included, within recursive-stack;
	 * were it larger (room - bytes would wrap), no frame takes it */
	ok = bytes <= room ? LLVMBuildICmp(b, LLVMIntULE, d,
					   LLVMConstInt(i64, room - bytes, 0),
					   "h2s.frame")
			   : LLVMConstInt(LLVMInt1TypeInContext(ctx), 0, 0);
	h->if_else(h->ctx, ok, split, &then_t, &else_t);
	LLVMPositionBuilderBefore(b, then_t);
	region = LLVMBuildArrayAlloca(b, i8, size, "h2s.region");
	LLVMSetAlignment(region, (unsigned)align);
	LLVMBuildStore(b, LLVMBuildAdd(b, d, size, ""), cnt);
	region = join(b, then_t, region, else_t,
		      LLVMConstPointerNull(LLVMTypeOf(region)));
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->fn); bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
		if (!t || (LLVMGetInstructionOpcode(t) != LLVMRet &&
			   LLVMGetInstructionOpcode(t) != LLVMResume))
			continue;
		LLVMPositionBuilderBefore(b, t);
		LLVMBuildStore(b,
			       LLVMBuildSub(b, LLVMBuildLoad2(b, i64, cnt, ""),
					    LLVMBuildSelect(b, ok, size,
							    LLVMConstInt(i64, 0, 0),
							    ""),
					    ""),
			       cnt);
	}
	f->depth_ok = ok;
	/* where the slots' addresses go: after the region's phi */
	LLVMPositionBuilderBefore(b, split);
	return region;
}

unsigned transform_func(h2s_func *f)
{
	uint64_t bytes = 0;
	LLVMModuleRef m = f->mod->mod;
	LLVMContextRef ctx = LLVMGetModuleContext(m);
	LLVMBuilderRef b;
	LLVMValueRef *slot;
	pool_counters *pc;
	uint64_t *off, align = 1;
	unsigned n = demoted_sites(f);
	if (!n)
		return 0;
	for (unsigned i = 0; i < f->nnotail; i++)
		LLVMSetTailCallKind(f->notail[i], LLVMTailCallKindNone);
	b = LLVMCreateBuilderInContext(ctx);
	slot = xcalloc(f->found.nsite, sizeof *slot);
	pc = xcalloc(f->found.nsite, sizeof *pc);
	off = xcalloc(f->found.nsite, sizeof *off);
	for (unsigned i = 0; i < f->found.nsite; i++) {
		h2s_site *s = &f->found.sites[i];
		LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(f->fn);
		LLVMValueRef first = LLVMGetFirstInstruction(entry);
		LLVMTypeRef i64 = LLVMInt64TypeInContext(ctx);
		uint64_t n = s->size ? s->size : 1;
		if (s->reason != R_DEMOTE)
			continue;
		if (s->slots)
			n = s->slots * site_stride(s);
		LLVMPositionBuilder(b, entry, first);
		if (f->depth_guard) {
			/* its place in the depth guard's region */
			bytes = round_up(bytes, s->align);
			off[i] = bytes;
			if (s->align > align)
				align = s->align;
		} else {
			slot[i] = LLVMBuildAlloca(
				b, LLVMArrayType2(LLVMInt8TypeInContext(ctx), n),
				s->slots ? "h2s.pool" : "h2s.slot");
			LLVMSetAlignment(slot[i], (unsigned)s->align);
		}
		bytes += n;
		if (!s->slots)
			continue;
		/* the pool's counters: 0 on every entry to the function (the
		 * entry block has no predecessors) */
		pc[i].used = LLVMBuildAlloca(b, i64, "h2s.used");
		pc[i].live = LLVMBuildAlloca(b, i64, "h2s.live");
		LLVMPositionBuilderBefore(b, first);
		LLVMBuildStore(b, LLVMConstInt(i64, 0, 0), pc[i].used);
		LLVMBuildStore(b, LLVMConstInt(i64, 0, 0), pc[i].live);
	}
	if (f->depth_guard) {
		LLVMValueRef region = depth_guard(f, b, bytes, align);
		for (unsigned i = 0; i < f->found.nsite; i++) {
			LLVMValueRef o;
			if (f->found.sites[i].reason != R_DEMOTE)
				continue;
			o = LLVMConstInt(LLVMInt64TypeInContext(ctx), off[i], 0);
			slot[i] = LLVMBuildGEP2(b, LLVMInt8TypeInContext(ctx),
						region, &o, 1,
						f->found.sites[i].slots ? "h2s.pool"
									: "h2s.slot");
		}
	}
	free(off);
	add_stack_probes(f, bytes);
	/* Frees and reallocs first: their operands still name the original
	 * calls. */
	for (unsigned r = 0; r < f->nfree; r++)
		rewrite_free(f, b, &f->frees[r], slot, pc);
	for (unsigned i = 0; i < f->found.nsite; i++) {
		h2s_site *s = &f->found.sites[i];
		if (s->reason != R_DEMOTE)
			continue;
		if (s->guarded || s->slots || f->depth_guard)
			rewrite_guarded(f, b, s, slot[i],
					s->slots ? &pc[i] : NULL);
		else
			rewrite_site(f, b, s, slot[i]);
		s->call = NULL;
	}
	free(slot);
	free(pc);
	f->depth_ok = NULL;
	LLVMDisposeBuilder(b);
	f->changed = 1;
	return n;
}

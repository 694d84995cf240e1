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
	uint64_t *d = xcalloc(f->words, sizeof(uint64_t));
	int changed = 1;
	for (unsigned i = 0; i < f->nsite; i++)
		if (f->sites[i].reason == R_DEMOTE)
			bit_set(d, f->sites[i].obj);
	while (changed) {
		changed = 0;
		for (unsigned o = 0; o < f->nobj; o++) {
			const uint64_t *c = f->locs[f->objs[o].content].pts;
			if (bit_test(d, o))
				continue;
			for (unsigned w = 0; w < f->words; w++)
				if (c[w] & d[w]) {
					bit_set(d, o);
					changed = 1;
					break;
				}
		}
	}
	return d;
}

static int loc_meets(const h2s_func *f, unsigned l, const uint64_t *set)
{
	for (unsigned w = 0; w < f->words; w++)
		if (f->locs[l].pts[w] & set[w])
			return 1;
	return 0;
}

/* Clears `tail` on calls that may see a slot. Runs before any rewrite,
 * while the graph's value handles are valid. */
static void clear_tail_calls(h2s_func *f)
{
	uint64_t *d = reaching_demoted(f);
	for (unsigned b = 0; b < f->cfg.n; b++)
		for (LLVMValueRef I = LLVMGetFirstInstruction(f->cfg.block[b]); I;
		     I = LLVMGetNextInstruction(I)) {
			uint64_t l;
			if (!LLVMIsACallInst(I) ||
			    LLVMGetTailCallKind(I) == LLVMTailCallKindNone)
				continue;
			for (unsigned k = 0; k < LLVMGetNumArgOperands(I); k++) {
				LLVMValueRef a = LLVMGetOperand(I, k);
				if (map_get(&f->valloc, ptrkey(a), &l) &&
				    loc_meets(f, (unsigned)l, d)) {
					LLVMSetTailCallKind(I, LLVMTailCallKindNone);
					break;
				}
			}
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

/* Removes the entries for block `from` from the phis at the top of `bb`,
 * when `from` stops branching to `bb`. The LLVM-C API cannot delete one
 * incoming value, so each such phi is rebuilt without it. */
static void drop_phi_entries(LLVMBuilderRef b, LLVMBasicBlockRef bb,
			     LLVMBasicBlockRef from)
{
	LLVMValueRef phi = LLVMGetFirstInstruction(bb);
	while (phi && LLVMIsAPHINode(phi)) {
		LLVMValueRef next = LLVMGetNextInstruction(phi);
		unsigned n = LLVMCountIncoming(phi), kept = 0;
		LLVMValueRef *vals = xcalloc(n ? n : 1, sizeof *vals);
		LLVMBasicBlockRef *blocks = xcalloc(n ? n : 1, sizeof *blocks);
		size_t len;
		char *name = xstrdup(LLVMGetValueName2(phi, &len));
		for (unsigned k = 0; k < n; k++)
			if (LLVMGetIncomingBlock(phi, k) != from) {
				vals[kept] = LLVMGetIncomingValue(phi, k);
				blocks[kept++] = LLVMGetIncomingBlock(phi, k);
			}
		if (kept != n) {
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
		drop_phi_entries(b, LLVMGetUnwindDest(call), from);
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

unsigned transform_func(h2s_func *f)
{
	uint64_t bytes = 0;
	LLVMModuleRef m = f->mod->mod;
	LLVMContextRef ctx = LLVMGetModuleContext(m);
	LLVMBuilderRef b;
	LLVMValueRef *slot;
	unsigned n = 0;
	for (unsigned i = 0; i < f->nsite; i++)
		n += f->sites[i].reason == R_DEMOTE;
	if (!n)
		return 0;
	clear_tail_calls(f);
	b = LLVMCreateBuilderInContext(ctx);
	slot = xcalloc(f->nsite, sizeof *slot);
	for (unsigned i = 0; i < f->nsite; i++) {
		h2s_site *s = &f->sites[i];
		LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(f->fn);
		if (s->reason != R_DEMOTE)
			continue;
		LLVMPositionBuilder(b, entry, LLVMGetFirstInstruction(entry));
		slot[i] = LLVMBuildAlloca(
			b,
			LLVMArrayType2(LLVMInt8TypeInContext(ctx),
				       s->size ? s->size : 1),
			"h2s.slot");
		LLVMSetAlignment(slot[i], (unsigned)s->align);
		bytes += s->size;
	}
	add_stack_probes(f, bytes);
	/* Frees first: their operands still name the original calls. */
	for (unsigned r = 0; r < f->nfree; r++) {
		h2s_free *fr = &f->frees[r];
		for (unsigned i = 0; i < f->nsite; i++) {
			h2s_site *s = &f->sites[i];
			if (s->reason != R_DEMOTE || !loc_has(f, fr->loc, s->obj))
				continue;
			if (LLVMGetOperand(fr->call, 0) == s->call) {
				LLVMPositionBuilderBefore(b, fr->call);
				LLVMSetCurrentDebugLocation2(
					b, LLVMInstructionGetDebugLoc(fr->call));
				compat_lifetime(b, m, 0, slot[i],
						s->size ? s->size : 1);
			}
			erase_call(b, fr->call);
			fr->call = NULL;
			break;
		}
	}
	for (unsigned i = 0; i < f->nsite; i++)
		if (f->sites[i].reason == R_DEMOTE) {
			rewrite_site(f, b, &f->sites[i], slot[i]);
			f->sites[i].call = NULL;
		}
	free(slot);
	LLVMDisposeBuilder(b);
	f->changed = 1;
	return n;
}

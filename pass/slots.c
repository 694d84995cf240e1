/*
 * Slots of a local (docs/design.md): the bytes of a local that a typed
 * struct copy writes, in pointer-sized slots, so that a load of one
 * member reads what was written there and not what every member holds,
 * and the bytes of the copy that every path overwrites before anything
 * may read them are left out of it (a strong update).
 *
 * Which locals: allocas of constant size, at most 64 slots, that are the
 * destination of a memcpy or memmove that Typed struct copies types
 * (their fields cover every byte). Which accesses are precise: a load
 * or store whose address is the alloca plus a constant (alloca_offset);
 * a load that reads exactly one slot reads that slot, a store writes the
 * slots its bytes lie in. Every other write that may reach the alloca
 * (a store through another address, an untyped copy, a callee's store,
 * unknown code) writes every slot, and every other read reads the
 * object's parts as before, which hold what every write wrote.
 */
#include "internal.h"

#include <string.h>

/* The slots of alloca a's object that a typed struct copy writes, or 0:
 * a is the memcpy's destination itself and the copy is typed. */
static uint64_t typed_copy_slots(const h2s_func *f, LLVMValueRef I,
				 LLVMValueRef a)
{
	unsigned classes;
	uint64_t slots[3];
	if (!LLVMIsACallInst(I) || !call_is_memcpy(I) ||
	    LLVMGetOperand(I, 0) != a ||
	    !struct_copy_classes(f, I, &classes, slots))
		return 0;
	return slots[TBAA_POINTER] | slots[TBAA_ARITH];
}

unsigned alloca_slots(const h2s_func *f, LLVMValueRef I)
{
	LLVMTargetDataRef td = f->mod->td;
	LLVMTypeRef t = LLVMGetAllocatedType(I);
	LLVMValueRef count = LLVMGetOperand(I, 0);
	uint64_t size, P = f->mod->ptr_bytes;
	if (!td || !LLVMTypeIsSized(t) || !LLVMIsAConstantInt(count) ||
	    LLVMConstIntGetZExtValue(count) != 1)
		return 0;
	size = LLVMABISizeOfType(td, t);
	if (size == 0 || size > 64 * P)
		return 0;
	for (LLVMUseRef u = LLVMGetFirstUse(I); u; u = LLVMGetNextUse(u))
		if (typed_copy_slots(f, LLVMGetUser(u), I))
			return (unsigned)((size + P - 1) / P);
	return 0;
}

/* The object of slotted alloca a, or H2S_NONE. */
static unsigned slotted(const h2s_func *f, LLVMValueRef a)
{
	uint64_t o;
	return a && map_get(&f->g.slotobj, ptrkey(a), &o) ? (unsigned)o
							  : H2S_NONE;
}

void mark_slots(h2s_func *f, unsigned id, LLVMValueRef addr,
		LLVMTypeRef type, int read)
{
	LLVMTargetDataRef td = f->mod->td;
	uint64_t off, size, P = f->mod->ptr_bytes, m;
	unsigned o;
	if (id == H2S_NONE || !td || !f->g.slotobj.n || !LLVMTypeIsSized(type))
		return;
	o = slotted(f, alloca_offset(td, addr, &off));
	if (o == H2S_NONE)
		return;
	size = LLVMStoreSizeOfType(td, type);
	/* bytes outside the object: as any access (the program is wrong
	 * there, but the analysis need not say how) */
	if (size == 0 || off + size > (uint64_t)f->g.objs[o].nslots * P)
		return;
	m = slots_of(off, size, P, f->g.objs[o].nslots);
	if (read && (m & (m - 1)))
		return;
	f->g.edges[id].slot_obj = o;
	f->g.edges[id].slot_mask = m;
}

void copy_slots(h2s_func *f, unsigned st, LLVMValueRef dst, uint64_t mask)
{
	unsigned o = slotted(f, dst);
	if (o == H2S_NONE)
		return;
	f->g.edges[st].slot_obj = o;
	f->g.edges[st].slot_mask = mask;
}

/* ------------------------------------------------------------- the kills */

/* 1 when value v may lead to alloca a: a pointer into it, or a value
 * whose location may hold one of reach (objs_reaching of a's object).
 * Constants do not (a is reached from no memory the function does not
 * own: kills_of checks it), nor do integers narrower than an address. */
static int leads_to(const h2s_func *f, LLVMValueRef v, LLVMValueRef a,
		    const uint64_t *reach)
{
	uint64_t off, l;
	LLVMTypeRef t = LLVMTypeOf(v);
	if (LLVMIsAConstant(v))
		return 0;
	/* too narrow to hold an address */
	if (LLVMGetTypeKind(t) == LLVMIntegerTypeKind &&
	    LLVMGetIntTypeWidth(t) < 8 * f->mod->ptr_bytes)
		return 0;
	if (alloca_offset(f->mod->td, v, &off) == a)
		return 1;
	return !map_get(&f->g.valloc, ptrkey(v), &l) ||
	       loc_meets(f, (unsigned)l, reach);
}

/* What instruction I does to the slots of alloca a (object o) for the
 * copy's bytes there: *kill the slots it overwrites whole, *read those
 * it may read; reach: the objects that may hold a pointer to o, any
 * number of derefs down (objs_reaching). */
static void effect(const h2s_func *f, LLVMValueRef I, LLVMValueRef a,
		   unsigned o, const uint64_t *reach, uint64_t *kill,
		   uint64_t *read)
{
	LLVMTargetDataRef td = f->mod->td;
	uint64_t P = f->mod->ptr_bytes, off, all;
	unsigned n = f->g.objs[o].nslots;
	LLVMValueRef base;
	all = n >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << n) - 1;
	*kill = *read = 0;
	if (LLVMIsALoadInst(I)) {
		LLVMValueRef addr = LLVMGetOperand(I, 0);
		uint64_t size = LLVMStoreSizeOfType(td, LLVMTypeOf(I));
		base = alloca_offset(td, addr, &off);
		if (base == a)
			*read = size ? slots_of(off, size, P, n) : 0;
		else if (!base && leads_to(f, addr, a, reach))
			*read = all;
		return;
	}
	if (LLVMIsAStoreInst(I)) {
		LLVMValueRef addr = LLVMGetOperand(I, 1);
		uint64_t size = LLVMStoreSizeOfType(
			td, LLVMTypeOf(LLVMGetOperand(I, 0)));
		if (alloca_offset(td, addr, &off) != a || size == 0)
			return;
		/* the slots whose every byte it writes */
		for (uint64_t b = (off + P - 1) / P;
		     (b + 1) * P <= off + size && b < n; b++)
			*kill |= (uint64_t)1 << b;
		return;
	}
	if (LLVMIsACallInst(I) || LLVMIsAInvokeInst(I)) {
		unsigned nargs = LLVMGetNumArgOperands(I);
		if (call_is_inert(I))
			return;
		/* any argument, of any type: integers and aggregates carry
		 * what they were made of */
		for (unsigned k = 0; k < nargs; k++)
			if (leads_to(f, LLVMGetOperand(I, k), a, reach)) {
				*read = all;
				return;
			}
		return;
	}
	if ((LLVMIsAAtomicRMWInst(I) || LLVMIsAAtomicCmpXchgInst(I) ||
	     LLVMIsAVAArgInst(I)) &&
	    leads_to(f, LLVMGetOperand(I, 0), a, reach))
		*read = all;
}

/* Runs the instructions of block b on live (the slots still holding the
 * bytes copy C wrote there, which it sets to C's slots cs); adds to
 * *read the live slots an instruction may read. */
static uint64_t run_block(const h2s_func *f, LLVMBasicBlockRef b,
			  LLVMValueRef C, uint64_t cs, LLVMValueRef a,
			  unsigned o, const uint64_t *reach, uint64_t live,
			  uint64_t *read)
{
	for (LLVMValueRef I = LLVMGetFirstInstruction(b); I;
	     I = LLVMGetNextInstruction(I)) {
		uint64_t k, r;
		if (I == C) {
			live |= cs;
			continue;
		}
		if (!live)
			continue;
		effect(f, I, a, o, reach, &k, &r);
		*read |= r & live;
		live &= ~k;
	}
	return live;
}

/* The slots of typed copy C into alloca a (object o) that no path
 * reads before overwriting them. */
static uint64_t kills_of(const h2s_func *f, const h2s_cfg *g, LLVMValueRef C,
			 uint64_t cs, LLVMValueRef a, unsigned o)
{
	uint64_t *in = xcalloc(g->n, sizeof *in), read = 0, k;
	uint64_t *reach = xcalloc(f->g.words, sizeof *reach);
	int escaped, changed = 1;
	bit_set(reach, o);
	objs_reaching(f, reach);
	escaped = loc_meets(f, f->g.heap, reach) ||
		  loc_meets(f, f->g.exposed, reach) ||
		  loc_meets(f, f->g.result, reach) ||
		  loc_has(f, f->g.objs[f->g.unknown_obj].content, o);
	for (unsigned q = 0; !escaped && q < f->nparams; q++)
		escaped = f->g.pout[q] != H2S_NONE &&
			  loc_meets(f, f->g.pout[q], reach);
	if (escaped) {
		free(in);
		free(reach);
		return 0;
	}
	/* may-analysis: the slots live at each block's entry, to a
	 * fixpoint (they only grow) */
	while (changed) {
		changed = 0;
		for (unsigned i = 0; i < g->nrpo; i++) {
			unsigned b = g->rpo[i];
			uint64_t out = run_block(f, g->block[b], C, cs, a, o,
						 reach, in[b], &read);
			for (unsigned s = 0; s < g->succ[b].n; s++) {
				unsigned t = g->succ[b].v[s];
				if ((in[t] | out) != in[t]) {
					in[t] |= out;
					changed = 1;
				}
			}
		}
	}
	/* read holds every slot some instruction may read while the copy's
	 * bytes may be there, found on the passes above (the last of them
	 * saw the final entry sets) */
	k = cs & ~read;
	free(in);
	free(reach);
	return k;
}

/* The slots of object o that some load reads as its own slot (a kill of
 * any other changes no points-to set: no second solve for it). */
static uint64_t slots_loaded(const h2s_func *f, unsigned o)
{
	uint64_t m = 0;
	for (unsigned e = 0; e < f->g.nedge; e++)
		if (f->g.edges[e].kind == E_LOAD && f->g.edges[e].slot_obj == o)
			m |= f->g.edges[e].slot_mask;
	return m;
}

int slot_kills(h2s_func *f)
{
	h2s_cfg g;
	int any = 0;
	if (!f->g.slotobj.n)
		return 0;
	memset(&g, 0, sizeof g);
	cfg_build(&g, f->fn);
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->fn); bb;
	     bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef I = LLVMGetFirstInstruction(bb); I;
		     I = LLVMGetNextInstruction(I)) {
			LLVMValueRef a;
			unsigned o;
			uint64_t cs, k;
			if (!LLVMIsACallInst(I) || !call_is_memcpy(I))
				continue;
			a = LLVMGetOperand(I, 0);
			o = slotted(f, a);
			if (o == H2S_NONE ||
			    !(cs = typed_copy_slots(f, I, a) & slots_loaded(f, o)))
				continue;
			k = kills_of(f, &g, I, cs, a, o);
			if (k) {
				map_put(&f->slot_kill, ptrkey(I), k);
				any = 1;
			}
		}
	cfg_free(&g);
	return any;
}

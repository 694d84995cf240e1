/*
 * Lowering instructions other than calls into the location graph (Go's
 * expr.go and stmt.go): loads, stores, phis, GEPs, casts, integer
 * arithmetic on addresses, and the checks of integers made from pointers
 * (round trips, alignment tests, pointer differences) that decide whether
 * an address leaves the function as a number. Calls are call.c's.
 */
#include "internal.h"

#include <string.h>

/* ------------------------------------------------------------ typed loads */

/* Operand k of metadata node n (NULL when n has fewer, or too many to
 * look at: type nodes of scalars have three, tags four at most). */
static LLVMValueRef md_operand(LLVMValueRef n, unsigned k)
{
	LLVMValueRef ops[8];
	unsigned count;
	if (!n || !LLVMIsAMDNode(n))
		return NULL;
	count = LLVMGetMDNodeNumOperands(n);
	if (k >= count || count > 8)
		return NULL;
	LLVMGetMDNodeOperands(n, ops);
	return ops[k];
}

/* The name of a TBAA type node !{!"name", parent, offset}, or NULL. */
static const char *tbaa_name(LLVMValueRef type)
{
	LLVMValueRef s = md_operand(type, 0);
	unsigned len;
	return s && LLVMIsAMDString(s) ? LLVMGetMDString(s, &len) : NULL;
}

/* The class of the bytes an access with type tag `tag` (NULL: none)
 * touches. */
static h2s_tbaa tbaa_class(LLVMValueRef tag)
{
	static const char *const arith[] = {
		"_Bool", "bool", "short", "int", "long", "long long",
		"__int128", "float", "double", "long double", "_Float16",
		"__fp16", "__bf16", "wchar_t", "char16_t", "char32_t",
	};
	LLVMValueRef type, t;
	const char *name, *parent;
	unsigned depth = 0;
	if (!tag)
		return TBAA_ANY;
	/* a struct-path tag !{base, access, offset}, or an old scalar tag
	 * that is its own type node */
	type = tbaa_name(tag) ? tag : md_operand(tag, 1);
	name = tbaa_name(type);
	if (!name)
		return TBAA_ANY;
	/* the access type or one of its ancestors is a pointer type */
	for (t = type; t && depth < 8; t = md_operand(t, 1), depth++) {
		const char *n = tbaa_name(t);
		if (!n)
			break;
		if (!strcmp(n, "any pointer") || !strcmp(n, "vtable pointer"))
			return TBAA_POINTER;
	}
	parent = tbaa_name(md_operand(type, 1));
	if (!parent || strcmp(parent, "omnipotent char"))
		return TBAA_ANY;
	for (size_t k = 0; k < sizeof arith / sizeof *arith; k++)
		if (!strcmp(name, arith[k]))
			return TBAA_ARITH;
	return TBAA_ANY;
}

static h2s_tbaa tbaa_of(const h2s_func *f, LLVMValueRef I)
{
	return tbaa_class(LLVMGetMetadata(I, f->mod->tbaa_kind));
}

int struct_copy_classes(const h2s_func *f, LLVMValueRef I,
			unsigned *classes, uint64_t slots[3])
{
	uint64_t P = f->mod->ptr_bytes;
	LLVMValueRef node = LLVMGetMetadata(I, f->mod->tbaa_struct_kind);
	LLVMValueRef len = LLVMGetOperand(I, 2), *ops;
	unsigned n;
	uint64_t end = 0;
	int ok = 1;
	*classes = 0;
	slots[TBAA_ANY] = slots[TBAA_POINTER] = slots[TBAA_ARITH] = 0;
	if (!node || !LLVMIsAMDNode(node) || !LLVMIsAConstantInt(len))
		return 0;
	n = LLVMGetMDNodeNumOperands(node);
	if (n == 0 || n % 3 != 0)
		return 0;
	ops = xcalloc(n, sizeof *ops);
	LLVMGetMDNodeOperands(node, ops);
	/* (offset, size, tag) for each field, in order of offset */
	for (unsigned k = 0; ok && k < n; k += 3) {
		h2s_tbaa c;
		uint64_t size;
		if (!ops[k] || !ops[k + 1] || !LLVMIsAConstantInt(ops[k]) ||
		    !LLVMIsAConstantInt(ops[k + 1]) ||
		    LLVMConstIntGetZExtValue(ops[k]) != end) {
			ok = 0;
			break;
		}
		size = LLVMConstIntGetZExtValue(ops[k + 1]);
		c = tbaa_class(ops[k + 2]);
		if (c == TBAA_ANY || size == 0)
			ok = 0;
		else
			*classes |= 1u << c;
		if (ok)
			slots[c] |= slots_of(end, size, P, 64);
		end += size;
	}
	free(ops);
	return ok && end == LLVMConstIntGetZExtValue(len);
}

/* 1 when the named struct type t is a C struct (or C++ class) of clang's
 * naming, not a union: `struct.NAME` or `class.NAME`. */
static int record_type(LLVMTypeRef t)
{
	const char *n;
	if (LLVMGetTypeKind(t) != LLVMStructTypeKind || LLVMIsLiteralStruct(t))
		return 0;
	n = LLVMGetStructName(t);
	return n && (!strncmp(n, "struct.", 7) || !strncmp(n, "class.", 6));
}

/* The alloca that address a points into at a constant byte offset
 * (*off): the alloca itself, or GEPs of it with constant indices only;
 * NULL otherwise. */
LLVMValueRef alloca_offset(LLVMTargetDataRef td, LLVMValueRef a,
			   uint64_t *off)
{
	uint64_t o = 0;
	for (unsigned depth = 0; depth < 8; depth++) {
		LLVMTypeRef t;
		unsigned n;
		if (LLVMIsAAllocaInst(a)) {
			*off = o;
			return a;
		}
		if (!LLVMIsAGetElementPtrInst(a))
			return NULL;
		n = (unsigned)LLVMGetNumOperands(a);
		t = LLVMGetGEPSourceElementType(a);
		for (unsigned k = 1; k < n; k++) {
			LLVMValueRef ix = LLVMGetOperand(a, k);
			long long c;
			if (!LLVMIsAConstantInt(ix))
				return NULL;
			c = LLVMConstIntGetSExtValue(ix);
			if (c < 0 || c > (1ll << 32))
				return NULL;
			if (k == 1) {
				o += (uint64_t)c * LLVMABISizeOfType(td, t);
			} else if (LLVMGetTypeKind(t) == LLVMStructTypeKind) {
				if ((unsigned long long)c >=
				    LLVMCountStructElementTypes(t))
					return NULL;
				o += LLVMOffsetOfElement(td, t, (unsigned)c);
				t = LLVMStructGetTypeAtIndex(t, (unsigned)c);
			} else if (LLVMGetTypeKind(t) == LLVMArrayTypeKind) {
				t = LLVMGetElementType(t);
				o += (uint64_t)c * LLVMABISizeOfType(td, t);
			} else {
				return NULL;
			}
		}
		a = LLVMGetOperand(a, 0);
	}
	return NULL;
}

/* What C's effective types say of an access of `size` bytes at address
 * addr: TBAA_POINTER when the bytes lie in one member of pointer type of
 * a declared local struct, TBAA_ARITH when they lie in members of
 * integer or floating type, TBAA_ANY otherwise. The address must be an
 * alloca of a struct type (record_type) plus a constant offset, the
 * member reached through struct members and array elements (no union on
 * the way). The effective type of a declared object's bytes is its
 * declared type, whatever wrote them (C11 6.5p6), so a pointer
 * member's bytes are never read by an arithmetic-typed access, nor an
 * arithmetic member's by a pointer-typed one (Typed loads: declared
 * members). */
static h2s_tbaa declared_member(const h2s_func *f, LLVMValueRef addr,
				LLVMTypeRef access)
{
	LLVMTargetDataRef td = f->mod->td;
	LLVMValueRef a;
	LLVMTypeRef t;
	uint64_t off, size;
	if (!td || !f->mod->declared_c || !LLVMTypeIsSized(access))
		return TBAA_ANY;
	a = alloca_offset(td, addr, &off);
	if (!a)
		return TBAA_ANY;
	t = LLVMGetAllocatedType(a);
	size = LLVMStoreSizeOfType(td, access);
	if (!record_type(t) || !size)
		return TBAA_ANY;
	for (unsigned depth = 0; depth < 16; depth++) {
		switch (LLVMGetTypeKind(t)) {
		case LLVMPointerTypeKind:
			return off + size <= LLVMStoreSizeOfType(td, t) ?
			       TBAA_POINTER : TBAA_ANY;
		case LLVMIntegerTypeKind:
		case LLVMHalfTypeKind: case LLVMBFloatTypeKind:
		case LLVMFloatTypeKind: case LLVMDoubleTypeKind:
		case LLVMX86_FP80TypeKind: case LLVMFP128TypeKind:
			/* within the one member (an access LLVM merged
			 * across neighbouring fields is left alone) */
			return off + size <= LLVMStoreSizeOfType(td, t) ?
			       TBAA_ARITH : TBAA_ANY;
		case LLVMArrayTypeKind: {
			LLVMTypeRef e = LLVMGetElementType(t);
			uint64_t es = LLVMABISizeOfType(td, e);
			if (!es || off / es >= LLVMGetArrayLength2(t))
				return TBAA_ANY;
			off %= es;
			t = e;
			break;
		}
		case LLVMStructTypeKind: {
			unsigned n = LLVMCountStructElementTypes(t), k;
			if (!record_type(t) || !n ||
			    off >= LLVMABISizeOfType(td, t))
				return TBAA_ANY;
			k = LLVMElementAtOffset(td, t, off);
			if (k >= n)
				return TBAA_ANY;
			off -= LLVMOffsetOfElement(td, t, k);
			t = LLVMStructGetTypeAtIndex(t, k);
			break;
		}
		default:
			return TBAA_ANY;
		}
	}
	return TBAA_ANY;
}

/* Records on edge id what the tag of its instruction I says. */
static void mark_tbaa(h2s_func *f, unsigned id, LLVMValueRef I)
{
	if (id != H2S_NONE)
		f->g.edges[id].tbaa = (unsigned char)tbaa_of(f, I);
}

/* An access edge id that its tag leaves unclassified takes what the
 * declared type of the local it accesses says (declared_member). */
static void mark_declared(h2s_func *f, unsigned id, LLVMValueRef addr,
			  LLVMTypeRef access)
{
	if (id != H2S_NONE && f->g.edges[id].tbaa == TBAA_ANY)
		f->g.edges[id].tbaa =
			(unsigned char)declared_member(f, addr, access);
}

/* 1 when the stored value v is computed only from constants and from loads
 * of the very address it is stored to (`p->n++`, `*p ^= 1`): whatever
 * pointer bytes it may carry were already there, so the store moves none.
 * Every other store is a flow: C lets any object's bytes be copied through
 * char, unions and memcpy into any object, so a store of any type may
 * write a pointer's bytes; only the type tags of a load and a store can
 * tell that one cannot read what the other wrote (Typed loads). */
static int rewrites_same_address(LLVMValueRef v, LLVMValueRef addr,
				 unsigned depth)
{
	if (depth > 6)
		return 0;
	if (LLVMIsAConstantInt(v) || LLVMIsAConstantFP(v))
		return 1;
	if (LLVMIsALoadInst(v))
		return LLVMGetOperand(v, 0) == addr;
	if (!LLVMIsAInstruction(v) || LLVMIsAPHINode(v) || LLVMIsACallInst(v) ||
	    LLVMIsAInvokeInst(v))
		return 0;
	switch (LLVMGetInstructionOpcode(v)) {
	case LLVMAdd: case LLVMSub: case LLVMMul: case LLVMAnd: case LLVMOr:
	case LLVMXor: case LLVMShl: case LLVMLShr: case LLVMAShr:
	case LLVMUDiv: case LLVMSDiv: case LLVMURem: case LLVMSRem:
	case LLVMTrunc: case LLVMZExt: case LLVMSExt: case LLVMFreeze:
	case LLVMFAdd: case LLVMFSub: case LLVMFMul: case LLVMFDiv:
	case LLVMFNeg:
		for (unsigned k = 0; k < (unsigned)LLVMGetNumOperands(v); k++)
			if (!rewrites_same_address(LLVMGetOperand(v, k), addr,
						   depth + 1))
				return 0;
		return 1;
	default:
		return 0;
	}
}

static void copy_operands(h2s_func *f, LLVMValueRef I, unsigned first)
{
	unsigned n = (unsigned)LLVMGetNumOperands(I);
	for (unsigned k = first; k < n; k++)
		copy_from(f, I, LLVMGetOperand(I, k), W_ASSIGN);
}

static int is_pointer_difference(LLVMValueRef I)
{
	return LLVMGetInstructionOpcode(I) == LLVMSub &&
	       LLVMIsAPtrToIntInst(LLVMGetOperand(I, 0)) &&
	       LLVMIsAPtrToIntInst(LLVMGetOperand(I, 1));
}

/* The largest offset from an address that address_offset follows: a
 * difference of two such integers reveals at most the low 13 bits of the
 * address. */
#define OFFSET_BOUND 4096

/* A constant within +-OFFSET_BOUND: adds its magnitude to *bound. */
static int small_constant(LLVMValueRef v, uint64_t *bound)
{
	long long c;
	if (!LLVMIsAConstantInt(v))
		return 0;
	c = LLVMConstIntGetSExtValue(v);
	if (c < -OFFSET_BOUND || c > OFFSET_BOUND)
		return 0;
	*bound += (uint64_t)(c < 0 ? -c : c);
	return 1;
}

/* 1 when the integer v is the address of *base (a ptrtoint of it) plus
 * an offset of at most *bound (added to): plus or minus small constants,
 * aligned down by a mask of high ones (`& -32`: at most 31 less), or'ed
 * with a small constant (at most that much more), through
 * llvm.uadd.with.overflow's sum (obstack's and malloca's alignment). */
static int address_offset(LLVMValueRef v, LLVMValueRef *base, uint64_t *bound,
			  unsigned depth)
{
	LLVMValueRef agg, callee;
	long long m;
	if (depth > 8 || *bound > OFFSET_BOUND)
		return 0;
	if (LLVMIsAPtrToIntInst(v)) {
		*base = LLVMGetOperand(v, 0);
		return 1;
	}
	if (LLVMIsAExtractValueInst(v)) {
		agg = LLVMGetOperand(v, 0);
		if (LLVMGetNumIndices(v) != 1 || LLVMGetIndices(v)[0] != 0 ||
		    !LLVMIsACallInst(agg))
			return 0;
		callee = LLVMGetCalledValue(agg);
		return LLVMIsAFunction(callee) &&
		       is_intrinsic_named(fn_name(callee),
					  "llvm.uadd.with.overflow") &&
		       small_constant(LLVMGetOperand(agg, 1), bound) &&
		       address_offset(LLVMGetOperand(agg, 0), base, bound,
				      depth + 1);
	}
	if (!LLVMIsAInstruction(v))
		return 0;
	switch (LLVMGetInstructionOpcode(v)) {
	case LLVMAdd:
		if (small_constant(LLVMGetOperand(v, 1), bound))
			return address_offset(LLVMGetOperand(v, 0), base, bound,
					      depth + 1);
		return small_constant(LLVMGetOperand(v, 0), bound) &&
		       address_offset(LLVMGetOperand(v, 1), base, bound,
				      depth + 1);
	case LLVMOr:
		/* x | c is between x and x + c, for c >= 0 */
		if (LLVMIsAConstantInt(LLVMGetOperand(v, 1)) &&
		    LLVMConstIntGetSExtValue(LLVMGetOperand(v, 1)) < 0)
			return 0;
		/* fall through */
	case LLVMSub:
		return small_constant(LLVMGetOperand(v, 1), bound) &&
		       address_offset(LLVMGetOperand(v, 0), base, bound,
				      depth + 1);
	case LLVMAnd:
		/* x & -2^k is between x - (2^k - 1) and x */
		if (!LLVMIsAConstantInt(LLVMGetOperand(v, 1)))
			return 0;
		m = LLVMConstIntGetSExtValue(LLVMGetOperand(v, 1));
		if (m >= 0 || m < -OFFSET_BOUND || ((-m) & (-m - 1)))
			return 0;
		*bound += (uint64_t)(-m - 1);
		return address_offset(LLVMGetOperand(v, 0), base, bound,
				      depth + 1);
	default:
		return 0;
	}
}

/* `a - b` where a and b are both one address plus bounded offsets
 * (address_offset): the difference of two offsets, at most 2 x
 * OFFSET_BOUND either way, carries no object, as a pointer difference
 * within one object does not (malloca's `aligned - (uintptr_t)mem`). It
 * reveals no more of the address than its low 13 bits, from which no
 * pointer can be rebuilt (docs/design.md, Limits). */
static int is_offset_difference(LLVMValueRef I)
{
	LLVMValueRef pa = NULL, pb = NULL;
	uint64_t ba = 0, bb = 0;
	return LLVMGetInstructionOpcode(I) == LLVMSub &&
	       !is_pointer_difference(I) &&
	       address_offset(LLVMGetOperand(I, 0), &pa, &ba, 0) &&
	       address_offset(LLVMGetOperand(I, 1), &pb, &bb, 0) && pa == pb;
}

/* 1 when I is integer arithmetic whose value carries its operands'
 * objects (lower_inst copies their sets into it; the condition of a
 * select too): everything but a pointer difference, which carries
 * neither object (solve.c checks where it goes), and a difference of two
 * offsets from one address. */
static int carries_operands(LLVMValueRef I)
{
	switch (LLVMGetInstructionOpcode(I)) {
	case LLVMSub:
		return !is_pointer_difference(I) && !is_offset_difference(I);
	case LLVMAdd: case LLVMMul: case LLVMAnd: case LLVMOr: case LLVMXor:
	case LLVMShl: case LLVMLShr: case LLVMAShr: case LLVMURem:
	case LLVMSRem: case LLVMUDiv: case LLVMSDiv: case LLVMTrunc:
	case LLVMZExt: case LLVMSExt: case LLVMFreeze: case LLVMSelect:
	case LLVMPHI: case LLVMExtractValue: case LLVMInsertValue:
		return 1;
	default:
		return 0;
	}
}

LLVMValueRef address_root(LLVMValueRef p)
{
	for (unsigned k = 0; k < 32 && p; k++) {
		if (!LLVMIsAGetElementPtrInst(p) && !LLVMIsABitCastInst(p) &&
		    !LLVMIsAAddrSpaceCastInst(p))
			break;
		p = LLVMGetOperand(p, 0);
	}
	return p;
}

/* 1 when the graph follows an integer carrying origin's objects into use
 * U, of which it is operand `op`, so that the objects escape only where
 * the flow takes them (the use then needs no check of its own): a store
 * of the integer (into the stored-to objects' contents); an index of a
 * GEP from null (copied into the pointer) or from origin itself (the
 * pointer points into origin's objects already: obstack's and malloca's
 * `p + (aligned - (uintptr_t)p)`); a return of a value as wide as a
 * pointer (to ~r0). Every other instruction that may take a pointer's
 * bits where the graph does not follow them (a GEP into another object,
 * a call, a narrow return) is an exposure. */
static int follows_int_use(h2s_func *f, LLVMValueRef U, unsigned op,
			   LLVMValueRef origin)
{
	switch (LLVMGetInstructionOpcode(U)) {
	case LLVMStore:
		return op == 0 && !rewrites_same_address(LLVMGetOperand(U, 0),
							 LLVMGetOperand(U, 1), 0);
	case LLVMGetElementPtr:
		return op > 0 &&
		       (is_null_like(LLVMGetOperand(U, 0)) ||
			address_root(LLVMGetOperand(U, 0)) == address_root(origin));
	case LLVMRet:
		return !is_narrow_scalar(f, LLVMGetOperand(U, 0));
	default:
		return 0;
	}
}
/* The index of the operand of U that use u is. */
static unsigned use_operand(LLVMValueRef U, LLVMUseRef u)
{
	unsigned n = (unsigned)LLVMGetNumOperands(U);
	for (unsigned k = 0; k < n; k++)
		if (LLVMGetOperandUse(U, k) == u)
			return k;
	return n;
}

/* 1 when the integer v, computed from a pointer's address, may let code
 * outside the function rebuild the pointer without the graph seeing it.
 * It cannot when every use of v only compares it (alignment and ordering
 * checks), or subtracts it from another address, or computes an integer
 * that again only does so, or, when v `carries` the objects of origin
 * (the pointer converted: the integer's location holds its objects, as
 * integer arithmetic copies its operands' sets), turns it back into a
 * pointer (inttoptr) or goes where the graph follows it
 * (follows_int_use, intrinsic_carries): then the pointer made from it, or
 * the memory it is stored to, holds those objects, and where they go
 * is followed like any other (obstack's and malloca's alignment,
 * `(char *)(((uintptr_t)p + 15) & ~15)`, the offset malloca stores in
 * front of its block). C's pointer subtraction is lowered to sub
 * (ptrtoint p), (ptrtoint q): the difference is an offset that carries
 * neither object; when it is more than compared (the vectorizer's
 * overlap checks only compare it) it is harmless only while p and q point
 * into one object, which solve.c checks (h2s_pdiff), and a pointer made
 * from it (r + (p - q) may be p) exposes both. */
static int int_exposes(h2s_func *f, LLVMValueRef v, unsigned depth,
		       LLVMValueRef origin)
{
	if (depth > 8)
		return 1;
	for (LLVMUseRef u = LLVMGetFirstUse(v); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef U = LLVMGetUser(u);
		LLVMOpcode op = LLVMGetInstructionOpcode(U);
		unsigned k;
		/* a comparison, or a branch on a bit computed from the
		 * address (the overflow bit of llvm.uadd.with.overflow) */
		if (op == LLVMICmp || op == LLVMSwitch || op == LLVMBr ||
		    is_pointer_difference(U) || is_offset_difference(U))
			continue;
		if (op == LLVMIntToPtr) {
			if (origin)
				continue;
			return 1;
		}
		if (origin) {
			k = use_operand(U, u);
			if (follows_int_use(f, U, k, origin))
				continue;
			if (intrinsic_carries(U, k)) {
				if (int_exposes(f, U, depth + 1, origin))
					return 1;
				continue;
			}
		}
		if (!carries_operands(U) || int_exposes(f, U, depth + 1, origin))
			return 1;
	}
	return 0;
}

/* 1 when the integer v is computed, by arithmetic that keeps its operands'
 * objects (lower_inst copies them), from addresses (ptrtoint) and constants
 * alone, with at least one address: its location then holds the objects
 * of every address it is made of, and a pointer made from it points into
 * one of them, as a GEP from them would (the analysis assumes of integer
 * arithmetic what it assumes of GEPs). Not so for a pointer difference,
 * which carries neither object, nor for an integer loaded from memory, a
 * parameter or a call's result: a pointer made from those may point to
 * memory the function does not own. seen: a set of the values visited
 * (phis make cycles). */
static int int_from_addresses(LLVMValueRef v, h2s_map *seen, unsigned *budget,
			      int *address)
{
	unsigned n, first = 0;
	if (LLVMIsAConstantInt(v))
		return 1;
	if (!LLVMIsAInstruction(v) || !*budget)
		return 0;
	if (!map_add(seen, ptrkey(v), 1))
		return 1;
	--*budget;
	if (LLVMIsAPtrToIntInst(v)) {
		*address = 1;
		return 1;
	}
	if (!carries_operands(v))
		return 0;
	/* a select's condition picks; its bits are not the value */
	first = LLVMIsASelectInst(v) ? 1 : 0;
	n = (unsigned)LLVMGetNumOperands(v);
	for (unsigned k = first; k < n; k++)
		if (!int_from_addresses(LLVMGetOperand(v, k), seen, budget,
					address))
			return 0;
	return 1;
}

/* 1 when c is `icmp eq/ne p, null` (either order); *eq: which. */
int null_test(LLVMValueRef c, LLVMValueRef p, int *eq)
{
	LLVMIntPredicate pred;
	LLVMValueRef x, y;
	if (!c || !LLVMIsAICmpInst(c))
		return 0;
	pred = LLVMGetICmpPredicate(c);
	if (pred != LLVMIntEQ && pred != LLVMIntNE)
		return 0;
	x = LLVMGetOperand(c, 0);
	y = LLVMGetOperand(c, 1);
	if (!((x == p && LLVMIsAConstantPointerNull(y)) ||
	      (y == p && LLVMIsAConstantPointerNull(x))))
		return 0;
	*eq = pred == LLVMIntEQ;
	return 1;
}

/* 1 when the value of pointer difference d = p - q matters only where p is
 * not null: every use of d is a select that picks another value when p is
 * null (`q ? q - buf : -1`), or d is computed only where p is not null. A
 * null p then adds nothing the difference can reveal. */
static int nonnull_at_end(h2s_func *f, LLVMValueRef v, LLVMBasicBlockRef b,
			  LLVMValueRef phi);

static int diff_needs_nonnull(h2s_func *f, LLVMValueRef d, LLVMValueRef p)
{
	int all_selects = 1;
	for (LLVMUseRef u = LLVMGetFirstUse(d); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef U = LLVMGetUser(u);
		int eq;
		if (LLVMIsASelectInst(U) &&
		    null_test(LLVMGetOperand(U, 0), p, &eq) &&
		    LLVMGetOperand(U, eq ? 1 : 2) != d &&
		    LLVMGetOperand(U, 0) != d)
			continue;
		all_selects = 0;
		break;
	}
	return all_selects ||
	       nonnull_at_end(f, p, LLVMGetInstructionParent(d), NULL);
}

/* 1 when control reaches the end of block b (an incoming block of phi,
 * or with phi NULL a block that computes something) only after a test
 * found v not null: b is dominated by the non-null side of a branch on
 * `v == null`, taken into a block with that one edge in, or b is the
 * branch's block and the phi's block that side. */
static int nonnull_at_end(h2s_func *f, LLVMValueRef v, LLVMBasicBlockRef b,
			  LLVMValueRef phi)
{
	if (!LLVMIsAInstruction(v) && !LLVMIsAArgument(v))
		return 0;
	for (LLVMUseRef u = LLVMGetFirstUse(v); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef c = LLVMGetUser(u);
		int eq;
		if (!null_test(c, v, &eq))
			continue;
		for (LLVMUseRef cu = LLVMGetFirstUse(c); cu;
		     cu = LLVMGetNextUse(cu)) {
			LLVMValueRef T = LLVMGetUser(cu);
			LLVMBasicBlockRef nn, other, a;
			unsigned ia, inn, ib;
			if (!LLVMIsABranchInst(T) || !LLVMIsConditional(T) ||
			    LLVMGetCondition(T) != c)
				continue;
			a = LLVMGetInstructionParent(T);
			nn = LLVMGetSuccessor(T, eq ? 1 : 0);
			other = LLVMGetSuccessor(T, eq ? 0 : 1);
			if (nn == other)
				continue;
			if (phi && a == b && LLVMGetInstructionParent(phi) == nn)
				return 1;
			if (!f->cfg.idom) {
				cfg_build(&f->cfg, f->fn);
				dom_build(&f->cfg);
			}
			ia = cfg_index(&f->cfg, a);
			inn = cfg_index(&f->cfg, nn);
			ib = cfg_index(&f->cfg, b);
			if (ia == H2S_NONE || inn == H2S_NONE || ib == H2S_NONE ||
			    f->cfg.pred[inn].n != 1 || f->cfg.pred[inn].v[0] != ia)
				continue;
			if (dom_dominates(&f->cfg, inn, ib))
				return 1;
		}
	}
	return 0;
}

/* A phi: a copy of each incoming value, without its null object where
 * the value comes in only after a test found it not null (the loop
 * `while ((p = next(p)))` carries p past its test). */
static void lower_phi(h2s_func *f, LLVMValueRef I)
{
	unsigned n = LLVMCountIncoming(I);
	int ptr = is_pointer(I);
	for (unsigned k = 0; k < n; k++) {
		LLVMValueRef v = LLVMGetIncomingValue(I, k);
		unsigned id = add_edge(f, E_COPY, W_ASSIGN,
				       graph_value_loc(f, v),
				       graph_value_loc(f, I), I);
		if (ptr && id != H2S_NONE &&
		    nonnull_at_end(f, v, LLVMGetIncomingBlock(I, k), I))
			f->g.edges[id].nonnull = 1;
	}
}

void add_pdiff_locs(h2s_func *f, unsigned a, unsigned b,
		    LLVMValueRef inst, int a_nonnull, int b_nonnull)
{
	if (f->npdiff == f->pdiffcap) {
		f->pdiffcap = f->pdiffcap ? 2 * f->pdiffcap : 4;
		f->pdiffs = xrealloc(f->pdiffs, f->pdiffcap * sizeof *f->pdiffs);
	}
	f->pdiffs[f->npdiff].a = a;
	f->pdiffs[f->npdiff].b = b;
	f->pdiffs[f->npdiff].inst = inst;
	f->pdiffs[f->npdiff].done = 0;
	f->pdiffs[f->npdiff].a_nonnull = (unsigned char)a_nonnull;
	f->pdiffs[f->npdiff].b_nonnull = (unsigned char)b_nonnull;
	f->npdiff++;
}

static void add_pdiff(h2s_func *f, LLVMValueRef sub)
{
	LLVMValueRef pa = LLVMGetOperand(LLVMGetOperand(sub, 0), 0);
	LLVMValueRef pb = LLVMGetOperand(LLVMGetOperand(sub, 1), 0);
	add_pdiff_locs(f, graph_value_loc(f, pa), graph_value_loc(f, pb), sub,
		       diff_needs_nonnull(f, sub, pa), diff_needs_nonnull(f, sub, pb));
}

void lower_inst(h2s_func *f, LLVMValueRef I, unsigned *next)
{
	LLVMOpcode op = LLVMGetInstructionOpcode(I);
	unsigned n = (unsigned)LLVMGetNumOperands(I);
	switch (op) {
	case LLVMAlloca: {
		unsigned o = inst_object(f, I, next);
		if (o != H2S_NONE)
			seed(f, graph_value_loc(f, I), o, W_ALLOC, I);
		break;
	}
	case LLVMLoad: {
		unsigned id = add_edge(f, E_LOAD, W_LOAD,
				       graph_value_loc(f, LLVMGetOperand(I, 0)),
				       graph_value_loc(f, I), I);
		mark_tbaa(f, id, I);
		mark_declared(f, id, LLVMGetOperand(I, 0), LLVMTypeOf(I));
		mark_slots(f, id, LLVMGetOperand(I, 0), LLVMTypeOf(I), 1);
		break;
	}
	case LLVMStore:
		if (!rewrites_same_address(LLVMGetOperand(I, 0),
					   LLVMGetOperand(I, 1), 0)) {
			unsigned id = add_edge(f, E_STORE, W_STORE,
					       graph_value_loc(f, LLVMGetOperand(I, 0)),
					       graph_value_loc(f, LLVMGetOperand(I, 1)),
					       I);
			mark_tbaa(f, id, I);
			mark_declared(f, id, LLVMGetOperand(I, 1),
				      LLVMTypeOf(LLVMGetOperand(I, 0)));
			mark_slots(f, id, LLVMGetOperand(I, 1),
				   LLVMTypeOf(LLVMGetOperand(I, 0)), 0);
		}
		break;
	case LLVMAtomicRMW:
	case LLVMAtomicCmpXchg: {
		unsigned addr = graph_value_loc(f, LLVMGetOperand(I, 0));
		add_edge(f, E_LOAD, W_LOAD, addr, graph_value_loc(f, I), I);
		add_edge(f, E_STORE, W_STORE,
			 graph_value_loc(f, LLVMGetOperand(I, n - 1)), addr, I);
		break;
	}
	case LLVMPHI:
		lower_phi(f, I);
		break;
	case LLVMGetElementPtr:
		/* an address computed from a pointer points into its objects
		 * (C gives p + i no other object); the indices' objects
		 * matter only from a null base, `(char *)0 + n`, the integer
		 * idiom for a pointer (an index made of an address exposes
		 * that address where it is made: int_exposes) */
		copy_from(f, I, LLVMGetOperand(I, 0), W_ASSIGN);
		if (is_null_like(LLVMGetOperand(I, 0)))
			copy_operands(f, I, 1);
		break;
	case LLVMBitCast:
	case LLVMAddrSpaceCast:
	case LLVMFreeze:
	case LLVMSelect:
	case LLVMExtractValue:
	case LLVMInsertValue:
	case LLVMExtractElement:
	case LLVMInsertElement:
	case LLVMShuffleVector:
	/* integer arithmetic on loaded pointer bits keeps them; a pointer
	 * difference is an offset (solve.c checks where it goes) */
	case LLVMSub:
		if (!is_pointer_difference(I) && !is_offset_difference(I))
			copy_operands(f, I, 0);
		break;
	case LLVMAdd: case LLVMMul: case LLVMUDiv:
	case LLVMSDiv: case LLVMURem: case LLVMSRem: case LLVMShl:
	case LLVMLShr: case LLVMAShr: case LLVMAnd: case LLVMOr:
	case LLVMXor: case LLVMTrunc: case LLVMZExt: case LLVMSExt:
		copy_operands(f, I, 0);
		break;
	case LLVMIntToPtr: {
		/* a pointer into the objects of the addresses the integer is
		 * made of, or, when it may be made of something else too,
		 * anywhere */
		h2s_map seen = {0};
		unsigned budget = 64;
		int address = 0;
		copy_operands(f, I, 0);
		if (!int_from_addresses(LLVMGetOperand(I, 0), &seen, &budget,
					&address) ||
		    !address)
			seed(f, graph_value_loc(f, I), f->g.unknown_obj,
			     W_OTHER_INST, I);
		map_free(&seen);
		break;
	}
	case LLVMPtrToInt:
		/* the integer stands for the object: comparing it with one
		 * kept from an earlier loop iteration keeps that one alive */
		copy_operands(f, I, 0);
		if (int_exposes(f, I, 0, LLVMGetOperand(I, 0)))
			to_heap(f, LLVMGetOperand(I, 0), W_PTRTOINT, I);
		for (LLVMUseRef u = LLVMGetFirstUse(I); u; u = LLVMGetNextUse(u))
			if (is_pointer_difference(LLVMGetUser(u)) &&
			    LLVMGetOperand(LLVMGetUser(u), 0) == I &&
			    int_exposes(f, LLVMGetUser(u), 0, NULL))
				add_pdiff(f, LLVMGetUser(u));
		break;
	case LLVMRet:
		if (n && !is_narrow_scalar(f, LLVMGetOperand(I, 0)))
			add_edge(f, E_COPY, W_RETURN,
				 graph_value_loc(f, LLVMGetOperand(I, 0)),
				 f->g.result, I);
		break;
	case LLVMCall:
	case LLVMInvoke:
		lower_call(f, I, next);
		break;
	case LLVMCallBr:
		lower_unknown_call(f, I, LLVMGetNumArgOperands(I), W_ASM);
		break;
	/* numbers made from pointer bytes can be turned back into them */
	case LLVMFAdd: case LLVMFSub: case LLVMFMul: case LLVMFDiv:
	case LLVMFRem: case LLVMFNeg: case LLVMFPTrunc: case LLVMFPExt:
	case LLVMFPToUI: case LLVMFPToSI: case LLVMUIToFP: case LLVMSIToFP:
		copy_operands(f, I, 0);
		break;
	case LLVMICmp: case LLVMFCmp: case LLVMBr: case LLVMSwitch:
	case LLVMUnreachable: case LLVMFence:
		break;
	case LLVMVAArg:
	case LLVMLandingPad:
	case LLVMCatchPad:
	case LLVMCleanupPad:
	case LLVMCatchSwitch:
		seed(f, graph_value_loc(f, I), f->g.unknown_obj, W_OTHER_INST, I);
		break;
	default:
		/* Anything not modelled above: its operands escape. */
		for (unsigned k = 0; k < n; k++)
			to_heap(f, LLVMGetOperand(I, k), W_OTHER_INST, I);
		if (LLVMGetTypeKind(LLVMTypeOf(I)) != LLVMVoidTypeKind)
			seed(f, graph_value_loc(f, I), f->g.unknown_obj,
			     W_OTHER_INST, I);
		break;
	}
}

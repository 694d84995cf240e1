/*
 * The allocation sites as the optimisation pipeline starts, so that
 * heap2stack can report the ones LLVM's own optimisations deleted before
 * it ran (a malloc whose block is never read, one folded away after
 * inlining): "does not escape", as Go says of what it removes. The
 * snapshot is named metadata of the module (H2S_SNAPSHOT), one node per
 * allocation call with a debug location:
 *
 *   !{!"function", !"malloc(16)", !"malloc", !DILocation(...), !"16"}
 *
 * (the last: the size when it is constant, else "").
 *
 * It travels with the module (into LTO bitcode, through the link's merge)
 * and the glue erases it when heap2stack runs.
 *
 * An allocation is gone when no allocation call of the module is left at
 * its position to match it: the same line and column in the same scope,
 * where its code is written (inlined copies keep the scope of the function
 * they were written in, so any copy matches). Several allocations at one
 * position (one macro expansion) each need a call of their own, matched
 * by text, then by allocator, then by position alone. A call LLVM merged
 * with another gets a merged location and counts as gone, though a merged
 * call remains, reported at its own position.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static LLVMMetadataRef md_string(LLVMContextRef c, const char *s)
{
	return LLVMMDStringInContext2(c, s, strlen(s));
}

/* Argument i of call as a constant below 2^32, or 0. */
static int small_const(LLVMValueRef call, int i, unsigned long long *v)
{
	LLVMValueRef x = i < 0 ? NULL : LLVMGetOperand(call, (unsigned)i);
	if (!x || !LLVMIsAConstantInt(x) ||
	    LLVMGetIntTypeWidth(LLVMTypeOf(x)) > 64)
		return 0;
	*v = LLVMConstIntGetZExtValue(x);
	return *v < (1ull << 32);
}

static void snapshot_call(void *ctx, LLVMValueRef call, const h2s_allocfn *a)
{
	LLVMModuleRef m = ctx;
	LLVMContextRef c = LLVMGetModuleContext(m);
	LLVMMetadataRef loc = LLVMInstructionGetDebugLoc(call), ops[5];
	LLVMValueRef fn =
		LLVMGetBasicBlockParent(LLVMGetInstructionParent(call));
	unsigned long long size, count = 1;
	h2s_str sz = {0};
	char *text;
	if (!loc)
		return;
	text = alloc_text(a, call, NULL);
	/* the size when it is constant, as the records give it */
	if (small_const(call, a->size_arg, &size) &&
	    (a->count_arg < 0 || small_const(call, a->count_arg, &count)))
		str_printf(&sz, "%llu", size * count);
	ops[0] = md_string(c, fn_name(fn));
	ops[1] = md_string(c, text);
	ops[2] = md_string(c, a->pretty);
	ops[3] = loc;
	ops[4] = md_string(c, sz.s ? sz.s : "");
	LLVMAddNamedMetadataOperand(
		m, H2S_SNAPSHOT,
		LLVMMetadataAsValue(c, LLVMMDNodeInContext2(c, ops, 5)));
	free(sz.s);
	free(text);
}

void h2s_snapshot(LLVMModuleRef m)
{
	if (LLVMGetNamedMetadata(m, H2S_SNAPSHOT, strlen(H2S_SNAPSHOT)))
		return;
	/* in program order, which the remarks of the deleted keep */
	for (LLVMValueRef fn = LLVMGetFirstFunction(m); fn;
	     fn = LLVMGetNextFunction(fn))
		for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(fn); b;
		     b = LLVMGetNextBasicBlock(b))
			for (LLVMValueRef I = LLVMGetFirstInstruction(b); I;
			     I = LLVMGetNextInstruction(I)) {
				const h2s_allocfn *a;
				if ((LLVMIsACallInst(I) || LLVMIsAInvokeInst(I)) &&
				    (a = lib_alloc_call(I)))
					snapshot_call(m, I, a);
			}
}

/* ------------------------------------------------------------- deleted */

/* An allocation call of the module now: where it is written, its
 * allocator and its text. */
typedef struct alive {
	uint64_t key;            /* position_key(loc) */
	LLVMMetadataRef loc;
	const char *allocator;
	char *text;
	int used;                /* matched with an allocation of the snapshot */
} alive;

typedef struct alive_vec {
	alive *v;
	unsigned n, cap;
} alive_vec;

/* A hash of the position where a call is written: scope, line, column. */
static uint64_t position_key(LLVMMetadataRef loc)
{
	uint64_t k = (uint64_t)(uintptr_t)LLVMDILocationGetScope(loc);
	k ^= (uint64_t)LLVMDILocationGetLine(loc) * 0x9e3779b97f4a7c15ull;
	k ^= (uint64_t)LLVMDILocationGetColumn(loc) << 48;
	return k;
}

static int same_position(LLVMMetadataRef a, LLVMMetadataRef b)
{
	return LLVMDILocationGetScope(a) == LLVMDILocationGetScope(b) &&
	       LLVMDILocationGetLine(a) == LLVMDILocationGetLine(b) &&
	       LLVMDILocationGetColumn(a) == LLVMDILocationGetColumn(b);
}

static void alive_call(void *ctx, LLVMValueRef call, const h2s_allocfn *a)
{
	alive_vec *l = ctx;
	LLVMMetadataRef loc = LLVMInstructionGetDebugLoc(call);
	if (!loc)
		return;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = (alive){position_key(loc), loc, a->pretty,
			       alloc_text(a, call, NULL), 0};
}

static int by_key(const void *x, const void *y)
{
	const alive *a = x, *b = y;
	return a->key < b->key ? -1 : a->key > b->key;
}

/* Matches the snapshot's allocation (loc, allocator, text) with an unused
 * call of l at its position: pass 0 wants the same text, pass 1 the same
 * allocator, pass 2 any (the text and even the callee may change under
 * LLVM's optimisations; one macro expansion puts several calls at one
 * position). Returns whether it found one. */
static int match(alive_vec *l, LLVMMetadataRef loc, const char *allocator,
		 const char *text, int pass)
{
	uint64_t key = position_key(loc);
	unsigned lo = 0, hi = l->n;
	while (lo < hi) { /* the first of key */
		unsigned mid = lo + (hi - lo) / 2;
		if (l->v[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (unsigned k = lo; k < l->n && l->v[k].key == key; k++) {
		alive *c = &l->v[k];
		if (c->used || !same_position(c->loc, loc) ||
		    (pass == 0 && strcmp(c->text, text) != 0) ||
		    (pass <= 1 && strcmp(c->allocator, allocator) != 0))
			continue;
		c->used = 1;
		return 1;
	}
	return 0;
}

/* A snapshot node's string operand, or NULL. */
static const char *op_string(LLVMValueRef op)
{
	unsigned len;
	return op ? LLVMGetMDString(op, &len) : NULL;
}

/* Snapshot node `node` into *d (its strings the metadata's own); 0 when it
 * is not one heap2stack wrote. */
static int read_node(LLVMValueRef node, h2s_deleted *d)
{
	LLVMValueRef ops[5];
	if (LLVMGetMDNodeNumOperands(node) != 5)
		return 0;
	LLVMGetMDNodeOperands(node, ops);
	d->function = (char *)op_string(ops[0]);
	d->text = (char *)op_string(ops[1]);
	d->allocator = (char *)op_string(ops[2]);
	d->size = (char *)op_string(ops[4]);
	d->loc = ops[3] ? LLVMValueAsMetadata(ops[3]) : NULL;
	return d->function && d->text && d->allocator && d->size && d->loc &&
	       LLVMGetMetadataKind(d->loc) == LLVMDILocationMetadataKind;
}

unsigned snapshot_deleted(LLVMModuleRef m, h2s_deleted **out)
{
	unsigned n = LLVMGetNamedMetadataNumOperands(m, H2S_SNAPSHOT), nd = 0;
	LLVMValueRef *nodes;
	alive_vec l = {0};
	h2s_deleted *d;
	unsigned char *matched;
	*out = NULL;
	if (!n)
		return 0;
	nodes = xcalloc(n, sizeof *nodes);
	LLVMGetNamedMetadataOperands(m, H2S_SNAPSHOT, nodes);
	lib_each_alloc_call(m, alive_call, &l);
	if (l.n)
		qsort(l.v, l.n, sizeof *l.v, by_key);
	d = xcalloc(n, sizeof *d);
	matched = xcalloc(n, 1);
	for (unsigned i = 0; i < n; i++)
		matched[i] = !read_node(nodes[i], &d[i]);
	for (int pass = 0; pass < 3; pass++)
		for (unsigned i = 0; i < n; i++)
			if (!matched[i])
				matched[i] = (unsigned char)match(
					&l, d[i].loc, d[i].allocator, d[i].text,
					pass);
	/* the gone ones, with strings of their own: the glue erases the
	 * snapshot before the result goes */
	for (unsigned i = 0; i < n; i++)
		if (!matched[i])
			d[nd++] = (h2s_deleted){
				xstrdup(d[i].function), xstrdup(d[i].text),
				xstrdup(d[i].allocator), d[i].loc,
				xstrdup(d[i].size)};
	for (unsigned i = 0; i < l.n; i++)
		free(l.v[i].text);
	free(l.v);
	free(matched);
	free(nodes);
	*out = d;
	return nd;
}

void snapshot_deleted_free(h2s_deleted *d, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		free(d[i].function);
		free(d[i].text);
		free(d[i].allocator);
		free(d[i].size);
	}
	free(d);
}

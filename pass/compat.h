/*
 * Every difference between the supported LLVM releases (19 and 22) lives
 * here, for the C core and for the C++ glue. Nothing else tests
 * LLVM_VERSION_MAJOR.
 *
 *   - lifetime intrinsics: `llvm.lifetime.start(i64 size, ptr)` up to LLVM 21,
 *     `llvm.lifetime.start(ptr)` from LLVM 22;
 *   - capture attributes: `nocapture` up to LLVM 20, `captures(...)` from 21;
 *   - PassPlugin.h moved to llvm/Plugins/ in LLVM 22;
 *   - OptimizerLast extension points gained a ThinOrFullLTOPhase in LLVM 20;
 *   - report_fatal_error is deprecated in LLVM 22 for reportFatalUsageError
 *     (added in LLVM 21).
 */
#ifndef HEAP2STACK_COMPAT_H
#define HEAP2STACK_COMPAT_H

#include <llvm/Config/llvm-config.h>

#if LLVM_VERSION_MAJOR != 19 && LLVM_VERSION_MAJOR != 22
#error "heap2stack supports LLVM 19 and LLVM 22"
#endif

#ifndef __cplusplus

#include <llvm-c/Core.h>
#include <string.h>

/* Emit llvm.lifetime.start (start = 1) or llvm.lifetime.end for the whole of
 * the alloca `slot` of `size` bytes, at the builder's position. */
static inline void compat_lifetime(LLVMBuilderRef b, LLVMModuleRef m,
				   int start, LLVMValueRef slot, uint64_t size)
{
	const char *name = start ? "llvm.lifetime.start" : "llvm.lifetime.end";
	unsigned id = LLVMLookupIntrinsicID(name, strlen(name));
	LLVMTypeRef ptr = LLVMTypeOf(slot);
	LLVMValueRef fn = LLVMGetIntrinsicDeclaration(m, id, &ptr, 1);
	LLVMTypeRef fty = LLVMIntrinsicGetType(LLVMGetModuleContext(m), id,
					       &ptr, 1);
#if LLVM_VERSION_MAJOR >= 22
	(void)size;
	LLVMValueRef args[1] = {slot};
	LLVMBuildCall2(b, fty, fn, args, 1, "");
#else
	LLVMTypeRef i64 = LLVMInt64TypeInContext(LLVMGetModuleContext(m));
	LLVMValueRef args[2] = {LLVMConstInt(i64, size, 0), slot};
	LLVMBuildCall2(b, fty, fn, args, 2, "");
#endif
}

/* Capture behaviour of argument `argno` of a call, from the attributes on the
 * call site and on the called declaration:
 *   0 = may be captured,
 *   1 = not captured (only its address may be compared or returned),
 * and *via_return is set when the result may carry the pointer. */
static inline LLVMAttributeRef compat_param_attr(LLVMValueRef call,
						 LLVMValueRef callee,
						 unsigned argno,
						 const char *name)
{
	unsigned kind = LLVMGetEnumAttributeKindForName(name, strlen(name));
	LLVMAttributeRef a;
	if (!kind)
		return NULL;
	a = LLVMGetCallSiteEnumAttribute(call, argno + 1, kind);
	if (!a && callee && LLVMIsAFunction(callee))
		a = LLVMGetEnumAttributeAtIndex(callee, argno + 1, kind);
	return a;
}

static inline int compat_param_nocapture(LLVMValueRef call,
					 LLVMValueRef callee, unsigned argno,
					 int *via_return)
{
	*via_return = 1;
#if LLVM_VERSION_MAJOR >= 21
	LLVMAttributeRef a = compat_param_attr(call, callee, argno, "captures");
	if (!a)
		return 0;
	uint64_t v = LLVMGetEnumAttributeValue(a);
	/* CaptureInfo: bits 4..7 other components, 0..3 return components;
	 * bits 2..3 of a component are provenance. */
	*via_return = (v & 0xc) != 0;
	return ((v >> 4) & 0xc) == 0;
#else
	return compat_param_attr(call, callee, argno, "nocapture") != NULL;
#endif
}

#else /* __cplusplus */

#include <llvm/Support/ErrorHandling.h>
#include <llvm/BinaryFormat/Dwarf.h>
#include <llvm/IR/DebugInfoMetadata.h>

/* 1 when the compile unit's language is C. LLVM 22 may name it as DWARF
 * 6 does (a language name and a version). */
static inline bool compat_unit_is_c(const llvm::DICompileUnit *CU)
{
#if LLVM_VERSION_MAJOR >= 22
	llvm::DISourceLanguageName L = CU->getSourceLanguage();
	if (L.hasVersionedName())
		return L.getName() == llvm::dwarf::DW_LNAME_C;
	unsigned Lang = L.getUnversionedName();
#else
	unsigned Lang = CU->getSourceLanguage();
#endif
	switch (Lang) {
	case llvm::dwarf::DW_LANG_C:
	case llvm::dwarf::DW_LANG_C89:
	case llvm::dwarf::DW_LANG_C99:
	case llvm::dwarf::DW_LANG_C11:
	case llvm::dwarf::DW_LANG_C17:
		return true;
	default:
		return false;
	}
}

#if LLVM_VERSION_MAJOR >= 22
#include <llvm/Plugins/PassPlugin.h>
#define H2S_EP_PHASE_PARAM , llvm::ThinOrFullLTOPhase Phase
#define H2S_EP_IS_PRELINK                                                      \
	(Phase == llvm::ThinOrFullLTOPhase::ThinLTOPreLink ||                  \
	 Phase == llvm::ThinOrFullLTOPhase::FullLTOPreLink)
#else
#include <llvm/Passes/PassPlugin.h>
/* LLVM 19 does not tell the OptimizerLast callback which LTO phase runs. */
#define H2S_EP_PHASE_PARAM
#define H2S_EP_IS_PRELINK false
#endif

#endif /* __cplusplus */

#endif

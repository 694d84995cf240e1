/*
 * Library knowledge: which calls allocate, which free, and what well-known C
 * library functions do with their pointer arguments.
 *
 * A call is only treated as the library function its callee is named after
 * when the callee is a declaration (a `malloc` defined in the module is the
 * program's own function), the call is not `nobuiltin` (C++ direct calls of
 * `operator new` are; new-expressions carry `builtin`), and the calling
 * function was not compiled with -fno-builtin or -fno-builtin-NAME (clang
 * records those as the "no-builtins" and "no-builtin-NAME" attributes).
 */
#include "internal.h"

#include <string.h>

/* Alignment glibc's malloc and libstdc++'s operator new guarantee on 64-bit
 * targets; transform.c lowers it to 2 * pointer size on 32-bit ones. */
#define MALLOC_ALIGN 16

static const h2s_allocfn allocators[] = {
	{"malloc", AK_MALLOC, 0, -1, -1, 1, "malloc", MALLOC_ALIGN, "malloc"},
	{"calloc", AK_CALLOC, 1, 0, -1, 2, "malloc", MALLOC_ALIGN, "calloc"},
	{"aligned_alloc", AK_ALIGNED, 1, -1, 0, 2, "malloc", MALLOC_ALIGN,
	 "aligned_alloc"},
	{"memalign", AK_ALIGNED, 1, -1, 0, 2, "malloc", MALLOC_ALIGN, "memalign"},
	{"posix_memalign", AK_POSIX_MEMALIGN, 2, -1, 1, 3, "malloc", MALLOC_ALIGN,
	 "posix_memalign"},
	/* the size of a copy is known only at run time: no size argument */
	{"strdup", AK_STRDUP, -1, -1, -1, 1, "malloc", MALLOC_ALIGN, "strdup"},
	{"strndup", AK_STRNDUP, -1, -1, -1, 2, "malloc", MALLOC_ALIGN, "strndup"},
	{"_Znwm", AK_MALLOC, 0, -1, -1, 1, "_Znwm", MALLOC_ALIGN, "new"},
	{"_Znam", AK_MALLOC, 0, -1, -1, 1, "_Znam", MALLOC_ALIGN, "new[]"},
	{"_ZnwmRKSt9nothrow_t", AK_MALLOC, 0, -1, -1, 2, "_Znwm", MALLOC_ALIGN,
	 "new(nothrow)"},
	{"_ZnamRKSt9nothrow_t", AK_MALLOC, 0, -1, -1, 2, "_Znam", MALLOC_ALIGN,
	 "new[](nothrow)"},
	{"_ZnwmSt11align_val_t", AK_ALIGNED, 0, -1, 1, 2, "_Znwm", MALLOC_ALIGN,
	 "new"},
	{"_ZnamSt11align_val_t", AK_ALIGNED, 0, -1, 1, 2, "_Znam", MALLOC_ALIGN,
	 "new[]"},
	{"_ZnwmSt11align_val_tRKSt9nothrow_t", AK_ALIGNED, 0, -1, 1, 3, "_Znwm",
	 MALLOC_ALIGN, "new(nothrow)"},
	{"_ZnamSt11align_val_tRKSt9nothrow_t", AK_ALIGNED, 0, -1, 1, 3, "_Znam",
	 MALLOC_ALIGN, "new[](nothrow)"},
};

static const struct {
	const char *name, *family;
} deallocators[] = {
	{"free", "malloc"},
	{"_ZdlPv", "_Znwm"},
	{"_ZdlPvm", "_Znwm"},
	{"_ZdlPvRKSt9nothrow_t", "_Znwm"},
	{"_ZdlPvSt11align_val_t", "_Znwm"},
	{"_ZdlPvmSt11align_val_t", "_Znwm"},
	{"_ZdlPvSt11align_val_tRKSt9nothrow_t", "_Znwm"},
	{"_ZdaPv", "_Znam"},
	{"_ZdaPvm", "_Znam"},
	{"_ZdaPvRKSt9nothrow_t", "_Znam"},
	{"_ZdaPvSt11align_val_t", "_Znam"},
	{"_ZdaPvmSt11align_val_t", "_Znam"},
	{"_ZdaPvSt11align_val_tRKSt9nothrow_t", "_Znam"},
};

#define N LF_NOCAP
#define R LF_RETALIAS
#define W LF_WRITES
#define O LF_OUT
#define F LF_FORMAT
#define C LF_MEMCPY_SRC

/* Each row: the flags of arguments 0..5, then of any further argument. An
 * argument whose flags are 0 is treated as passed to unknown code. N: not
 * captured; R: the result may point into it; W: written; O: its bytes leave
 * (output, or copied somewhere we do not follow); C: its bytes are copied
 * into argument 0; F: a printf format; LF_RETOTHER: the result may also be
 * the library's own memory. */
static const h2s_libfn libfns[] = {
	{"memcpy", {N | W | R, N | LF_MEMCPY_SRC}, 0},
	{"memmove", {N | W | R, N | LF_MEMCPY_SRC}, 0},
	{"mempcpy", {N | W | R, N | LF_MEMCPY_SRC}, 0},
	{"memset", {N | W | R}, 0},
	{"memcmp", {N, N}, 0},
	{"bcmp", {N, N}, 0},
	{"memchr", {N | R}, 0},
	{"memrchr", {N | R}, 0},
	{"strlen", {N}, 0},
	{"strnlen", {N}, 0},
	{"strcmp", {N, N}, 0},
	{"strncmp", {N, N}, 0},
	{"strcasecmp", {N, N}, 0},
	{"strncasecmp", {N, N}, 0},
	{"strcoll", {N, N}, 0},
	{"strcpy", {N | W | R, N | LF_MEMCPY_SRC}, 0},
	{"strncpy", {N | W | R, N | LF_MEMCPY_SRC}, 0},
	{"stpcpy", {N | W | R, N | LF_MEMCPY_SRC}, 0},
	{"stpncpy", {N | W | R, N | LF_MEMCPY_SRC}, 0},
	{"strcat", {N | W | R, N | LF_MEMCPY_SRC}, 0},
	{"strncat", {N | W | R, N | LF_MEMCPY_SRC}, 0},
	{"strchr", {N | R}, 0},
	{"strrchr", {N | R}, 0},
	{"strchrnul", {N | R}, 0},
	{"strstr", {N | R, N}, 0},
	{"strpbrk", {N | R, N}, 0},
	{"strspn", {N, N}, 0},
	{"strcspn", {N, N}, 0},
	{"strtol", {N, N | LF_ENDPTR}, 0},
	{"strtoul", {N, N | LF_ENDPTR}, 0},
	{"strtoll", {N, N | LF_ENDPTR}, 0},
	{"strtoull", {N, N | LF_ENDPTR}, 0},
	{"strtod", {N, N | LF_ENDPTR}, 0},
	{"strtof", {N, N | LF_ENDPTR}, 0},
	{"strtold", {N, N | LF_ENDPTR}, 0},
	{"atoi", {N}, 0},
	{"atol", {N}, 0},
	{"atoll", {N}, 0},
	{"atof", {N}, 0},
	{"printf", {N | O | F}, N | O},
	{"fprintf", {0, N | O | F}, N | O},
	{"dprintf", {0, N | O | F}, N | O},
	{"sprintf", {N | W, N | C | F}, N | C},
	{"snprintf", {N | W, 0, N | C | F}, N | C},
	{"__printf_chk", {0, N | O | F}, N | O},
	{"__fprintf_chk", {0, 0, N | O | F}, N | O},
	{"__sprintf_chk", {N | W, 0, 0, N | C | F}, N | C},
	{"__snprintf_chk", {N | W, 0, 0, 0, N | C | F}, N | C},
	/* the v* forms: the va_list holds the caller's variadic arguments,
	 * which its own callers sent to {heap} (a variadic argument of a
	 * module function escapes), so it is only read */
	{"vprintf", {N | O | F, N}, 0},
	{"vfprintf", {0, N | O | F, N}, 0},
	{"vsprintf", {N | W, N | F, N}, 0},
	{"vsnprintf", {N | W, 0, N | F, N}, 0},
	{"__vprintf_chk", {0, N | O | F, N}, 0},
	{"__vfprintf_chk", {0, 0, N | O | F, N}, 0},
	{"__vsprintf_chk", {N | W, 0, 0, N | F, N}, 0},
	{"__vsnprintf_chk", {N | W, 0, 0, 0, N | F, N}, 0},
	{"scanf", {N}, N | W},
	{"sscanf", {N, N}, N | W},
	{"fscanf", {0, N}, N | W},
	{"__isoc99_scanf", {N}, N | W},
	{"__isoc99_sscanf", {N, N}, N | W},
	{"__isoc99_fscanf", {0, N}, N | W},
	{"__isoc23_scanf", {N}, N | W},
	{"__isoc23_sscanf", {N, N}, N | W},
	{"__isoc23_fscanf", {0, N}, N | W},
	{"__isoc23_strtol", {N, N | LF_ENDPTR}, 0},
	{"__isoc23_strtoul", {N, N | LF_ENDPTR}, 0},
	{"__isoc23_strtoll", {N, N | LF_ENDPTR}, 0},
	{"__isoc23_strtoull", {N, N | LF_ENDPTR}, 0},
	{"puts", {N | O}, 0},
	{"fputs", {N | O}, 0},
	{"perror", {N | O}, 0},
	{"fwrite", {N | O}, 0},
	{"fread", {N | W}, 0},
	{"fgets", {N | W | R}, 0},
	{"fopen", {N | O, N | O}, 0},
	{"getenv", {N}, 0},
	/* path names: the result is the buffer given (a pointer into it),
	 * or NULL, or the library's own memory */
	{"realpath", {N, N | W | R | LF_RETOTHER}, 0},
	{"dirname", {N | W | R | LF_RETOTHER}, 0},
	{"basename", {N | W | R | LF_RETOTHER}, 0},
	{"__xpg_basename", {N | W | R | LF_RETOTHER}, 0},
	{"write", {0, N | O}, 0},
	{"read", {0, N | W}, 0},
	{"time", {N | W}, 0},
	{"gettimeofday", {N | W, N | W}, 0},
	{"clock_gettime", {0, N | W}, 0},
	{"qsort", {LF_CALLBACK, 0, 0, LF_COMPARATOR}, 0},
	{"bsearch", {LF_CALLBACK, LF_CALLBACK | R, 0, 0, LF_COMPARATOR}, 0},
	{"realloc", {LF_ESCAPE}, 0},
	{"reallocarray", {LF_ESCAPE}, 0},
};

#undef N
#undef R
#undef W
#undef O
#undef F
#undef C

const char *fn_name(LLVMValueRef fn)
{
	size_t len;
	const char *s = fn ? LLVMGetValueName2(fn, &len) : NULL;
	return s ? s : "";
}

int call_has_fn_attr(LLVMValueRef call, const char *name)
{
	unsigned kind = LLVMGetEnumAttributeKindForName(name, strlen(name));
	return kind && LLVMGetCallSiteEnumAttribute(
			       call, LLVMAttributeFunctionIndex, kind) != NULL;
}

int fn_has_attr(LLVMValueRef fn, const char *name)
{
	unsigned kind = LLVMGetEnumAttributeKindForName(name, strlen(name));
	return kind && LLVMGetEnumAttributeAtIndex(
			       fn, LLVMAttributeFunctionIndex, kind) != NULL;
}

int fn_replaceable(LLVMValueRef fn)
{
	LLVMLinkage l = LLVMGetLinkage(fn);
	return l == LLVMWeakAnyLinkage || l == LLVMLinkOnceAnyLinkage ||
	       l == LLVMExternalWeakLinkage || l == LLVMCommonLinkage;
}

static int fn_has_string_attr(LLVMValueRef fn, const char *name)
{
	return LLVMGetStringAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
					     name, strlen(name)) != NULL;
}

/* 1 when call may be treated as a call to the builtin library function
 * named by its callee. */
static int lib_builtin_ok(LLVMValueRef call, LLVMValueRef callee)
{
	static const char prefix[] = "no-builtin-";
	char key[256];
	const char *name;
	size_t len;
	LLVMValueRef caller;
	if (!callee || !LLVMIsAFunction(callee) || !LLVMIsDeclaration(callee))
		return 0;
	if (LLVMGetIntrinsicID(callee))
		return 0;
	if (call_has_fn_attr(call, "nobuiltin"))
		return 0;
	if (fn_has_attr(callee, "nobuiltin") &&
	    !call_has_fn_attr(call, "builtin"))
		return 0;
	caller = LLVMGetBasicBlockParent(LLVMGetInstructionParent(call));
	if (fn_has_string_attr(caller, "no-builtins"))
		return 0;
	/* "no-builtin-NAME", the name cut to fit as snprintf would */
	name = fn_name(callee);
	len = strlen(name);
	if (len > sizeof key - sizeof prefix)
		len = sizeof key - sizeof prefix;
	memcpy(key, prefix, sizeof prefix - 1);
	memcpy(key + sizeof prefix - 1, name, len);
	key[sizeof prefix - 1 + len] = '\0';
	return !fn_has_string_attr(caller, key);
}

static LLVMValueRef direct_callee(LLVMValueRef call)
{
	LLVMValueRef c = LLVMGetCalledValue(call);
	return c && LLVMIsAFunction(c) ? c : NULL;
}

static int is_int(LLVMValueRef v)
{
	return LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMIntegerTypeKind;
}

static int is_ptr(LLVMValueRef v)
{
	return LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMPointerTypeKind;
}

/* The call has the C signature of allocator a (a declaration with another
 * signature is some other function, as LLVM's TargetLibraryInfo says). */
static int alloc_signature_ok(LLVMValueRef call, const h2s_allocfn *a)
{
	if ((int)LLVMGetNumArgOperands(call) != a->nargs)
		return 0;
	if (a->kind == AK_POSIX_MEMALIGN) {
		if (!is_ptr(LLVMGetOperand(call, 0)) || !is_int(call))
			return 0;
	} else if (a->kind == AK_STRDUP || a->kind == AK_STRNDUP) {
		if (!is_ptr(call) || !is_ptr(LLVMGetOperand(call, 0)) ||
		    (a->kind == AK_STRNDUP && !is_int(LLVMGetOperand(call, 1))))
			return 0;
	} else if (!is_ptr(call)) {
		return 0;
	}
	if (a->size_arg >= 0 && !is_int(LLVMGetOperand(call, (unsigned)a->size_arg)))
		return 0;
	if (a->count_arg >= 0 &&
	    !is_int(LLVMGetOperand(call, (unsigned)a->count_arg)))
		return 0;
	return a->align_arg < 0 ||
	       is_int(LLVMGetOperand(call, (unsigned)a->align_arg));
}

/* The name of the declaration call calls directly, or NULL when the callee
 * is no such declaration (intrinsics included). Names are matched against
 * the tables first: lib_builtin_ok, which reads attributes, runs only for a
 * name found there. */
static const char *declared_name(LLVMValueRef call, LLVMValueRef *callee)
{
	*callee = direct_callee(call);
	if (!*callee || !LLVMIsDeclaration(*callee) || LLVMGetIntrinsicID(*callee))
		return NULL;
	return fn_name(*callee);
}

int lib_allocator_name(const char *name)
{
	for (size_t i = 0; i < sizeof allocators / sizeof *allocators; i++)
		if (!strcmp(name, allocators[i].name))
			return 1;
	return 0;
}

const h2s_allocfn *lib_alloc_call(LLVMValueRef call)
{
	LLVMValueRef callee;
	const char *name = declared_name(call, &callee);
	for (size_t i = 0; name && i < sizeof allocators / sizeof *allocators; i++)
		if (!strcmp(name, allocators[i].name))
			return lib_builtin_ok(call, callee) &&
					       alloc_signature_ok(call, &allocators[i])
				       ? &allocators[i]
				       : NULL;
	return NULL;
}

void lib_each_alloc_call(LLVMModuleRef m,
			 void (*fn)(void *ctx, LLVMValueRef call,
				    const h2s_allocfn *a),
			 void *ctx)
{
	for (LLVMValueRef d = LLVMGetFirstFunction(m); d;
	     d = LLVMGetNextFunction(d)) {
		if (!LLVMIsDeclaration(d) || !lib_allocator_name(fn_name(d)))
			continue;
		for (LLVMUseRef u = LLVMGetFirstUse(d); u; u = LLVMGetNextUse(u)) {
			LLVMValueRef U = LLVMGetUser(u);
			const h2s_allocfn *a;
			if ((!LLVMIsACallInst(U) && !LLVMIsAInvokeInst(U)) ||
			    LLVMGetCalledValue(U) != d ||
			    !(a = lib_alloc_call(U)))
				continue;
			fn(ctx, U, a);
		}
	}
}

const char *lib_free_call(LLVMValueRef call)
{
	LLVMValueRef callee;
	const char *name = declared_name(call, &callee);
	if (!name || !LLVMGetNumArgOperands(call) ||
	    !is_ptr(LLVMGetOperand(call, 0)))
		return NULL;
	for (size_t i = 0; i < sizeof deallocators / sizeof *deallocators; i++)
		if (!strcmp(name, deallocators[i].name))
			return lib_builtin_ok(call, callee) ? deallocators[i].family
							    : NULL;
	return NULL;
}

int lib_realloc_call(LLVMValueRef call)
{
	LLVMValueRef callee;
	const char *name = declared_name(call, &callee);
	return name && !strcmp(name, "realloc") && LLVMIsACallInst(call) &&
	       LLVMGetNumArgOperands(call) == 2 && is_ptr(call) &&
	       is_ptr(LLVMGetOperand(call, 0)) &&
	       is_int(LLVMGetOperand(call, 1)) && lib_builtin_ok(call, callee);
}

/* strlen's (bounded: strnlen's) C type for a bits-wide size_t. */
static LLVMTypeRef length_type(LLVMModuleRef m, int bounded, unsigned bits)
{
	LLVMContextRef ctx = LLVMGetModuleContext(m);
	LLVMTypeRef size = LLVMIntTypeInContext(ctx, bits);
	LLVMTypeRef params[2] = {LLVMPointerTypeInContext(ctx, 0), size};
	return LLVMFunctionType(size, params, bounded ? 2 : 1, 0);
}

static const char *length_name(int bounded)
{
	return bounded ? "strnlen" : "strlen";
}

int lib_length_ok(LLVMModuleRef m, int bounded, unsigned bits)
{
	LLVMValueRef fn = LLVMGetNamedFunction(m, length_name(bounded));
	/* absent (it will be declared), or the library's: not the
	 * program's own, nor one with another signature */
	return !fn || (LLVMIsDeclaration(fn) &&
		       LLVMGlobalGetValueType(fn) == length_type(m, bounded, bits));
}

LLVMValueRef lib_length_fn(LLVMModuleRef m, int bounded, unsigned bits)
{
	LLVMValueRef fn = LLVMGetNamedFunction(m, length_name(bounded));
	assert(lib_length_ok(m, bounded, bits));
	return fn ? fn
		  : LLVMAddFunction(m, length_name(bounded),
				    length_type(m, bounded, bits));
}

const h2s_libfn *lib_effects(LLVMValueRef call)
{
	LLVMValueRef callee;
	const char *name = declared_name(call, &callee);
	for (size_t i = 0; name && i < sizeof libfns / sizeof *libfns; i++)
		if (!strcmp(name, libfns[i].name))
			return lib_builtin_ok(call, callee) ? &libfns[i] : NULL;
	return NULL;
}

/* 1 when fmt is a constant string whose conversions print no pointer
 * (%p): then printf's other arguments are read, and their bytes copied,
 * but no address is printed that scanf could turn back into a pointer. */
static int format_prints_no_pointer_at(LLVMValueRef fmt, unsigned depth)
{
	LLVMValueRef init;
	const char *s;
	size_t len;
	/* a choice between constant formats (SimplifyCFG merges calls) */
	if (fmt && depth < 4 && LLVMIsASelectInst(fmt))
		return format_prints_no_pointer_at(LLVMGetOperand(fmt, 1),
						   depth + 1) &&
		       format_prints_no_pointer_at(LLVMGetOperand(fmt, 2),
						   depth + 1);
	if (fmt && depth < 4 && LLVMIsAPHINode(fmt)) {
		for (unsigned i = 0; i < LLVMCountIncoming(fmt); i++)
			if (!format_prints_no_pointer_at(
				    LLVMGetIncomingValue(fmt, i), depth + 1))
				return 0;
		return 1;
	}
	while (fmt && LLVMIsAConstantExpr(fmt))
		fmt = LLVMGetOperand(fmt, 0);
	if (!fmt || !LLVMIsAGlobalVariable(fmt) || !LLVMIsGlobalConstant(fmt))
		return 0;
	init = LLVMGetInitializer(fmt);
	if (!init || !LLVMIsAConstantDataSequential(init) ||
	    !LLVMIsConstantString(init))
		return 0;
	s = LLVMGetAsString(init, &len);
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '%')
			continue;
		i++;
		while (i < len && strchr("-+ #0123456789.*'$hlLqjzt", s[i]))
			i++;
		if (i < len && s[i] == 'p')
			return 0;
	}
	return 1;
}

int lib_format_prints_no_pointer(LLVMValueRef fmt)
{
	return format_prints_no_pointer_at(fmt, 0);
}

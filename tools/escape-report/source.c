/*
 * libclang: positions to source text.
 *
 * The records name positions the way clang's debug information does: the
 * expression location of the code (a call at the start of the callee's
 * name, an assignment at its `=`, a member access at the member, a
 * declaration at the declared name), or the start of a statement. One walk
 * over the AST of the function bodies indexes every expression, statement
 * and declaration under both positions; lookups then pick the best
 * candidate at a position.
 */
#define _GNU_SOURCE
#include "escape-report.h"

#include <clang-c/Index.h>

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

typedef struct sfile {
	CXFile file;
	char *real;            /* canonical path */
	const char *text;      /* contents (owned by the TU) */
	size_t size;
	int main;
} sfile;

typedef struct sfunc {
	char *symbol;          /* mangled name: what the IR calls it */
	char *name;            /* qualified source name */
	unsigned file, soff, eoff;
	unsigned nreturn;      /* return statements in it */
	int last_return;       /* entry index of one of them, or -1 */
} sfunc;

/* An indexed cursor, under one position. */
typedef struct entry {
	unsigned file, line, col;
	unsigned char exprloc; /* the position is the expression location (1)
				* or only the start of the extent (0) */
	unsigned char leaf;    /* a name, literal or implicit node */
	enum CXCursorKind kind;
	unsigned soff, eoff;   /* extent, as offsets into the file */
	int fn;                /* enclosing function or -1 */
	char *callee;          /* calls: the called function's name */
	char *text;            /* Go-style text (shared by an entry's keys) */
	int own_text;
	int is_alloc;          /* a call of a C/C++ allocation function */
	unsigned seq;          /* visiting order */
	/* allocations: where the call is written (in a macro definition,
	 * for a call in a macro body), its text there, and its size in
	 * bytes when constant (-1 otherwise) */
	unsigned sfile, sline, scol;
	char *stext;
	long long size;
} entry;

typedef struct assign {
	unsigned file, soff, eoff; /* the call on the right-hand side */
	char *lhs;
	char *text;
	unsigned line, col;
} assign;

typedef struct decl {
	unsigned file, line, col;
	char *name;
	int param;
	int fn;
} decl;

struct source {
	CXIndex index;
	CXTranslationUnit tu;
	char *dir;             /* directory relative paths are relative to */
	sfile *files;
	unsigned nfiles;
	sfunc *fns;
	unsigned nfns;
	entry *ents;
	unsigned nents, capents;
	assign *assigns;
	unsigned nassigns;
	decl *decls;
	unsigned ndecls;
	int sorted;
	int decls_sorted;      /* decls sorted by file and line */
	unsigned *fn_order;    /* indices of fns sorted by symbol, or NULL */
	int custom_new;        /* the program declares an operator new */
};

/* ------------------------------------------------------------ helpers */

static char *str_of(CXString s)
{
	const char *c = clang_getCString(s);
	char *r = xstrdup(c ? c : "");
	clang_disposeString(s);
	return r;
}

/* Index of file f in s->files, adding it when new; -1 for no file. */
static int file_index(source *s, CXFile f)
{
	if (!f)
		return -1;
	for (unsigned i = 0; i < s->nfiles; i++)
		if (s->files[i].file == f || clang_File_isEqual(s->files[i].file, f))
			return (int)i;
	s->files = xrealloc(s->files, (s->nfiles + 1) * sizeof *s->files);
	sfile *n = &s->files[s->nfiles];
	memset(n, 0, sizeof *n);
	n->file = f;
	{
		char *real = str_of(clang_File_tryGetRealPathName(f));
		if (!*real) {
			char *name = str_of(clang_getFileName(f));
			char *full = path_join(s->dir, name);
			free(real);
			real = canonical(full);
			free(full);
			free(name);
		} else {
			char *c = canonical(real);
			free(real);
			real = c;
		}
		n->real = real;
	}
	n->text = clang_getFileContents(s->tu, f, &n->size);
	return (int)s->nfiles++;
}

enum { LOC_EXPANSION, LOC_FILE, LOC_SPELLING };

/* Position of loc, in one of three ways: where the outermost macro is
 * expanded (LOC_EXPANSION); where clang's debug information puts it
 * (LOC_FILE: SourceManager::getFileLoc, the expansion for code in a macro
 * body, where it is written for code in a macro argument); where its
 * token is written (LOC_SPELLING, in a macro definition for code in a
 * macro body). File index, line, column, offset. */
static int position_as(source *s, CXSourceLocation loc, int how,
		       unsigned *file, unsigned *line, unsigned *col,
		       unsigned *off)
{
	CXFile f;
	unsigned l, c, o;
	int fi;
	if (how == LOC_FILE)
		clang_getFileLocation(loc, &f, &l, &c, &o);
	else if (how == LOC_SPELLING)
		clang_getSpellingLocation(loc, &f, &l, &c, &o);
	else
		clang_getExpansionLocation(loc, &f, &l, &c, &o);
	fi = file_index(s, f);
	if (fi < 0)
		return 0;
	if (file)
		*file = (unsigned)fi;
	if (line)
		*line = l;
	if (col)
		*col = c;
	if (off)
		*off = o;
	return 1;
}

/* Expansion position of loc. */
static int position(source *s, CXSourceLocation loc, unsigned *file,
		    unsigned *line, unsigned *col, unsigned *off)
{
	return position_as(s, loc, LOC_EXPANSION, file, line, col, off);
}

/* Where clang's debug information puts loc, which is where the records
 * put it: clang 22 puts code written in a macro argument where it is
 * written (LOC_FILE), clang 19 at the macro call, as all code in macros
 * (LOC_EXPANSION). */
#ifndef H2S_LLVM_MAJOR
#define H2S_LLVM_MAJOR 0
#endif
#if H2S_LLVM_MAJOR >= 20
#define LOC_DEBUG LOC_FILE
#else
#define LOC_DEBUG LOC_EXPANSION
#endif

static int debug_position(source *s, CXSourceLocation loc, unsigned *file,
			  unsigned *line, unsigned *col, unsigned *off)
{
	return position_as(s, loc, LOC_DEBUG, file, line, col, off);
}

/* LOC_FILE position of loc. */
static int file_position(source *s, CXSourceLocation loc, unsigned *file,
			 unsigned *line, unsigned *col, unsigned *off)
{
	return position_as(s, loc, LOC_FILE, file, line, col, off);
}

/* Line and column of an offset in file fi. (libclang gives the offset
 * of a macro argument as the argument's expansion: LOC_FILE takes it
 * back to where it is written.) */
static int offset_position(source *s, unsigned fi, unsigned off,
			   unsigned *line, unsigned *col)
{
	CXSourceLocation loc =
		clang_getLocationForOffset(s->tu, s->files[fi].file, off);
	unsigned f;
	return position_as(s, loc, LOC_FILE, &f, line, col, NULL) && f == fi;
}

/* Source text between two offsets with whitespace runs collapsed. */
static char *text_between(const sfile *f, unsigned soff, unsigned eoff)
{
	strbuf b = {0};
	int space = 0;
	if (!f->text || soff >= eoff || eoff > f->size)
		return NULL;
	for (unsigned i = soff; i < eoff; i++) {
		unsigned char c = (unsigned char)f->text[i];
		if (isspace(c)) {
			space = 1;
			continue;
		}
		if (space && b.n)
			sb_putc(&b, ' ');
		space = 0;
		sb_putc(&b, (char)c);
	}
	return sb_take(&b);
}

static unsigned call_end(const sfile *f, unsigned off, int macro);

/* The end of the macro call written at offset off of f: `NAME(...)`, or
 * `NAME` (0 when there is no name there). */
static unsigned macro_call_end(const sfile *f, unsigned off)
{
	unsigned i = call_end(f, off, 1);
	if (i || !f->text)
		return i;
	for (i = off; i < f->size && (isalnum((unsigned char)f->text[i]) ||
				      f->text[i] == '_');
	     i++)
		;
	return i > off ? i : 0;
}

/* Extent of cursor c as offsets in one file: the text of the outermost
 * macro call that produces it (the code itself when no macro does), or,
 * when it lies wholly inside one argument of a macro call (both ends
 * expand to the same point), the text of that argument that is it, or of
 * the macro call written in that argument that produces it. */
static int extent(source *s, CXCursor c, unsigned *file, unsigned *soff,
		  unsigned *eoff)
{
	CXSourceRange r = clang_getCursorExtent(c);
	unsigned f1, f2;
	if (!position(s, clang_getRangeStart(r), &f1, NULL, NULL, soff) ||
	    !position(s, clang_getRangeEnd(r), &f2, NULL, NULL, eoff) ||
	    f1 != f2 || *soff > *eoff)
		return 0;
	*file = f1;
	if (*soff == *eoff) {
		unsigned g1, g2, s2, e2;
		if (file_position(s, clang_getRangeStart(r), &g1, NULL, NULL,
				  &s2) &&
		    file_position(s, clang_getRangeEnd(r), &g2, NULL, NULL,
				  &e2) &&
		    g1 == g2 && s2 <= e2) {
			if (s2 == e2)
				e2 = macro_call_end(&s->files[g1], s2);
			if (e2 <= s2)
				return 1;
			*file = g1;
			*soff = s2;
			*eoff = e2;
		}
	}
	return 1;
}

typedef struct kids {
	CXCursor v[8];
	unsigned n;
} kids;

static enum CXChildVisitResult collect(CXCursor c, CXCursor parent,
				       CXClientData d)
{
	kids *k = d;
	(void)parent;
	if (k->n < 8)
		k->v[k->n] = c;
	k->n++;
	return CXChildVisit_Continue;
}

static kids children(CXCursor c)
{
	kids k = {.n = 0};
	clang_visitChildren(c, collect, &k);
	if (k.n > 8)
		k.n = 8;
	return k;
}

/* c without implicit casts, parentheses and casts around it. */
static CXCursor strip(CXCursor c)
{
	for (;;) {
		enum CXCursorKind k = clang_getCursorKind(c);
		kids ch;
		if (k != CXCursor_UnexposedExpr && k != CXCursor_ParenExpr &&
		    k != CXCursor_CStyleCastExpr)
			return c;
		ch = children(c);
		if (!ch.n)
			return c;
		c = ch.v[ch.n - 1]; /* a cast's last child is its operand */
	}
}

static int is_leaf(enum CXCursorKind k)
{
	switch (k) {
	case CXCursor_CallExpr:
	case CXCursor_CXXNewExpr:
	case CXCursor_CXXDeleteExpr:
	case CXCursor_BinaryOperator:
	case CXCursor_CompoundAssignOperator:
	case CXCursor_ReturnStmt:
	case CXCursor_VarDecl:
	case CXCursor_UnaryOperator:
	case CXCursor_ConditionalOperator:
	case CXCursor_ArraySubscriptExpr:
	case CXCursor_MemberRefExpr:
	case CXCursor_CStyleCastExpr:
	case CXCursor_InitListExpr:
	case CXCursor_CompoundLiteralExpr:
	case CXCursor_CXXThrowExpr:
	case CXCursor_StmtExpr:
	case CXCursor_CXXStaticCastExpr:
	case CXCursor_CXXDynamicCastExpr:
	case CXCursor_CXXReinterpretCastExpr:
	case CXCursor_CXXConstCastExpr:
	case CXCursor_CXXFunctionalCastExpr:
	case CXCursor_LambdaExpr:
		return 0;
	default:
		return 1;
	}
}

static const char *const alloc_names[] = {
	"malloc", "calloc", "aligned_alloc", "memalign", "posix_memalign",
	"strdup", "strndup", "operator new", "operator new[]", NULL,
};

static int is_alloc_name(const char *n)
{
	for (int i = 0; alloc_names[i]; i++)
		if (strcmp(n, alloc_names[i]) == 0)
			return 1;
	return 0;
}

/* A new-expression's text: 1 when it calls a replaceable global operator
 * new (`new T`, `new T[n]`, `new (T)`, `new (std::nothrow) T`), 0 for a
 * placement new (`new (buf) T`). */
static int allocating_new(const char *t)
{
	const char *p = t, *open, *q;
	int depth = 0;
	if (strncmp(p, "::", 2) == 0)
		p += 2;
	while (*p == ' ')
		p++;
	if (strncmp(p, "new", 3) != 0)
		return 1;
	p += 3;
	while (*p == ' ')
		p++;
	if (*p != '(')
		return 1;
	open = p;
	for (q = p; *q; q++) {
		if (*q == '(')
			depth++;
		else if (*q == ')' && --depth == 0)
			break;
	}
	if (!*q)
		return 1;
	p = q + 1;
	while (*p == ' ')
		p++;
	if (!(isalpha((unsigned char)*p) || *p == '_' || *p == '(' ||
	      *p == ':'))
		return 1; /* new (T): a parenthesised type */
	/* placement arguments: only nothrow still allocates */
	{
		char *args = xstrndup(open + 1, (size_t)(q - open - 1));
		int nothrow = strcmp(args, "std::nothrow") == 0 ||
			      strcmp(args, "::std::nothrow") == 0 ||
			      strcmp(args, "nothrow") == 0;
		free(args);
		return nothrow;
	}
}

/* ---------------------------------------------------------- indexing */

static unsigned skip_blank(const sfile *f, unsigned off, unsigned end);

/* The value of expression c when it is a non-negative integer constant,
 * else -1. */
static long long eval_size(CXCursor c)
{
	CXEvalResult r = clang_Cursor_Evaluate(c);
	long long v = -1;
	if (!r)
		return -1;
	if (clang_EvalResult_getKind(r) == CXEval_Int) {
		if (clang_EvalResult_isUnsignedInt(r)) {
			unsigned long long u = clang_EvalResult_getAsUnsigned(r);
			v = u > (unsigned long long)LLONG_MAX ? -1 : (long long)u;
		} else {
			v = clang_EvalResult_getAsLongLong(r);
		}
	}
	clang_EvalResult_dispose(r);
	return v < 0 ? -1 : v;
}

/* The size in bytes a call of an allocation function asks for, when
 * constant (what the plugin's records call its size), else -1. */
static long long call_size(CXCursor c, const char *callee)
{
	int n = clang_Cursor_getNumArguments(c), arg;
	if (!strcmp(callee, "strdup") || !strcmp(callee, "strndup"))
		return -1; /* a copy's size is known only at run time */
	if (!strcmp(callee, "calloc")) {
		long long a, b;
		if (n != 2 || (a = eval_size(clang_Cursor_getArgument(c, 0))) < 0 ||
		    (b = eval_size(clang_Cursor_getArgument(c, 1))) < 0 ||
		    (a && b > LLONG_MAX / a))
			return -1;
		return a * b;
	}
	arg = !strcmp(callee, "aligned_alloc") || !strcmp(callee, "memalign")
		      ? 1
		      : !strcmp(callee, "posix_memalign") ? 2 : 0;
	if (arg >= n)
		return -1;
	return eval_size(clang_Cursor_getArgument(c, (unsigned)arg));
}

/* The end of the call written at offset off of f (a name, blanks, then a
 * balanced parenthesised argument list), or 0 when there is none there.
 * The arguments of a function call hold no `;`, `{` or `}` (nor, mostly,
 * do those of a call in a macro definition); those of a macro call may
 * (macro != 0). */
static unsigned call_end(const sfile *f, unsigned off, int macro)
{
	unsigned i = off, depth = 0;
	char quote = 0;
	if (!f->text)
		return 0;
	while (i < f->size && (isalnum((unsigned char)f->text[i]) ||
			       f->text[i] == '_' || f->text[i] == ':'))
		i++;
	if (i == off)
		return 0;
	i = skip_blank(f, i, (unsigned)f->size);
	if (i >= f->size || f->text[i] != '(')
		return 0;
	for (; i < f->size; i++) {
		char ch = f->text[i];
		if (quote) {
			if (ch == '\\')
				i++;
			else if (ch == quote)
				quote = 0;
		} else if (ch == '"' || ch == '\'') {
			quote = ch;
		} else if (ch == '(') {
			depth++;
		} else if (ch == ')' && --depth == 0) {
			return i + 1;
		} else if (!macro && (ch == ';' || ch == '{' || ch == '}')) {
			return 0;
		}
	}
	return 0;
}

typedef struct walk {
	source *s;
	int fn;
} walk;

static entry *add_entry(source *s)
{
	if (s->nents == s->capents) {
		s->capents = s->capents ? 2 * s->capents : 256;
		s->ents = xrealloc(s->ents, s->capents * sizeof *s->ents);
	}
	entry *e = &s->ents[s->nents];
	memset(e, 0, sizeof *e);
	e->seq = s->nents++;
	return e;
}

/* First non-blank offset at or after off in f (comments are not skipped:
 * an operator is rarely preceded by one). */
static unsigned skip_blank(const sfile *f, unsigned off, unsigned end)
{
	while (off < end && off < f->size &&
	       isspace((unsigned char)f->text[off]))
		off++;
	return off;
}

/* The offset of the expression location of c, when it differs from its
 * start: an operator, or a member name. Returns 0 when there is none. */
static int exprloc_offset(source *s, CXCursor c, enum CXCursorKind k,
			  unsigned fi, unsigned soff, unsigned eoff,
			  unsigned *off)
{
	const sfile *f = &s->files[fi];
	kids ch;
	unsigned cf, cs, ce;
	if (!f->text)
		return 0;
	switch (k) {
	case CXCursor_BinaryOperator:
	case CXCursor_CompoundAssignOperator:
	case CXCursor_ConditionalOperator:
		ch = children(c);
		if (!ch.n || !extent(s, ch.v[0], &cf, &cs, &ce) || cf != fi ||
		    ce > eoff)
			return 0;
		*off = skip_blank(f, ce, eoff);
		return *off < eoff;
	case CXCursor_UnaryOperator:
		if (eoff >= soff + 2 && !ispunct((unsigned char)f->text[soff]) &&
		    (strncmp(f->text + eoff - 2, "++", 2) == 0 ||
		     strncmp(f->text + eoff - 2, "--", 2) == 0)) {
			*off = eoff - 2;
			return 1;
		}
		return 0;
	case CXCursor_MemberRefExpr:
	case CXCursor_VarDecl:
	case CXCursor_ParmDecl:
	case CXCursor_DeclRefExpr: {
		unsigned lf, lo;
		if (!debug_position(s, clang_getCursorLocation(c), &lf, NULL, NULL,
			      &lo) ||
		    lf != fi || lo < soff || lo > eoff)
			return 0;
		*off = lo;
		return 1;
	}
	default:
		return 0;
	}
}

/* The initialiser of declaration c (in file fi): its last child when that
 * is an expression written after an `=` that follows the name (not the
 * size of a variable-length array). */
static int var_init(source *s, CXCursor c, unsigned fi, CXCursor *init)
{
	kids ch = children(c);
	unsigned f, so, eo, nf, no;
	const sfile *file = &s->files[fi];
	if (!ch.n || !clang_isExpression(clang_getCursorKind(ch.v[ch.n - 1])) ||
	    !extent(s, ch.v[ch.n - 1], &f, &so, &eo) || f != fi ||
	    !debug_position(s, clang_getCursorLocation(c), &nf, NULL, NULL, &no) ||
	    nf != fi || !file->text || no >= so || so > file->size)
		return 0;
	for (unsigned i = no; i < so; i++)
		if (file->text[i] == '=') {
			*init = ch.v[ch.n - 1];
			return 1;
		}
	return 0;
}

/* Go's text for a declaration: `p = malloc(16)`, or the name. */
static char *decl_text(source *s, CXCursor c, unsigned fi, unsigned eoff)
{
	char *name = str_of(clang_getCursorSpelling(c));
	CXCursor init;
	unsigned f, so, eo;
	if (var_init(s, c, fi, &init) && extent(s, init, &f, &so, &eo) &&
	    eo <= eoff) {
		char *text = text_between(&s->files[fi], so, eo);
		if (text) {
			char *t = xasprintf("%s = %s", name, text);
			free(text);
			free(name);
			return t;
		}
	}
	return name;
}

/* When the right-hand side of an assignment (or a declaration's
 * initialiser) is a call, remembers it for source_assignment(). */
static void note_assign(source *s, CXCursor rhs, const char *lhs,
			const char *text, unsigned fi, unsigned off)
{
	unsigned f, so, eo, line, col;
	CXCursor call = strip(rhs);
	enum CXCursorKind k = clang_getCursorKind(call);
	if (k != CXCursor_CallExpr && k != CXCursor_CXXNewExpr)
		return;
	if (!extent(s, call, &f, &so, &eo) || !offset_position(s, fi, off, &line, &col))
		return;
	s->assigns = xrealloc(s->assigns, (s->nassigns + 1) * sizeof *s->assigns);
	s->assigns[s->nassigns++] = (assign){f, so, eo, xstrdup(lhs),
					     xstrdup(text), line, col};
}

static void add_decl(source *s, CXCursor c, int param, int fn)
{
	unsigned f, line, col;
	if (!debug_position(s, clang_getCursorLocation(c), &f, &line, &col, NULL))
		return;
	s->decls = xrealloc(s->decls, (s->ndecls + 1) * sizeof *s->decls);
	s->decls[s->ndecls++] = (decl){f, line, col,
				       str_of(clang_getCursorSpelling(c)),
				       param, fn};
}

/* For the allocation call c just indexed (the last entry, at fi:line:col,
 * the start of its extent): where it is written, its size, and its key.
 * Its key is where clang's debug information puts it, which the records
 * use (debug_position()): the start of its extent, or elsewhere (clang 22:
 * where its name is written, for a call whose name is in a macro argument
 * and whose extent is a whole macro call, `CALL(malloc, 8)`, or a macro
 * call within an argument of another; clang 19: the macro call, for a
 * call in a macro argument); then an entry there is the one listed, with
 * the call or macro call written there as its text when there is one. */
static void alloc_details(source *s, CXCursor c, enum CXCursorKind k,
			  unsigned fi, unsigned line, unsigned col)
{
	CXSourceLocation start = clang_getRangeStart(clang_getCursorExtent(c));
	entry *e = &s->ents[s->nents - 1];
	unsigned sf, sl, sc, so, kf, kl, kc, ko, end;
	if (k == CXCursor_CallExpr)
		e->size = call_size(c, e->callee);
	if (position_as(s, start, LOC_SPELLING, &sf, &sl, &sc, &so)) {
		e->sfile = sf;
		e->sline = sl;
		e->scol = sc;
		end = k == CXCursor_CallExpr ? call_end(&s->files[sf], so, 0)
					     : 0;
		e->stext = end ? text_between(&s->files[sf], so, end) : NULL;
	} else {
		e->sfile = fi;
		e->sline = line;
		e->scol = col;
	}
	if (!e->stext)
		e->stext = xstrdup(e->text);
	if (debug_position(s, start, &kf, &kl, &kc, &ko) &&
	    (kf != fi || kl != line || kc != col)) {
		entry base = *e, *k2 = add_entry(s);
		unsigned seq = k2->seq;
		end = macro_call_end(&s->files[kf], ko);
		*k2 = base;
		k2->seq = seq;
		k2->file = kf;
		k2->line = kl;
		k2->col = kc;
		k2->exprloc = 1;
		k2->text = end ? text_between(&s->files[kf], ko, end) : NULL;
		if (!k2->text)
			k2->text = xstrdup(base.text);
		k2->callee = xstrdup(base.callee);
		k2->own_text = 1;
		s->ents[s->nents - 2].is_alloc = 0;
		s->ents[s->nents - 2].stext = NULL;
	}
}

/* The text of variable declaration c (in file fi, its extent ending at
 * eoff), as decl_text() gives it; a call that initialises it is noted as
 * assigned to it. */
static char *var_text(source *s, CXCursor c, unsigned fi, unsigned eoff)
{
	CXCursor init;
	unsigned lo, lf;
	char *text = decl_text(s, c, fi, eoff);
	if (var_init(s, c, fi, &init) &&
	    debug_position(s, clang_getCursorLocation(c), &lf, NULL, NULL,
			   &lo) &&
	    lf == fi) {
		char *name = str_of(clang_getCursorSpelling(c));
		note_assign(s, init, name, text, fi, lo);
		free(name);
	}
	return text;
}

/* The name a call or new expression c (written as text) calls, NULL for
 * other kinds of k; *is_alloc says whether it is an allocation. */
static char *callee_of(CXCursor c, enum CXCursorKind k, const char *text,
		       int *is_alloc)
{
	char *callee = NULL;
	*is_alloc = 0;
	if (k == CXCursor_CallExpr) {
		CXCursor ref = clang_getCursorReferenced(c);
		callee = str_of(clang_getCursorSpelling(c));
		if (is_alloc_name(callee) && !clang_Cursor_isNull(ref)) {
			/* the program's own malloc is not the allocator */
			CXCursor def = clang_getCursorDefinition(ref);
			*is_alloc = clang_Cursor_isNull(def);
		}
	} else if (k == CXCursor_CXXNewExpr) {
		*is_alloc = allocating_new(text);
		callee = xstrdup("new");
	}
	return callee;
}

/* When c (of kind k, in file fi from soff to eoff, written as text) is an
 * assignment `lhs = rhs`, notes rhs as assigned to lhs. */
static void note_assign_expr(source *s, CXCursor c, enum CXCursorKind k,
			     unsigned fi, unsigned soff, unsigned eoff,
			     const char *text)
{
	unsigned off, lf, ls, le;
	kids ch;
	if (k != CXCursor_BinaryOperator ||
	    !exprloc_offset(s, c, k, fi, soff, eoff, &off) ||
	    s->files[fi].text[off] != '=' || s->files[fi].text[off + 1] == '=')
		return;
	ch = children(c);
	if (ch.n == 2 && extent(s, ch.v[0], &lf, &ls, &le) && lf == fi) {
		char *lhs = text_between(&s->files[fi], ls, le);
		if (lhs)
			note_assign(s, ch.v[1], lhs, text, fi, off);
		free(lhs);
	}
}

/* A second entry for the last one, at line:col where clang's debug
 * information puts the expression (not the start of its extent); the
 * allocation is listed once, at the first. */
static void add_exprloc_entry(source *s, unsigned line, unsigned col)
{
	entry base = s->ents[s->nents - 1];
	entry *e2 = add_entry(s);
	*e2 = base;
	e2->seq = s->nents - 1;
	e2->line = line;
	e2->col = col;
	e2->exprloc = 1;
	e2->own_text = 0;
	e2->is_alloc = 0; /* listed once */
	e2->stext = NULL;
}

/* Indexes cursor c of kind k: a parameter or variable as a declaration,
 * an assignment's call for source_assignment(), and an entry for each
 * expression, statement or variable, with its text and its callee. */
static void index_cursor(walk *w, CXCursor c, enum CXCursorKind k)
{
	source *s = w->s;
	unsigned fi, soff, eoff, off, line, col;
	entry *e;
	char *text, *callee;
	int is_alloc, has_loc;

	if (k == CXCursor_ParmDecl || k == CXCursor_VarDecl)
		add_decl(s, c, k == CXCursor_ParmDecl, w->fn);
	if (!clang_isExpression(k) && !clang_isStatement(k) &&
	    k != CXCursor_VarDecl)
		return;
	if (k == CXCursor_CompoundStmt || k == CXCursor_DeclStmt ||
	    k == CXCursor_NullStmt)
		return;
	if (!extent(s, c, &fi, &soff, &eoff))
		return;

	text = k == CXCursor_VarDecl ? var_text(s, c, fi, eoff)
				     : text_between(&s->files[fi], soff, eoff);
	if (!text)
		return;
	callee = callee_of(c, k, text, &is_alloc);
	note_assign_expr(s, c, k, fi, soff, eoff, text);

	/* the start of the extent */
	if (!offset_position(s, fi, soff, &line, &col)) {
		free(text);
		free(callee);
		return;
	}
	has_loc = exprloc_offset(s, c, k, fi, soff, eoff, &off) && off != soff;
	e = add_entry(s);
	e->file = fi;
	e->line = line;
	e->col = col;
	e->exprloc = !has_loc;
	e->leaf = (unsigned char)is_leaf(k);
	e->kind = k;
	e->soff = soff;
	e->eoff = eoff;
	e->fn = w->fn;
	e->callee = callee;
	e->text = text;
	e->own_text = 1;
	e->is_alloc = is_alloc;
	e->size = -1;
	if (is_alloc)
		alloc_details(s, c, k, fi, line, col);
	if (has_loc && offset_position(s, fi, off, &line, &col))
		add_exprloc_entry(s, line, col);
	if (k == CXCursor_ReturnStmt && w->fn >= 0) {
		s->fns[w->fn].nreturn++;
		s->fns[w->fn].last_return = (int)s->nents - 1;
	}
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent,
				     CXClientData d);

static int is_function(enum CXCursorKind k)
{
	return k == CXCursor_FunctionDecl || k == CXCursor_CXXMethod ||
	       k == CXCursor_Constructor || k == CXCursor_Destructor ||
	       k == CXCursor_ConversionFunction ||
	       k == CXCursor_FunctionTemplate;
}

/* "ns::Class::method". */
static char *qualified_name(CXCursor c)
{
	char *name = str_of(clang_getCursorSpelling(c));
	for (CXCursor p = clang_getCursorSemanticParent(c);
	     !clang_Cursor_isNull(p) && !clang_isTranslationUnit(clang_getCursorKind(p)) &&
	     !clang_isInvalid(clang_getCursorKind(p));
	     p = clang_getCursorSemanticParent(p)) {
		enum CXCursorKind k = clang_getCursorKind(p);
		if (k != CXCursor_Namespace && k != CXCursor_ClassDecl &&
		    k != CXCursor_StructDecl && k != CXCursor_UnionDecl &&
		    k != CXCursor_ClassTemplate)
			break;
		char *outer = str_of(clang_getCursorSpelling(p));
		char *n = xasprintf("%s::%s", *outer ? outer : "(anonymous)", name);
		free(outer);
		free(name);
		name = n;
	}
	return name;
}

static void enter_function(walk *w, CXCursor c)
{
	source *s = w->s;
	walk inner = *w;
	unsigned fi, so, eo;
	if (!clang_isCursorDefinition(c) || !extent(s, c, &fi, &so, &eo))
		return;
	s->fns = xrealloc(s->fns, (s->nfns + 1) * sizeof *s->fns);
	sfunc *f = &s->fns[s->nfns];
	f->symbol = str_of(clang_Cursor_getMangling(c));
	f->name = qualified_name(c);
	if (!*f->symbol) {
		free(f->symbol);
		f->symbol = xstrdup(f->name);
	}
	f->file = fi;
	f->soff = so;
	f->eoff = eo;
	f->nreturn = 0;
	f->last_return = -1;
	inner.fn = (int)s->nfns++;
	clang_visitChildren(c, visit, &inner);
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent,
				     CXClientData d)
{
	walk *w = d;
	enum CXCursorKind k = clang_getCursorKind(c);
	(void)parent;
	if (clang_Location_isInSystemHeader(clang_getCursorLocation(c)))
		return CXChildVisit_Continue;
	if (is_function(k)) {
		char *n = str_of(clang_getCursorSpelling(c));
		if (strncmp(n, "operator new", 12) == 0)
			w->s->custom_new = 1;
		free(n);
		enter_function(w, c);
		return CXChildVisit_Continue;
	}
	/* the initialiser list of a variable outside functions: data (a
	 * generated table may hold millions of numbers), no code a record
	 * points at */
	if (w->fn < 0 && k == CXCursor_InitListExpr)
		return CXChildVisit_Continue;
	index_cursor(w, c, k);
	return CXChildVisit_Recurse;
}

static int entry_cmp(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return 0;
}

source *source_open(const job *j, const char *opt)
{
	source *s = xcalloc(1, sizeof *s);
	strvec args = {0};
	char *wd = NULL;
	enum CXErrorCode rc;
	s->dir = j->dir ? xstrdup(j->dir) : current_dir();
	for (unsigned i = 0; i < j->args.n; i++)
		sv_push(&args, j->args.v[i]);
	if (opt)
		sv_push(&args, opt);
	if (j->dir) {
		wd = xasprintf("-working-directory=%s", j->dir);
		sv_push(&args, wd);
		free(wd);
	}
	s->index = clang_createIndex(0, 0);
	rc = clang_parseTranslationUnit2(
		s->index, j->src, (const char *const *)args.v, (int)args.n,
		NULL, 0,
		CXTranslationUnit_KeepGoing,
		&s->tu);
	sv_free(&args);
	if (rc != CXError_Success || !s->tu) {
		s->tu = NULL;
		return s;
	}
	{
		CXFile mf = clang_getFile(s->tu, j->src);
		int mi = file_index(s, mf);
		if (mi >= 0)
			s->files[mi].main = 1;
	}
	walk w = {s, -1};
	clang_visitChildren(clang_getTranslationUnitCursor(s->tu), visit, &w);
	return s;
}

static int entry_order(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	int c = entry_cmp(a, b);
	if (c)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Sorted by position, in visiting order (outer first) at one position. */
static void sort_entries(source *s)
{
	if (s->sorted)
		return;
	qsort(s->ents, s->nents, sizeof *s->ents, entry_order);
	s->sorted = 1;
}

int source_ok(const source *s)
{
	return s && s->tu;
}

void source_close(source *s)
{
	if (!s)
		return;
	for (unsigned i = 0; i < s->nents; i++) {
		if (s->ents[i].own_text) {
			free(s->ents[i].text);
			free(s->ents[i].callee);
		}
		free(s->ents[i].stext);
	}
	free(s->ents);
	for (unsigned i = 0; i < s->nfiles; i++)
		free(s->files[i].real);
	free(s->files);
	for (unsigned i = 0; i < s->nfns; i++) {
		free(s->fns[i].symbol);
		free(s->fns[i].name);
	}
	free(s->fns);
	free(s->fn_order);
	for (unsigned i = 0; i < s->nassigns; i++) {
		free(s->assigns[i].lhs);
		free(s->assigns[i].text);
	}
	free(s->assigns);
	for (unsigned i = 0; i < s->ndecls; i++)
		free(s->decls[i].name);
	free(s->decls);
	if (s->tu)
		clang_disposeTranslationUnit(s->tu);
	if (s->index)
		clang_disposeIndex(s->index);
	free(s->dir);
	free(s);
}

/* ------------------------------------------------------------ lookups */

static int find_file(const source *s, const char *real)
{
	for (unsigned i = 0; i < s->nfiles; i++)
		if (strcmp(s->files[i].real, real) == 0)
			return (int)i;
	return -1;
}

/* The entries at file:line:col: [*first, *first + n). */
static unsigned at(source *s, const char *file, unsigned line, unsigned col,
		   unsigned *first)
{
	int fi;
	entry key;
	unsigned lo = 0, hi, n = 0;
	if (!s->tu || !line || (fi = find_file(s, file)) < 0)
		return 0;
	sort_entries(s);
	key.file = (unsigned)fi;
	key.line = line;
	key.col = col;
	hi = s->nents;
	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		if (entry_cmp(&s->ents[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	while (lo + n < s->nents && entry_cmp(&s->ents[lo + n], &key) == 0)
		n++;
	return n;
}

/* Lower is better. */
static int better(const entry *a, const entry *b)
{
	if (a->leaf != b->leaf)
		return a->leaf < b->leaf;
	if (a->exprloc != b->exprloc)
		return a->exprloc > b->exprloc;
	if (a->eoff - a->soff != b->eoff - b->soff)
		return a->eoff - a->soff < b->eoff - b->soff;
	return (a->kind == CXCursor_UnexposedExpr) < (b->kind == CXCursor_UnexposedExpr);
}

static const entry *best_call(source *s, const char *file, unsigned line,
			      unsigned col, const char *allocator)
{
	unsigned first, n = at(s, file, line, col, &first);
	const entry *best = NULL;
	int best_match = 0;
	for (unsigned i = first; i < first + n; i++) {
		const entry *e = &s->ents[i];
		int match;
		if (e->kind != CXCursor_CallExpr && e->kind != CXCursor_CXXNewExpr)
			continue;
		match = 0;
		if (allocator) {
			const char *callee = e->callee;
			if (callee && (strcmp(callee, allocator) == 0 ||
				       (strncmp(allocator, "new", 3) == 0 &&
					(e->kind == CXCursor_CXXNewExpr ||
					 strncmp(callee, "operator new", 12) == 0))))
				match = 1;
		}
		if (!best || match > best_match ||
		    (match == best_match && better(e, best))) {
			best = e;
			best_match = match;
		}
	}
	return best;
}

char *source_call_text(source *s, const char *file, unsigned line,
		       unsigned col, const char *allocator)
{
	const entry *e = best_call(s, file, line, col, allocator);
	return e ? xstrdup(e->text) : NULL;
}

static int contains_offset(const source *s, unsigned fi, unsigned off)
{
	for (unsigned i = 0; i < s->nfns; i++)
		if (s->fns[i].file == fi && s->fns[i].soff <= off &&
		    off <= s->fns[i].eoff)
			return (int)i;
	return -1;
}

char *source_stmt_text(source *s, const char *file, unsigned line,
		       unsigned col, const char *why)
{
	unsigned first, n = at(s, file, line, col, &first);
	const entry *best = NULL;
	for (unsigned i = first; i < first + n; i++)
		if (!best || better(&s->ents[i], best))
			best = &s->ents[i];
	if (best)
		return xstrdup(best->text);
	/* `ret` at a function's closing brace: its return statement */
	if (why && strcmp(why, "return") == 0 && s->tu && line) {
		int fi = find_file(s, file);
		unsigned off, f;
		CXSourceLocation loc;
		if (fi < 0)
			return NULL;
		loc = clang_getLocation(s->tu, s->files[fi].file, line, col ? col : 1);
		if (!position(s, loc, &f, NULL, NULL, &off) || f != (unsigned)fi)
			return NULL;
		int fn = contains_offset(s, (unsigned)fi, off);
		if (fn >= 0 && s->fns[fn].nreturn == 1 && s->fns[fn].last_return >= 0)
			return xstrdup(s->ents[s->fns[fn].last_return].text);
	}
	return NULL;
}

char *source_assignment(source *s, const char *file, unsigned line,
			unsigned col, const char *name, unsigned *aline,
			unsigned *acol)
{
	const entry *call = best_call(s, file, line, col, NULL);
	if (!call)
		return NULL;
	for (unsigned i = 0; i < s->nassigns; i++) {
		const assign *a = &s->assigns[i];
		if (a->file == call->file && a->soff == call->soff &&
		    a->eoff == call->eoff && strcmp(a->lhs, name) == 0) {
			*aline = a->line;
			*acol = a->col;
			return xstrdup(a->text);
		}
	}
	return NULL;
}

static int decl_cmp(const void *a, const void *b)
{
	const decl *x = a, *y = b;
	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

unsigned source_decl_col(source *s, const char *file, unsigned line,
			 const char *name, const char *function, int param)
{
	int fi;
	unsigned found = 0, lo = 0, hi = s->ndecls;
	if (!s->tu || !line || (fi = find_file(s, file)) < 0)
		return 0;
	/* sorted once (stable enough: the first declaration of a name on
	 * a line comes first), then the declarations on file:line */
	if (!s->decls_sorted) {
		if (s->ndecls)
			qsort(s->decls, s->ndecls, sizeof *s->decls, decl_cmp);
		s->decls_sorted = 1;
	}
	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		const decl *d = &s->decls[mid];
		if (d->file < (unsigned)fi ||
		    (d->file == (unsigned)fi && d->line < line))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (unsigned i = lo; i < s->ndecls && s->decls[i].file == (unsigned)fi &&
			      s->decls[i].line == line;
	     i++) {
		const decl *d = &s->decls[i];
		if (d->param != param || strcmp(d->name, name) != 0)
			continue;
		if (d->fn >= 0 && function &&
		    (strcmp(s->fns[d->fn].symbol, function) == 0 ||
		     strcmp(s->fns[d->fn].name, function) == 0))
			return d->col;
		if (!found)
			found = d->col;
	}
	return found;
}

char *source_resolve(source *s, const char *name, const char *joined)
{
	char *real = canonical(joined);
	size_t n;
	int hit = -1;
	if (!s->tu || find_file(s, real) >= 0)
		return real;
	while (strncmp(name, "./", 2) == 0)
		name += 2;
	n = strlen(name);
	for (unsigned i = 0; i < s->nfiles; i++) {
		const char *r = s->files[i].real;
		size_t rn = strlen(r);
		if (rn > n && r[rn - n - 1] == '/' && strcmp(r + rn - n, name) == 0 &&
		    (hit < 0 || s->files[i].main))
			hit = (int)i;
	}
	if (hit >= 0) {
		free(real);
		return xstrdup(s->files[hit].real);
	}
	return real;
}

static const source *fn_sort_source; /* for fn_order_cmp */

static int fn_order_cmp(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
	int c = strcmp(fn_sort_source->fns[x].symbol,
		       fn_sort_source->fns[y].symbol);
	return c ? c : (x > y) - (x < y);
}

const char *source_function_name(source *s, const char *symbol)
{
	unsigned lo = 0, hi = s->nfns;
	if (!s->nfns)
		return NULL;
	if (!s->fn_order) {
		s->fn_order = xcalloc(s->nfns, sizeof *s->fn_order);
		for (unsigned i = 0; i < s->nfns; i++)
			s->fn_order[i] = i;
		fn_sort_source = s;
		qsort(s->fn_order, s->nfns, sizeof *s->fn_order, fn_order_cmp);
	}
	/* the first function with that symbol */
	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		if (strcmp(s->fns[s->fn_order[mid]].symbol, symbol) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->nfns && strcmp(s->fns[s->fn_order[lo]].symbol, symbol) == 0)
		return s->fns[s->fn_order[lo]].name;
	return NULL;
}

unsigned source_allocations(source *s, src_alloc **out)
{
	unsigned n = 0;
	src_alloc *v = NULL;
	sort_entries(s);
	for (unsigned i = 0; i < s->nents; i++) {
		const entry *e = &s->ents[i];
		if (!e->is_alloc || !s->files[e->file].main)
			continue;
		/* a class's or the program's own operator new is no library
		 * allocation: heap2stack does not look at it */
		if (s->custom_new && (e->kind == CXCursor_CXXNewExpr ||
				      strncmp(e->callee, "operator new", 12) == 0))
			continue;
		v = xrealloc(v, (n + 1) * sizeof *v);
		v[n].line = e->line;
		v[n].col = e->col;
		v[n].text = xstrdup(e->text);
		v[n].function = xstrdup(e->fn >= 0 ? s->fns[e->fn].symbol : "");
		v[n].callee = xstrdup(e->callee ? e->callee : "");
		v[n].size = e->size;
		v[n].sfile = xstrdup(s->files[e->sfile].real);
		v[n].sline = e->sline;
		v[n].scol = e->scol;
		v[n].stext = xstrdup(e->stext ? e->stext : e->text);
		n++;
	}
	*out = v;
	return n;
}

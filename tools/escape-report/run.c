/*
 * How each file is compiled: its flags (from a compilation database, read
 * through libclang's CXCompilationDatabase, or from the arguments after
 * `--`), and the run of clang with the plugin that writes the records.
 */
#define _GNU_SOURCE
#include "escape-report.h"

#include <clang-c/CXCompilationDatabase.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

struct db {
	CXCompilationDatabase db;
	char *dir;
};

/* ------------------------------------------- compile_commands.json shape */

/* A strict reader of the JSON of a compilation database, only to say in
 * one line what is wrong with a bad one (libclang prints several lines of
 * its own, and takes a truncated file for a good one). */
typedef struct jreader {
	const char *p, *end, *start;
	char *err;
	size_t errlen;
} jreader;

static unsigned jline(const jreader *r)
{
	unsigned line = 1;
	for (const char *q = r->start; q < r->p; q++)
		line += *q == '\n';
	return line;
}

static int jfail(jreader *r, const char *what)
{
	if (r->p >= r->end)
		snprintf(r->err, r->errlen, "%s, at its end", what);
	else
		snprintf(r->err, r->errlen, "%s, at line %u", what, jline(r));
	return 0;
}

static void jspace(jreader *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' ||
				 *r->p == '\n' || *r->p == '\r'))
		r->p++;
}

/* A string; *empty says whether it is "". */
static int jstring(jreader *r, int *empty)
{
	const char *first;
	if (r->p >= r->end || *r->p != '"')
		return jfail(r, "expected a string");
	first = ++r->p;
	while (r->p < r->end && *r->p != '"') {
		if ((unsigned char)*r->p < 0x20)
			return jfail(r, "control character in a string");
		if (*r->p == '\\') {
			r->p++;
			if (r->p >= r->end || !strchr("\"\\/bfnrtu", *r->p))
				return jfail(r, "bad escape in a string");
		}
		r->p++;
	}
	if (r->p >= r->end)
		return jfail(r, "unterminated string");
	if (empty)
		*empty = r->p == first;
	r->p++;
	return 1;
}

static int jvalue(jreader *r, int depth);

/* Kinds of JSON values, for the shape checks. */
enum { J_OTHER, J_STRING, J_ARRAY, J_OBJECT };

static int jkind(const jreader *r)
{
	if (r->p >= r->end)
		return J_OTHER;
	return *r->p == '"' ? J_STRING
	       : *r->p == '[' ? J_ARRAY
	       : *r->p == '{' ? J_OBJECT
			      : J_OTHER;
}

static int jcontainer(jreader *r, int depth, char close)
{
	r->p++; /* [ or { */
	jspace(r);
	if (r->p < r->end && *r->p == close) {
		r->p++;
		return 1;
	}
	for (;;) {
		jspace(r);
		if (close == '}') {
			if (!jstring(r, NULL))
				return 0;
			jspace(r);
			if (r->p >= r->end || *r->p != ':')
				return jfail(r, "expected ':'");
			r->p++;
			jspace(r);
		}
		if (!jvalue(r, depth + 1))
			return 0;
		jspace(r);
		if (r->p < r->end && *r->p == ',') {
			r->p++;
			continue;
		}
		if (r->p < r->end && *r->p == close) {
			r->p++;
			return 1;
		}
		return jfail(r, close == ']' ? "expected ',' or ']'"
					     : "expected ',' or '}'");
	}
}

static int jvalue(jreader *r, int depth)
{
	static const char *const words[] = {"true", "false", "null"};
	if (depth > 64)
		return jfail(r, "nested too deeply");
	jspace(r);
	if (r->p >= r->end)
		return jfail(r, "expected a value");
	switch (*r->p) {
	case '"':
		return jstring(r, NULL);
	case '[':
		return jcontainer(r, depth, ']');
	case '{':
		return jcontainer(r, depth, '}');
	}
	for (int i = 0; i < 3; i++) {
		size_t n = strlen(words[i]);
		if ((size_t)(r->end - r->p) >= n && !strncmp(r->p, words[i], n)) {
			r->p += n;
			return 1;
		}
	}
	if (*r->p == '-' || (*r->p >= '0' && *r->p <= '9')) {
		const char *q = r->p;
		if (*q == '-')
			q++;
		if (q >= r->end || *q < '0' || *q > '9')
			return jfail(r, "bad number");
		while (q < r->end && strchr("0123456789.eE+-", *q))
			q++;
		r->p = q;
		return 1;
	}
	return jfail(r, "expected a value");
}

/* The value of entry n's "directory", "file" or "command" (k): a string,
 * not empty. */
static int jentry_string(jreader *r, unsigned n, const char *k)
{
	char what[128];
	int empty;
	if (jkind(r) != J_STRING) {
		snprintf(what, sizeof what, "entry %u: \"%s\" is not a string",
			 n, k);
		return jfail(r, what);
	}
	if (!jstring(r, &empty))
		return 0;
	if (empty) {
		snprintf(what, sizeof what, "entry %u: \"%s\" is empty", n, k);
		return jfail(r, what);
	}
	return 1;
}

/* The value of entry n's "arguments": an array of strings, not empty. */
static int jentry_arguments(jreader *r, unsigned n)
{
	char what[128];
	unsigned nargs = 0;
	if (jkind(r) != J_ARRAY) {
		snprintf(what, sizeof what,
			 "entry %u: \"arguments\" is not an array", n);
		return jfail(r, what);
	}
	r->p++;
	for (;;) {
		jspace(r);
		if (r->p < r->end && *r->p == ']') {
			r->p++;
			break;
		}
		if (nargs) {
			if (r->p >= r->end || *r->p != ',')
				return jfail(r, "expected ',' or ']'");
			r->p++;
			jspace(r);
		}
		if (jkind(r) != J_STRING) {
			snprintf(what, sizeof what,
				 "entry %u: an argument is not a string", n);
			return jfail(r, what);
		}
		if (!jstring(r, NULL))
			return 0;
		nargs++;
	}
	if (!nargs) {
		snprintf(what, sizeof what, "entry %u: \"arguments\" is empty",
			 n);
		return jfail(r, what);
	}
	return 1;
}

/* One member of entry n, "key": value, and the ',' after it (or the '}'
 * it stops at). Sets *dir, *file or *cmd when the key is one of those an
 * entry needs. */
static int jentry_member(jreader *r, unsigned n, int *dir, int *file,
			 int *cmd)
{
	const char *key = r->p + 1;
	size_t klen;
	if (!jstring(r, NULL))
		return 0;
	klen = (size_t)(r->p - 1 - key);
	jspace(r);
	if (r->p >= r->end || *r->p != ':')
		return jfail(r, "expected ':'");
	r->p++;
	jspace(r);
#define KEY(k) (klen == strlen(k) && !strncmp(key, k, klen))
	if (KEY("directory") || KEY("file") || KEY("command")) {
		const char *k = KEY("directory") ? "directory"
				: KEY("file")    ? "file"
						 : "command";
		if (!jentry_string(r, n, k))
			return 0;
		*(k[0] == 'd' ? dir : k[0] == 'f' ? file : cmd) = 1;
	} else if (KEY("arguments")) {
		if (!jentry_arguments(r, n))
			return 0;
		*cmd = 1;
	} else if (!jvalue(r, 1)) {
		return 0;
	}
#undef KEY
	jspace(r);
	if (r->p < r->end && *r->p == ',') {
		r->p++;
		jspace(r);
	} else if (r->p >= r->end || *r->p != '}') {
		return jfail(r, "expected ',' or '}'");
	}
	return 1;
}

/* One entry: an object with the strings "directory" and "file", and a
 * non-empty "command" string or "arguments" array of strings. */
static int jentry(jreader *r, unsigned n)
{
	int dir = 0, file = 0, cmd = 0;
	char what[128];
	if (jkind(r) != J_OBJECT) {
		snprintf(what, sizeof what, "entry %u is not an object", n);
		return jfail(r, what);
	}
	r->p++;
	jspace(r);
	while (r->p < r->end && *r->p != '}')
		if (!jentry_member(r, n, &dir, &file, &cmd))
			return 0;
	if (r->p >= r->end)
		return jfail(r, "expected '}'");
	r->p++;
	if (!dir || !file || !cmd) {
		snprintf(what, sizeof what, "entry %u has no %s", n,
			 !dir    ? "\"directory\""
			 : !file ? "\"file\""
				 : "\"command\" or \"arguments\"");
		return jfail(r, what);
	}
	return 1;
}

/* Checks that text is a compilation database: a JSON array of entries.
 * Returns 1, or 0 with what is wrong in err. */
static int db_shape(const char *text, size_t len, char *err, size_t errlen)
{
	jreader r = {text, text + len, text, err, errlen};
	unsigned n = 0;
	if (memchr(text, '\0', len)) {
		snprintf(err, errlen, "not JSON text (it holds a NUL byte)");
		return 0;
	}
	jspace(&r);
	if (r.p >= r.end)
		return jfail(&r, "empty: expected a JSON array of compile "
				 "commands");
	if (jkind(&r) != J_ARRAY)
		return jfail(&r, "expected a JSON array of compile commands");
	r.p++;
	jspace(&r);
	if (r.p < r.end && *r.p == ']')
		r.p++;
	else
		for (;;) {
			jspace(&r);
			if (!jentry(&r, ++n))
				return 0;
			jspace(&r);
			if (r.p < r.end && *r.p == ',') {
				r.p++;
				continue;
			}
			if (r.p < r.end && *r.p == ']') {
				r.p++;
				break;
			}
			return jfail(&r, "expected ',' or ']'");
		}
	jspace(&r);
	if (r.p < r.end)
		return jfail(&r, "text after the array");
	return 1;
}

/* clang_CompilationDatabase_fromDirectory() without the lines libclang
 * prints on stderr (db_shape() has said what is wrong). */
static CXCompilationDatabase quietly_open_db(const char *dir,
					     CXCompilationDatabase_Error *e)
{
	CXCompilationDatabase cdb;
	int saved, null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	fflush(stderr);
	saved = null >= 0 ? fcntl(2, F_DUPFD_CLOEXEC, 3) : -1;
	if (saved >= 0)
		dup2(null, 2);
	cdb = clang_CompilationDatabase_fromDirectory(dir, e);
	if (saved >= 0) {
		dup2(saved, 2);
		close(saved);
	}
	if (null >= 0)
		close(null);
	return cdb;
}

struct db *db_open(const char *build_dir, char *err, size_t errlen)
{
	CXCompilationDatabase_Error e = CXCompilationDatabase_NoError;
	struct stat st;
	struct db *d;
	char *json;
	if (stat(build_dir, &st) != 0) {
		snprintf(err, errlen, "-p %s: %s", build_dir, strerror(errno));
		return NULL;
	}
	if (!S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "-p %s: not a directory", build_dir);
		return NULL;
	}
	json = path_join(build_dir, "compile_commands.json");
	if (access(json, F_OK) != 0) {
		snprintf(err, errlen, "-p %s: no compile_commands.json in it",
			 build_dir);
		free(json);
		return NULL;
	}
	{
		size_t len;
		char *text = read_file(json, &len), why[256];
		if (!text) {
			snprintf(err, errlen, "%s: %s", json, strerror(errno));
			free(json);
			return NULL;
		}
		if (!db_shape(text, len, why, sizeof why)) {
			snprintf(err, errlen,
				 "%s: not a compilation database: %s", json,
				 why);
			free(text);
			free(json);
			return NULL;
		}
		free(text);
	}
	free(json);
	CXCompilationDatabase cdb = quietly_open_db(build_dir, &e);
	if (e != CXCompilationDatabase_NoError || !cdb) {
		snprintf(err, errlen,
			 "-p %s: cannot read its compile_commands.json",
			 build_dir);
		return NULL;
	}
	d = xcalloc(1, sizeof *d);
	d->db = cdb;
	d->dir = xstrdup(build_dir);
	return d;
}

static char *cx(CXString s)
{
	const char *c = clang_getCString(s);
	char *r = xstrdup(c ? c : "");
	clang_disposeString(s);
	return r;
}

void db_files(struct db *d, strvec *out)
{
	CXCompileCommands cmds =
		clang_CompilationDatabase_getAllCompileCommands(d->db);
	unsigned n = cmds ? clang_CompileCommands_getSize(cmds) : 0;
	strvec seen = {0};
	for (unsigned i = 0; i < n; i++) {
		CXCompileCommand c = clang_CompileCommands_getCommand(cmds, i);
		char *dir = cx(clang_CompileCommand_getDirectory(c));
		char *f = cx(clang_CompileCommand_getFilename(c));
		char *full = f[0] == '/' ? xstrdup(f) : path_join(dir, f);
		char *real = canonical(full);
		int dup = 0;
		/* a file compiled twice (two targets) is reported once */
		for (unsigned k = 0; k < seen.n && !dup; k++)
			dup = !strcmp(seen.v[k], real);
		if (!dup) {
			sv_push(&seen, real);
			sv_push(out, full);
		}
		free(dir);
		free(f);
		free(full);
		free(real);
	}
	sv_free(&seen);
	if (cmds)
		clang_CompileCommands_dispose(cmds);
}

void db_close(struct db *d)
{
	if (!d)
		return;
	clang_CompilationDatabase_dispose(d->db);
	free(d->dir);
	free(d);
}

static int starts(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

/* Adds the flags of argv[0..argc) to j->args, without what escape-report
 * sets itself (output, -c, optimisation level, plugins, LTO, dependency
 * and remark files), without those that keep LLVM's passes from running,
 * and without the source file. dir: where relative paths in them are
 * relative to. */
static void add_flags(job *j, char **argv, int argc, const char *dir)
{
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (starts(a, "-O")) {
			/* the build's level: the last one, as for clang */
			free(j->opt);
			j->opt = xstrdup(a);
			continue;
		}
		if (!strcmp(a, "-o") || !strcmp(a, "-MF") || !strcmp(a, "-MT") ||
		    !strcmp(a, "-MQ") || !strcmp(a, "-MJ")) {
			i++;
			continue;
		}
		if (!strcmp(a, "-mllvm") && i + 1 < argc &&
		    starts(argv[i + 1], "-heap2stack-")) {
			i++;
			continue;
		}
		/* flags under which heap2stack would not run */
		if (!strcmp(a, "-Xclang") && i + 1 < argc &&
		    (!strcmp(argv[i + 1], "-disable-llvm-passes") ||
		     !strcmp(argv[i + 1], "-disable-llvm-optzns"))) {
			i++;
			continue;
		}
		if (!strcmp(a, "-mllvm") || !strcmp(a, "-Xclang") ||
		    !strcmp(a, "-x") || !strcmp(a, "-include") ||
		    !strcmp(a, "-I") || !strcmp(a, "-D") || !strcmp(a, "-U") ||
		    !strcmp(a, "-isystem") || !strcmp(a, "-iquote") ||
		    !strcmp(a, "-idirafter") || !strcmp(a, "-target") ||
		    !strcmp(a, "-imacros") || !strcmp(a, "-isysroot")) {
			sv_push(&j->args, a);
			if (i + 1 < argc)
				sv_push(&j->args, argv[++i]);
			continue;
		}
		if (!strcmp(a, "-c") || !strcmp(a, "-S") || !strcmp(a, "-E") ||
		    !strcmp(a, "-emit-llvm") || !strcmp(a, "-fsyntax-only") ||
		    !strcmp(a, "-M") || !strcmp(a, "-MM") || !strcmp(a, "-MD") ||
		    !strcmp(a, "-MMD") || !strcmp(a, "-MP") || !strcmp(a, "-MG") ||
		    !strcmp(a, "-g0") || !strcmp(a, "--") ||
		    starts(a, "-o") || starts(a, "-flto") ||
		    starts(a, "-fno-lto") || starts(a, "-fpass-plugin=") ||
		    starts(a, "-fplugin=") || starts(a, "-MF") ||
		    /* the remark file is escape-report's */
		    starts(a, "-fsave-optimization-record") ||
		    starts(a, "-fno-save-optimization-record") ||
		    starts(a, "-foptimization-record-") ||
		    starts(a, "-MT") || starts(a, "-MQ") || starts(a, "-MJ"))
			continue;
		if (a[0] != '-') {
			/* the source file itself */
			char *full = path_join(dir, a), *c = canonical(full);
			int same = strcmp(c, j->abs) == 0;
			free(full);
			free(c);
			if (same)
				continue;
		}
		sv_push(&j->args, a);
	}
}

/* The file can be read and is text: no NUL byte (a binary file, or a
 * source clang would compile with the NULs dropped, so that the columns
 * of the report would not be the file's). Returns 0, or -1 with a message
 * in err. */
static int source_text_check(const char *file, char *err, size_t errlen)
{
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	char buf[65536];
	ssize_t n;
	unsigned line = 1;
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", file, strerror(errno));
		return -1;
	}
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		const char *nul;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			snprintf(err, errlen, "%s: %s", file, strerror(errno));
			close(fd);
			return -1;
		}
		nul = memchr(buf, '\0', (size_t)n);
		for (const char *q = buf; q < (nul ? nul : buf + n); q++)
			line += *q == '\n';
		if (nul) {
			snprintf(err, errlen,
				 "%s: not a C or C++ source file: it holds a "
				 "NUL byte (line %u)",
				 file, line);
			close(fd);
			return -1;
		}
	}
	close(fd);
	return 0;
}

/* The language clang compiles j's file as must be C or C++: given by the
 * last -x in its flags, else by the file's name as clang reads it. A .ll
 * is LLVM IR, a .s assembly, a .txt or an unknown name a linker input:
 * then the plugin would see no C, or nothing at all. Returns 0, or -1 with
 * a message in err. */
static int language_check(const job *j, char *err, size_t errlen)
{
	static const char *const exts[] = {
		"c", "i", "cc", "cp", "cxx", "cpp", "CPP", "c++", "C", "ii",
		NULL,
	};
	static const char *const langs[] = {
		"c", "c++", "cpp-output", "c++-cpp-output", NULL,
	};
	const char *lang = NULL, *dot, *base;
	for (unsigned i = 0; i < j->args.n; i++) {
		const char *a = j->args.v[i];
		if (!strcmp(a, "-x") && i + 1 < j->args.n)
			lang = j->args.v[++i];
		else if (!strncmp(a, "-x", 2) && a[2])
			lang = a + 2;
	}
	if (lang && strcmp(lang, "none") != 0) {
		for (int k = 0; langs[k]; k++)
			if (!strcmp(lang, langs[k]))
				return 0;
		snprintf(err, errlen,
			 "%s: not compiled as C or C++ (-x %s): escape-report "
			 "reports C and C++ files",
			 j->file, lang);
		return -1;
	}
	base = strrchr(j->src, '/');
	base = base ? base + 1 : j->src;
	dot = strrchr(base, '.');
	if (dot)
		for (int k = 0; exts[k]; k++)
			if (!strcmp(dot + 1, exts[k]))
				return 0;
	snprintf(err, errlen,
		 "%s: not a C or C++ source file: clang takes %s for %s "
		 "(for C or C++ with another name: -- -x c or -- -x c++)",
		 j->file,
		 dot ? dot : "a name without an extension",
		 dot && !strcmp(dot, ".ll")   ? "LLVM IR"
		 : dot && !strcmp(dot, ".bc") ? "LLVM bitcode"
		 : dot && (!strcmp(dot, ".s") || !strcmp(dot, ".S"))
			 ? "assembly"
		 : dot && (!strcmp(dot, ".h") || !strcmp(dot, ".hpp") ||
			   !strcmp(dot, ".hh"))
			 ? "a header to precompile"
			 : "a linker input");
	return -1;
}

/* file can be compiled: a regular file holding text. Returns 0, or -1
 * with a message in err. */
static int input_check(const char *file, char *err, size_t errlen)
{
	struct stat st;
	if (stat(file, &st) != 0) {
		snprintf(err, errlen, "%s: %s", file, strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s: is a directory", file);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		/* clang would wait forever on a FIFO, or read a device */
		snprintf(err, errlen, "%s: not a regular file", file);
		return -1;
	}
	if (source_text_check(file, err, errlen) != 0)
		return -1;
	return 0;
}

/* The command of db's entry for the file abs (canonical), or NULL; *cmds
 * holds it (or is NULL) and is the caller's to dispose of. */
static CXCompileCommand db_command(struct db *db, const char *abs,
				   CXCompileCommands *cmds)
{
	/* libclang's JSON database invents commands for files it does not
	 * list (from a "nearby" entry): look for the file among the entries
	 * instead */
	unsigned n;
	CXCompileCommand cmd = NULL;
	*cmds = clang_CompilationDatabase_getAllCompileCommands(db->db);
	n = *cmds ? clang_CompileCommands_getSize(*cmds) : 0;
	for (unsigned i = 0; i < n && !cmd; i++) {
		CXCompileCommand c = clang_CompileCommands_getCommand(*cmds, i);
		char *d = cx(clang_CompileCommand_getDirectory(c));
		char *f = cx(clang_CompileCommand_getFilename(c));
		char *full = path_join(d, f), *real = canonical(full);
		if (strcmp(real, abs) == 0)
			cmd = c;
		free(d);
		free(f);
		free(full);
		free(real);
	}
	return cmd;
}

/* Frees the n strings of argv, and argv. */
static void free_argv(char **argv, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		free(argv[i]);
	free(argv);
}

/* j's directory, source and flags from the entry of db that compiles
 * file. Returns 0, or -1 with a message in err. */
static int job_from_db(job *j, const char *file, struct db *db, char *err,
		       size_t errlen)
{
	CXCompileCommands cmds;
	CXCompileCommand cmd = db_command(db, j->abs, &cmds);
	struct stat st;
	unsigned nargs;
	char **argv;
	int bad;
	if (!cmd) {
		if (cmds)
			clang_CompileCommands_dispose(cmds);
		snprintf(err, errlen,
			 "%s: not in the compilation database "
			 "%s/compile_commands.json",
			 file, db->dir);
		return -1;
	}
	nargs = clang_CompileCommand_getNumArgs(cmd);
	argv = xcalloc(nargs + 1, sizeof *argv);
	for (unsigned i = 0; i < nargs; i++)
		argv[i] = cx(clang_CompileCommand_getArg(cmd, i));
	j->dir = cx(clang_CompileCommand_getDirectory(cmd));
	j->src = cx(clang_CompileCommand_getFilename(cmd));
	bad = stat(j->dir, &st) != 0 ? errno
	      : !S_ISDIR(st.st_mode) ? ENOTDIR
				     : 0;
	if (bad) {
		snprintf(err, errlen,
			 "%s: the directory of its compile command in "
			 "%s/compile_commands.json, %s: %s",
			 file, db->dir, j->dir, strerror(bad));
		free_argv(argv, nargs);
		clang_CompileCommands_dispose(cmds);
		return -1;
	}
	if (!*j->src) {
		free(j->src);
		j->src = xstrdup(j->abs);
	}
	/* argv[0] is the compiler the project uses: ours replaces it */
	if (nargs > 1)
		add_flags(j, argv + 1, (int)nargs - 1, j->dir);
	free_argv(argv, nargs);
	clang_CompileCommands_dispose(cmds);
	return 0;
}

/* How file is compiled: its entry in db (NULL: none), then extra. Returns
 * 0, or -1 with a message in err. */
int job_init(job *j, const char *file, struct db *db, char **extra,
	     int nextra, char *err, size_t errlen)
{
	memset(j, 0, sizeof *j);
	j->file = xstrdup(file);
	if (input_check(file, err, errlen) != 0)
		return -1;
	j->abs = canonical(file);
	if (db) {
		if (job_from_db(j, file, db, err, errlen) != 0)
			return -1;
	} else {
		j->src = xstrdup(file);
	}
	add_flags(j, extra, nextra, NULL);
	return language_check(j, err, errlen);
}

void job_free(job *j)
{
	free(j->file);
	free(j->abs);
	free(j->dir);
	free(j->src);
	free(j->opt);
	sv_free(&j->args);
}

/* The process run() waits for (0: none), in a process group of its own,
 * and whether its time is up. */
static volatile pid_t running;
static volatile sig_atomic_t time_up;

static void on_alarm(int sig)
{
	(void)sig;
	time_up = 1;
	if (running > 0)
		kill(-running, SIGKILL);
}

void kill_running(void)
{
	if (running > 0)
		kill(-running, SIGKILL);
}

/* Closes both ends of a pipe (none when fd[0] < 0), keeping errno. */
static void close_pipe(const int fd[2])
{
	int e = errno;
	if (fd[0] >= 0) {
		close(fd[0]);
		close(fd[1]);
	}
	errno = e;
}

/* In run()'s child: tells the parent errno through fd, and exits. */
static _Noreturn void child_fail(int fd)
{
	int e = errno;
	if (write(fd, &e, sizeof e) < 0)
		_exit(127);
	_exit(127);
}

/* run()'s child: in a process group of its own, its stdout (with all, its
 * stderr too) on the pipe pfd when given, else on our stderr; runs argv
 * in dir, or reports why it could not on the close-on-exec pipe epfd. */
static _Noreturn void run_child(char *const *argv, const char *dir,
				const int *pfd, int all, const int epfd[2])
{
	setpgid(0, 0);
	close(epfd[0]);
	if (pfd) {
		close(pfd[0]);
		dup2(pfd[1], 1);
		if (all)
			dup2(pfd[1], 2);
		close(pfd[1]);
	} else {
		dup2(2, 1);
	}
	if (dir && chdir(dir) != 0)
		child_fail(epfd[1]);
	execv(argv[0], argv);
	child_fail(epfd[1]);
}

/* Kills the running process group in timeout seconds (on_alarm). */
static void arm_timeout(unsigned timeout)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm; /* no SA_RESTART: reads stop */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	alarm(timeout);
}

/* Appends what can be read from fd, to its end, to out; closes fd. */
static void capture(int fd, strbuf *out)
{
	char chunk[4096];
	ssize_t n;
	while ((n = read(fd, chunk, sizeof chunk)) > 0 ||
	       (n < 0 && errno == EINTR))
		for (ssize_t i = 0; i < n; i++)
			sb_putc(out, chunk[i]);
	close(fd);
}

/* The errno run_child() reported on fd, 0 when it ran argv; closes fd. */
static int child_errno(int fd)
{
	int e = 0;
	ssize_t n;
	while ((n = read(fd, &e, sizeof e)) < 0 && errno == EINTR)
		;
	if (n <= 0)
		e = 0;
	close(fd);
	return e;
}

/* Waits for run()'s child pid, then stops the timeout. Returns its wait
 * status, or -1 with errno (ETIMEDOUT: its time was up; exec_errno: it
 * could not be run). */
static int reap(pid_t pid, int exec_errno)
{
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			alarm(0);
			running = 0;
			return -1;
		}
	alarm(0);
	running = 0;
	if (time_up) {
		errno = ETIMEDOUT;
		return -1;
	}
	if (exec_errno) {
		errno = exec_errno;
		return -1;
	}
	return status;
}

/* Runs argv (NULL-terminated) in dir (NULL: here), for at most timeout
 * seconds (0: no limit; then it and its children are killed). With out,
 * its stdout (and with all, its stderr too) is captured there; otherwise
 * it goes to our stderr, like its stderr. Returns the wait status, or -1
 * with errno when it could not be run (ETIMEDOUT: its time was up). */
static int run(char *const *argv, const char *dir, strbuf *out, int all,
	       unsigned timeout)
{
	int pfd[2] = {-1, -1}, epfd[2], exec_errno;
	pid_t pid;
	if (out && pipe(pfd) != 0)
		return -1;
	/* the child reports a failed exec through a close-on-exec pipe */
	if (pipe2(epfd, O_CLOEXEC) != 0) {
		close_pipe(pfd);
		return -1;
	}
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		close_pipe(epfd);
		close_pipe(pfd);
		return -1;
	}
	if (pid == 0)
		run_child(argv, dir, out ? pfd : NULL, all, epfd);
	setpgid(pid, pid);
	running = pid;
	time_up = 0;
	if (timeout)
		arm_timeout(timeout);
	close(epfd[1]);
	if (out) {
		close(pfd[1]);
		capture(pfd[0], out);
	}
	exec_errno = child_errno(epfd[0]);
	return reap(pid, exec_errno);
}

int check_clang(const config *cfg, int major, char *err, size_t errlen)
{
	char *argv[] = {(char *)cfg->clang, "--version", NULL};
	strbuf out = {0};
	int status = run(argv, NULL, &out, 0, cfg->timeout), v = -1;
	const char *p;
	if (status < 0) {
		snprintf(err, errlen,
			 "cannot run clang '%s': %s (set HEAP2STACK_CLANG to "
			 "the clang of LLVM %d)",
			 cfg->clang, strerror(errno), major);
		free(out.s);
		return -1;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		snprintf(err, errlen, "'%s --version' failed", cfg->clang);
		free(out.s);
		return -1;
	}
	if (out.s && (p = strstr(out.s, "clang version ")))
		v = atoi(p + strlen("clang version "));
	if (v != major) {
		const char *nl = out.s ? strchr(out.s, '\n') : NULL;
		int len = out.s ? (int)(nl ? nl - out.s : (long)strlen(out.s)) : 0;
		snprintf(err, errlen,
			 "'%s' is not the clang of LLVM %d, which this "
			 "escape-report and its plugin are built for (it says "
			 "\"%.*s\"); set HEAP2STACK_CLANG to the clang of LLVM %d",
			 cfg->clang, major, len, out.s ? out.s : "", major);
		free(out.s);
		return -1;
	}
	free(out.s);
	return 0;
}

const char *job_level(const config *cfg, const job *j, int *demoted)
{
	static const char *const runs[] = {"-O", "-O1", "-O2", "-O3", "-O4",
					   "-Os", "-Oz", "-Og", "-Ofast"};
	if (demoted)
		*demoted = 0;
	if (cfg->opt_given || !j || !j->opt)
		return cfg->opt;
	for (size_t i = 0; i < sizeof runs / sizeof *runs; i++)
		if (!strcmp(j->opt, runs[i]))
			return j->opt;
	if (demoted)
		*demoted = 1;
	return cfg->opt;
}

/* clang, the plugin and its records option, for a compile of src. */
static void compile_command(strvec *argv, const config *cfg, const job *j,
			    const char *records_path, const char *src)
{
	char *a;
	sv_push(argv, cfg->clang);
	for (unsigned i = 0; j && i < j->args.n; i++)
		sv_push(argv, j->args.v[i]);
	sv_push(argv, job_level(cfg, j, NULL));
	sv_push(argv, "-g");
	/* clang 19 parses -mllvm options before it loads pass plugins:
	 * -fplugin loads the plugin first */
	a = xasprintf("-fplugin=%s", cfg->plugin);
	sv_push(argv, a);
	free(a);
	a = xasprintf("-fpass-plugin=%s", cfg->plugin);
	sv_push(argv, a);
	free(a);
	/* the records: heap2stack's remarks, in LLVM's YAML remark format
	 * (clang 19 cannot write bitstream remarks for ELF targets) */
	a = xasprintf("-foptimization-record-file=%s", records_path);
	sv_push(argv, a);
	free(a);
	sv_push(argv, "-fsave-optimization-record=yaml");
	sv_push(argv, "-foptimization-record-passes=^heap2stack$");
	sv_push(argv, "-Wno-unused-command-line-argument");
	sv_push(argv, "-fno-crash-diagnostics");
	sv_push(argv, "-c");
	sv_push(argv, "-emit-llvm");
	sv_push(argv, "-o");
	sv_push(argv, "/dev/null");
	if (!j)
		sv_push(argv, "-xc"); /* src is the probe's */
	sv_push(argv, src);
}

/* The line of clang's output that says what went wrong. */
static char *telling_line(const char *out)
{
	static const char *const keys[] = {"heap2stack", "error:",
					   "Unknown command line argument",
					   NULL};
	for (int k = 0; keys[k]; k++) {
		const char *p = out ? strstr(out, keys[k]) : NULL;
		if (p) {
			const char *b = p, *e = strchr(p, '\n');
			while (b > out && b[-1] != '\n')
				b--;
			return xstrndup(b, e ? (size_t)(e - b) : strlen(b));
		}
	}
	return NULL;
}

/* A source file of the probe: one allocation, which escapes. */
static const char probe_source[] =
	"void *malloc(unsigned long);\n"
	"void *heap2stack_probe(void) { return malloc(1); }\n";

int temp_file(char *path, size_t size, const char *tmpl, char *err,
		     size_t errlen)
{
	const char *tmpdir = getenv("TMPDIR");
	int fd;
	if (!tmpdir || !*tmpdir)
		tmpdir = "/tmp";
	snprintf(path, size, "%s/%s-XXXXXX", tmpdir, tmpl);
	fd = mkstemp(path);
	if (fd < 0) {
		snprintf(err, errlen, "cannot create a temporary file in %s: %s",
			 tmpdir, strerror(errno));
		return -1;
	}
	close(fd);
	return 0;
}

int check_plugin(const config *cfg, char *err, size_t errlen)
{
	strvec argv = {0};
	strbuf out = {0};
	char path[4096], src[4096], perr[256];
	char *text, *line;
	records rec = {0};
	size_t len;
	FILE *fp;
	int status, ok;
	if (temp_file(path, sizeof path, "escape-report-probe", err, errlen))
		return -1;
	if (temp_file(src, sizeof src, "escape-report-probe-src", err,
		      errlen)) {
		unlink(path);
		return -1;
	}
	fp = fopen(src, "w");
	if (fp) {
		fputs(probe_source, fp);
		fclose(fp);
	}
	compile_command(&argv, cfg, NULL, path, src);
	status = run(argv.v, NULL, &out, 1, cfg->timeout);
	sv_free(&argv);
	unlink(src);
	text = read_file(path, &len);
	unlink(path);
	/* the plugin ran when it reported the probe's allocation */
	ok = status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
	     text && records_parse(text, len, &rec, perr, sizeof perr) == 0 &&
	     rec.nsites == 1;
	records_free(&rec);
	free(text);
	if (ok) {
		free(out.s);
		return 0;
	}
	line = telling_line(out.s);
	if (status < 0)
		snprintf(err, errlen, "cannot run clang '%s': %s", cfg->clang,
			 strerror(errno));
	else if (WIFSIGNALED(status) ||
		 (WIFEXITED(status) && WEXITSTATUS(status) >= 128))
		snprintf(err, errlen,
			 "clang '%s' crashes when it loads the heap2stack "
			 "plugin '%s' (built for another LLVM release?)",
			 cfg->clang, cfg->plugin);
	else
		snprintf(err, errlen,
			 "the heap2stack plugin '%s' does not work in clang "
			 "'%s': %s",
			 cfg->plugin, cfg->clang,
			 line ? line : "it reported nothing on a probe file");
	free(line);
	free(out.s);
	return -1;
}

int run_compile(const config *cfg, const job *j, const char *records_path,
		char *err, size_t errlen)
{
	strvec argv = {0};
	int status;
	compile_command(&argv, cfg, j, records_path, j->src);
	if (getenv("ESCAPE_REPORT_VERBOSE")) {
		fprintf(stderr, PROG ":");
		for (unsigned i = 0; i < argv.n; i++)
			fprintf(stderr, " %s", argv.v[i]);
		fprintf(stderr, "\n");
	}
	status = run(argv.v, j->dir, NULL, 0, cfg->timeout);
	sv_free(&argv);
	if (status < 0 && errno == ETIMEDOUT) {
		snprintf(err, errlen,
			 "%s: clang did not finish in %u s; killed "
			 "(--timeout=SECONDS sets the limit, 0 none)",
			 j->file, cfg->timeout);
		return -1;
	}
	if (status < 0) {
		snprintf(err, errlen, "%s: cannot run clang '%s': %s", j->file,
			 cfg->clang, strerror(errno));
		return -1;
	}
	if (WIFSIGNALED(status)) {
		snprintf(err, errlen, "%s: clang was killed by signal %d (%s)",
			 j->file, WTERMSIG(status), strsignal(WTERMSIG(status)));
		return -1;
	}
	if (WEXITSTATUS(status) != 0) {
		snprintf(err, errlen,
			 "%s: compilation failed (clang exited with status %d)",
			 j->file, WEXITSTATUS(status));
		return -1;
	}
	return 0;
}

/*
 * escape-report: Go-style escape reports for C files.
 *
 * The tool decides nothing. It compiles each file with the clang of the LLVM
 * release it was built for and the heap2stack plugin, reads the records the
 * plugin writes of its decisions (its optimization remarks, in the YAML
 * file of -fsave-optimization-record), and uses
 * libclang to turn the positions in them into source text: the allocation
 * expression as written, parameter and variable columns, the statements of
 * a flow. docs/escape-report.md describes the output.
 *
 * Files:
 *   util.c     strings, buffers, paths
 *   records.c  the record format the plugin writes
 *   run.c      compilation database, running clang
 *   source.c   libclang: positions to source text
 *   report.c   findings, the -m / -m=2 / -json output, the heap gate
 *   batch.c    several files: prepared, compiled -j at a time, read in order
 *   sarif.c    the -sarif output
 *   html.c     -html: the findings on annotated source pages
 *   profile.c  --profile: run-time counts from heap2stack-profile
 *   main.c     the command line
 */
#ifndef ESCAPE_REPORT_H
#define ESCAPE_REPORT_H

#include <stddef.h>

#ifndef PROG
#define PROG "escape-report"
#endif
/* heap2stack's version and the LLVM release (CMake defines both) */
#ifndef H2S_VERSION
#define H2S_VERSION "0"
#endif
#ifndef H2S_LLVM_MAJOR
#define H2S_LLVM_MAJOR 0
#endif

/* ------------------------------------------------------------------ util.c */

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

typedef struct strbuf {
	char *s;
	size_t n, cap;
} strbuf;

void sb_putc(strbuf *b, char c);
void sb_puts(strbuf *b, const char *s);
void sb_printf(strbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A JSON string literal, quotes included. */
void sb_json(strbuf *b, const char *s);
/* The n bytes of s as HTML (or XML) text or attribute value: markup
 * escaped, bytes that are not UTF-8 as U+FFFD (as sb_json). */
void sb_html(strbuf *b, const char *s, size_t n);
/* The buffer's string (never NULL); the buffer is left empty. */
char *sb_take(strbuf *b);

/* Dynamic array of strings. */
typedef struct strvec {
	char **v;
	unsigned n, cap;
} strvec;
void sv_push(strvec *a, const char *s); /* copies s */
void sv_free(strvec *a);

/* Reads a whole file; NULL with errno set on failure. */
char *read_file(const char *path, size_t *len);
/* dir/name, or name when it is absolute or dir is NULL. */
char *path_join(const char *dir, const char *name);
/* realpath(), or a copy of path when it cannot be resolved. */
char *canonical(const char *path);
/* The current directory (malloc'd). */
char *current_dir(void);

/* One-line diagnostics on stderr. */
void error_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warning_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* --------------------------------------------------------------- records.c */

typedef struct rec_step {
	char *why, *dst, *src, *file;
	unsigned line, col;
} rec_step;

typedef struct rec_site {
	unsigned id;
	char *function;
	char *file;           /* outermost inlined-at call site */
	unsigned line, col;
	char *ifile;          /* where the allocation call is written */
	unsigned iline, icol;
	char *allocator;
	long long size;       /* -1 when not constant */
	int stack;            /* verdict: 1 stack, 0 heap */
	char *reason, *detail;
	rec_step *steps;
	unsigned nsteps;
} rec_site;

typedef struct rec_param {
	char *function, *file;
	unsigned line, argno;
	char *name, *form;
	unsigned level;
	unsigned derefs;      /* how many derefs down its flow starts */
	rec_step *steps;      /* the flow that makes its form, if any */
	unsigned nsteps;
} rec_param;

typedef struct rec_addr {
	char *function, *file;
	unsigned line, col;
	char *name, *detail;
} rec_addr;

typedef struct records {
	rec_site *sites;
	unsigned nsites;
	rec_param *params;
	unsigned nparams;
	rec_addr *addrs;
	unsigned naddrs;
	unsigned remarks;     /* heap2stack remarks read */
	int last_param;       /* the last site or parameter read was a
			       * parameter: Flow remarks are its steps */
	unsigned cap_sites, cap_params, cap_addrs;
} records;

/* Adds the heap2stack remarks of one remark file (YAML or bitstream, as
 * LLVM writes them) to r, which starts zeroed. Returns 0, or -1 with a
 * message in err; r then holds what was read before the error, for
 * records_free. */
int records_parse(const char *text, size_t len, records *r, char *err,
		  size_t errlen);
void records_free(records *r);

/* ------------------------------------------------------------------- run.c */

typedef struct config {
	const char *clang;    /* the clang to run */
	const char *plugin;   /* heap2stack.so */
	const char *opt;      /* "-O2" */
	int opt_given;        /* opt is from the command line: it wins over
			       * the compilation database's level */
	unsigned timeout;     /* seconds one run of clang may take; 0: no
			       * limit */
} config;

/* How one file is compiled. */
typedef struct job {
	char *file;           /* as the user named it */
	char *abs;            /* canonical path */
	char *dir;            /* directory the compiler runs in */
	char *src;            /* the file as the compile command names it */
	strvec args;          /* compiler flags, without the file */
	char *opt;            /* the -O level its compile command gives, or
			       * NULL */
} job;

/* Fills j->args from the compilation database in build_dir (NULL: none)
 * and the extra arguments. Returns 0, or -1 with a message in err. */
struct db;
/* The -O level j is reported at: the command line's, else the one its
 * compile command gives when heap2stack runs there, else cfg->opt (-O2);
 * *demoted (if not NULL) is set when the command's level was -O0. */
const char *job_level(const config *cfg, const job *j, int *demoted);
struct db *db_open(const char *build_dir, char *err, size_t errlen);
void db_close(struct db *db);
int job_init(job *j, const char *file, struct db *db, char **extra,
	     int nextra, char *err, size_t errlen);
void job_free(job *j);

/* Kills the clang being run, if any (from a signal handler). */
void kill_running(void);

/* Checks that cfg->clang runs and is of LLVM release `major`. */
int check_clang(const config *cfg, int major, char *err, size_t errlen);

/* A new empty file $TMPDIR/TMPL-XXXXXX (or in /tmp), its name in path.
 * Returns 0, or -1 with a message in err. */
int temp_file(char *path, size_t size, const char *tmpl, char *err,
	      size_t errlen);

/* Compiles a probe file of one allocation with the plugin: the plugin
 * loads into clang and reports the allocation in its remarks. Returns 0,
 * or -1 with a message naming the problem (with the line of clang's output
 * that says what went wrong) in err. */
int check_plugin(const config *cfg, char *err, size_t errlen);

/* Compiles j with the plugin, appending records to records_path. Clang's
 * diagnostics go to our stderr. Returns 0, or -1 with a message in err. */
int run_compile(const config *cfg, const job *j, const char *records_path,
		char *err, size_t errlen);

/* ---------------------------------------------------------------- source.c */

typedef struct source source;

/* Parses j with libclang (opt: the -O flag of the compile, which
 * defines __OPTIMIZE__). Never NULL: when parsing fails, every lookup
 * answers "not found". */
source *source_open(const job *j, const char *opt);
void source_close(source *s);
int source_ok(const source *s);

/* Paths given to the lookups are canonical (see canonical()). */

/* The call expression (or new-expression) at file:line:col, as written.
 * allocator: prefer a call to this function when several start there.
 * NULL when there is none. */
char *source_call_text(source *s, const char *file, unsigned line,
		       unsigned col, const char *allocator);
/* The text of the smallest statement or expression at file:line:col, Go
 * style (`p = malloc(16)` for a declaration), or NULL. `why` is the flow
 * step's reason: a `return` at a function's closing brace finds the
 * function's return statement. */
char *source_stmt_text(source *s, const char *file, unsigned line,
		       unsigned col, const char *why);
/* When the call at file:line:col is directly the initialiser of variable
 * `name`, or the right-hand side of `name = ...`, the text of that
 * declaration or assignment and its position. */
char *source_assignment(source *s, const char *file, unsigned line,
			unsigned col, const char *name, unsigned *aline,
			unsigned *acol);
/* Column of the parameter (param = 1) or local variable (param = 0)
 * `name` declared on `line`, in a function called `function` when
 * possible. 0 when not found. */
unsigned source_decl_col(source *s, const char *file, unsigned line,
			 const char *name, const char *function, int param);
/* The canonical path of a file the records name `name`: `joined` (name
 * joined to the compile directory) when the translation unit has that
 * file, else a file of the translation unit whose path ends in /name
 * (clang names a file relative to the directory its DIFile gives, which
 * need not be the compile directory), else `joined`. */
char *source_resolve(source *s, const char *name, const char *joined);
/* The source name of the function whose symbol is `symbol` (C++: the
 * qualified name of a mangled one), or NULL. */
const char *source_function_name(source *s, const char *symbol);

/* Allocation calls of the main file, at the position clang's debug
 * information gives them (for a call in a macro argument, where it is
 * written; in a macro body, the macro call), in the order they are
 * written. Several may share a position: the calls of one macro call,
 * the copies of a macro argument a macro uses twice. */
typedef struct src_alloc {
	unsigned line, col;
	char *text;           /* the call as written at line:col */
	char *function;       /* the symbol of its function */
	char *callee;         /* malloc, ..., "new", "operator new" */
	long long size;       /* bytes, when constant; else -1 */
	char *sfile;          /* canonical path of where it is spelled */
	unsigned sline, scol; /* (in a macro definition, for a macro body) */
	char *stext;          /* the call as spelled there */
} src_alloc;
unsigned source_allocations(source *s, src_alloc **out);

/* ---------------------------------------------------------------- report.c */

#include "../profile/profile.h"

enum { OUT_M1, OUT_M2, OUT_JSON, OUT_SARIF };
enum { K_ALLOC, K_PARAM, K_ADDR };

/* One step of the flow of an allocation or a parameter (a Flow remark),
 * with its source text. */
typedef struct fstep {
	char *why, *dst, *src;
	char *file;            /* display path */
	unsigned line, col;
	char *text;
	/* after a spill into a named variable: the declaration or
	 * assignment that names it (`p = malloc(16)`), Go's (assign) step */
	char *atext;
	unsigned aline, acol;
} fstep;

/* One line of the report: an allocation, a parameter or an address. */
typedef struct finding {
	char *file;            /* display path, "" when unknown */
	unsigned line, col;
	int kind;
	char *function;        /* source name */
	char *symbol;          /* the function's symbol */
	char *expr;
	char *label;           /* expr, naming the inlined allocation when
				* several are inlined at one call */
	char *verdict;
	char *message;
	long long size;        /* -1: none */
	char *reason, *detail, *allocator;
	int level;             /* parameter result level, -1: none */
	int heap;
	int gated;             /* on the heap in a --fail-on-heap function */
	int inlined;
	char *ifile;
	unsigned iline, icol;
	char *iexpr;
	fstep *flow;
	unsigned nflow;
	int has_run;           /* --profile found it at run time */
	uint64_t run_calls, run[H2S_CLASS_COUNT];
	char *block;           /* -m=2 explanation lines, or NULL */
	unsigned shared;       /* one of several allocations written at one
				* position: 1 + its place among them (in
				* the order they are spelled), else 0 */
	unsigned seq;
} finding;

/* A file named on the command line, and the level it was reported at. */
typedef struct input {
	char *file;
	char *level;           /* NULL when it could not be reported */
} input;

typedef struct report {
	finding *v;
	unsigned n, cap;
	int profiled;          /* --profile given: JSON has "run" */
	input *inputs;
	unsigned ninputs, cap_inputs;
} report;

/* What escape-report was asked to do: the metadata of -json and -sarif. */
typedef struct run_info {
	int argc;
	char **argv;
	const char *cwd;
	const char *opt;       /* the command line's level, or the default */
	int opt_given;
	const char *build_dir; /* -p, or NULL */
	char **extra;          /* after -- */
	int nextra;
	const char *gate;      /* --fail-on-heap, or NULL */
	const strvec *profiles;
	unsigned timeout;
	int severity;          /* --severity: text lines carry a severity */
	int status;            /* the exit status, as far as it is known */
} run_info;

/* A reason of the plugin's vocabulary (heap2stack/reasons.h): its code
 * (records, -json, SARIF's ruleId), its words in -m=2's explanation (NULL
 * for `demote` and for `escapes`, which a flow explains), and what it
 * means (SARIF's rule description; NULL for `demote`). */
typedef struct reason_info {
	const char *code, *words, *help;
} reason_info;
extern const reason_info reason_table[];
extern const unsigned reason_count;
/* The words of a reason code, or NULL. */
const char *reason_words(const char *reason);

report *report_new(void);
/* Adds the findings of one compiled file. */
void report_add(report *r, const job *j, const records *rec, source *src,
		const char *cwd);
/* Records an input file and its level (NULL: it failed). */
void report_input(report *r, const char *file, const char *level);
/* Prints everything, sorted and de-duplicated. */
void report_print(report *r, int mode, const run_info *ri);
/* Whether finding i repeats one printed before it (same place and text
 * at this mode); the findings are sorted. */
int report_repeats(const report *r, unsigned i, int mode);
/* The findings the report shows, sorted and de-duplicated as at -m=2, in
 * *out (freed by the caller); returns how many. */
unsigned report_shown(report *r, const finding ***out);
/* With --profile, what an allocation did at run time (" (run: ...)"). */
char *run_words(const finding *f);
/* `"run": {...}` or `"run": null` of an allocation, with --profile. */
void json_run(strbuf *b, const finding *f);
/* `{"key": value, ...}` of the options of ri, for -json and -sarif. */
void json_options(strbuf *b, const report *r, const run_info *ri);

/* --profile: gives each allocation the run-time counts of the profile
 * sites at its position (profile.c loads and symbolizes them), and orders
 * the allocations that ran by their count. */
struct site_info;
void report_attach_run(report *r, const struct site_info *s, size_t n);

/* Marks the heap allocations in functions matching the regex (--fail-on-
 * heap); returns how many, de-duplicated as printed. */
int report_mark_gate(report *r, const void *regex);
/* Names the marked allocations on stderr. */
void report_gate(const report *r, const char *pattern);
void report_free(report *r);

/* ----------------------------------------------------------------- sarif.c */

/* The report as one SARIF 2.1.0 log. */
void sarif_print(report *r, const run_info *ri);
/* ------------------------------------------------------------------ html.c */

/* -html DIR: creates DIR (one level) unless it is a directory already.
 * Returns 0, or -1 after an error message. */
int html_dir_ready(const char *dir);
/* Writes DIR/index.html and a page per source file of r's findings.
 * Returns 0, or -1 after an error message. */
int html_write(report *r, const char *dir);

/* ---------------------------------------------------------------- profile.c */

/* Loads the profiles and attaches them to r. Returns 0, or -1 after an
 * error message. */
int profile_attach(report *r, const strvec *files);

/* ---------------------------------------------------- batch.c, run.c */

/* Every file the database compiles, each once, as its entry names it
 * (made absolute with the entry's directory), in the database's order. */
void db_files(struct db *d, strvec *out);
/* Those of them whose name matches the POSIX extended regex pattern (NULL:
 * all); 0, or with err -2 when the pattern is bad, -1 when nothing is
 * left. */
int db_select(struct db *db, const char *pattern, strvec *out, char *err,
	      size_t errlen);
/* batch.c: reports files[0..n): prepares each, compiles them jobs at a
 * time, and adds what the plugin recorded of each, in order. Returns 0,
 * or -1 when a file failed (after its error message). */
int report_files(report *rep, const config *cfg, char **files, unsigned n,
		 struct db *db, char **extra, int nextra, const char *cwd,
		 unsigned jobs);
/* On SIGINT/SIGTERM: stops the compiles and removes the records files. */
void batch_cleanup(void);


#endif

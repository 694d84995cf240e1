/*
 * escape-report [-m | -m -m | -m=2] [-O1|-O2|-O3|-Os|-Oz|-Og]
 *               [-json | -sarif | -html DIR | --severity] [-j N]
 *               [-p BUILD_DIR [--match=REGEX]]
 *               [--timeout=SECONDS] [--fail-on-heap=REGEX]
 *               [--profile=PROFILE]... [FILE...] [-- CLANG_ARGS...]
 *
 * Go's `go build -gcflags=-m` for C: for each FILE, which allocations
 * heap2stack moves to the stack in an optimised build ("does not escape")
 * and which stay on the heap ("escapes to heap", and why at -m=2), which
 * pointer parameters leak, which locals have their address escape.
 *
 * Exit status: 0 done; 1 a file could not be reported (missing, does not
 * compile, not in the compilation database, clang or plugin unusable);
 * 2 usage; 3 --fail-on-heap found an allocation that stays on the heap.
 */
#define _GNU_SOURCE
#include "escape-report.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef H2S_CLANG
#define H2S_CLANG "clang"
#endif
#ifndef H2S_PLUGIN
#define H2S_PLUGIN "heap2stack.so"
#endif

/* Seconds one compile may take before it is killed (--timeout): far more
 * than any real file needs, so that a compile that hangs (an #include of
 * a FIFO, a pathological input) ends with an error. */
#define DEFAULT_TIMEOUT 600

static const char usage_text[] =
	"usage: escape-report [-m | -m -m | -m=2] [-O1|-O2|-O3|-Os|-Oz|-Og]\n"
	"                     [-json | -sarif | -html DIR | --severity] [-j N]\n"
	"                     [-p BUILD_DIR [--match=REGEX]]\n"
	"                     [--timeout=SECONDS] [--fail-on-heap=REGEX]\n"
	"                     [--profile=PROFILE]... [FILE...] [-- CLANG_ARGS...]\n"
	"\n"
	"Compiles each FILE with clang and the heap2stack plugin (LLVM "
	"%d) and\n"
	"prints, in Go's words, what heap2stack decided in that build:\n"
	"  EXPR does not escape       the allocation is moved to the stack\n"
	"  EXPR escapes to heap       it stays on the heap (-m=2: why)\n"
	"  leaking param: p, leaking param content: p,\n"
	"  leaking param: p to result ~r0 level=N, p does not escape\n"
	"  address of x escapes\n"
	"\n"
	"  -m, -m -m, -m=2   the report; -m=2 (or -m -m) explains each "
	"escaping\n"
	"                    allocation\n"
	"  -O1, -O2, -O3, -Os, -Oz, -Og\n"
	"                    the optimisation level of the build (default "
	"-O2)\n"
	"  --version         the version, and the LLVM release of the plugin\n"
	"  -json             one JSON document: metadata and one object per "
	"finding\n"
	"                    (docs/escape-report.schema.json)\n"
	"  -sarif            a SARIF 2.1.0 log: one result per allocation on "
	"the\n"
	"                    heap, with its flow (GitHub code scanning)\n"
	"  --severity        text lines with warning: (on the heap), error:\n"
	"                    (--fail-on-heap) or note: (the rest), for "
	"editors\n"
	"  -html DIR         instead of the report, annotated source pages "
	"in DIR\n"
	"                    (open DIR/index.html)\n"
	"  -p BUILD_DIR      flags from BUILD_DIR/compile_commands.json;\n"
	"                    without FILEs, every file it compiles\n"
	"  --match=REGEX     with -p and no FILE: the files whose path "
	"matches\n"
	"                    REGEX (POSIX extended)\n"
	"  -j N              compile N files at once (default 1)\n"
	"  --timeout=SECONDS the longest one compile may take (default "
	"600; 0: no limit)\n"
	"  --fail-on-heap=REGEX\n"
	"                    exit 3 when an allocation in a function whose "
	"name\n"
	"                    matches REGEX (POSIX extended) stays on the "
	"heap\n"
	"  --profile=PROFILE run-time counts from heap2stack-profile on each\n"
	"                    allocation; the allocations that ran come first,\n"
	"                    those most often freed in their frame first\n"
	"  -- CLANG_ARGS     flags for every FILE (after those of -p)\n"
	"\n"
	"Environment: HEAP2STACK_CLANG, HEAP2STACK_PLUGIN override the clang "
	"and\n"
	"the plugin (%s, %s).\n"
	"Exit status: 0 done, 1 a file failed, 2 usage, 3 --fail-on-heap "
	"matched.\n";

static void usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, PROG ": error: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, " (see 'escape-report --help')\n");
	exit(2);
}

/* --timeout=SECONDS: a whole number of seconds, up to a day; 0 is no
 * limit. */
static unsigned parse_timeout(const char *v)
{
	uint64_t n;
	if (*v < '0' || *v > '9')
		usage_error("--timeout=%s: expected a number of seconds", v);
	if (!h2s_parse_u64(v, 10, 86400, &n))
		usage_error("--timeout=%s: expected a number of seconds "
			    "(0 to 86400)", v);
	return (unsigned)n;
}

/* -json and -sarif: one output format; giving both is an error. */
static int choose_format(int format, int wanted, const char *arg)
{
	if (format != OUT_M1 && format != wanted)
		usage_error("'%s': -json and -sarif are two output formats; "
			    "give one", arg);
	return wanted;
}

/* SIGINT/SIGTERM: the compiles stop, their records files go. */
static void on_signal(int sig)
{
	kill_running();
	batch_cleanup();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* -j N: at least 1, and not absurd (each compile is a clang process). */
static unsigned parse_jobs(const char *s)
{
	uint64_t v;
	if (!h2s_parse_u64(s, 10, 1024, &v) || v < 1)
		usage_error("-j %s: the number of files to compile at once, "
			    "1 to 1024", s);
	return (unsigned)v;
}

/* heap2stack.so: HEAP2STACK_PLUGIN, else ../lib/heap2stack.so next to
 * this program (installed), else the one of the build tree. */
static char *find_plugin(void)
{
	const char *env = getenv("HEAP2STACK_PLUGIN");
	char exe[PATH_MAX];
	ssize_t n;
	if (env && *env)
		return xstrdup(env);
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		char *slash, *p;
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			p = xasprintf("%s/../lib/heap2stack.so", exe);
			if (access(p, R_OK) == 0) {
				char *c = canonical(p);
				free(p);
				return c;
			}
			free(p);
		}
	}
	return xstrdup(H2S_PLUGIN);
}

/* Prints the report, or with html_dir writes its pages there, then names
 * the --fail-on-heap hits (re) on stderr. Returns the exit status. */
static int print_report(report *rep, int mode, const char *html_dir,
			run_info *ri, const regex_t *re, int failed)
{
	int heap = re ? report_mark_gate(rep, re) : 0;
	ri->status = failed ? 1 : heap ? 3 : 0;
	errno = 0;
	if (!html_dir)
		report_print(rep, mode, ri);
	else if (html_write(rep, html_dir) != 0)
		ri->status = 1;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (!errno)
			errno = EIO;
		error_msg("cannot write the report: %s", strerror(errno));
		ri->status = 1;
	}
	if (re)
		report_gate(rep, ri->gate);
	return ri->status;
}

/* The command line. */
typedef struct args {
	int mode, format, severity, bare_m, opt_given;
	const char *opt, *build_dir, *gate, *html_dir, *match;
	unsigned jobs, timeout;
	char **files;
	int nfiles;
	char **extra;          /* after --, for every file */
	int nextra;
	strvec profiles;
} args;

/* The report's level (-m, -m=N) and format (-json, -sarif, --severity,
 * -html DIR): reads option argv[*i] (and its argument, moving *i past it)
 * into A when it is one of these. Returns whether it was. */
static int report_option(args *A, int argc, char **argv, int *i)
{
	const char *a = argv[*i];
	/* as Go's -m: each one more raises the level */
	if (!strcmp(a, "-m")) {
		if (++A->bare_m > 2)
			usage_error("'%s' given three times: the levels are "
				    "-m and -m -m (-m=2)", a);
		A->mode = A->bare_m == 1 ? OUT_M1 : OUT_M2;
	} else if (!strcmp(a, "-m=1"))
		A->mode = OUT_M1;
	else if (!strcmp(a, "-m=2"))
		A->mode = OUT_M2;
	else if (!strncmp(a, "-m=", 3))
		usage_error("unknown report level '%s': -m (or -m=1) "
			    "or -m=2", a);
	else if (!strcmp(a, "-json") || !strcmp(a, "--json"))
		A->format = choose_format(A->format, OUT_JSON, a);
	else if (!strcmp(a, "-sarif") || !strcmp(a, "--sarif"))
		A->format = choose_format(A->format, OUT_SARIF, a);
	else if (!strcmp(a, "-severity") || !strcmp(a, "--severity"))
		A->severity = 1;
	else if (!strcmp(a, "-html") || !strcmp(a, "--html")) {
		/* `-html -json f.c` is a forgotten directory, not
		 * one called -json */
		if (*i + 1 >= argc || argv[*i + 1][0] == '-')
			usage_error("%s needs a directory", a);
		A->html_dir = argv[++*i];
	} else if (!strncmp(a, "-html=", 6) || !strncmp(a, "--html=", 7))
		A->html_dir = strchr(a, '=') + 1;
	else
		return 0;
	return 1;
}

/* Which files are compiled and how (-O level, -p BUILD_DIR, -j N,
 * --match=REGEX, --timeout=SECONDS): reads option argv[*i] (and its
 * argument, moving *i past it) into A when it is one of these. Returns
 * whether it was. */
static int compile_option(args *A, int argc, char **argv, int *i)
{
	const char *a = argv[*i];
	if (!strcmp(a, "-O0"))
		usage_error("'%s': heap2stack does not run at -O0, where "
			    "clang optimises nothing (-Og is the level "
			    "for debugging)", a);
	else if (!strcmp(a, "-O1") || !strcmp(a, "-O2") ||
		 !strcmp(a, "-O3") ||
		 !strcmp(a, "-Os") || !strcmp(a, "-Oz") ||
		 !strcmp(a, "-Og")) {
		A->opt = a;
		A->opt_given = 1;
	} else if (!strcmp(a, "-p")) {
		if (*i + 1 >= argc)
			usage_error("%s needs a build directory", a);
		A->build_dir = argv[++*i];
	} else if (!strncmp(a, "-p=", 3))
		A->build_dir = a + 3;
	else if (!strcmp(a, "-j") || !strcmp(a, "--jobs")) {
		if (*i + 1 >= argc)
			usage_error("%s needs a number of files", a);
		A->jobs = parse_jobs(argv[++*i]);
	} else if (!strncmp(a, "--jobs=", 7))
		A->jobs = parse_jobs(a + 7);
	else if (!strncmp(a, "-j", 2) && a[2] >= '0' && a[2] <= '9')
		A->jobs = parse_jobs(a + 2);
	else if (!strncmp(a, "--match=", 8))
		A->match = a + 8;
	else if (!strcmp(a, "--match")) {
		if (*i + 1 >= argc)
			usage_error("%s needs a regular expression", a);
		A->match = argv[++*i];
	} else if (!strncmp(a, "--timeout=", 10))
		A->timeout = parse_timeout(a + 10);
	else if (!strcmp(a, "--timeout")) {
		if (*i + 1 >= argc)
			usage_error("%s needs a number of seconds", a);
		A->timeout = parse_timeout(argv[++*i]);
	} else
		return 0;
	return 1;
}

/* What the findings are checked against or given (--fail-on-heap=REGEX,
 * --profile=PROFILE): reads option argv[*i] (and its argument, moving *i
 * past it) into A when it is one of these. Returns whether it was. */
static int findings_option(args *A, int argc, char **argv, int *i)
{
	const char *a = argv[*i];
	if (!strncmp(a, "--fail-on-heap=", 15))
		A->gate = a + 15;
	else if (!strcmp(a, "--fail-on-heap")) {
		if (*i + 1 >= argc)
			usage_error("%s needs a regular expression", a);
		A->gate = argv[++*i];
	} else if (!strncmp(a, "--profile=", 10)) {
		if (!a[10])
			usage_error("%s: empty file name", "--profile");
		sv_push(&A->profiles, a + 10);
	} else if (!strcmp(a, "--profile")) {
		if (*i + 1 >= argc)
			usage_error("%s needs a profile "
				    "(heap2stack-profile run)", a);
		sv_push(&A->profiles, argv[++*i]);
	} else
		return 0;
	return 1;
}

/* Reads option argv[*i] (and its argument, moving *i past it) into A, or
 * a FILE; a bad one is a usage error. */
static void parse_option(args *A, int argc, char **argv, int *i)
{
	const char *a = argv[*i];
	if (report_option(A, argc, argv, i) ||
	    compile_option(A, argc, argv, i) ||
	    findings_option(A, argc, argv, i))
		return;
	if (!strcmp(a, "-"))
		usage_error("'%s': escape-report does not read standard "
			    "input; name a file", a);
	else if (a[0] == '-' && a[1] == 'O')
		usage_error("unknown optimisation level '%s': -O1, "
			    "-O2, -O3, -Os, -Oz or -Og", a);
	else if (a[0] == '-' && a[1])
		usage_error("unknown option '%s'", a);
	else
		A->files[A->nfiles++] = argv[*i];
}

/* The checks that need every option. */
static void check_args(args *A)
{
	if (A->build_dir && !*A->build_dir)
		usage_error("%s: empty build directory", "-p");
	if (!A->nfiles && !A->build_dir)
		usage_error("%s", "no input files (or -p BUILD_DIR for every "
			    "file of its compilation database)");
	if (A->match && (A->nfiles || !A->build_dir))
		usage_error("%s", "--match selects files of -p's compilation "
			    "database: give it with -p and without FILEs");
	if (A->match && !*A->match)
		usage_error("%s: empty regular expression", "--match");
	if (A->gate && !*A->gate)
		usage_error("%s: empty regular expression ('.' matches every "
			    "function)", "--fail-on-heap");
	if (A->severity && A->format != OUT_M1)
		usage_error("--severity is for the text report, not for %s",
			    A->format == OUT_JSON ? "-json" : "-sarif");
	if (A->html_dir && !*A->html_dir)
		usage_error("%s: empty directory name", "-html");
	if (A->html_dir && A->format != OUT_M1)
		usage_error("-html and %s: choose one (-html writes pages, the "
			    "other prints the findings)",
			    A->format == OUT_JSON ? "-json" : "-sarif");
	if (A->html_dir && A->severity)
		usage_error("%s", "--severity is for the text report, not for "
			    "-html");
	if (A->format != OUT_M1)
		A->mode = A->format;
}

int main(int argc, char **argv)
{
	args A = {.mode = OUT_M1, .format = OUT_M1, .opt = "-O2", .jobs = 1,
		  .timeout = DEFAULT_TIMEOUT};
	int failed = 0, status;
	strvec dbfiles = {0};
	regex_t re;
	config cfg;
	char err[1024];
	struct db *db = NULL;
	report *rep;
	char *cwd, *plugin;
	const char *clang_env;

	/* Closed standard descriptors get /dev/null, so that no file or pipe
	 * opened later takes their number; a closed stdout is an error (below),
	 * a closed stderr only loses the messages (the exit status tells). */
	int out_closed = fcntl(1, F_GETFD) < 0;
	for (int fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) < 0 &&
		    open("/dev/null", fd ? O_WRONLY : O_RDONLY) != fd)
			return 1;
	A.files = xcalloc((size_t)argc + 1, sizeof *A.files);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--")) {
			A.extra = argv + i + 1;
			A.nextra = argc - i - 1;
			break;
		}
		if (!strcmp(a, "-h") || !strcmp(a, "-help") ||
		    !strcmp(a, "--help")) {
			printf(usage_text, H2S_LLVM_MAJOR, H2S_CLANG, H2S_PLUGIN);
			return 0;
		}
		if (!strcmp(a, "--version")) {
			printf("escape-report (heap2stack %s, LLVM %d)\n",
			       H2S_VERSION, H2S_LLVM_MAJOR);
			return 0;
		}
		parse_option(&A, argc, argv, &i);
	}
	check_args(&A);
	if (A.gate) {
		int rc = regcomp(&re, A.gate, REG_EXTENDED | REG_NOSUB);
		if (rc != 0) {
			char msg[256];
			regerror(rc, &re, msg, sizeof msg);
			fprintf(stderr,
				PROG ": error: --fail-on-heap=%s: %s (see "
				"'escape-report --help')\n",
				A.gate, msg);
			free(A.files);
			return 2;
		}
	}
	/* Where the report goes must be writable: a closed standard output
	 * is refused before the work (a full disk is found when writing). */
	if (out_closed) {
		error_msg("cannot write the report: standard output is "
			  "closed");
		free(A.files);
		if (A.gate)
			regfree(&re);
		return 1;
	}

	clang_env = getenv("HEAP2STACK_CLANG");
	cfg.clang = clang_env && *clang_env ? clang_env : H2S_CLANG;
	plugin = find_plugin();
	cfg.plugin = plugin;
	cfg.opt = A.opt;
	cfg.opt_given = A.opt_given;
	cfg.timeout = A.timeout;
	if (A.html_dir && html_dir_ready(A.html_dir) != 0) {
		status = 1;
		goto done;
	}
	if (access(cfg.plugin, R_OK) != 0) {
		error_msg("cannot read the heap2stack plugin '%s': %s (set "
			  "HEAP2STACK_PLUGIN)",
			  cfg.plugin, strerror(errno));
		status = 1;
		goto done;
	}
	if (check_clang(&cfg, H2S_LLVM_MAJOR, err, sizeof err) != 0 ||
	    check_plugin(&cfg, err, sizeof err) != 0) {
		error_msg("%s", err);
		status = 1;
		goto done;
	}
	if (A.build_dir && !(db = db_open(A.build_dir, err, sizeof err))) {
		error_msg("%s", err);
		status = 2;
		goto done;
	}

	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	cwd = current_dir();
	if (!A.nfiles) {
		int rc = db_select(db, A.match, &dbfiles, err, sizeof err);
		if (rc != 0) {
			error_msg("%s", err);
			status = rc == -2 ? 2 : 1;
			free(cwd);
			db_close(db);
			goto done;
		}
	}
	rep = report_new();
	if (A.nfiles)
		failed = report_files(rep, &cfg, A.files, (unsigned)A.nfiles, db,
				      A.extra, A.nextra, cwd, A.jobs) != 0;
	else
		failed = report_files(rep, &cfg, dbfiles.v, dbfiles.n, db,
				      A.extra, A.nextra, cwd, A.jobs) != 0;
	if (A.profiles.n && profile_attach(rep, &A.profiles))
		failed = 1;
	{
		run_info ri = {argc, argv, cwd, A.opt, A.opt_given, A.build_dir,
			       A.extra, A.nextra, A.gate, &A.profiles, A.timeout,
			       A.severity, 0};
		status = print_report(rep, A.mode, A.html_dir, &ri,
				      A.gate ? &re : NULL, failed);
	}
	report_free(rep);
	db_close(db);
	free(cwd);
done:
	free(plugin);
	free(A.files);
	sv_free(&dbfiles);
	sv_free(&A.profiles);
	if (A.gate)
		regfree(&re);
	return status;
}

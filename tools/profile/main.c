/*
 * heap2stack-profile: which heap allocations could have lived on the stack,
 * and what heap2stack did with each (docs/profile.md).
 *
 *   heap2stack-profile run [-o FILE] -- COMMAND [ARGS...]
 *   heap2stack-profile report [--records FILE]... [--json] [--svg FILE]
 *                             [--top N] PROFILE...
 *   heap2stack-profile sizes [-o FILE] PROFILE...
 *
 * `run` runs a command (a whole test suite: every process it starts) with
 * the run-time library preloaded and merges what each process wrote into
 * one profile. `report` symbolizes the sites with llvm-symbolizer, joins
 * them with the plugin's records of the same program (the verdict and its
 * reason; the records decide, the report only reads them), and ranks them.
 * `sizes` writes the sizes each site asked for, by source position, for
 * the plugin's `profile=FILE` parameter (guarded buffers sized per site).
 */
#define _GNU_SOURCE
#include "../escape-report/escape-report.h"
#include "profile.h"
#include "report.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char usage_text[] =
	"usage: heap2stack-profile run [-o FILE] -- COMMAND [ARGS...]\n"
	"       heap2stack-profile report [--records FILE]... [--json] "
	"[--svg FILE] [--top N] PROFILE...\n"
	"       heap2stack-profile sizes [-o FILE] PROFILE...\n"
	"       heap2stack-profile --version | --help\n";

static int usage_error(const char *msg, const char *arg)
{
	if (arg)
		error_msg("%s '%s'", msg, arg);
	else
		error_msg("%s", msg);
	fputs(usage_text, stderr);
	return 2;
}

/* ------------------------------------------------------------------ run */

/* The directory of this executable (malloc'd). */
static char *self_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	char *slash;
	if (n <= 0)
		return xstrdup(".");
	buf[n] = '\0';
	slash = strrchr(buf, '/');
	if (slash)
		*slash = '\0';
	return xstrdup(buf);
}

/* The run-time library: $HEAP2STACK_PROFILE_RUNTIME, the installed one
 * beside this program (../lib/), or the one of the build tree. */
static char *runtime_path(void)
{
	const char *env = getenv("HEAP2STACK_PROFILE_RUNTIME");
	char *dir, *p;
	if (env && *env)
		return xstrdup(env);
	dir = self_dir();
	p = xasprintf("%s/../lib/" H2S_RUNTIME_NAME, dir);
	free(dir);
	if (access(p, R_OK) == 0)
		return p;
	free(p);
	return xstrdup(H2S_RUNTIME_BUILD);
}

/* Merges every profile file in dir into *sites. */
static int merge_dir(const char *dir, h2s_profile_site **sites, size_t *n,
		     unsigned *files)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int status = 0;
	if (!d) {
		error_msg("cannot read %s: %s", dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d))) {
		char err[256], *path, *text;
		if (strncmp(e->d_name, "prof.", 5))
			continue;
		path = path_join(dir, e->d_name);
		text = read_file(path, NULL);
		if (!text || h2s_profile_read(text, sites, n, err, sizeof err)) {
			error_msg("%s: %s", path, text ? err : strerror(errno));
			status = -1;
		} else {
			(*files)++;
		}
		unlink(path);
		free(text);
		free(path);
	}
	closedir(d);
	return status;
}

static int write_profile_file(const char *path, const h2s_profile_site *s,
			      size_t n)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		error_msg("cannot write %s: %s", path, strerror(errno));
		return -1;
	}
	h2s_profile_write(f, s, n);
	if (fclose(f)) {
		error_msg("cannot write %s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

static int cmd_run(int argc, char **argv)
{
	const char *out = "heap2stack.profile";
	char tmpl[PATH_MAX], *lib, *preload;
	const char *tmp = getenv("TMPDIR");
	int i, status, code;
	pid_t pid;
	h2s_profile_site *sites = NULL;
	size_t nsites = 0;
	unsigned files = 0;
	uint64_t calls = 0, k0 = 0;

	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		if (!strcmp(argv[i], "-o") && i + 1 < argc) {
			out = argv[++i];
		} else if (!strncmp(argv[i], "-o", 2) && argv[i][2]) {
			out = argv[i] + 2;
		} else if (argv[i][0] == '-') {
			return usage_error("unknown option", argv[i]);
		} else {
			break;
		}
	}
	if (i >= argc)
		return usage_error("run: no command given", NULL);
	if (!*out)
		return usage_error("run: empty output file name", NULL);
	lib = runtime_path();
	if (access(lib, R_OK)) {
		error_msg("run-time library %s: %s (set "
			  "HEAP2STACK_PROFILE_RUNTIME)",
			  lib, strerror(errno));
		free(lib);
		return 1;
	}
	snprintf(tmpl, sizeof tmpl, "%s/heap2stack-profile.XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(tmpl)) {
		error_msg("cannot create a directory in %s: %s",
			  tmp && *tmp ? tmp : "/tmp", strerror(errno));
		free(lib);
		return 1;
	}
	preload = getenv("LD_PRELOAD") && *getenv("LD_PRELOAD")
			  ? xasprintf("%s:%s", lib, getenv("LD_PRELOAD"))
			  : xstrdup(lib);
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		error_msg("cannot fork: %s", strerror(errno));
		rmdir(tmpl);
		return 1;
	}
	if (pid == 0) {
		setenv("HEAP2STACK_PROFILE_DIR", tmpl, 1);
		setenv("LD_PRELOAD", preload, 1);
		execvp(argv[i], argv + i);
		error_msg("cannot run %s: %s", argv[i], strerror(errno));
		_exit(127);
	}
	/* the command's own signals (^C) reach it; this process waits */
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			error_msg("waitpid: %s", strerror(errno));
			status = 1 << 8;
			break;
		}
	code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	if (merge_dir(tmpl, &sites, &nsites, &files) ||
	    write_profile_file(out, sites, nsites)) {
		rmdir(tmpl);
		free(sites);
		free(lib);
		free(preload);
		return code ? code : 1;
	}
	rmdir(tmpl);
	for (size_t s = 0; s < nsites; s++)
		if (!sites[s].system) {
			calls += sites[s].calls;
			k0 += sites[s].lifetimes[H2S_CLASS_K0];
		}
	fprintf(stderr,
		"heap2stack-profile: %u process%s, %llu allocations by the "
		"program, %llu freed inside their function (k=0): %s\n",
		files, files == 1 ? "" : "es", (unsigned long long)calls,
		(unsigned long long)k0, out);
	free(sites);
	free(lib);
	free(preload);
	return code;
}

/* ------------------------------------------------------------------ report */

static int parse_count(const char *s, unsigned *v)
{
	uint64_t n;
	if (!h2s_parse_u64(s, 10, 1000000, &n))
		return 0;
	*v = (unsigned)n;
	return 1;
}

static int cmd_report(int argc, char **argv)
{
	report_options o = {0};
	strvec profiles = {0}, records = {0};
	int status;
	o.top = 20;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--json")) {
			o.json = 1;
		} else if (!strcmp(a, "--records") || !strcmp(a, "--svg") ||
			   !strcmp(a, "--top")) {
			if (i + 1 >= argc)
				return usage_error("missing value after", a);
			if (!strcmp(a, "--records"))
				sv_push(&records, argv[++i]);
			else if (!strcmp(a, "--svg"))
				o.svg = argv[++i];
			else if (!parse_count(argv[++i], &o.top))
				return usage_error("--top: not a number",
						   argv[i]);
		} else if (!strncmp(a, "--records=", 10)) {
			sv_push(&records, a + 10);
		} else if (!strncmp(a, "--svg=", 6)) {
			o.svg = a + 6;
		} else if (!strncmp(a, "--top=", 6)) {
			if (!parse_count(a + 6, &o.top))
				return usage_error("--top: not a number", a + 6);
		} else if (a[0] == '-' && a[1]) {
			return usage_error("unknown option", a);
		} else {
			sv_push(&profiles, a);
		}
	}
	if (!profiles.n)
		return usage_error("report: no profile given", NULL);
	status = report_run(&o, &profiles, &records);
	sv_free(&profiles);
	sv_free(&records);
	return status;
}

/* ------------------------------------------------------------------ sizes */

static int cmd_sizes(int argc, char **argv)
{
	strvec profiles = {0};
	const char *out = NULL;
	int status;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-o")) {
			if (i + 1 >= argc)
				return usage_error("missing value after", a);
			out = argv[++i];
		} else if (!strncmp(a, "-o", 2)) {
			out = a + 2;
		} else if (a[0] == '-' && a[1]) {
			return usage_error("unknown option", a);
		} else {
			sv_push(&profiles, a);
		}
	}
	if (!profiles.n)
		return usage_error("sizes: no profile given", NULL);
	status = sizes_run(out, &profiles);
	sv_free(&profiles);
	return status;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("no command given", NULL);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("heap2stack-profile (heap2stack, LLVM %d)\n",
		       H2S_LLVM_MAJOR);
		return 0;
	}
	if (!strcmp(argv[1], "run"))
		return cmd_run(argc - 2, argv + 2);
	if (!strcmp(argv[1], "report"))
		return cmd_report(argc - 2, argv + 2);
	if (!strcmp(argv[1], "sizes"))
		return cmd_sizes(argc - 2, argv + 2);
	return usage_error("unknown command", argv[1]);
}

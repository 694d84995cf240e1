/*
 * Reporting several files: each is prepared (its compile command, a
 * records file), compiled with the plugin, N at a time with -j N, and
 * then read back (the records, its source through libclang) in the order
 * the files were given, so that the report and the messages do not
 * depend on which compile finished first.
 *
 * With -j above 1 each compile runs in a helper process of its own: a
 * fork of escape-report that calls run_compile(), with its own --timeout
 * alarm and its own process group for clang, exactly as the one-at-a-time
 * path does, and hands back its error message through a pipe. The report
 * itself (libclang, the findings) stays in this process.
 */
#define _GNU_SOURCE
#include "escape-report.h"

#include <errno.h>
#include <limits.h>
#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct unit {
	const char *file;
	job j;
	int ready;             /* job made, records file created, compiled */
	const char *level;
	char tmp[PATH_MAX];    /* the records file */
	char err[1024];        /* why it failed, printed in order */
	pid_t helper;          /* -j: the process compiling it */
	int errfd;             /* -j: its message */
} unit;

/* What the signal handler cleans up: the units of this process, or in a
 * helper the one records file it writes. */
static unit *volatile live_units;
static volatile unsigned live_n;
static const char *volatile helper_tmp;

void batch_cleanup(void)
{
	unit *u = live_units;
	if (helper_tmp)
		unlink(helper_tmp);
	for (unsigned i = 0; u && i < live_n; i++) {
		if (u[i].helper > 0)
			kill(u[i].helper, SIGTERM);
		if (u[i].tmp[0])
			unlink(u[i].tmp);
	}
}

/* The job and the records file of one file; 0, or -1 with u->err. */
static int unit_prepare(unit *u, const config *cfg, struct db *db,
			char **extra, int nextra)
{
	int demoted;
	if (job_init(&u->j, u->file, db, extra, nextra, u->err,
		     sizeof u->err) != 0)
		return -1;
	u->level = job_level(cfg, &u->j, &demoted);
	if (demoted)
		warning_msg("%s: its compile command builds it at %s, where "
			    "heap2stack does not run: reported at %s (give "
			    "-O1, -O2, -O3, -Os, -Oz or -Og to choose)",
			    u->file, u->j.opt, cfg->opt);
	if (temp_file(u->tmp, sizeof u->tmp, "escape-report", u->err,
		      sizeof u->err) != 0) {
		u->tmp[0] = '\0';
		return -1;
	}
	return 0;
}

/* Starts a helper that compiles u; 0, or -1 with u->err. */
static int helper_start(unit *u, const config *cfg)
{
	int fd[2];
	pid_t pid;
	if (pipe(fd) != 0) {
		snprintf(u->err, sizeof u->err, "%s: cannot start a compile: "
			 "%s", u->file, strerror(errno));
		return -1;
	}
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		snprintf(u->err, sizeof u->err, "%s: cannot start a compile: "
			 "%s", u->file, strerror(errno));
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	if (pid == 0) {
		char err[1024] = "";
		int rc;
		live_units = NULL;
		live_n = 0;
		helper_tmp = u->tmp;
		close(fd[0]);
		rc = run_compile(cfg, &u->j, u->tmp, err, sizeof err);
		/* at most 1024 bytes: one write into an empty pipe */
		if (rc != 0 && write(fd[1], err, strlen(err)) < 0)
			_exit(2);
		_exit(rc != 0);
	}
	close(fd[1]);
	u->helper = pid;
	u->errfd = fd[0];
	return 0;
}

/* Reads what helper u reported once it has ended with status st. */
static void helper_finish(unit *u, int st)
{
	ssize_t n, got = 0;
	while ((n = read(u->errfd, u->err + got,
			 sizeof u->err - 1 - (size_t)got)) > 0 ||
	       (n < 0 && errno == EINTR))
		if (n > 0)
			got += n;
	u->err[got] = '\0';
	close(u->errfd);
	u->helper = 0;
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return;
	u->ready = 0;
	if (!u->err[0])
		snprintf(u->err, sizeof u->err,
			 "%s: the process compiling it ended abnormally",
			 u->file);
}

/* Compiles the ready units, at most jobs at a time. */
static void compile_parallel(unit *u, unsigned n, const config *cfg,
			     unsigned jobs)
{
	unsigned next = 0, running = 0;
	for (;;) {
		pid_t pid;
		int st;
		for (; running < jobs && next < n; next++) {
			if (!u[next].ready)
				continue;
			if (helper_start(&u[next], cfg) == 0)
				running++;
			else
				u[next].ready = 0;
		}
		if (!running)
			return;
		pid = waitpid(-1, &st, 0);
		if (pid < 0 && errno == EINTR)
			continue;
		if (pid < 0)
			return; /* no child left: cannot happen */
		for (unsigned i = 0; i < n; i++)
			if (u[i].helper == pid) {
				helper_finish(&u[i], st);
				running--;
				break;
			}
	}
}

/* Reads u's records and source into the report; 0, or -1 after the
 * error message. */
static int unit_report(report *rep, const config *cfg, unit *u,
		       const char *cwd)
{
	char err[1024];
	records rec;
	size_t len;
	char *text = read_file(u->tmp, &len);
	source *src;
	if (!text) {
		error_msg("%s: cannot read the plugin's records: %s", u->file,
			  strerror(errno));
		return -1;
	}
	memset(&rec, 0, sizeof rec);
	if (records_parse(text, len, &rec, err, sizeof err) != 0) {
		error_msg("%s: the plugin's records: %s", u->file, err);
		free(text);
		records_free(&rec);
		return -1;
	}
	free(text);
	src = source_open(&u->j, job_level(cfg, &u->j, NULL));
	if (!source_ok(src))
		warning_msg("%s: libclang could not parse it; expressions are "
			    "shown as the allocator and its size",
			    u->file);
	report_add(rep, &u->j, &rec, src, cwd);
	source_close(src);
	records_free(&rec);
	return 0;
}

int report_files(report *rep, const config *cfg, char **files, unsigned n,
		 struct db *db, char **extra, int nextra, const char *cwd,
		 unsigned jobs)
{
	unit *u = xcalloc(n + 1, sizeof *u);
	int failed = 0;
	for (unsigned i = 0; i < n; i++) {
		u[i].file = files[i];
		u[i].ready = unit_prepare(&u[i], cfg, db, extra, nextra) == 0;
	}
	live_units = u;
	live_n = n;
	if (jobs > 1)
		compile_parallel(u, n, cfg, jobs);
	else
		for (unsigned i = 0; i < n; i++)
			if (u[i].ready &&
			    run_compile(cfg, &u[i].j, u[i].tmp, u[i].err,
					sizeof u[i].err) != 0)
				u[i].ready = 0;
	for (unsigned i = 0; i < n; i++) {
		int ok = u[i].ready;
		if (!ok && u[i].err[0])
			error_msg("%s", u[i].err);
		if (ok && unit_report(rep, cfg, &u[i], cwd) != 0)
			ok = 0;
		if (u[i].tmp[0])
			unlink(u[i].tmp);
		u[i].tmp[0] = '\0';
		report_input(rep, u[i].file, ok ? u[i].level : NULL);
		job_free(&u[i].j);
		failed |= !ok;
	}
	live_units = NULL;
	live_n = 0;
	free(u);
	return failed ? -1 : 0;
}

int db_select(struct db *db, const char *pattern, strvec *out, char *err,
	      size_t errlen)
{
	regex_t re;
	strvec all = {0};
	int rc;
	if (pattern) {
		rc = regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB);
		if (rc != 0) {
			char msg[256];
			regerror(rc, &re, msg, sizeof msg);
			snprintf(err, errlen, "--match=%s: %s", pattern, msg);
			return -2;
		}
	}
	db_files(db, &all);
	for (unsigned i = 0; i < all.n; i++)
		if (!pattern || regexec(&re, all.v[i], 0, NULL, 0) == 0)
			sv_push(out, all.v[i]);
	sv_free(&all);
	if (pattern)
		regfree(&re);
	if (!out->n) {
		snprintf(err, errlen, "no file of the compilation database%s%s",
			 pattern ? " matches --match=" : "",
			 pattern ? pattern : "");
		return -1;
	}
	return 0;
}

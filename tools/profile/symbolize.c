/*
 * Module addresses to source positions, with llvm-symbolizer (the one of
 * the LLVM release heap2stack was built for, or $HEAP2STACK_SYMBOLIZER).
 * One run per module: the addresses go in on standard input, and for each
 * the symbolizer prints `FUNCTION` and `FILE:LINE:COL` per inlined frame,
 * innermost first, then an empty line.
 *
 * A profile site's address is the allocation call's return address, the
 * instruction after the call; the call itself is at the address before it.
 */
#define _GNU_SOURCE
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *symbolizer(void)
{
	const char *env = getenv("HEAP2STACK_SYMBOLIZER");
	if (env && *env)
		return env;
	if (access(H2S_SYMBOLIZER, X_OK) == 0)
		return H2S_SYMBOLIZER;
	return "llvm-symbolizer";
}

/* Runs argv with standard input from the file `in`; returns its standard
 * output (malloc'd), or NULL after an error message. */
static char *capture(char *const argv[], const char *in)
{
	int fds[2], status;
	pid_t pid;
	strbuf b = {0};
	char chunk[65536];
	ssize_t n;
	if (pipe(fds)) {
		error_msg("pipe: %s", strerror(errno));
		return NULL;
	}
	pid = fork();
	if (pid < 0) {
		error_msg("fork: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return NULL;
	}
	if (pid == 0) {
		int fd = open(in, O_RDONLY);
		if (fd < 0 || dup2(fd, 0) < 0 || dup2(fds[1], 1) < 0)
			_exit(127);
		close(fds[0]);
		execvp(argv[0], argv);
		error_msg("cannot run %s: %s (set HEAP2STACK_SYMBOLIZER)",
			  argv[0], strerror(errno));
		_exit(127);
	}
	close(fds[1]);
	sb_puts(&b, "");
	while ((n = read(fds[0], chunk, sizeof chunk)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		chunk[n] = '\0';
		for (ssize_t i = 0; i < n; i++)
			sb_putc(&b, chunk[i]);
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		error_msg("%s failed (exit status %d)", argv[0],
			  WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		free(sb_take(&b));
		return NULL;
	}
	return sb_take(&b);
}

/* Parses "FILE:LINE:COL" (FILE may contain ':'). */
static void parse_position(const char *s, src_frame *f)
{
	const char *c2 = strrchr(s, ':'), *c1 = NULL;
	f->line = f->col = 0;
	if (c2) {
		for (const char *p = c2 - 1; p >= s; p--)
			if (*p == ':') {
				c1 = p;
				break;
			}
	}
	if (c1 && c2) {
		f->file = xstrndup(s, (size_t)(c1 - s));
		f->line = (unsigned)strtoul(c1 + 1, NULL, 10);
		f->col = (unsigned)strtoul(c2 + 1, NULL, 10);
	} else {
		f->file = xstrdup(s);
	}
	if (!strcmp(f->file, "??")) {
		free(f->file);
		f->file = xstrdup("");
	}
}

/* Reads one address's block of frames from *text; advances it. */
static void parse_block(char **text, site_info *s)
{
	char *p = *text;
	while (*p && *p != '\n') {
		char *fn = p, *pos = strchr(p, '\n'), *end;
		src_frame f;
		if (!pos)
			break;
		*pos++ = '\0';
		end = strchr(pos, '\n');
		if (end)
			*end++ = '\0';
		memset(&f, 0, sizeof f);
		f.function = xstrdup(strcmp(fn, "??") ? fn : "");
		parse_position(pos, &f);
		s->frames = xrealloc(s->frames,
				     (s->nframes + 1) * sizeof *s->frames);
		s->frames[s->nframes++] = f;
		p = end ? end : pos + strlen(pos);
	}
	if (*p == '\n')
		p++;
	*text = p;
}

int symbolize(site_info *s, size_t n)
{
	const char *tool = symbolizer();
	char *done = xcalloc(n ? n : 1, 1);
	int status = 0;
	for (size_t i = 0; i < n && !status; i++) {
		char in[] = "/tmp/heap2stack-profile.addr.XXXXXX";
		char *obj, *out, *cursor, *argv[6];
		FILE *f;
		int fd;
		if (done[i])
			continue;
		fd = mkstemp(in);
		if (fd < 0 || !(f = fdopen(fd, "w"))) {
			error_msg("cannot create a temporary file: %s",
				  strerror(errno));
			free(done);
			return -1;
		}
		for (size_t j = i; j < n; j++)
			if (!done[j] && !strcmp(s[j].p->module, s[i].p->module))
				fprintf(f, "0x%llx\n",
					(unsigned long long)(s[j].p->vaddr
								     ? s[j].p->vaddr - 1
								     : 0));
		fclose(f);
		obj = xasprintf("--obj=%s", s[i].p->module);
		argv[0] = (char *)tool;
		argv[1] = obj;
		argv[2] = (char *)"--inlining";
		/* linkage names, as the records name functions */
		argv[3] = (char *)"--functions=linkage";
		argv[4] = (char *)"--no-demangle";
		argv[5] = NULL;
		out = capture(argv, in);
		unlink(in);
		free(obj);
		if (!out) {
			status = -1;
			break;
		}
		cursor = out;
		for (size_t j = i; j < n; j++)
			if (!done[j] && !strcmp(s[j].p->module, s[i].p->module)) {
				parse_block(&cursor, &s[j]);
				done[j] = 1;
			}
		free(out);
	}
	free(done);
	return status;
}

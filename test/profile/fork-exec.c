// Processes: every process the command starts writes its own profile, and
// `run` merges them. A forked child starts with empty counters and forgets
// its parent's blocks; _exit and exec write the profile too (neither runs
// exit handlers). Expected, by construction:
//
//   level0     malloc(16) freed in level0: 3 calls in child 1 (exit), 1 in
//              child 2 (_exit), 1 in the parent, 2 in the image child 3
//              execs: k0 7
//   main       `before`, malloc(8) made by the parent before the forks and
//              freed by it (child 1 frees its copy: not counted there): k0 1
//   spawn      malloc(5) in child 3, still allocated when it execs:
//              unfreed 1
//
// Processes: parent, child 1, child 2, child 3 before and after its exec: 5.
//
// RUN: %clang -O2 -g -finstrument-functions-after-inlining %s -o %t
// RUN: %h2s_profile run -o %t.prof -- %t 2>&1 | FileCheck --check-prefix=OUT %s
// RUN: %h2s_profile report --json %t.prof | FileCheck %s
//
// OUT: heap2stack-profile: 5 processes, 9 allocations by the program, 8 freed inside their function (k=0)
// CHECK: "totals": {"allocations": 9, "k0": 8, "k1": 0, "k2": 0, "k3": 0, "outlived": 0, "unfreed": 1,
// CHECK-DAG: "function": "level0", {{.*}}"allocations": 7, {{.*}}"k0": 7, "k1": 0,
// CHECK-DAG: "function": "main", {{.*}}"allocations": 1, "bytes": 8, {{.*}}"k0": 1, "k1": 0,
// CHECK-DAG: "function": "spawn", {{.*}}"allocations": 1, "bytes": 5, {{.*}}"k0": 0, "k1": 0, "k2": 0, "k3": 0, "outlived": 0, "unfreed": 1,
#include "Inputs/common.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

NOINLINE void level0(void)
{
	char *p = malloc(16);
	touch(p);
	free(p);
}

NOINLINE void spawn(const char *self)
{
	char *x = malloc(5);
	touch(x);
	execl("/proc/self/exe", self, "exec", (char *)NULL);
	_exit(1);
}

static void wait_child(pid_t pid)
{
	int status;
	waitpid(pid, &status, 0);
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		exit(1);
}

int main(int argc, char **argv)
{
	char *before;
	pid_t pid;
	if (argc > 1 && !strcmp(argv[1], "exec")) {
		level0();
		level0();
		return 0;
	}
	before = malloc(8);
	touch(before);
	pid = fork();
	if (pid == 0) {
		for (int i = 0; i < 3; i++)
			level0();
		free(before);
		exit(0);
	}
	wait_child(pid);
	pid = fork();
	if (pid == 0) {
		level0();
		_exit(0);
	}
	wait_child(pid);
	free(before);
	level0();
	pid = fork();
	if (pid == 0)
		spawn(argv[0]);
	wait_child(pid);
	return 0;
}

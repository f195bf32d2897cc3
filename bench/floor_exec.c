/*
 * floor_exec: the kernel floor for starting processes one after another.
 *
 *   floor_exec [-v] N [PROG [ARG...]]
 *
 * Runs PROG (default /bin/true) N times, strictly sequentially: fork (or
 * vfork with -v), execve, waitpid.  No PATH search: PROG is used as given.
 * Exits 1 if any child fails to start or exits non-zero.
 *
 * Also used by bench/run.sh as the start-up driver ("SHELL -c true" N times),
 * so every shell is started by the same minimal loop.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* The child never returns from here: it execs or _exits. */
static pid_t start(int use_vfork, char **cargv)
{
	pid_t pid = use_vfork ? vfork() : fork();

	if (pid == 0) {
		execve(cargv[0], cargv, environ);
		_exit(127);
	}
	return pid;
}

static void usage(void)
{
	fprintf(stderr, "usage: floor_exec [-v] N [PROG [ARG...]]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	int use_vfork = 0;
	int i = 1;
	char *defargv[] = { "/bin/true", NULL };
	char **cargv;
	char *end;
	long n, k;

	if (i < argc && strcmp(argv[i], "-v") == 0) {
		use_vfork = 1;
		i++;
	}
	if (i >= argc)
		usage();
	errno = 0;
	n = strtol(argv[i], &end, 10);
	if (errno || *end || n < 0)
		usage();
	i++;
	cargv = i < argc ? argv + i : defargv;

	for (k = 0; k < n; k++) {
		pid_t pid = start(use_vfork, cargv);
		int st;

		if (pid < 0) {
			perror("fork");
			return 1;
		}
		while (waitpid(pid, &st, 0) < 0) {
			if (errno != EINTR) {
				perror("waitpid");
				return 1;
			}
		}
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			fprintf(stderr, "floor_exec: %s failed (status 0x%x) at run %ld\n",
				cargv[0], (unsigned)st, k);
			return 1;
		}
	}
	return 0;
}

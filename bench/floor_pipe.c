/*
 * floor_pipe: the kernel floor for four-stage pipelines.
 *
 *   floor_pipe [-v] N
 *
 * Builds N pipelines "/bin/true | /bin/true | /bin/true | /bin/true", one
 * after another, with nothing but pipe, fork (or vfork with -v), dup2,
 * close, execve and waitpid -- what a shell must do at the very least.
 * Exits 1 if any stage fails to start or exits non-zero.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define STAGES 4

extern char **environ;
static char *cargv[] = { "/bin/true", NULL };

/*
 * Start one stage reading from in (if >= 0) and writing to p[1] (if >= 0).
 * The child never returns from here: it execs or _exits.
 */
static pid_t start(int use_vfork, int in, const int p[2])
{
	pid_t pid = use_vfork ? vfork() : fork();

	if (pid == 0) {
		if (in >= 0) {
			dup2(in, 0);
			close(in);
		}
		if (p[1] >= 0) {
			dup2(p[1], 1);
			close(p[1]);
			close(p[0]);
		}
		execve(cargv[0], cargv, environ);
		_exit(127);
	}
	return pid;
}

static void usage(void)
{
	fprintf(stderr, "usage: floor_pipe [-v] N\n");
	exit(2);
}

int main(int argc, char **argv)
{
	int use_vfork = 0;
	int i = 1;
	char *end;
	long n, k;

	if (i < argc && strcmp(argv[i], "-v") == 0) {
		use_vfork = 1;
		i++;
	}
	if (i + 1 != argc)
		usage();
	errno = 0;
	n = strtol(argv[i], &end, 10);
	if (errno || *end || n < 0)
		usage();

	for (k = 0; k < n; k++) {
		pid_t pids[STAGES];
		int in = -1; /* read end of the previous pipe */
		int s;

		for (s = 0; s < STAGES; s++) {
			int p[2] = { -1, -1 };
			pid_t pid;

			if (s < STAGES - 1 && pipe(p) < 0) {
				perror("pipe");
				return 1;
			}
			pid = start(use_vfork, in, p);
			if (pid < 0) {
				perror("fork");
				return 1;
			}
			pids[s] = pid;
			if (in >= 0)
				close(in);
			if (p[1] >= 0)
				close(p[1]);
			in = p[0];
		}
		for (s = 0; s < STAGES; s++) {
			int st;

			while (waitpid(pids[s], &st, 0) < 0) {
				if (errno != EINTR) {
					perror("waitpid");
					return 1;
				}
			}
			if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
				fprintf(stderr, "floor_pipe: stage %d failed (status 0x%x) at run %ld\n",
					s, (unsigned)st, k);
				return 1;
			}
		}
	}
	return 0;
}

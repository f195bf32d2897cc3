/* Job builtins: wait, kill, jobs, fg, bg. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/builtins.h"
#include "error.h"
#include "jobs.h"
#include "shell.h"
#include "trace.h"
#include "trap.h"

/* Wait for every running job; stopped jobs stay in the table for fg/bg.
 * A signal (Ctrl-C, a trap) ends the wait with status 128+n. */
static int wait_all(void)
{
	struct job *next;
	for (struct job *j = jobs; j; j = next) {
		next = j->next;
		if (job_state(j) == JOB_STOPPED || j->inherited)
			continue;
		int st = job_wait(j);
		if (job_state(j) == JOB_RUNNING)
			return st;
		if (job_state(j) == JOB_DONE)
			job_remove(j);
	}
	return 0;
}

int builtin_wait(int argc, char **argv)
{
	int i = 1;
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i == argc)
		return wait_all();
	int st = 0;
	for (; i < argc; i++) {
		struct job *j;
		if (argv[i][0] == '%') {
			j = job_find(argv[i], "wait");
			if (!j) {
				st = 2;   /* dash: no such job is an error */
				continue;
			}
		} else {
			char *end;
			long pid = strtol(argv[i], &end, 10);
			if (*end || pid <= 0) {
				sh_warn("wait: Illegal number: %s", argv[i]);
				return 2;
			}
			j = job_by_pid((pid_t)pid);
			if (!j) {
				st = 127;
				continue;
			}
		}
		st = job_wait(j);
		if (job_state(j) == JOB_RUNNING)
			return st;   /* interrupted by a signal */
		if (job_state(j) == JOB_DONE)
			job_remove(j);
	}
	return st;
}

/* kill -l: every signal name, or the name of one signal number or of an
 * exit status of a killed command (128 + n). Like dash, only the first
 * operand counts. */
static int list_signals(int argc, char **argv, int i)
{
	char buf[16];
	if (i == argc) {
		puts("0");   /* dash lists the null signal too */
		for (int sig = 1; sig < NSIGS; sig++)
			printf("%s\n", builtin_signal_label(sig, buf));
		return 0;
	}
	char *end;
	long n = strtol(argv[i], &end, 10);
	if (*end || !*argv[i]) {
		sh_warn("kill: Illegal number: %s", argv[i]);
		return 2;
	}
	if (n > 128)
		n -= 128;
	if (n <= 0 || n >= NSIGS) {
		sh_warn("kill: invalid signal number or exit status: %s", argv[i]);
		return 2;
	}
	printf("%s\n", builtin_signal_label((int)n, buf));
	return 0;
}

/* A stopped job only acts on most signals once continued: like bash,
 * kill %n follows such a signal with SIGCONT. */
static bool wakes_stopped_job(struct job *j, int sig)
{
	jobs_reap();   /* it may have stopped since the last look */
	if (job_state(j) != JOB_STOPPED)
		return false;
	return sig != SIGSTOP && sig != SIGTSTP && sig != SIGTTIN && sig != SIGTTOU &&
	       sig != SIGCONT && sig != 0;
}

int builtin_kill(int argc, char **argv)
{
	int sig = SIGTERM;
	int i = 1;
	if (i < argc && (strcmp(argv[i], "-l") == 0 || strcmp(argv[i], "-L") == 0))
		return list_signals(argc, argv, i + 1);
	if (i < argc && strcmp(argv[i], "-s") == 0) {
		if (i + 1 >= argc)
			return builtin_usage("kill");
		sig = builtin_decode_signal(argv[i + 1]);
		if (sig < 0) {
			sh_warn("kill: invalid signal number or name: %s", argv[i + 1]);
			return 2;
		}
		i += 2;
	} else if (i < argc && argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--") != 0) {
		sig = builtin_decode_signal(argv[i] + 1);
		if (sig < 0) {
			sh_warn("kill: invalid signal number or name: %s", argv[i] + 1);
			return 2;
		}
		i++;
	}
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i == argc)
		return builtin_usage("kill");
	int st = 0;
	for (; i < argc; i++) {
		pid_t target;
		bool wake = false;
		if (argv[i][0] == '%') {
			struct job *j = job_find(argv[i], "kill");
			if (!j) {
				st = 2;   /* dash: no such job is an error */
				continue;
			}
			target = j->pgid ? -j->pgid : j->procs[0].pid;
			wake = j->pgid && wakes_stopped_job(j, sig);
			if (!j->pgid) {
				for (int k = 0; k < j->nprocs; k++)
					if (!j->procs[k].done && t_kill(j->procs[k].pid, sig) < 0)
						st = 1;
				continue;
			}
		} else {
			char *end;
			long n = strtol(argv[i], &end, 10);
			if (*end || !*argv[i]) {
				sh_warn("kill: %s: arguments must be process or job IDs", argv[i]);
				st = 1;
				continue;
			}
			target = (pid_t)n;
		}
		if (t_kill(target, sig) < 0) {
			sh_warn("kill: (%s) - %s", argv[i], strerror(errno));
			st = 1;
		} else if (wake) {
			t_kill(target, SIGCONT);
		}
	}
	return st;
}

int builtin_jobs(int argc, char **argv)
{
	char flags[128];
	int i = builtin_getopts(argc, argv, "lp", flags);
	if (i < 0)
		return 2;
	jobs_reap();
	if (i < argc) {
		int st = 0;
		for (; i < argc; i++) {
			struct job *j = job_find(argv[i], "jobs");
			if (j)
				job_print(j, 1, flags['l'], flags['p']);
			else
				st = 1;
		}
		return st;
	}
	/* Oldest first, as other shells list them. */
	int n = 0;
	for (struct job *j = jobs; j; j = j->next)
		n++;
	struct job **all = malloc(sizeof *all * (size_t)(n ? n : 1));
	n = 0;
	for (struct job *j = jobs; j; j = j->next)
		all[n++] = j;
	fflush(stdout);
	for (int k = n - 1; k >= 0; k--) {
		job_print(all[k], 1, flags['l'], flags['p']);
		all[k]->notified = true;
	}
	/* Finished jobs have been reported now: forget them. */
	for (int k = 0; k < n; k++)
		if (job_state(all[k]) == JOB_DONE)
			job_remove(all[k]);
	free(all);
	return 0;
}

static struct job *job_arg(int argc, char **argv, const char *who)
{
	if (argc > 1)
		return job_find(argv[1], who);
	struct job *j = job_current();
	if (!j)
		sh_warn("%s: no current job", who);
	return j;
}

int builtin_fg(int argc, char **argv)
{
	if (!opts[OPT_MONITOR]) {
		sh_warn("fg: no job control");
		return 1;
	}
	struct job *j = job_arg(argc, argv, "fg");
	if (!j)
		return 1;
	printf("%s\n", j->cmd);
	fflush(stdout);
	return job_continue(j, true);
}

int builtin_bg(int argc, char **argv)
{
	if (!opts[OPT_MONITOR]) {
		sh_warn("bg: no job control");
		return 1;
	}
	int st = 0;
	for (int i = 1; i < argc || i == 1; i++) {
		struct job *j = argc > 1 ? job_find(argv[i], "bg") : job_arg(argc, argv, "bg");
		if (!j) {
			st = 1;
			if (argc == 1)
				break;
			continue;
		}
		printf("[%d]%c %s &\n", j->id, j == job_current() ? '+' : j == job_previous() ? '-' : ' ',
		       j->cmd);
		fflush(stdout);
		job_continue(j, false);
		if (argc == 1)
			break;
	}
	return st;
}

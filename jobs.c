/* Jobs and waiting (see jobs.h). */
#include "jobs.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "error.h"
#include "memalloc.h"
#include "redir.h"
#include "shell.h"
#include "trace.h"
#include "trap.h"

struct job *jobs;
int jobs_ttyfd = -1;
pid_t jobs_shell_pgid;
static unsigned long job_seq;
static struct termios shell_tmodes;
static bool have_tmodes;

/* Finished background jobs remembered for `wait` beyond this are dropped
 * (oldest first), so endless background loops do not grow the shell. */
#define MAX_DONE_JOBS 1024

struct job *job_new(const char *cmd, bool foreground)
{
	struct job *j = xcalloc(1, sizeof *j);
	j->cmd = xstrdup(cmd ? cmd : "");
	j->foreground = foreground;
	return j;
}

void job_add_proc(struct job *j, pid_t pid, const char *name)
{
	if (j->nprocs == j->cap) {
		j->cap = j->cap ? j->cap * 2 : 4;
		j->procs = xrealloc(j->procs, sizeof *j->procs * (size_t)j->cap);
	}
	struct proc *p = &j->procs[j->nprocs++];
	memset(p, 0, sizeof *p);
	p->pid = pid;
	p->name = xstrdup(name ? name : "");
}

void job_free(struct job *j)
{
	for (int i = 0; i < j->nprocs; i++)
		free(j->procs[i].name);
	free(j->procs);
	free(j->cmd);
	free(j);
}

void job_remove(struct job *j)
{
	for (struct job **pp = &jobs; *pp; pp = &(*pp)->next) {
		if (*pp == j) {
			*pp = j->next;
			break;
		}
	}
	job_free(j);
}

static int next_job_id(void)
{
	int id = 1;
	for (bool taken = true; taken; ) {
		taken = false;
		for (struct job *j = jobs; j; j = j->next)
			if (j->id == id) {
				taken = true;
				id++;
			}
	}
	return id;
}

static void forget_old_done_jobs(void)
{
	int ndone = 0;
	struct job *oldest = NULL;
	for (struct job *j = jobs; j; j = j->next)
		if (job_state(j) == JOB_DONE) {
			ndone++;
			oldest = j;
		}
	if (ndone > MAX_DONE_JOBS && oldest)
		job_remove(oldest);
}

void job_register(struct job *j)
{
	j->id = next_job_id();
	j->seq = ++job_seq;
	j->next = jobs;
	jobs = j;
	forget_old_done_jobs();
}

enum job_state job_state(const struct job *j)
{
	bool stopped = false;
	for (int i = 0; i < j->nprocs; i++) {
		if (j->procs[i].stopped)
			stopped = true;
		else if (!j->procs[i].done)
			return JOB_RUNNING;
	}
	return stopped ? JOB_STOPPED : JOB_DONE;
}

static int status_of(int ws)
{
	if (WIFEXITED(ws))
		return WEXITSTATUS(ws);
	if (WIFSIGNALED(ws))
		return 128 + WTERMSIG(ws);
	if (WIFSTOPPED(ws))
		return 128 + WSTOPSIG(ws);
	return 0;
}

int job_status(const struct job *j)
{
	if (j->nprocs == 0)
		return 0;
	int st = status_of(j->procs[j->nprocs - 1].status);
	if (opts[OPT_PIPEFAIL])
		for (int i = j->nprocs - 1; i >= 0; i--)
			if (status_of(j->procs[i].status)) {
				st = status_of(j->procs[i].status);
				break;
			}
	return st;
}

static struct proc *find_proc(pid_t pid, struct job **jp)
{
	for (struct job *j = jobs; j; j = j->next)
		for (int i = 0; i < j->nprocs; i++)
			if (j->procs[i].pid == pid) {
				*jp = j;
				return &j->procs[i];
			}
	return NULL;
}

static void record(struct proc *p, int ws)
{
	if (WIFCONTINUED(ws)) {
		p->stopped = false;
		return;
	}
	p->status = ws;
	p->stopped = WIFSTOPPED(ws);
	p->done = !p->stopped;
}

void jobs_reap(void)
{
	int ws;
	pid_t pid;
	int flags = WNOHANG | (opts[OPT_MONITOR] ? WUNTRACED | WCONTINUED : 0);
	while ((pid = t_waitpid(-1, &ws, flags)) > 0) {
		struct job *j;
		struct proc *p = find_proc(pid, &j);
		if (p) {
			record(p, ws);
			j->notified = false;
		}
	}
}

static int reported_status(const struct job *j, enum job_state st);

/* Back at the prompt after a foreground job: a job that ended normally may
 * have changed the terminal on purpose (stty), so its modes are kept; one
 * that was stopped or killed (vi, less) gets the shell's modes back. */
static void keep_or_restore_tmodes(const struct job *j)
{
	if (jobs_ttyfd < 0 || !have_tmodes)
		return;
	int ws = j->procs[j->nprocs - 1].status;
	if (job_state(j) == JOB_DONE && WIFEXITED(ws))
		tcgetattr(jobs_ttyfd, &shell_tmodes);
	else
		tcsetattr(jobs_ttyfd, TCSADRAIN, &shell_tmodes);
}

/* Ctrl-C killed the foreground job of an interactive shell: the shell
 * behaves as if it got the SIGINT itself (the job had the terminal, so it
 * did not), and the rest of the command line is abandoned. */
static void interrupt_shell_if_sigint(const struct job *j)
{
	int ws = j->procs[j->nprocs - 1].status;
	if (!sh.interactive || sh.in_child || !WIFSIGNALED(ws) || WTERMSIG(ws) != SIGINT)
		return;
	if (trap_get(SIGINT))
		return;
	got_sigint = 2;   /* 2: the newline after ^C is already out (report_signal) */
	trap_pending = 1;
}

/* A foreground child killed by a signal is reported like other shells do. */
static void report_signal(struct job *j)
{
	struct proc *last = &j->procs[j->nprocs - 1];
	if (!WIFSIGNALED(last->status))
		return;
	int sig = WTERMSIG(last->status);
	if (sig == SIGINT && sh.interactive) {
		(void)!write(2, "\n", 1);
		return;
	}
	if (sig == SIGINT || sig == SIGPIPE)
		return;
	char buf[128];
	snprintf(buf, sizeof buf, "%s%s\n", strsignal(sig),
	         WCOREDUMP(last->status) ? " (core dumped)" : "");
	(void)!write(2, buf, strlen(buf));
}

/* Wait until every process of j ended or stopped. With `interruptible`
 * (the wait builtin), a signal the shell handles ends the wait early:
 * returns that signal, else 0. */
static int wait_procs(struct job *j, int options, bool interruptible)
{
	for (int i = 0; i < j->nprocs; i++) {
		struct proc *p = &j->procs[i];
		while (!p->done && !p->stopped) {
			int ws = 0;
			pid_t r = t_waitpid(p->pid, &ws, options);
			if (r == p->pid) {
				record(p, ws);
			} else if (r < 0 && errno == EINTR && interruptible && trap_pending_signal()) {
				return trap_pending_signal();
			} else if (r < 0 && errno != EINTR) {
				/* Already collected elsewhere: nothing more to learn. */
				p->done = true;
				p->status = 0;
			}
		}
	}
	return 0;
}

int job_wait_foreground(struct job *j)
{
	int options = j->control ? WUNTRACED : 0;
	wait_procs(j, options, false);
	if (j->control) {
		jobs_give_terminal(jobs_shell_pgid);
		keep_or_restore_tmodes(j);
	}
	int st = job_status(j);
	if (job_state(j) == JOB_STOPPED) {
		if (!j->id)
			job_register(j);
		j->foreground = false;
		j->notified = true;
		fprintf(stderr, "\n");
		job_print(j, 2, false, false);
		int stopped_st = 128 + WSTOPSIG(reported_status(j, JOB_STOPPED));
		/* As in bash, Ctrl-Z also ends the rest of the command line (a loop). */
		if (sh.interactive && !sh.in_child)
			trap_abort_command_line(stopped_st);
		return stopped_st;
	}
	report_signal(j);
	interrupt_shell_if_sigint(j);
	if (j->id)
		job_remove(j);
	else
		job_free(j);
	return st;
}

int job_wait(struct job *j)
{
	if (j->inherited)
		return 127;
	int sig = wait_procs(j, opts[OPT_MONITOR] ? WUNTRACED : 0, true);
	return sig ? 128 + sig : job_status(j);
}

struct job *job_by_pid(pid_t pid)
{
	struct job *j;
	return find_proc(pid, &j) ? j : NULL;
}

static struct job *nth_by_seq(int rank)
{
	/* rank 0: the most recent, 1: the one before; stopped jobs first. */
	struct job *best[2] = { NULL, NULL };
	for (int pass = 0; pass < 2; pass++)
		for (struct job *j = jobs; j; j = j->next) {
			bool stopped = job_state(j) == JOB_STOPPED;
			if ((pass == 0) != stopped)
				continue;
			for (int k = 0; k < 2; k++) {
				if (best[k] == j)
					break;
				if (!best[k] || (j->seq > best[k]->seq && (pass == 0 || job_state(best[k]) != JOB_STOPPED))) {
					if (k == 0)
						best[1] = best[0];
					best[k] = j;
					break;
				}
			}
		}
	return best[rank];
}

struct job *job_current(void)
{
	return nth_by_seq(0);
}

struct job *job_previous(void)
{
	return nth_by_seq(1);
}

struct job *job_find(const char *spec, const char *who)
{
	struct job *found = NULL;
	if (spec[0] != '%') {
		char *end;
		long pid = strtol(spec, &end, 10);
		if (*end || pid <= 0) {
			sh_warn("%s: %s: arguments must be process or job IDs", who, spec);
			return NULL;
		}
		found = job_by_pid((pid_t)pid);
	} else if (!spec[1] || strcmp(spec, "%%") == 0 || strcmp(spec, "%+") == 0) {
		found = job_current();
	} else if (strcmp(spec, "%-") == 0) {
		found = job_previous();
	} else if (spec[1] >= '0' && spec[1] <= '9') {
		int id = atoi(spec + 1);
		for (struct job *j = jobs; j; j = j->next)
			if (j->id == id)
				found = j;
	} else {
		bool contains = spec[1] == '?';
		const char *pat = spec + 1 + contains;
		for (struct job *j = jobs; j; j = j->next) {
			bool match = contains ? strstr(j->cmd, pat) != NULL
			                      : strncmp(j->cmd, pat, strlen(pat)) == 0;
			if (!match)
				continue;
			if (found) {
				sh_warn("%s: %s: ambiguous job spec", who, spec);
				return NULL;
			}
			found = j;
		}
	}
	if (!found)
		sh_warn("%s: %s: no such job", who, spec);
	return found;
}

void jobs_forget_all(void)
{
	/* Kept for `jobs` and `kill %n` (kill $(jobs -p) works in bash), but
	 * they are the parent's children: never waited for here. */
	for (struct job *j = jobs; j; j = j->next)
		j->inherited = true;
}

const char *job_status_text(int ws, char *buf, size_t n)
{
	if (WIFEXITED(ws)) {
		if (WEXITSTATUS(ws) == 0)
			snprintf(buf, n, "Done");
		else
			snprintf(buf, n, "Exit %d", WEXITSTATUS(ws));
	} else if (WIFSIGNALED(ws)) {
		snprintf(buf, n, "%s%s", strsignal(WTERMSIG(ws)), WCOREDUMP(ws) ? " (core dumped)" : "");
	} else if (WIFSTOPPED(ws)) {
		/* bash's words for why a job stopped */
		int sig = WSTOPSIG(ws);
		snprintf(buf, n, "%s", sig == SIGTTIN ? "Stopped (tty input)" :
		         sig == SIGTTOU ? "Stopped (tty output)" :
		         sig == SIGSTOP ? "Stopped (signal)" : "Stopped");
	} else {
		snprintf(buf, n, "Running");
	}
	return buf;
}

/* The status a job line shows: the last process's, or when the job is
 * stopped, that of a process that stopped (the last one may be done). */
static int reported_status(const struct job *j, enum job_state st)
{
	for (int i = j->nprocs - 1; st == JOB_STOPPED && i >= 0; i--)
		if (j->procs[i].stopped)
			return j->procs[i].status;
	return j->procs[j->nprocs - 1].status;
}

void job_print(struct job *j, int fd, bool long_form, bool pid_only)
{
	char line[4096], state[128];
	if (pid_only) {
		snprintf(line, sizeof line, "%ld\n", (long)(j->pgid ? j->pgid : j->procs[0].pid));
		(void)!write(fd, line, strlen(line));
		return;
	}
	char mark = j == job_current() ? '+' : j == job_previous() ? '-' : ' ';
	enum job_state st = job_state(j);
	if (st == JOB_RUNNING)
		snprintf(state, sizeof state, "Running");
	else
		job_status_text(reported_status(j, st), state, sizeof state);
	if (long_form)
		snprintf(line, sizeof line, "[%d]%c %ld %-24s%s%s\n", j->id, mark,
		         (long)j->procs[0].pid, state, j->cmd, st == JOB_RUNNING ? " &" : "");
	else
		snprintf(line, sizeof line, "[%d]%c  %-24s%s%s\n", j->id, mark, state, j->cmd,
		         st == JOB_RUNNING ? " &" : "");
	(void)!write(fd, line, strlen(line));
}

bool jobs_have_news(void)
{
	jobs_reap();
	for (struct job *j = jobs; j; j = j->next)
		if (!j->notified && !j->inherited && job_state(j) != JOB_RUNNING)
			return true;
	return false;
}

void jobs_notify(void)
{
	jobs_reap();
	struct job *next;
	for (struct job *j = jobs; j; j = next) {
		next = j->next;
		enum job_state st = job_state(j);
		if (j->notified || st == JOB_RUNNING)
			continue;
		j->notified = true;
		if (sh.interactive)
			job_print(j, 2, false, false);
		if (st == JOB_DONE && sh.interactive)
			job_remove(j);
	}
}

void jobs_control_init(void)
{
	if (jobs_ttyfd >= 0)
		return;
	int fd = t_open("/dev/tty", O_RDWR | O_CLOEXEC, 0);
	if (fd < 0)
		return;
	jobs_ttyfd = t_dupfd_cloexec(fd, 10);
	t_close(fd);
	if (jobs_ttyfd < 0)
		return;
	redir_register_private_fd(&jobs_ttyfd);
	/* Wait until we are in the foreground, then lead our own group. */
	for (;;) {
		pid_t fg = tcgetpgrp(jobs_ttyfd);
		if (fg < 0 || fg == getpgrp())
			break;
		t_kill(0, SIGTTIN);
	}
	signal(SIGTSTP, SIG_IGN);
	signal(SIGTTIN, SIG_IGN);
	signal(SIGTTOU, SIG_IGN);
	jobs_shell_pgid = getpid();
	if (getpgrp() != jobs_shell_pgid)
		t_setpgid(0, jobs_shell_pgid);
	tcsetpgrp(jobs_ttyfd, jobs_shell_pgid);
	have_tmodes = tcgetattr(jobs_ttyfd, &shell_tmodes) == 0;
}

void jobs_give_terminal(pid_t pgid)
{
	if (jobs_ttyfd < 0)
		return;
	tcsetpgrp(jobs_ttyfd, pgid);
}

int job_continue(struct job *j, bool foreground)
{
	for (int i = 0; i < j->nprocs; i++)
		j->procs[i].stopped = false;
	j->notified = false;
	if (foreground && j->control)
		jobs_give_terminal(j->pgid);
	if (j->pgid)
		t_kill(-j->pgid, SIGCONT);
	else
		for (int i = 0; i < j->nprocs; i++)
			if (!j->procs[i].done)
				t_kill(j->procs[i].pid, SIGCONT);
	if (!foreground)
		return 0;
	j->foreground = true;
	return job_wait_foreground(j);
}

bool jobs_exit_check(unsigned long command_number)
{
	static bool warned;
	static unsigned long warned_at;
	jobs_reap();
	bool stopped = false;
	for (struct job *j = jobs; j; j = j->next)
		if (job_state(j) == JOB_STOPPED)
			stopped = true;
	/* Warn once; a second attempt right after the warning exits. */
	if (!stopped || (warned && command_number - warned_at <= 1))
		return true;
	warned = true;
	warned_at = command_number;
	fputs("There are stopped jobs.\n", stderr);
	return false;
}

static void hangup_jobs(bool stopped_only)
{
	for (struct job *j = jobs; j; j = j->next) {
		enum job_state st = job_state(j);
		if (st == JOB_DONE || !j->pgid || j->inherited || (stopped_only && st != JOB_STOPPED))
			continue;
		/* A stopped job cannot see SIGHUP until it is continued. */
		t_kill(-j->pgid, SIGHUP);
		t_kill(-j->pgid, SIGCONT);
	}
}

void jobs_hangup_stopped(void)
{
	hangup_jobs(true);
}

void jobs_hangup_all(void)
{
	hangup_jobs(false);
}

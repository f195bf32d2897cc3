/* Jobs: the processes of each pipeline the shell started, their statuses,
 * and — when interactive (set -m) — process groups and the terminal. */
#ifndef FDSH_JOBS_H
#define FDSH_JOBS_H

#include <stdbool.h>
#include <sys/types.h>

enum job_state { JOB_RUNNING, JOB_STOPPED, JOB_DONE };

struct proc {
	pid_t pid;
	int status;      /* raw wait status once done or stopped */
	bool done;
	bool stopped;
	char *name;      /* the command, for job listings */
};

struct job {
	struct job *next;
	int id;          /* %1, %2, ... (0 until the job enters the table) */
	pid_t pgid;      /* process group under job control, else 0 */
	struct proc *procs;
	int nprocs, cap;
	char *cmd;       /* text of the whole pipeline */
	bool foreground;
	bool notified;   /* its last state change was reported */
	bool control;    /* started with job control: own process group */
	bool waited;     /* collected by wait or a foreground wait */
	bool inherited;  /* a subshell's copy of its parent's job: not its child */
	unsigned long seq; /* start order, for %+ and %- */
};

extern struct job *jobs;        /* the job table, newest first */
extern int jobs_ttyfd;          /* terminal for job control, or -1 */
extern pid_t jobs_shell_pgid;

struct job *job_new(const char *cmd, bool foreground);
void job_add_proc(struct job *j, pid_t pid, const char *name);
/* Put a started background job in the table (prints nothing). */
void job_register(struct job *j);
/* Wait for a foreground job; returns its status. A stopped job stays in the
 * table, a finished one is freed. */
int job_wait_foreground(struct job *j);
/* Wait for a job in the table to finish (the wait builtin); returns status.
 * Returns -1 if interrupted by a trapped signal. */
int job_wait(struct job *j);
enum job_state job_state(const struct job *j);
int job_status(const struct job *j);   /* exit status as $? shows it */
/* Collect finished children without blocking. */
void jobs_reap(void);
/* Report jobs that finished or stopped since the last report (interactive). */
void jobs_notify(void);
/* Has a job finished or stopped since the last report? (Reaps first.) */
bool jobs_have_news(void);
/* Find by %spec or pid; NULL with a message printed when not found. */
struct job *job_find(const char *spec, const char *who);
struct job *job_by_pid(pid_t pid);
void job_free(struct job *j);
void job_remove(struct job *j);
/* %+ and %- */
struct job *job_current(void);
struct job *job_previous(void);
/* In a forked child: the parent's jobs stay listed but are never waited for. */
void jobs_forget_all(void);
/* Print one line about a job ("[1]+  Running  sleep 30 &"). */
void job_print(struct job *j, int fd, bool long_form, bool pid_only);

/* Job control: take the terminal when interactive and monitoring. */
void jobs_control_init(void);
void jobs_give_terminal(pid_t pgid);
/* Resume a job (fg/bg): SIGCONT to its group, optionally in the foreground. */
int job_continue(struct job *j, bool foreground);
/* Describe a wait status for "[1]+ Done" lines as bash does: "Done", "Exit 2", "Killed"... */
const char *job_status_text(int status, char *buf, size_t n);

/* An interactive shell is about to exit: false (after printing "There are
 * stopped jobs.") the first time with stopped jobs, true when asked again
 * by the next command (command_number counts the commands read). */
bool jobs_exit_check(unsigned long command_number);
/* On exit: stopped jobs get SIGHUP and SIGCONT, so they do not linger. */
void jobs_hangup_stopped(void);
/* The terminal hung up: every job gets SIGHUP (and SIGCONT if stopped). */
void jobs_hangup_all(void);

#endif

/* The teaching trace: one thin wrapper per process-and-fd system call.
 *
 * The launcher calls t_fork, t_pipe, t_dup2, ... instead of the bare calls.
 * Each wrapper makes the real call and, only when tracing is on, prints what
 * happened — the real arguments and the real result or errno — as one line:
 *     [shell 4211] pipe() = [3, 4]
 *     [child 4213 grep] dup2(3, 0) = 0
 *     [shell 4211] open("/nope", O_RDONLY) = -1 ENOENT (No such file or directory)
 * With tracing off the cost is one predictable branch; built with
 * -DFDSH_NO_TRACE, trace_on is the constant false and the wrappers are the
 * bare calls.
 *
 * Every line is written with one write(2) of at most PIPE_BUF bytes, so lines
 * of concurrent processes never mix. A successful execve never returns, so its
 * line is printed before the call; a failed one adds a second line with the
 * error. A waitpid(..., WNOHANG) poll that finds nothing (0, or ECHILD: no
 * children at all) is not printed: the shell polls before every prompt. */
#ifndef FDSH_TRACE_H
#define FDSH_TRACE_H

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#ifdef FDSH_NO_TRACE
#define trace_on false
#else
extern bool trace_on;
#endif

/* Turn the trace on or off. Turning it on (again) picks the output fd from
 * $FDSH_TRACEFD (default 2) and keeps a private close-on-exec copy of it. */
void trace_enable(bool on);
/* In a new child, right after fork: name the process in later lines
 * ("child 4213 grep") and print the child's side of the fork. */
void trace_child(const char *name);

/* A line of its own ("[shell 4211] " + text), for calls wrapped elsewhere:
 * net.c traces socket/bind/listen/connect/accept4/shutdown with it. */
void trace_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

void trace_pipe(const int fd[2], int r);
void trace_fork(pid_t r);
void trace_dup2(int from, int to, int r);
void trace_close(int fd, int r);
void trace_open(const char *path, int flags, int r);
void trace_execve(const char *path, char *const argv[], int r);
void trace_waitpid(pid_t pid, const int *status, int options, pid_t r);
void trace_setpgid(pid_t pid, pid_t pgid, int r);
void trace_kill(pid_t pid, int sig, int r);
void trace_dupfd(int fd, int min, bool cloexec, int r);

#define TRACE_UNLIKELY(x) __builtin_expect(!!(x), 0)

static inline int t_pipe(int fd[2])
{
	int r = pipe(fd);
	if (TRACE_UNLIKELY(trace_on))
		trace_pipe(fd, r);
	return r;
}

/* A pipe the shell keeps for itself (here-documents): close-on-exec. */
static inline int t_pipe_cloexec(int fd[2])
{
	int r = pipe2(fd, O_CLOEXEC);
	if (TRACE_UNLIKELY(trace_on))
		trace_pipe(fd, r);
	return r;
}

/* The parent prints here; the child prints in trace_child, once it knows
 * what it is about to become. */
static inline pid_t t_fork(void)
{
	pid_t r = fork();
	if (TRACE_UNLIKELY(trace_on) && r != 0)
		trace_fork(r);
	return r;
}

static inline int t_dup2(int from, int to)
{
	int r = dup2(from, to);
	if (TRACE_UNLIKELY(trace_on))
		trace_dup2(from, to, r);
	return r;
}

static inline int t_close(int fd)
{
	int r = close(fd);
	if (TRACE_UNLIKELY(trace_on))
		trace_close(fd, r);
	return r;
}

static inline int t_open(const char *path, int flags, mode_t mode)
{
	int r = open(path, flags, mode);
	if (TRACE_UNLIKELY(trace_on))
		trace_open(path, flags, r);
	return r;
}

/* mkstemp opens its file with O_RDWR|O_CREAT|O_EXCL: traced as that open. */
static inline int t_mkstemp(char *template_path)
{
	int r = mkstemp(template_path);
	if (TRACE_UNLIKELY(trace_on))
		trace_open(template_path, O_RDWR | O_CREAT | O_EXCL, r);
	return r;
}

static inline int t_execve(const char *path, char *const argv[], char *const envp[])
{
	if (TRACE_UNLIKELY(trace_on))
		trace_execve(path, argv, 0);
	int r = execve(path, argv, envp);
	if (TRACE_UNLIKELY(trace_on))
		trace_execve(path, argv, r);
	return r;
}

static inline pid_t t_waitpid(pid_t pid, int *status, int options)
{
	pid_t r = waitpid(pid, status, options);
	if (TRACE_UNLIKELY(trace_on) && !((options & WNOHANG) && (r == 0 || (r < 0 && errno == ECHILD))))
		trace_waitpid(pid, status, options, r);
	return r;
}

static inline int t_setpgid(pid_t pid, pid_t pgid)
{
	int r = setpgid(pid, pgid);
	if (TRACE_UNLIKELY(trace_on))
		trace_setpgid(pid, pgid, r);
	return r;
}

static inline int t_kill(pid_t pid, int sig)
{
	int r = kill(pid, sig);
	if (TRACE_UNLIKELY(trace_on))
		trace_kill(pid, sig, r);
	return r;
}

/* Move an fd out of the way (>= min, close-on-exec): saving fds for undo. */
static inline int t_dupfd_cloexec(int fd, int min)
{
	int r = fcntl(fd, F_DUPFD_CLOEXEC, min);
	if (TRACE_UNLIKELY(trace_on))
		trace_dupfd(fd, min, true, r);
	return r;
}

/* A copy >= min that children inherit ({name}>file). */
static inline int t_dupfd(int fd, int min)
{
	int r = fcntl(fd, F_DUPFD, min);
	if (TRACE_UNLIKELY(trace_on))
		trace_dupfd(fd, min, false, r);
	return r;
}

#endif

/* Formatting of trace lines (see trace.h). Every line is built in memory and
 * written with a single write(2) of at most PIPE_BUF bytes, so lines from
 * concurrent processes never interleave mid-line (a pipe keeps such writes
 * whole; a file or terminal serialises each write call). */
#include "trace.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "memalloc.h"
#include "redir.h"
#include "vars.h"

#ifndef FDSH_NO_TRACE
bool trace_on;
#endif
static int trace_fd = -1;
static char who[128];
static bool in_child;              /* who names a child: keep it */
static pid_t self_pid;             /* ours; in a new child, still the parent's */

#ifndef FDSH_NO_TRACE
static int trace_fd_source = -1;   /* the fd trace_fd is a copy of */

/* The fd named by $FDSH_TRACEFD (a shell variable, exported or not), else 2. */
static int wanted_fd(void)
{
	const char *s = var_get("FDSH_TRACEFD");
	if (!s || !*s)
		return 2;
	char *end;
	long fd = strtol(s, &end, 10);
	if (*end || fd < 0 || fd > INT_MAX) {
		sh_warn("FDSH_TRACEFD: %s: bad fd number, tracing to 2", s);
		return 2;
	}
	return (int)fd;
}

/* Keep our own copy of the trace fd above 10, close-on-exec, so the trace
 * survives redirections of fd 2 and no exec'd program inherits it. */
static void open_trace_fd(void)
{
	int src = wanted_fd();
	if (trace_fd >= 0 && src == trace_fd_source)
		return;
	int fd = fcntl(src, F_DUPFD_CLOEXEC, 10);
	if (fd < 0) {
		sh_warn("trace: fd %d: %s", src, strerror(errno));
		if (trace_fd >= 0)
			return;
		src = 2;
		fd = fcntl(2, F_DUPFD_CLOEXEC, 10);
	}
	if (trace_fd >= 0) {
		close(trace_fd);
		redir_unregister_private_fd(&trace_fd);
	}
	trace_fd = fd;
	trace_fd_source = src;
	if (fd >= 0)
		redir_register_private_fd(&trace_fd);   /* `exec 10>f` moves it away */
}
#endif

void trace_enable(bool on)
{
#ifdef FDSH_NO_TRACE
	if (on)
		sh_warn("trace: this fdsh was built without the trace (FDSH_NO_TRACE)");
#else
	if (on)
		open_trace_fd();
	self_pid = getpid();
	if (on && !in_child)
		snprintf(who, sizeof who, "shell %ld", (long)self_pid);
	trace_on = on && trace_fd >= 0;
#endif
}

/* ---- building and writing one line ---- */

static void start(struct strbuf *sb)
{
	sb_init(sb);
	sb_printf(sb, "[%s] ", who);
}

/* One write of at most PIPE_BUF bytes: longer lines are cut with "...". */
static void emit_line(struct strbuf *sb)
{
	if (sb->len > PIPE_BUF - 1) {
		sb->len = PIPE_BUF - 4;
		sb_adds(sb, "...");
	}
	sb_addc(sb, '\n');
	(void)!write(trace_fd, sb->s, sb->len);
	sb_free(sb);
}

static void add_errno(struct strbuf *sb, int err)
{
	const char *name = strerrorname_np(err);
	/* strerrordesc_np: the English text strace prints, and no message
	 * catalogue opened behind the trace's back (strerror may load one). */
	const char *desc = strerrordesc_np(err);
	sb_printf(sb, " = -1 %s (%s)", name ? name : "?", desc ? desc : "?");
}

/* " = r" or " = -1 ENOENT (No such file or directory)", then the line out. */
static void finish(struct strbuf *sb, long r, int err)
{
	if (r < 0)
		add_errno(sb, err);
	else
		sb_printf(sb, " = %ld", r);
	emit_line(sb);
}

static const char *sig_name(int sig)
{
	const char *s = sigabbrev_np(sig);
	return s ? s : "?";
}

static void add_quoted(struct strbuf *sb, const char *s)
{
	sb_addc(sb, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			sb_printf(sb, "\\%c", *s);
		else if (*s == '\n')
			sb_adds(sb, "\\n");
		else if ((unsigned char)*s < 32)
			sb_printf(sb, "\\%03o", (unsigned char)*s);
		else
			sb_addc(sb, *s);
	}
	sb_addc(sb, '"');
}

/* ---- the calls ---- */

void trace_note(const char *fmt, ...)
{
	if (!trace_on)
		return;
	int err = errno;
	struct strbuf sb;
	start(&sb);
	va_list ap;
	va_start(ap, fmt);
	char *text = NULL;
	if (vasprintf(&text, fmt, ap) >= 0)
		sb_adds(&sb, text);
	va_end(ap);
	free(text);
	emit_line(&sb);
	errno = err;
}

void trace_child(const char *name)
{
	/* Named even with the trace off: `set -o trace` may come later. */
	in_child = true;
	int err = errno;
	/* The parent's pid from memory: getppid() says 1 once the parent is gone. */
	pid_t parent = self_pid ? self_pid : getppid();
	self_pid = getpid();
	snprintf(who, sizeof who, "child %ld %s", (long)self_pid, name ? name : "");
	if (!trace_on)
		return;
	struct strbuf sb;
	start(&sb);
	sb_printf(&sb, "fork() = 0 (child of %ld, to run %s)", (long)parent, name ? name : "?");
	emit_line(&sb);
	errno = err;
}

void trace_pipe(const int fd[2], int r)
{
	int err = errno;
	struct strbuf sb;
	start(&sb);
	sb_adds(&sb, "pipe()");
	if (r < 0) {
		finish(&sb, r, err);
	} else {
		sb_printf(&sb, " = [%d, %d]", fd[0], fd[1]);
		emit_line(&sb);
	}
	errno = err;
}

void trace_fork(pid_t r)
{
	int err = errno;
	struct strbuf sb;
	start(&sb);
	sb_adds(&sb, "fork()");
	finish(&sb, r, err);
	errno = err;
}

void trace_dup2(int from, int to, int r)
{
	int err = errno;
	struct strbuf sb;
	start(&sb);
	sb_printf(&sb, "dup2(%d, %d)", from, to);
	finish(&sb, r, err);
	errno = err;
}

void trace_close(int fd, int r)
{
	int err = errno;
	struct strbuf sb;
	start(&sb);
	sb_printf(&sb, "close(%d)", fd);
	finish(&sb, r, err);
	errno = err;
}

static void add_open_flags(struct strbuf *sb, int flags)
{
	static const struct { int bit; const char *name; } bits[] = {
		{ O_CREAT, "|O_CREAT" }, { O_EXCL, "|O_EXCL" }, { O_TRUNC, "|O_TRUNC" },
		{ O_APPEND, "|O_APPEND" }, { O_NONBLOCK, "|O_NONBLOCK" }, { O_CLOEXEC, "|O_CLOEXEC" },
	};
	int acc = flags & O_ACCMODE;
	sb_adds(sb, acc == O_RDONLY ? "O_RDONLY" : acc == O_WRONLY ? "O_WRONLY" : "O_RDWR");
	for (size_t i = 0; i < sizeof bits / sizeof *bits; i++)
		if (flags & bits[i].bit)
			sb_adds(sb, bits[i].name);
}

void trace_open(const char *path, int flags, int r)
{
	int err = errno;
	struct strbuf sb;
	start(&sb);
	sb_adds(&sb, "open(");
	add_quoted(&sb, path);
	sb_adds(&sb, ", ");
	add_open_flags(&sb, flags);
	sb_addc(&sb, ')');
	finish(&sb, r, err);
	errno = err;
}

void trace_execve(const char *path, char *const argv[], int r)
{
	int err = errno;
	struct strbuf sb;
	start(&sb);
	sb_adds(&sb, "execve(");
	add_quoted(&sb, path);
	sb_adds(&sb, ", [");
	for (int i = 0; argv[i]; i++) {
		if (i)
			sb_adds(&sb, ", ");
		add_quoted(&sb, argv[i]);
	}
	sb_adds(&sb, "])");
	if (r < 0)
		finish(&sb, r, err);
	else
		emit_line(&sb);   /* before the call: a successful execve never returns */
	errno = err;
}

/* "exited 0", "killed by SIGPIPE", "stopped by SIGTSTP", "continued". */
static void add_wait_status(struct strbuf *sb, int status)
{
	if (WIFEXITED(status))
		sb_printf(sb, " exited %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		sb_printf(sb, " killed by SIG%s%s", sig_name(WTERMSIG(status)),
		          WCOREDUMP(status) ? " (core dumped)" : "");
	else if (WIFSTOPPED(status))
		sb_printf(sb, " stopped by SIG%s", sig_name(WSTOPSIG(status)));
	else if (WIFCONTINUED(status))
		sb_adds(sb, " continued");
}

/* ", WNOHANG|WUNTRACED" as strace writes them; nothing for 0. */
static void add_wait_options(struct strbuf *sb, int options)
{
	static const struct { int bit; const char *name; } bits[] = {
		{ WNOHANG, "WNOHANG" }, { WUNTRACED, "WUNTRACED" }, { WCONTINUED, "WCONTINUED" },
	};
	const char *sep = ", ";
	for (size_t i = 0; i < sizeof bits / sizeof *bits; i++)
		if (options & bits[i].bit) {
			sb_printf(sb, "%s%s", sep, bits[i].name);
			sep = "|";
		}
}

void trace_waitpid(pid_t pid, const int *status, int options, pid_t r)
{
	int err = errno;
	struct strbuf sb;
	start(&sb);
	sb_printf(&sb, "waitpid(%ld", (long)pid);
	add_wait_options(&sb, options);
	sb_addc(&sb, ')');
	if (r < 0) {
		finish(&sb, r, err);
		errno = err;
		return;
	}
	/* For one pid the pid is known; for -1 say which child it was. */
	sb_printf(&sb, pid == r ? " =" : " = %ld", (long)r);
	if (r > 0)
		add_wait_status(&sb, *status);
	emit_line(&sb);
	errno = err;
}

void trace_setpgid(pid_t pid, pid_t pgid, int r)
{
	int err = errno;
	struct strbuf sb;
	start(&sb);
	sb_printf(&sb, "setpgid(%ld, %ld)", (long)pid, (long)pgid);
	finish(&sb, r, err);
	errno = err;
}

void trace_kill(pid_t pid, int sig, int r)
{
	int err = errno;
	struct strbuf sb;
	start(&sb);
	if (sig == 0)
		sb_printf(&sb, "kill(%ld, 0)", (long)pid);
	else
		sb_printf(&sb, "kill(%ld, SIG%s)", (long)pid, sig_name(sig));
	finish(&sb, r, err);
	errno = err;
}

void trace_dupfd(int fd, int min, bool cloexec, int r)
{
	int err = errno;
	struct strbuf sb;
	start(&sb);
	sb_printf(&sb, "fcntl(%d, %s, %d)", fd, cloexec ? "F_DUPFD_CLOEXEC" : "F_DUPFD", min);
	finish(&sb, r, err);
	errno = err;
}

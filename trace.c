/* Formatting of trace lines (see trace.h). Every line is built in memory and
 * written with a single write(2), so lines from concurrent processes never
 * interleave mid-line. */
#include "trace.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memalloc.h"

bool trace_on;
static int trace_fd = -1;
static char who[128];

static void set_shell_name(void)
{
	snprintf(who, sizeof who, "shell %ld", (long)getpid());
}

void trace_enable(bool on)
{
	if (on && trace_fd < 0) {
		const char *s = getenv("FDSH_TRACEFD");
		int fd = s && *s ? atoi(s) : 2;
		/* Keep our own copy, so redirections of fd 2 do not swallow the trace. */
		trace_fd = fcntl(fd, F_DUPFD_CLOEXEC, 10);
		if (trace_fd < 0)
			trace_fd = fcntl(2, F_DUPFD_CLOEXEC, 10);
	}
	if (on && !who[0])
		set_shell_name();
	trace_on = on && trace_fd >= 0;
}

void trace_child(const char *name)
{
	if (!trace_on)
		return;
	snprintf(who, sizeof who, "child %ld %s", (long)getpid(), name ? name : "");
}

static void emit_line(struct strbuf *sb)
{
	sb_addc(sb, '\n');
	(void)!write(trace_fd, sb->s, sb->len);
	sb_free(sb);
}

static void start(struct strbuf *sb)
{
	sb_init(sb);
	sb_printf(sb, "[%s] ", who);
}

static void result(struct strbuf *sb, long r, int err)
{
	if (r < 0)
		sb_printf(sb, " = -1 %s (%s)", strerrorname_np(err) ? strerrorname_np(err) : "?",
		          strerror(err));
	else
		sb_printf(sb, " = %ld", r);
}

void trace_note(const char *fmt, ...)
{
	int err = errno;
	struct strbuf sb;
	start(&sb);
	va_list ap;
	va_start(ap, fmt);
	char buf[512];
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	sb_adds(&sb, buf);
	emit_line(&sb);
	errno = err;
}

void trace_pipe(const int fd[2], int r)
{
	int err = errno;
	struct strbuf sb;
	start(&sb);
	sb_adds(&sb, "pipe()");
	if (r < 0)
		result(&sb, r, err);
	else
		sb_printf(&sb, " = [%d, %d]", fd[0], fd[1]);
	emit_line(&sb);
	errno = err;
}

void trace_fork(pid_t r)
{
	int err = errno;
	struct strbuf sb;
	start(&sb);
	sb_adds(&sb, "fork()");
	result(&sb, r, err);
	emit_line(&sb);
	errno = err;
}

void trace_dup2(int from, int to, int r)
{
	int err = errno;
	struct strbuf sb;
	start(&sb);
	sb_printf(&sb, "dup2(%d, %d)", from, to);
	result(&sb, r, err);
	emit_line(&sb);
	errno = err;
}

void trace_close(int fd, int r)
{
	int err = errno;
	struct strbuf sb;
	start(&sb);
	sb_printf(&sb, "close(%d)", fd);
	result(&sb, r, err);
	emit_line(&sb);
	errno = err;
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

void trace_open(const char *path, int flags, int r)
{
	int err = errno;
	struct strbuf sb;
	start(&sb);
	sb_adds(&sb, "open(");
	add_quoted(&sb, path);
	int acc = flags & O_ACCMODE;
	sb_adds(&sb, acc == O_RDONLY ? ", O_RDONLY" : acc == O_WRONLY ? ", O_WRONLY" : ", O_RDWR");
	if (flags & O_CREAT)
		sb_adds(&sb, "|O_CREAT");
	if (flags & O_EXCL)
		sb_adds(&sb, "|O_EXCL");
	if (flags & O_TRUNC)
		sb_adds(&sb, "|O_TRUNC");
	if (flags & O_APPEND)
		sb_adds(&sb, "|O_APPEND");
	if (flags & O_CLOEXEC)
		sb_adds(&sb, "|O_CLOEXEC");
	sb_addc(&sb, ')');
	result(&sb, r, err);
	emit_line(&sb);
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
		result(&sb, r, err);
	emit_line(&sb);
	errno = err;
}

void trace_waitpid(pid_t pid, int status, int options, pid_t r)
{
	int err = errno;
	struct strbuf sb;
	start(&sb);
	sb_printf(&sb, "waitpid(%ld%s%s)", (long)pid, (options & WNOHANG) ? ", WNOHANG" : "",
	          (options & WUNTRACED) ? ", WUNTRACED" : "");
	if (r < 0)
		result(&sb, r, err);
	else if (pid != r)
		sb_printf(&sb, " = %ld", (long)r);
	else
		sb_adds(&sb, " =");
	if (r > 0) {
		if (WIFEXITED(status))
			sb_printf(&sb, " exited %d", WEXITSTATUS(status));
		else if (WIFSIGNALED(status))
			sb_printf(&sb, " killed by %s", sigabbrev_np(WTERMSIG(status)) ?
			          sigabbrev_np(WTERMSIG(status)) : "?");
		else if (WIFSTOPPED(status))
			sb_printf(&sb, " stopped by %s", sigabbrev_np(WSTOPSIG(status)) ?
			          sigabbrev_np(WSTOPSIG(status)) : "?");
		else if (WIFCONTINUED(status))
			sb_adds(&sb, " continued");
	}
	emit_line(&sb);
	errno = err;
}

void trace_setpgid(pid_t pid, pid_t pgid, int r)
{
	int err = errno;
	struct strbuf sb;
	start(&sb);
	sb_printf(&sb, "setpgid(%ld, %ld)", (long)pid, (long)pgid);
	result(&sb, r, err);
	emit_line(&sb);
	errno = err;
}

void trace_kill(pid_t pid, int sig, int r)
{
	int err = errno;
	struct strbuf sb;
	start(&sb);
	sb_printf(&sb, "kill(%ld, SIG%s)", (long)pid, sigabbrev_np(sig) ? sigabbrev_np(sig) : "?");
	result(&sb, r, err);
	emit_line(&sb);
	errno = err;
}

void trace_dupfd(int fd, int min, int r)
{
	int err = errno;
	struct strbuf sb;
	start(&sb);
	sb_printf(&sb, "fcntl(%d, F_DUPFD_CLOEXEC, %d)", fd, min);
	result(&sb, r, err);
	emit_line(&sb);
	errno = err;
}

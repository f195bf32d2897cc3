/* Redirections (see redir.h). */
#include "redir.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ast.h"
#include "error.h"
#include "expand.h"
#include "memalloc.h"
#include "net.h"
#include "shell.h"
#include "trace.h"
#include "vars.h"

struct saved_fd {
	int fd;      /* the fd that was redirected */
	int copy;    /* where its old open file waits, or -1 if it was closed */
};

static struct saved_fd *saved;
static int nsaved, capsaved;
#define MAX_PRIVATE 64
static int *private_fds[MAX_PRIVATE];
static int nprivate;

void redir_register_private_fd(int *fdp)
{
	if (nprivate < MAX_PRIVATE)
		private_fds[nprivate++] = fdp;
}

void redir_unregister_private_fd(int *fdp)
{
	for (int i = 0; i < nprivate; i++)
		if (private_fds[i] == fdp) {
			private_fds[i] = private_fds[--nprivate];
			return;
		}
}

/* The user wants fd `fd`: if the shell uses it privately, move ours away. */
int redir_move_high(int fd)
{
	int nfd = t_dupfd_cloexec(fd, 10);
	if (nfd < 0)
		return fd;
	t_close(fd);
	return nfd;
}

static void move_private(int fd)
{
	for (int i = 0; i < nprivate; i++)
		if (*private_fds[i] == fd)
			*private_fds[i] = redir_move_high(fd);
}

void redir_claim_fd(int fd)
{
	move_private(fd);
}

int redir_mark(void)
{
	return nsaved;
}

static bool already_saved(int fd, int mark)
{
	for (int i = mark; i < nsaved; i++)
		if (saved[i].fd == fd)
			return true;
	return false;
}

/* Returns the fd where fd's old open file is parked now, -1 if none. */
static int save_fd(int fd, int mark)
{
	if (already_saved(fd, mark))
		return -1;
	if (nsaved == capsaved) {
		capsaved = capsaved ? capsaved * 2 : 16;
		saved = xrealloc(saved, sizeof *saved * (size_t)capsaved);
	}
	/* Park the old open file above 10, close-on-exec so no child sees it. */
	int copy = t_dupfd_cloexec(fd, 10);
	saved[nsaved].fd = fd;
	saved[nsaved].copy = copy;
	nsaved++;
	return copy;
}

void redir_undo(int mark)
{
	while (nsaved > mark) {
		struct saved_fd *s = &saved[--nsaved];
		if (s->copy >= 0) {
			/* Put the old open file back on its number, drop the parked copy. */
			t_dup2(s->copy, s->fd);
			t_close(s->copy);
		} else {
			t_close(s->fd);
		}
	}
}

void redir_forget(int mark)
{
	while (nsaved > mark) {
		struct saved_fd *s = &saved[--nsaved];
		if (s->copy >= 0)
			t_close(s->copy);
	}
}

/* Move a freshly opened fd onto the number the user asked for. */
static void install_fd(int newfd, int fd)
{
	if (newfd == fd)
		return;
	t_dup2(newfd, fd);
	t_close(newfd);
}

static int open_flags(enum redir_kind kind)
{
	switch (kind) {
	case R_IN: return O_RDONLY;
	case R_OUT:
		return opts[OPT_NOCLOBBER] ? O_WRONLY | O_CREAT | O_EXCL : O_WRONLY | O_CREAT | O_TRUNC;
	case R_CLOBBER: return O_WRONLY | O_CREAT | O_TRUNC;
	case R_APPEND: return O_WRONLY | O_CREAT | O_APPEND;
	default: return O_RDWR | O_CREAT;
	}
}

/* /dev/tcp/HOST/PORT and /dev/udp/HOST/PORT open a client socket, as in bash.
 * Returns the fd, -1 with errno (no HOST/PORT in the path) or -2 after saying
 * why the connection failed. */
static int open_net(const char *path)
{
	const char *host = path + strlen("/dev/tcp/"), *slash = strrchr(host, '/');
	if (!slash || slash == host || !slash[1]) {
		errno = ENOENT;
		return -1;
	}
	char *h = xstrndup(host, (size_t)(slash - host));
	struct net_opts o = { .udp = path[5] == 'u' };
	struct net_err err = { 0 };
	int fd = net_connect(h, slash + 1, &o, &err);
	if (fd < 0) {
		sh_warn("%s: %s", path, err.msg);
		net_err_free(&err);
	}
	free(h);
	return fd < 0 ? -2 : fd;
}

static bool is_net_path(const char *path)
{
	return strncmp(path, "/dev/tcp/", 9) == 0 || strncmp(path, "/dev/udp/", 9) == 0;
}

/* Open a target; -1 with errno set, or -2 after printing why noclobber refused. */
static int open_target(const char *path, int flags)
{
	int fd = t_open(path, flags, 0666);
	if (fd < 0 && errno == EEXIST && (flags & O_EXCL)) {
		/* noclobber refuses only regular files. */
		struct stat st;
		if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
			return t_open(path, flags & ~(O_EXCL | O_CREAT), 0666);
		sh_warn("%s: cannot overwrite existing file", path);
		return -2;
	}
	return fd;
}

static bool write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		s += w;
		n -= (size_t)w;
	}
	return true;
}

/* A here-document's body on a close-on-exec fd: a pipe when the body fits
 * in it, else an unlinked temporary file. */
/* The fd of a here-document's text; -1 (errno set) if none could be made,
 * HEREDOC_BAD_EXPANSION after an expansion error (already reported). */
#define HEREDOC_BAD_EXPANSION (-2)

static int heredoc_fd(const char *body)
{
	size_t n = strlen(body);
	int p[2];
	if (n <= 4096) {
		if (t_pipe_cloexec(p) < 0)
			return -1;
		write_all(p[1], body, n);
		/* The writer's end is closed now, so the reader sees EOF after the body. */
		t_close(p[1]);
		return p[0];
	}
	const char *dir = getenv("TMPDIR");
	char *path = xmalloc(strlen(dir ? dir : "/tmp") + 32);
	sprintf(path, "%s/fdsh-hereXXXXXX", dir ? dir : "/tmp");
	int fd = t_mkstemp(path);
	if (fd >= 0) {
		fcntl(fd, F_SETFD, FD_CLOEXEC);
		unlink(path);
		write_all(fd, body, n);
		lseek(fd, 0, SEEK_SET);
	}
	free(path);
	return fd;
}

static int open_heredoc(const struct redir *r)
{
	const char *body = r->heredoc->body ? r->heredoc->body : "";
	if (r->heredoc->quoted)
		return heredoc_fd(body);
	/* An expansion error fails this command only, as in dash and bash
	 * (`${x?}` elsewhere ends a script). */
	char *text = expand_caught(body, true);
	if (!text)
		return HEREDOC_BAD_EXPANSION;
	int fd = heredoc_fd(text);
	free(text);
	return fd;
}

static int parse_fd(const char *s)
{
	if (!*s || strlen(s) > 9)
		return -1;
	for (const char *p = s; *p; p++)
		if (*p < '0' || *p > '9')
			return -1;
	return atoi(s);
}

/* {name}>file: the shell picks a free fd >= 10 and stores it in name. */
static int named_fd_redir(const struct redir_op *op)
{
	const struct redir *r = op->r;
	if (op->src == -1 && (r->kind == R_DUPIN || r->kind == R_DUPOUT)) {
		const char *v = var_get(r->fdvar);
		int fd = v ? parse_fd(v) : -1;
		if (fd < 0) {
			sh_warn("%s: bad fd number", v ? v : r->fdvar);
			return 1;
		}
		t_close(fd);
		return 0;
	}
	int tmp = op->src;
	if (op->path) {
		tmp = open_target(op->path, op->flags);
		if (tmp < 0) {
			if (tmp == -1)
				sh_warn_errno("%s", op->path);
			return 1;
		}
	} else if (fcntl(tmp, F_GETFD) < 0) {
		sh_warn("%d: Bad file descriptor", tmp);
		return 1;
	}
	int newfd = t_dupfd(tmp, 10);
	if (op->path)
		t_close(tmp);
	char buf[16];
	snprintf(buf, sizeof buf, "%d", newfd);
	return var_set(r->fdvar, buf, 0) < 0 ? 1 : 0;
}

/* Phase one: everything that expands words or allocates. */
static int prepare_one(struct redir *r, struct redir_op *op)
{
	memset(op, 0, sizeof *op);
	op->r = r;
	op->fd = r->fd;
	op->src = -1;
	op->owned_fd = -1;
	if (r->kind == R_HEREDOC) {
		op->src = open_heredoc(r);
		op->owned_fd = op->src;
		if (op->src == HEREDOC_BAD_EXPANSION)
			return 2;
		if (op->src < 0) {
			sh_warn_errno("here-document");
			return 1;
		}
		return 0;
	}
	const char *target = expand_string(r->target->text);
	if (r->kind == R_DUPIN || r->kind == R_DUPOUT) {
		if (strcmp(target, "-") == 0)
			return 0;
		op->src = parse_fd(target);
		if (op->src < 0) {
			sh_warn("%s: bad fd number", target);
			return 2;
		}
		return 0;
	}
	if (is_net_path(target)) {
		/* Connecting resolves names and allocates: done here, in the shell,
		 * on a close-on-exec socket that perform then dup2s into place. */
		op->src = op->owned_fd = open_net(target);
		if (op->src == -1)
			sh_warn_errno("%s", target);
		return op->src < 0 ? 1 : 0;
	}
	op->path = target;
	op->flags = open_flags(r->kind);
	return 0;
}

int redir_prepare(struct redir *r, struct redir_plan *plan)
{
	int n = 0;
	for (struct redir *q = r; q; q = q->next)
		n++;
	plan->ops = arena_alloc(&stk, sizeof *plan->ops * (size_t)(n ? n : 1));
	plan->n = 0;
	plan->fdvars = false;
	for (; r; r = r->next) {
		int st = prepare_one(r, &plan->ops[plan->n]);
		if (st) {
			redir_plan_done(plan);
			return st;
		}
		plan->fdvars |= r->fdvar != NULL;
		plan->n++;
	}
	return 0;
}

/* Paths that can stand for one of the shell's own fds. */
static bool names_an_fd(const char *path)
{
	return strncmp(path, "/dev/fd/", 8) == 0 || strncmp(path, "/dev/std", 8) == 0 ||
	       strncmp(path, "/proc/", 6) == 0;
}

/* Open op's target on fd. With the old file parked (on `parked`), fd is
 * closed first: open returns the lowest free number, fd itself unless a
 * lower one is free, and then no dup2 and close are needed to move the new
 * file into place. Not for names of fds (/dev/stdout, /dev/fd/N, /proc/...),
 * which may mean fd itself, nor under noclobber, whose check looks at the
 * target. */
static int open_onto(const struct redir_op *op, int fd, int parked)
{
	bool early = parked >= 0 && !(op->flags & O_EXCL) && !names_an_fd(op->path);
	if (early)
		t_close(fd);
	int newfd = open_target(op->path, op->flags);
	if (newfd == -1 && early) {
		/* fd comes back before anything reports through it. Another name
		 * that led to fd itself (a link to /dev/stdout) fails as a closed
		 * fd does: then the open is tried again, the usual way. */
		int err = errno;
		t_dup2(parked, fd);
		errno = err;
		if (err == ENOENT || err == ENXIO || err == EBADF)
			newfd = open_target(op->path, op->flags);
	}
	if (newfd < 0) {
		if (newfd == -1)
			sh_warn_errno("%s", op->path);
		return 1;
	}
	install_fd(newfd, fd);
	return 0;
}

/* Phase two: system calls only, so a vfork child can run it. */
static int perform_one(const struct redir_op *op, bool save, int mark)
{
	if (op->r->fdvar)
		return named_fd_redir(op);
	int fd = op->fd;
	int parked = -1;
	if (save) {
		move_private(fd);
		parked = save_fd(fd, mark);
	}
	if (op->path)
		return open_onto(op, fd, parked);
	if (op->src < 0) {
		t_close(fd);
		return 0;
	}
	if (op->owned_fd < 0 && fcntl(op->src, F_GETFD) < 0) {
		sh_warn("%d: Bad file descriptor", op->src);
		return 2;   /* as dash: a usage error rather than a failed open */
	}
	/* The here-document fd is close-on-exec; its copy on `fd` is not. */
	if (op->src != fd)
		t_dup2(op->src, fd);
	return 0;
}

int redir_perform(const struct redir_plan *plan, bool save)
{
	int mark = nsaved;
	for (int i = 0; i < plan->n; i++) {
		int st = perform_one(&plan->ops[i], save, mark);
		if (st)
			return st;
	}
	return 0;
}

void redir_plan_done(struct redir_plan *plan)
{
	for (int i = 0; i < plan->n; i++)
		if (plan->ops[i].owned_fd >= 0) {
			t_close(plan->ops[i].owned_fd);
			plan->ops[i].owned_fd = -1;
		}
}

int redir_apply(struct redir *r, bool save)
{
	if (!r)
		return 0;
	struct redir_plan plan;
	int st = redir_prepare(r, &plan);
	if (!st)
		st = redir_perform(&plan, save);
	redir_plan_done(&plan);
	return st;
}

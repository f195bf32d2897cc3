/* fdview: fd tables from /proc (see fdview.h). */
#include "fdview.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/kcmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "memalloc.h"
#include "net.h"

/* ---- one fd ---- */

/* The fd's "pos:" and "flags:" lines; the close-on-exec flag is reported
 * among the flags (as O_CLOEXEC) but belongs to the fd, not the open file. */
static void read_fdinfo(struct fd_info *f)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%ld/fdinfo/%d", (long)f->pid, f->fd);
	FILE *fp = fopen(path, "re");
	if (!fp)
		return;
	while (fgets(line, sizeof line, fp)) {
		unsigned int flags;
		if (sscanf(line, "pos: %lld", &f->pos) == 1)
			continue;
		if (sscanf(line, "flags: %o", &flags) == 1) {
			f->cloexec = flags & O_CLOEXEC;
			f->flags = (int)(flags & ~(unsigned)O_CLOEXEC);
		}
	}
	fclose(fp);
}

static bool is_terminal_path(const char *p)
{
	return strncmp(p, "/dev/pts/", 9) == 0 || strncmp(p, "/dev/tty", 8) == 0 ||
	       strcmp(p, "/dev/console") == 0 || strcmp(p, "/dev/ptmx") == 0;
}

static enum fd_kind kind_of(const struct fd_info *f, const char *link)
{
	unsigned long ino;
	if (sscanf(f->target, "pipe:[%lu]", &ino) == 1)
		return FD_PIPE;
	if (sscanf(f->target, "socket:[%lu]", &ino) == 1)
		return FD_SOCKET;
	if (f->target[0] != '/')
		return FD_OTHER;
	struct stat st;
	if (stat(link, &st) < 0)   /* through the link: works for deleted files too */
		return FD_FILE;
	if (S_ISDIR(st.st_mode))
		return FD_DIR;
	if (S_ISFIFO(st.st_mode))
		return FD_FIFO;
	if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
		return is_terminal_path(f->target) ? FD_TERMINAL : FD_DEVICE;
	return FD_FILE;
}

static char *socket_text(pid_t pid, unsigned long inode);

static int read_one(pid_t pid, int fd, struct fd_info *f)
{
	char link[64], buf[4096];
	snprintf(link, sizeof link, "/proc/%ld/fd/%d", (long)pid, fd);
	ssize_t n = readlink(link, buf, sizeof buf - 1);
	if (n < 0)
		return -1;   /* closed meanwhile */
	buf[n] = '\0';
	memset(f, 0, sizeof *f);
	f->pid = pid;
	f->fd = fd;
	f->target = xstrdup(buf);
	f->kind = kind_of(f, link);
	if (f->kind == FD_PIPE)
		sscanf(buf, "pipe:[%lu]", &f->inode);
	if (f->kind == FD_SOCKET) {
		sscanf(buf, "socket:[%lu]", &f->inode);
		f->sock = socket_text(pid, f->inode);
	}
	read_fdinfo(f);
	return 0;
}

/* ---- a process ---- */

static int by_fd(const void *a, const void *b)
{
	return ((const struct fd_info *)a)->fd - ((const struct fd_info *)b)->fd;
}

static void read_comm(pid_t pid, char *out, size_t size)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%ld/comm", (long)pid);
	FILE *fp = fopen(path, "re");
	out[0] = '\0';
	if (fp && fgets(out, (int)size, fp))
		out[strcspn(out, "\n")] = '\0';
	if (fp)
		fclose(fp);
}

int fdview_read(pid_t pid, struct fd_table *t)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%ld/fd", (long)pid);
	memset(t, 0, sizeof *t);
	t->pid = pid;
	DIR *d = opendir(path);   /* opendir: O_CLOEXEC, and not a user's fd */
	if (!d)
		return -1;
	read_comm(pid, t->comm, sizeof t->comm);
	int cap = 0, self = dirfd(d);
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		int fd = atoi(e->d_name);
		if (pid == getpid() && fd == self)
			continue;   /* our own directory stream, not part of the picture */
		if (t->n == cap) {
			cap = cap ? cap * 2 : 16;
			t->fds = xrealloc(t->fds, sizeof *t->fds * (size_t)cap);
		}
		if (read_one(pid, fd, &t->fds[t->n]) == 0)
			t->n++;
	}
	closedir(d);
	if (t->n)
		qsort(t->fds, (size_t)t->n, sizeof *t->fds, by_fd);
	return 0;
}

void fdview_free(struct fd_table *t)
{
	for (int i = 0; i < t->n; i++) {
		free(t->fds[i].target);
		free(t->fds[i].sock);
	}
	free(t->fds);
	t->fds = NULL;
	t->n = 0;
}

int fdview_proc_stat(pid_t pid, struct proc_stat *st)
{
	char path[64], buf[1024];
	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	/* After the ")" that ends the command name: state ppid pgrp session ...
	 * starttime (field 22). */
	char *p = strrchr(buf, ')');
	long pp, sid;
	if (!p || sscanf(p + 2, "%*c %ld %*d %ld %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d "
	                 "%*d %*d %*d %*d %llu", &pp, &sid, &st->start) != 3)
		return -1;
	st->ppid = (pid_t)pp;
	st->sid = (pid_t)sid;
	return 0;
}

/* ---- sharing ---- */

bool fdview_same_file(const struct fd_info *a, const struct fd_info *b)
{
	if (strcmp(a->target, b->target) != 0)
		return false;
	long r = syscall(SYS_kcmp, a->pid, b->pid, KCMP_FILE, a->fd, b->fd);
	if (r >= 0)
		return r == 0;
	/* No kcmp (kernel config, seccomp, permissions): judge by what /proc shows. */
	return a->pos == b->pos && a->flags == b->flags;
}

/* ---- sockets: /proc/PID/net/{tcp,tcp6,udp,udp6,unix} ---- */

/* The kernel prints each 32-bit word of the address as the hex value of the
 * word in memory order, so parsing the words back restores the bytes. */
static bool hex_addr(const char *hex, int family, char *out, size_t size)
{
	unsigned char bytes[16];
	size_t words = family == AF_INET ? 1 : 4;
	if (strlen(hex) != words * 8)
		return false;
	for (size_t i = 0; i < words; i++) {
		char w[9];
		memcpy(w, hex + i * 8, 8);
		w[8] = '\0';
		unsigned int v = (unsigned int)strtoul(w, NULL, 16);
		memcpy(bytes + i * 4, &v, 4);
	}
	return inet_ntop(family, bytes, out, (socklen_t)size) != NULL;
}

static void format_addr(const char *hex, unsigned port, int family, struct strbuf *sb)
{
	struct net_addr a;
	char buf[1100];
	if (!hex_addr(hex, family, a.host, sizeof a.host))
		snprintf(a.host, sizeof a.host, "?");
	a.port = (int)port;
	net_addr_format(&a, buf, sizeof buf);
	sb_adds(sb, buf);
}

/* One line of tcp/udp: "tcp 127.0.0.1:5000 -> 127.0.0.1:7000" or
 * "tcp listen 0.0.0.0:7000", if its inode is the one asked for. */
static char *inet_line(const char *line, const char *proto, int family, unsigned long inode)
{
	char lh[33], rh[33];
	unsigned lp, rp, st;
	unsigned long ino;
	if (sscanf(line, " %*d: %32[0-9A-Fa-f]:%x %32[0-9A-Fa-f]:%x %x %*s %*s %*s %*u %*u %lu",
	           lh, &lp, rh, &rp, &st, &ino) != 6 || ino != inode)
		return NULL;
	bool tcp = proto[0] == 't';
	struct strbuf sb;
	sb_init(&sb);
	sb_printf(&sb, "%s ", proto);
	if (tcp && st == 0x0A)   /* TCP_LISTEN */
		sb_adds(&sb, "listen ");
	format_addr(lh, lp, family, &sb);
	if (rp != 0) {           /* connected: a peer port is set */
		sb_adds(&sb, " -> ");
		format_addr(rh, rp, family, &sb);
	}
	return sb_take(&sb);
}

/* One line of unix: "unix /tmp/s", "unix listen /tmp/s", "unix (unnamed)". */
static char *unix_line(const char *line, unsigned long inode)
{
	unsigned long flags, ino;
	unsigned type, st;
	char path[4096] = "";
	if (sscanf(line, "%*s %*s %*s %lx %x %x %lu %4095s", &flags, &type, &st, &ino, path) < 4 ||
	    ino != inode)
		return NULL;
	struct strbuf sb;
	sb_init(&sb);
	sb_adds(&sb, type == 2 ? "unix-dgram " : "unix ");
	if (flags & 0x10000)   /* __SO_ACCEPTCON: listening */
		sb_adds(&sb, "listen ");
	sb_adds(&sb, path[0] ? path : "(unnamed)");
	return sb_take(&sb);
}

static char *search_net_file(pid_t pid, const char *name, int family, unsigned long inode)
{
	char path[64], line[1024];
	snprintf(path, sizeof path, "/proc/%ld/net/%s", (long)pid, name);
	FILE *fp = fopen(path, "re");
	if (!fp)
		return NULL;
	char *found = NULL;
	const char *proto = strncmp(name, "tcp", 3) == 0 ? "tcp" : "udp";
	if (fgets(line, sizeof line, fp)) {   /* the header line */
		while (!found && fgets(line, sizeof line, fp))
			found = family == AF_UNIX ? unix_line(line, inode) :
			        inet_line(line, proto, family, inode);
	}
	fclose(fp);
	return found;
}

static char *socket_text(pid_t pid, unsigned long inode)
{
	static const struct { const char *file; int family; } tables[] = {
		{ "tcp", AF_INET }, { "tcp6", AF_INET6 }, { "udp", AF_INET },
		{ "udp6", AF_INET6 }, { "unix", AF_UNIX },
	};
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
		char *s = search_net_file(pid, tables[i].file, tables[i].family, inode);
		if (s)
			return s;
	}
	return NULL;
}

/* ---- describing ---- */

const char *fdview_kind_name(enum fd_kind kind)
{
	static const char *const names[] = {
		[FD_TERMINAL] = "terminal", [FD_FILE] = "file", [FD_DIR] = "directory",
		[FD_DEVICE] = "device", [FD_FIFO] = "fifo", [FD_PIPE] = "pipe",
		[FD_SOCKET] = "socket", [FD_OTHER] = "other",
	};
	return names[kind];
}

static const char *access_text(int flags)
{
	int acc = flags & O_ACCMODE;
	return acc == O_RDONLY ? "read" : acc == O_WRONLY ? "write" : "read/write";
}

void fdview_describe(const struct fd_info *f, struct strbuf *sb)
{
	switch (f->kind) {
	case FD_PIPE:
		/* A pipe's ends are its two open files: one read-only, one write-only. */
		sb_printf(sb, "%lu, %s end", f->inode,
		          (f->flags & O_ACCMODE) == O_RDONLY ? "read" : "write");
		break;
	case FD_SOCKET:
		if (f->sock)
			sb_adds(sb, f->sock);
		else
			sb_printf(sb, "%lu", f->inode);
		break;
	case FD_OTHER:
		sb_adds(sb, f->target);
		break;
	default:
		sb_printf(sb, "%s (%s%s)", f->target, access_text(f->flags),
		          (f->flags & O_APPEND) ? ", append" : "");
		if (f->kind == FD_FILE)
			sb_printf(sb, ", offset %lld", f->pos);
		break;
	}
}

/* fdview: what a process's file descriptors point to, read from /proc.
 *
 * For each fd of a process: the kind of object (terminal, file, pipe,
 * socket, ...), its access mode and offset (/proc/PID/fdinfo), the pipe or
 * socket inode, the socket's protocol and addresses (/proc/PID/net/...), and
 * the close-on-exec flag. fdview_same_file tells whether two fds (of the same
 * or of different processes) share one open file description, as dup2 and
 * fork make them. No shell dependencies: the fds builtin prints the tables. */
#ifndef FDSH_FDVIEW_H
#define FDSH_FDVIEW_H

#include <stdbool.h>
#include <sys/types.h>

struct strbuf;

enum fd_kind { FD_TERMINAL, FD_FILE, FD_DIR, FD_DEVICE, FD_FIFO, FD_PIPE, FD_SOCKET, FD_OTHER };

struct fd_info {
	pid_t pid;
	int fd;
	enum fd_kind kind;
	char *target;          /* the /proc/PID/fd/N link: "/tmp/f", "pipe:[1234]" */
	char *sock;            /* sockets: "tcp 127.0.0.1:5000 -> 127.0.0.1:7000" */
	unsigned long inode;   /* pipes and sockets, else 0 */
	long long pos;         /* the file offset (fdinfo pos) */
	int flags;             /* the open file's status flags (fdinfo flags) */
	bool cloexec;          /* the fd's close-on-exec flag */
};

struct fd_table {
	pid_t pid;
	char comm[32];         /* /proc/PID/comm */
	struct fd_info *fds;   /* sorted by fd */
	int n;
};

/* Read the fd table of PID. Returns 0, or -1 with errno (ESRCH, EACCES...). */
int fdview_read(pid_t pid, struct fd_table *t);
void fdview_free(struct fd_table *t);

/* Do A and B share one open file description? kcmp(2) KCMP_FILE when the
 * kernel allows it, else the same object with the same offset and flags. */
bool fdview_same_file(const struct fd_info *a, const struct fd_info *b);

/* "terminal", "file", "pipe", ... */
const char *fdview_kind_name(enum fd_kind kind);
/* What the fd points to, e.g. "/tmp/f (write), offset 12", "pipe 1234, read
 * end", "tcp 127.0.0.1:5000 -> 127.0.0.1:7000", "/dev/pts/0 (read/write)". */
void fdview_describe(const struct fd_info *f, struct strbuf *sb);

/* From /proc/PID/stat: the parent, the session and when the process started
 * (clock ticks since boot). Returns 0 or -1. */
struct proc_stat {
	pid_t ppid, sid;
	unsigned long long start;
};
int fdview_proc_stat(pid_t pid, struct proc_stat *st);

#endif

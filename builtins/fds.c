/* fds - the fd tables of processes, read from /proc (see fdview.h).
 *
 *   fds [PID...]        each fd: what it points to, mode, offset, close-on-exec,
 *                       and which fds share one open file description
 *   fds -p              the pipeline this fds runs in: each process with its
 *                       fds 0, 1 and 2, and the pipes that connect them
 *   fds --tree [PID]    the same picture for PID (default: the shell) and
 *                       every process below it */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "builtins/builtins.h"
#include "error.h"
#include "fdview.h"
#include "memalloc.h"
#include "shell.h"

static bool parse_pid(const char *s, pid_t *pid)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v <= 0 || v > 0x3fffffff)
		return false;
	*pid = (pid_t)v;
	return true;
}

/* ---- fds [PID...]: the tables ---- */

/* " [shared with fd 2, 4213 fd 1]": every other fd, in any of the tables,
 * that shares f's open file description. */
static void add_sharing(const struct fd_info *f, struct fd_table *tabs, int ntabs,
                        struct strbuf *sb)
{
	int found = 0;
	for (int t = 0; t < ntabs; t++) {
		for (int i = 0; i < tabs[t].n; i++) {
			const struct fd_info *g = &tabs[t].fds[i];
			if ((g->pid == f->pid && g->fd == f->fd) || !fdview_same_file(f, g))
				continue;
			sb_adds(sb, found++ ? ", " : "  [shared with ");
			if (g->pid == f->pid)
				sb_printf(sb, "fd %d", g->fd);
			else
				sb_printf(sb, "%ld fd %d", (long)g->pid, g->fd);
		}
	}
	if (found)
		sb_addc(sb, ']');
}

static void print_table(struct fd_table *t, struct fd_table *tabs, int ntabs)
{
	printf("fds of %ld (%s)%s:\n", (long)t->pid, t->comm,
	       t->pid == getpid() ? ", this shell" : "");
	for (int i = 0; i < t->n; i++) {
		const struct fd_info *f = &t->fds[i];
		struct strbuf sb;
		sb_init(&sb);
		fdview_describe(f, &sb);
		if (f->cloexec)
			sb_adds(&sb, "  [close-on-exec]");
		add_sharing(f, tabs, ntabs, &sb);
		printf("%4d  %-9s %s\n", f->fd, fdview_kind_name(f->kind), sb.s);
		sb_free(&sb);
	}
}

static int show_tables(int argc, char **argv)
{
	int n = argc > 0 ? argc : 1, st = 0, ok = 0;
	struct fd_table *tabs = xcalloc((size_t)n, sizeof *tabs);
	for (int i = 0; i < n; i++) {
		pid_t pid = getpid();
		if (argc > 0 && !parse_pid(argv[i], &pid)) {
			sh_warn("fds: %s: not a process id", argv[i]);
			st = 2;
			continue;
		}
		if (fdview_read(pid, &tabs[ok]) < 0) {
			sh_warn("fds: %ld: %s", (long)pid, errno == ENOENT ? "no such process" :
			        strerror(errno));
			st = st ? st : 1;
			continue;
		}
		ok++;
	}
	for (int i = 0; i < ok; i++)
		print_table(&tabs[i], tabs, ok);
	for (int i = 0; i < ok; i++)
		fdview_free(&tabs[i]);
	free(tabs);
	return st;
}

/* ---- fds -p / --tree: the picture ---- */

struct pnode {
	pid_t pid;
	struct proc_stat st;
	struct fd_table t;
};

struct pset {
	struct pnode *v;
	int n;
};

/* Every process we can see, with its parent, session and start time. */
static struct pset all_processes(void)
{
	struct pset s = { NULL, 0 };
	int cap = 0;
	DIR *d = opendir("/proc");
	if (!d)
		return s;
	struct dirent *e;
	while ((e = readdir(d))) {
		pid_t pid;
		if (!parse_pid(e->d_name, &pid))
			continue;
		if (s.n == cap) {
			cap = cap ? cap * 2 : 64;
			s.v = xrealloc(s.v, sizeof *s.v * (size_t)cap);
		}
		memset(&s.v[s.n], 0, sizeof s.v[s.n]);
		s.v[s.n].pid = pid;
		if (fdview_proc_stat(pid, &s.v[s.n].st) == 0)
			s.n++;
	}
	closedir(d);
	return s;
}

static void pset_free(struct pset *s)
{
	for (int i = 0; i < s->n; i++)
		fdview_free(&s->v[i].t);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

static const struct fd_info *std_fd(const struct pnode *p, int fd)
{
	for (int i = 0; i < p->t.n && p->t.fds[i].fd <= 2; i++)
		if (p->t.fds[i].fd == fd)
			return &p->t.fds[i];
	return NULL;
}

/* Does p have pipe `inode` on fd 0, 1 or 2 (any end)? */
static bool has_pipe(const struct pnode *p, unsigned long inode)
{
	for (int fd = 0; fd <= 2; fd++) {
		const struct fd_info *f = std_fd(p, fd);
		if (f && f->kind == FD_PIPE && f->inode == inode)
			return true;
	}
	return false;
}

static bool shares_a_pipe(const struct pnode *a, const struct pnode *b)
{
	for (int fd = 0; fd <= 2; fd++) {
		const struct fd_info *f = std_fd(a, fd);
		if (f && f->kind == FD_PIPE && has_pipe(b, f->inode))
			return true;
	}
	return false;
}

/* Is process a joined to b (which is already kept)? */
typedef bool joined_fn(const struct pnode *a, const struct pnode *b);

/* Keep only `seed` and the processes joined to it, step by step. */
static void keep_joined(struct pset *s, pid_t seed, joined_fn *joined)
{
	bool *in = xcalloc((size_t)s->n, sizeof *in);
	for (int i = 0; i < s->n; i++)
		in[i] = s->v[i].pid == seed;
	for (bool grew = true; grew;) {
		grew = false;
		for (int i = 0; i < s->n; i++)
			for (int j = 0; j < s->n && !in[i]; j++)
				if (in[j] && joined(&s->v[i], &s->v[j]))
					in[i] = grew = true;
	}
	int k = 0;
	for (int i = 0; i < s->n; i++) {
		if (in[i])
			s->v[k++] = s->v[i];
		else
			fdview_free(&s->v[i].t);
	}
	s->n = k;
	free(in);
}

/* The tree: a child of a kept process. (The pipeline: shares_a_pipe.) */
static bool by_parent(const struct pnode *a, const struct pnode *b)
{
	return a->st.ppid == b->pid;
}

static int by_start(const void *a, const void *b)
{
	const struct pnode *x = a, *y = b;
	if (x->st.start != y->st.start)
		return x->st.start < y->st.start ? -1 : 1;
	return (x->pid > y->pid) - (x->pid < y->pid);
}

/* The processes of the picture, their fd tables read, in start order. */
static struct pset collect(bool tree, pid_t who)
{
	struct pset s = all_processes();
	struct proc_stat me = { 0, 0, 0 };
	fdview_proc_stat(who, &me);
	int k = 0;
	for (int i = 0; i < s.n; i++) {
		/* Only our session can hold our pipeline; skip reading the rest. */
		if (s.v[i].st.sid == me.sid && fdview_read(s.v[i].pid, &s.v[i].t) == 0)
			s.v[k++] = s.v[i];
	}
	s.n = k;
	keep_joined(&s, who, tree ? by_parent : shares_a_pipe);
	if (s.n)
		qsort(s.v, (size_t)s.n, sizeof *s.v, by_start);
	return s;
}

/* What the picture shows: pids, names and fds 0-2. Two equal snapshots in a
 * row mean the stages have finished their dup2s and execs. */
static char *signature(const struct pset *s)
{
	struct strbuf sb;
	sb_init(&sb);
	for (int i = 0; i < s->n; i++) {
		sb_printf(&sb, "%ld %s", (long)s->v[i].pid, s->v[i].t.comm);
		for (int fd = 0; fd <= 2; fd++) {
			const struct fd_info *f = std_fd(&s->v[i], fd);
			sb_printf(&sb, " %s", f ? f->target : "-");
		}
		sb_addc(&sb, '\n');
	}
	return sb_take(&sb);
}

static struct pset settled(bool tree, pid_t who)
{
	struct pset s = collect(tree, who);
	char *sig = signature(&s);
	for (int round = 0; round < 25; round++) {
		nanosleep(&(struct timespec){ 0, 20 * 1000 * 1000 }, NULL);
		struct pset next = collect(tree, who);
		char *nsig = signature(&next);
		bool same = strcmp(sig, nsig) == 0;
		pset_free(&s);
		free(sig);
		s = next;
		sig = nsig;
		if (same)
			break;
	}
	free(sig);
	return s;
}

/* ---- drawing ---- */

enum mark { M_NONE, M_WRITE, M_READ, M_PASS };

struct row {
	char *text;
	enum mark mark;
	unsigned long label;   /* separator rows: the pipe's inode */
};

struct picture {
	struct row *rows;
	int n, cap;
};

static int add_row(struct picture *pic, char *text)
{
	if (pic->n == pic->cap) {
		pic->cap = pic->cap ? pic->cap * 2 : 32;
		pic->rows = xrealloc(pic->rows, sizeof *pic->rows * (size_t)pic->cap);
	}
	pic->rows[pic->n] = (struct row){ text, M_NONE, 0 };
	return pic->n++;
}

static char *fd_row_text(const struct pnode *p, int fd)
{
	const struct fd_info *f = std_fd(p, fd);
	struct strbuf sb;
	sb_init(&sb);
	sb_printf(&sb, "      %d  ", fd);
	if (!f) {
		sb_adds(&sb, "(closed)");
		return sb_take(&sb);
	}
	sb_printf(&sb, "%-9s ", fdview_kind_name(f->kind));
	fdview_describe(f, &sb);
	return sb_take(&sb);
}

/* The pipe that leads from p (written on fd 1 or 2) to q (read on fd 0). */
static unsigned long link_pipe(const struct pnode *p, const struct pnode *q)
{
	const struct fd_info *in = std_fd(q, 0);
	if (!in || in->kind != FD_PIPE)
		return 0;
	for (int fd = 1; fd <= 2; fd++) {
		const struct fd_info *f = std_fd(p, fd);
		if (f && f->kind == FD_PIPE && f->inode == in->inode)
			return f->inode;
	}
	return 0;
}

/* Rows for process i: a title and fds 0-2; `first` gets its fd-0 row. */
static void add_process(struct picture *pic, const struct pset *s, int i, int *first)
{
	const struct pnode *p = &s->v[i];
	char *title = NULL;
	if (asprintf(&title, "  %ld %s%s", (long)p->pid, p->t.comm,
	             p->pid == getpid() ? " (this fds)" : "") < 0)
		title = xstrdup("  ?");
	add_row(pic, title);
	for (int fd = 0; fd <= 2; fd++) {
		int r = add_row(pic, fd_row_text(p, fd));
		if (fd == 0)
			*first = r;
	}
}

/* Draw the pipe from process i (rows after from_title) to the fd-0 row of
 * process i + 1: ">--+" at each writing fd, "|" down, "<--+" at the reader. */
static void connect_rows(struct picture *pic, const struct pnode *p, int fd0_row_p,
                         int fd0_row_q, unsigned long inode)
{
	int start = -1;
	for (int fd = 1; fd <= 2; fd++) {
		const struct fd_info *f = std_fd(p, fd);
		if (f && f->kind == FD_PIPE && f->inode == inode) {
			pic->rows[fd0_row_p + fd].mark = M_WRITE;
			if (start < 0)
				start = fd0_row_p + fd;
		}
	}
	for (int r = start + 1; r < fd0_row_q; r++)
		if (pic->rows[r].mark == M_NONE)
			pic->rows[r].mark = M_PASS;
	pic->rows[fd0_row_q].mark = M_READ;
}

static void print_picture(const struct picture *pic)
{
	size_t width = 0;
	for (int i = 0; i < pic->n; i++)
		if (strlen(pic->rows[i].text) > width)
			width = strlen(pic->rows[i].text);
	static const char *const marks[] = { "", " >--+", " <--+", "     |" };
	for (int i = 0; i < pic->n; i++) {
		const struct row *r = &pic->rows[i];
		if (r->mark == M_NONE) {
			printf("%s\n", r->text);
			continue;
		}
		printf("%-*s%s", (int)width, r->text, marks[r->mark]);
		if (r->label)
			printf(" pipe %lu", r->label);
		printf("\n");
	}
}

/* "pipe 1234: 4213 sleep fd 1 -> 4214 fdsh fd 0", for every pipe in the picture. */
static void list_pipes(const struct pset *s)
{
	for (int i = 0; i < s->n; i++)
		for (int fd = 0; fd <= 2; fd++) {
			const struct fd_info *f = std_fd(&s->v[i], fd);
			if (!f || f->kind != FD_PIPE || (f->flags & O_ACCMODE) == O_RDONLY)
				continue;
			printf("  pipe %lu: %ld %s fd %d ->", f->inode, (long)s->v[i].pid,
			       s->v[i].t.comm, fd);
			int readers = 0;
			for (int j = 0; j < s->n; j++)
				for (int g = 0; g <= 2; g++) {
					const struct fd_info *h = std_fd(&s->v[j], g);
					if (h && h->kind == FD_PIPE && h->inode == f->inode &&
					    (h->flags & O_ACCMODE) == O_RDONLY) {
						printf(" %ld %s fd %d", (long)s->v[j].pid, s->v[j].t.comm, g);
						readers++;
					}
				}
			printf("%s\n", readers ? "" : " (no reader among these)");
		}
}

static void draw(const struct pset *s)
{
	struct picture pic = { NULL, 0, 0 };
	int prev_fd0 = -1;
	for (int i = 0; i < s->n; i++) {
		int fd0 = 0;
		int sep = i > 0 ? add_row(&pic, xstrdup("")) : -1;
		add_process(&pic, s, i, &fd0);
		unsigned long inode = i > 0 ? link_pipe(&s->v[i - 1], &s->v[i]) : 0;
		if (inode) {
			connect_rows(&pic, &s->v[i - 1], prev_fd0, fd0, inode);
			pic.rows[sep].label = inode;
		}
		prev_fd0 = fd0;
	}
	print_picture(&pic);
	for (int i = 0; i < pic.n; i++)
		free(pic.rows[i].text);
	free(pic.rows);
}

static int show_picture(bool tree, int argc, char **argv)
{
	pid_t who = tree && sh.in_child ? getppid() : getpid();
	if (argc > 1)
		return builtin_usage("fds");
	if (argc == 1 && !parse_pid(argv[0], &who)) {
		sh_warn("fds: %s: not a process id", argv[0]);
		return 2;
	}
	if (!tree && !sh.in_child && argc == 0)
		tree = true;   /* at the prompt there is no pipeline around us */
	struct pset s = settled(tree, who);
	if (s.n == 0) {
		sh_warn("fds: %ld: no such process", (long)who);
		return 1;
	}
	printf("%s %ld: %d process%s\n", tree ? "processes from" : "pipeline of", (long)who, s.n,
	       s.n == 1 ? "" : "es");
	draw(&s);
	list_pipes(&s);
	pset_free(&s);
	return 0;
}

int builtin_fds(int argc, char **argv)
{
	int i = 1;
	bool picture = false, tree = false;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (strcmp(argv[i], "-p") == 0)
			picture = true;
		else if (strcmp(argv[i], "--tree") == 0)
			picture = tree = true;
		else {
			sh_warn("fds: %s: invalid option", argv[i]);
			return builtin_usage("fds");
		}
	}
	fflush(stdout);
	if (picture)
		return show_picture(tree, argc - i, argv + i);
	return show_tables(argc - i, argv + i);
}

/* The launcher (see exec.h). */
#include "exec.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ast.h"
#include "builtins/builtins.h"
#include "error.h"
#include "expand.h"
#include "input.h"
#include "jobs.h"
#include "lineedit.h"
#include "memalloc.h"
#include "parser.h"
#include "pattern.h"
#include "redir.h"
#include "shell.h"
#include "trace.h"
#include "trap.h"
#include "vars.h"

enum skip exec_skip;
int exec_skip_count;
int exec_loop_depth;
int exec_func_depth;
/* > 0 while running a condition, where set -e does not apply. */
static int tested_depth;

/* ---------- the PATH cache ---------- */

struct hashed {
	struct hashed *next;
	char *name;
	char *path;
};
static struct hashed *path_cache;

void exec_path_changed(void)
{
	while (path_cache) {
		struct hashed *h = path_cache;
		path_cache = h->next;
		free(h->name);
		free(h->path);
		free(h);
	}
}

static bool is_executable_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/* Search a PATH value; a file that exists but is not executable is the
 * fallback, so exec reports "Permission denied" rather than "not found". */
static char *search_path(const char *name, const char *path)
{
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	size_t nlen = strlen(name);
	char *fallback = NULL;
	for (const char *p = path;; ) {
		const char *colon = strchr(p, ':');
		size_t dlen = colon ? (size_t)(colon - p) : strlen(p);
		char *full = xmalloc(dlen + nlen + 2);
		if (dlen == 0) {
			memcpy(full, name, nlen + 1);
		} else {
			memcpy(full, p, dlen);
			full[dlen] = '/';
			memcpy(full + dlen + 1, name, nlen + 1);
		}
		if (is_executable_file(full)) {
			free(fallback);
			return full;
		}
		struct stat st;
		if (!fallback && stat(full, &st) == 0 && S_ISREG(st.st_mode))
			fallback = full;
		else
			free(full);
		if (!colon)
			break;
		p = colon + 1;
	}
	return fallback;
}

char *path_lookup_in(const char *name, const char *path)
{
	return path ? search_path(name, path) : path_lookup(name);
}

char *path_lookup(const char *name)
{
	for (struct hashed *h = path_cache; h; h = h->next)
		if (strcmp(h->name, name) == 0)
			return xstrdup(h->path);
	char *full = search_path(name, var_get("PATH"));
	if (full && access(full, X_OK) == 0) {
		struct hashed *h = xmalloc(sizeof *h);
		h->name = xstrdup(name);
		h->path = xstrdup(full);
		h->next = path_cache;
		path_cache = h;
	}
	return full;
}

void hash_each(void (*fn)(const char *name, const char *path))
{
	for (struct hashed *h = path_cache; h; h = h->next)
		fn(h->name, h->path);
}

void hash_forget(const char *name)
{
	for (struct hashed **pp = &path_cache; *pp; pp = &(*pp)->next) {
		if (strcmp((*pp)->name, name) == 0) {
			struct hashed *h = *pp;
			*pp = h->next;
			free(h->name);
			free(h->path);
			free(h);
			return;
		}
	}
}

bool hash_add(const char *name)
{
	hash_forget(name);
	char *p = path_lookup(name);
	free(p);
	for (struct hashed *h = path_cache; h; h = h->next)
		if (strcmp(h->name, name) == 0)
			return true;
	return false;
}

/* ---------- functions ---------- */

struct func {
	struct func *next;
	char *name;
	struct node *body;
	struct arena arena;  /* the body's own copy of the tree */
	int refs;            /* calls in progress + 1 while defined */
};
static struct func *funcs;

static struct func *find_func(const char *name)
{
	for (struct func *f = funcs; f; f = f->next)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

struct node *func_find(const char *name)
{
	struct func *f = find_func(name);
	return f ? f->body : NULL;
}

static void func_unref(struct func *f)
{
	if (--f->refs > 0)
		return;
	arena_free(&f->arena);
	free(f->name);
	free(f);
}

static void unlink_func(const char *name)
{
	for (struct func **pp = &funcs; *pp; pp = &(*pp)->next) {
		if (strcmp((*pp)->name, name) == 0) {
			struct func *f = *pp;
			*pp = f->next;
			func_unref(f);
			return;
		}
	}
}

void func_define(const char *name, const struct node *body)
{
	unlink_func(name);
	struct func *f = xcalloc(1, sizeof *f);
	f->name = xstrdup(name);
	f->body = ast_copy(body, &f->arena);
	f->refs = 1;
	f->next = funcs;
	funcs = f;
}

int func_unset(const char *name)
{
	unlink_func(name);
	return 0;
}

void func_each(void (*fn)(const char *, const struct node *))
{
	for (struct func *f = funcs; f; f = f->next)
		fn(f->name, f->body);
}

/* ---------- processes ---------- */

void child_exit(int status)
{
	/* An EXIT trap set in this process (a subshell's own, or fdsh -c's
	 * when its last command ends the shell) still runs. */
	trap_run_exit();
	fflush(stdout);
	_exit(status & 0xff);
}

void exec_child_setup(void)
{
	sh.in_child = true;
	var_reseed_random();
	sh_handler = NULL;
	trap_reset_child();
	jobs_forget_all();
	sh.interactive = false;
	opts[OPT_MONITOR] = false;
}

/* Fork a process for job j. In the child: default signals, its own process
 * group under job control, and no memory of the parent's jobs. */
static pid_t fork_child(struct job *j, const char *name, bool foreground)
{
	fflush(stdout);
	pid_t pid = t_fork();
	if (pid < 0) {
		sh_warn_errno("fork");
		return -1;
	}
	if (pid == 0) {
		trace_child(name);
		if (j && j->control) {
			/* Before the signals are reset: SIGTTOU is still ignored here. */
			pid_t pgid = j->pgid ? j->pgid : getpid();
			t_setpgid(0, pgid);
			if (foreground)
				jobs_give_terminal(pgid);
		}
		exec_child_setup();
		return 0;
	}
	if (j) {
		if (j->control) {
			/* Also set the group in the parent: whichever runs first wins the race. */
			if (!j->pgid)
				j->pgid = pid;
			t_setpgid(pid, j->pgid);
		}
		job_add_proc(j, pid, name);
	}
	return pid;
}

static bool job_control_active(void)
{
	return opts[OPT_MONITOR] && !sh.in_child && jobs_ttyfd >= 0;
}

static struct job *new_job(const struct node *n, bool foreground)
{
	bool control = job_control_active();
	/* The text is only shown by job listings, so only build it when needed. */
	char *text = control || !foreground ? ast_to_text(n) : NULL;
	struct job *j = job_new(text, foreground);
	free(text);
	j->control = control;
	return j;
}

static const char *command_name(const struct node *n)
{
	if (n->kind == N_SIMPLE && n->u.simple.args)
		return n->u.simple.args->text;
	return n->kind == N_SUBSHELL ? "subshell" : "sh";
}

/* Replace the process with the program at `path` (from path_lookup, or the
 * name itself when it has a slash). */
/* Replace the process with the program at `path` (from command_path).
 * Only system calls and stack memory: a vfork child runs this too. */
static int exec_path(const char *name, char *path, char **argv, char **envp)
{
	if (!path) {
		sh_warn("%s: not found", name);
		return 127;
	}
	t_execve(path, argv, envp);
	int err = errno;
	if (err == ENOEXEC) {
		/* No #! line: a shell script, run by a new fdsh. */
		int argc = 0;
		while (argv[argc])
			argc++;
		char *nargv[argc + 2];
		nargv[0] = (char *)"fdsh";
		nargv[1] = path;
		for (int i = 1; i <= argc; i++)
			nargv[i + 1] = argv[i];
		t_execve("/proc/self/exe", nargv, envp);
		err = errno;
	}
	if (err == ENOENT || err == ENOTDIR) {
		sh_warn("%s: not found", name);
		return 127;
	}
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		sh_warn("%s: Is a directory", name);
	else
		sh_warn("%s: %s", name, strerror(err));
	return 126;
}

/* The path a command name runs from: searched in `search` (a PATH value),
 * or with NULL in $PATH through the cache. NULL if not found. */
static char *command_path(const char *name, const char *search)
{
	if (strchr(name, '/'))
		return xstrdup(name);
	if (search)
		return path_lookup_in(name, search);
	char *path = path_lookup(name);
	if (path && access(path, X_OK) != 0 && errno == ENOENT) {
		/* A stale cache entry: look again once. */
		hash_forget(name);
		free(path);
		path = path_lookup(name);
	}
	return path;
}

static int exec_program_in(char **argv, const char *search)
{
	char *path = command_path(argv[0], search);
	int st = exec_path(argv[0], path, argv, var_environ());
	free(path);
	return st;
}

int exec_program(char **argv)
{
	return exec_program_in(argv, NULL);
}

/* ---------- simple commands ---------- */

static void xtrace(struct word *assigns, char **values, int argc, char **argv)
{
	struct strbuf sb;
	sb_init(&sb);
	const char *ps4 = var_get("PS4");
	sb_adds(&sb, ps4 ? expand_string(ps4) : "");
	bool first = true;
	int i = 0;
	for (struct word *w = assigns; w; w = w->next, i++) {
		int nl = assignment_name_len(w->text);
		sb_printf(&sb, "%s%.*s=%s", first ? "" : " ", nl, w->text, values[i]);
		first = false;
	}
	/* Words as they are, unquoted, as dash prints them. */
	for (int k = 0; k < argc; k++) {
		if (!first)
			sb_addc(&sb, ' ');
		sb_adds(&sb, argv[k]);
		first = false;
	}
	sb_addc(&sb, '\n');
	fflush(stdout);
	(void)!write(2, sb.s, sb.len);
	sb_free(&sb);
}

/* Expand and perform a command's assignments from left to right, so each sees
 * the ones before it (x=1 y=$x). Values are kept for xtrace. Returns -1 after
 * an assignment to a read-only variable (already reported). */
static int do_assignments(struct word *assigns, char ***values, int flags, bool local)
{
	int n = 0;
	for (struct word *w = assigns; w; w = w->next)
		n++;
	*values = arena_alloc(&stk, sizeof **values * (size_t)(n + 1));
	int i = 0;
	for (struct word *w = assigns; w; w = w->next, i++) {
		int nl = assignment_name_len(w->text);
		char *name = arena_strndup(&stk, w->text, (size_t)nl);
		(*values)[i] = expand_assignment_value(w->text + nl + 1);
		if (local)
			var_make_local(name);
		if (var_set(name, (*values)[i], flags) < 0)
			return -1;
	}
	return 0;
}

static bool has_fdvar(const struct redir *r)
{
	for (; r; r = r->next)
		if (r->fdvar)
			return true;
	return false;
}

/* What a child started with vfork needs to become a simple command. The
 * child shares the shell's memory until it execs, so it may only make system
 * calls: everything that expands or allocates (the words, redirection
 * targets, here-documents, the environment with the prefix assignments) is
 * prepared by the shell first. For a shell as large as one with readline
 * this is much cheaper than fork, which copies the page tables. */
struct spawn {
	char **argv;
	char *path;
	char **envp;
	struct redir_plan plan;
};

/* The prefix assignments are already in a scope (exec_simple); a pipeline
 * stage with assignments is not spawned this way. */
static int spawn_prepare(struct spawn *sp, struct node *n, char **argv, char *path)
{
	sp->argv = argv;
	sp->path = path;
	int st = redir_prepare(n->redirs, &sp->plan);
	if (st)
		return st;
	sp->envp = var_environ();
	return 0;
}

/* vfork a child that puts `in`/`out` on 0/1 (when >= 0; `other` is a pipe
 * end it must close), performs the redirections and execs. */
static pid_t spawn_start(struct spawn *sp, int in, int out, int other)
{
	fflush(stdout);
	pid_t pid = vfork();
	if (pid != 0)
		return pid;
	trap_reset_child_dispositions();
	if (other >= 0)
		close(other);
	if (in > 0) {
		dup2(in, 0);
		close(in);
	}
	if (out >= 0 && out != 1) {
		dup2(out, 1);
		close(out);
	}
	int rs = redir_perform(&sp->plan, false);
	_exit(rs ? rs : exec_path(sp->argv[0], sp->path, sp->argv, sp->envp));
}

static void spawn_finish(struct spawn *sp)
{
	redir_plan_done(&sp->plan);
}

static int spawn_external(struct node *n, char **argv, char *path)
{
	struct spawn sp;
	int st = spawn_prepare(&sp, n, argv, path);
	if (st)
		return st;
	pid_t pid = spawn_start(&sp, -1, -1, -1);
	spawn_finish(&sp);
	if (pid < 0) {
		sh_warn_errno("vfork");
		return 2;
	}
	struct job *j = job_new(NULL, true);
	job_add_proc(j, pid, argv[0]);
	return job_wait_foreground(j);
}

static bool can_vfork(const struct node *n)
{
	return !trace_on && !job_control_active() && !has_fdvar(n->redirs);
}

/* command_path's answer on stk: preparing the redirections may raise an error
 * (a here-document's ${x?}) that longjmps past the caller. */
static char *command_path_on_stk(const char *name)
{
	char *heap = command_path(name, NULL);
	if (!heap)
		return NULL;
	char *path = arena_strdup(&stk, heap);
	free(heap);
	return path;
}

static int run_external(struct node *n, char **argv, int flags)
{
	char *path = command_path_on_stk(argv[0]);
	if (!(flags & EV_EXIT) && can_vfork(n))
		return spawn_external(n, argv, path);
	if (!(flags & EV_EXIT)) {
		struct job *j = new_job(n, true);
		pid_t pid = fork_child(j, argv[0], true);
		if (pid < 0) {
			job_free(j);
			return 2;
		}
		if (pid > 0)
			return job_wait_foreground(j);
	}
	/* In the child (or exec'ing in place): redirections, then the program. */
	int rs = redir_apply(n->redirs, false);
	if (rs)
		child_exit(rs);
	child_exit(exec_path(argv[0], path, argv, var_environ()));
}

/* Deeper calls than this are refused rather than overflowing the C stack. */
#define MAX_FUNC_DEPTH 1000

static int call_function(struct node *body, int argc, char **argv)
{
	if (exec_func_depth >= MAX_FUNC_DEPTH)
		sh_error(2, "Maximum function recursion depth (%d) reached", MAX_FUNC_DEPTH);
	struct func *f = find_func(argv[0]);
	f->refs++;
	var_push_function_scope(argc - 1, argv + 1);
	exec_func_depth++;
	/* break and continue do not reach the caller's loops (as in dash). */
	int loops = exec_loop_depth;
	exec_loop_depth = 0;
	int st = exec_node(f->body, 0);
	exec_loop_depth = loops;
	if (exec_skip == SKIP_RETURN) {
		exec_skip = SKIP_NONE;
		st = sh.status;
	}
	exec_func_depth--;
	var_pop_scope();
	func_unref(f);
	(void)body;
	return st;
}

static int run_builtin(const struct builtin *bi, int argc, char **argv)
{
	int st = bi->fn(argc, argv);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		sh_warn("%s: write error: %s", argv[0], strerror(errno));
		clearerr(stdout);
		st = 1;
	}
	return st;
}

/* A builtin or function in the shell, with its redirections undone afterwards. */
static int run_in_shell(struct node *n, const struct builtin *bi, struct node *fn,
                        int argc, char **argv)
{
	bool special = bi && (bi->flags & BI_SPECIAL);
	int mark = redir_mark();
	int rs = redir_apply(n->redirs, true);
	if (rs) {
		redir_undo(mark);
		if (special && !sh.interactive)
			sh_raise(rs);
		return rs;
	}
	int st = fn ? call_function(fn, argc, argv) : run_builtin(bi, argc, argv);
	if (bi && ((bi->fn == builtin_exec && argc == 1) ||
	           (bi->fn == builtin_command && argc == 2 && strcmp(argv[1], "exec") == 0)))
		redir_forget(mark);   /* exec >file: the redirections stay */
	else
		redir_undo(mark);
	return st;
}

/* A command of only assignments and redirections: the status is that of the
 * last command substitution, or of a failed redirection. */
static int assignments_only(struct node *n)
{
	int mark = redir_mark();
	int st = expand_subst_status;
	int rs = redir_apply(n->redirs, true);
	if (rs)
		st = rs;
	redir_undo(mark);
	return st;
}

/* What a command name runs: a function, a builtin or (both NULL) a program. */
static void find_command(const char *name, const struct builtin **bi, struct node **fn)
{
	*bi = NULL;
	*fn = NULL;
	if (strchr(name, '/'))
		return;
	*bi = builtin_find(name);
	if (!*bi || !((*bi)->flags & BI_SPECIAL))
		*fn = func_find(name);
	if (*fn)
		*bi = NULL;
}

/* An assignment to a read-only variable: as in dash, the command does not
 * run and a non-interactive shell exits. */
static int assignment_failed(bool scoped)
{
	if (scoped)
		var_pop_scope();
	sh_raise(2);
}

static int exec_simple(struct node *n, int flags)
{
	sh.lineno = n->lineno;
	struct arena_mark m = arena_mark(&stk);
	expand_subst_status = 0;
	int argc;
	char **argv = expand_command(n->u.simple.args, &argc);
	const struct builtin *bi = NULL;
	struct node *fn = NULL;
	if (argc > 0)
		find_command(argv[0], &bi, &fn);
	/* Assignments before a command other than a special builtin last for that
	 * command only and are exported to it: a scope popped afterwards. */
	bool permanent = argc == 0 || (bi && (bi->flags & BI_SPECIAL));
	bool scoped = !permanent && n->u.simple.assigns;
	if (scoped)
		var_push_scope();
	char **values;
	/* x=1 exec cmd: the assignments stay and, as in dash, are exported. */
	bool exported = !permanent || (bi && bi->fn == builtin_exec && argc > 1);
	int ra = do_assignments(n->u.simple.assigns, &values, exported ? V_EXPORT : 0, scoped);
	if (opts[OPT_XTRACE])
		xtrace(n->u.simple.assigns, values, argc, argv);
	int st;
	if (ra < 0)
		st = assignment_failed(scoped);
	else if (argc == 0)
		st = assignments_only(n);
	else if (fn || bi)
		st = run_in_shell(n, bi, fn, argc, argv);
	else
		st = run_external(n, argv, flags);
	if (scoped)
		var_pop_scope();
	arena_release(&stk, m);
	return st;
}

static int run_argv(int argc, char **argv, bool use_functions, const char *search)
{
	const struct builtin *bi = strchr(argv[0], '/') ? NULL : builtin_find(argv[0]);
	struct node *fn = !use_functions || (bi && (bi->flags & BI_SPECIAL)) ? NULL
	                  : func_find(argv[0]);
	if (fn)
		return call_function(fn, argc, argv);
	if (bi)
		return run_builtin(bi, argc, argv);
	struct job *j = job_new(argv[0], true);
	j->control = job_control_active();
	pid_t pid = fork_child(j, argv[0], true);
	if (pid < 0) {
		job_free(j);
		return 2;
	}
	if (pid == 0)
		child_exit(exec_program_in(argv, search));
	return job_wait_foreground(j);
}

int exec_argv(int argc, char **argv)
{
	return run_argv(argc, argv, true, NULL);
}

int exec_argv_no_functions(int argc, char **argv, const char *search)
{
	return run_argv(argc, argv, false, search);
}

/* ---------- pipelines, subshells, background ---------- */

/* Words whose expansion has no side effects and cannot fail: expanding them
 * in the shell instead of in the stage's subshell changes nothing. */
static bool words_are_pure(const struct word *w)
{
	for (; w; w = w->next)
		if (strchr(w->text, '`') || strstr(w->text, "$(") || strstr(w->text, "${"))
			return false;
	return true;
}

static bool redirs_are_pure(const struct redir *r)
{
	for (; r; r = r->next)
		if (r->target && !words_are_pure(r->target))
			return false;
	return true;
}

/* A pipeline stage that is a plain external command can start with vfork:
 * expand it here and return its path, or NULL to fork a subshell instead. */
static char *stage_spawnable(struct node *cmd, char ***argvp)
{
	/* Prefix assignments need a scope and may change PATH: not here. */
	if (cmd->kind != N_SIMPLE || !cmd->u.simple.args || !can_vfork(cmd) || opts[OPT_XTRACE] ||
	    cmd->u.simple.assigns || !words_are_pure(cmd->u.simple.args) ||
	    !redirs_are_pure(cmd->redirs))
		return NULL;
	const char *name = cmd->u.simple.args->text;
	if (!strchr(name, '/') && (builtin_find(name) || func_find(name)))
		return NULL;
	int argc;
	char **argv = expand_words(cmd->u.simple.args, &argc);
	if (argc == 0 || strcmp(argv[0], name) != 0)
		return NULL;
	char *path = command_path(argv[0], NULL);
	if (!path)
		return NULL;
	*argvp = argv;
	return path;
}

/* One stage: stdin from `in`, stdout to `out`; `other` is the read end of
 * this stage's own pipe, which belongs to the next stage. */
static pid_t start_stage(struct job *j, struct node *cmd, int in, int out, int other)
{
	char **argv;
	char *path = stage_spawnable(cmd, &argv);
	if (path) {
		struct spawn sp;
		pid_t pid = -1;
		if (spawn_prepare(&sp, cmd, argv, path) == 0) {
			pid = spawn_start(&sp, in, out, other);
			spawn_finish(&sp);
			if (pid > 0)
				job_add_proc(j, pid, argv[0]);
		}
		free(path);
		return pid;
	}
	pid_t pid = fork_child(j, command_name(cmd), true);
	if (pid == 0) {
		/* The read end of our own pipe belongs to the next stage. */
		if (other >= 0)
			t_close(other);
		/* stdin from the previous stage; then drop the extra descriptor. */
		if (in > 0) {
			t_dup2(in, 0);
			t_close(in);
		}
		/* stdout into the pipe to the next stage. */
		if (out >= 0 && out != 1) {
			t_dup2(out, 1);
			t_close(out);
		}
		child_exit(exec_node(cmd, EV_EXIT));
	}
	return pid;
}

static int exec_pipeline(struct node *n)
{
	struct job *j = new_job(n, true);
	struct arena_mark m = arena_mark(&stk);
	int prev = -1;   /* read end of the previous pipe, for this stage's stdin */
	for (int i = 0; i < n->u.pipe.n; i++) {
		int p[2] = { -1, -1 };
		if (i < n->u.pipe.n - 1 && t_pipe(p) < 0) {
			sh_warn_errno("pipe");
			break;
		}
		pid_t pid = start_stage(j, n->u.pipe.cmds[i], prev, p[1], p[0]);
		/* The parent hands each end on and closes it at once: a write end
		 * left open here would keep the reader from ever seeing EOF. */
		if (prev >= 0)
			t_close(prev);
		if (p[1] >= 0)
			t_close(p[1]);
		prev = p[0];
		if (pid < 0) {
			if (prev >= 0)
				t_close(prev);
			prev = -1;
			break;
		}
	}
	arena_release(&stk, m);
	if (prev >= 0)
		t_close(prev);
	if (j->nprocs == 0) {
		job_free(j);
		return 2;
	}
	return job_wait_foreground(j);
}

static int exec_subshell(struct node *n, int flags)
{
	if (flags & EV_EXIT) {
		int rs = redir_apply(n->redirs, false);
		if (rs)
			child_exit(rs);
		child_exit(exec_node(n->u.sub.body, EV_EXIT));
	}
	struct job *j = new_job(n, true);
	pid_t pid = fork_child(j, "subshell", true);
	if (pid < 0) {
		job_free(j);
		return 2;
	}
	if (pid == 0) {
		int rs = redir_apply(n->redirs, false);
		if (rs)
			child_exit(rs);
		child_exit(exec_node(n->u.sub.body, EV_EXIT));
	}
	return job_wait_foreground(j);
}

static int exec_async(struct node *n)
{
	jobs_reap();
	struct node *body = n->u.sub.body;
	struct job *j = new_job(body, false);
	pid_t pid = fork_child(j, command_name(body), false);
	if (pid < 0) {
		job_free(j);
		return 2;
	}
	if (pid == 0) {
		if (!j->control) {
			/* Without job control a background job ignores keyboard
			 * interrupts and reads /dev/null, not the terminal. */
			if (!trap_get(SIGINT))
				signal(SIGINT, SIG_IGN);
			if (!trap_get(SIGQUIT))
				signal(SIGQUIT, SIG_IGN);
			int fd = t_open("/dev/null", O_RDONLY, 0);
			if (fd > 0) {
				t_dup2(fd, 0);
				t_close(fd);
			}
		}
		tested_depth = 0;   /* a background job is no condition, as in dash */
		child_exit(exec_node(body, EV_EXIT));
	}
	sh.last_bg = pid;
	job_register(j);
	if (sh.interactive) {
		fprintf(stderr, "[%d] %ld\n", j->id, (long)pid);
	}
	return 0;
}

/* ---------- command substitution ---------- */

int exec_subst(const char *text, struct strbuf *out)
{
	int p[2];
	if (t_pipe(p) < 0) {
		sh_warn_errno("pipe");
		return 2;
	}
	struct job *j = job_new(NULL, true);
	pid_t pid = fork_child(j, "subst", true);
	if (pid < 0) {
		t_close(p[0]);
		t_close(p[1]);
		job_free(j);
		return 2;
	}
	if (pid == 0) {
		t_close(p[0]);
		if (p[1] != 1) {
			t_dup2(p[1], 1);
			t_close(p[1]);
		}
		/* set -e applies inside even when the substitution is in a condition. */
		tested_depth = 0;
		child_exit(eval_string(text, EV_EXIT));
	}
	/* Close our copy of the write end, or read() below would never see EOF. */
	t_close(p[1]);
	char buf[4096];
	for (;;) {
		ssize_t r = read(p[0], buf, sizeof buf);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		sb_addn(out, buf, (size_t)r);
	}
	t_close(p[0]);
	return job_wait_foreground(j);
}

/* ---------- compound commands ---------- */

static int exec_tested(struct node *n)
{
	tested_depth++;
	int st = exec_node(n, 0);
	tested_depth--;
	return st;
}

/* After a loop body: true if the loop must stop (break, or a skip for an
 * outer loop or function). */
static bool loop_should_stop(void)
{
	if (exec_skip == SKIP_BREAK || exec_skip == SKIP_CONTINUE) {
		bool is_break = exec_skip == SKIP_BREAK;
		if (--exec_skip_count > 0)
			return true;   /* aimed at an outer loop */
		exec_skip = SKIP_NONE;
		return is_break;
	}
	return exec_skip != SKIP_NONE;
}

static int exec_loop(struct node *n)
{
	int st = 0;
	exec_loop_depth++;
	for (;;) {
		int cond = exec_tested(n->u.loop.cond);
		if (exec_skip) {
			if (loop_should_stop())
				break;
			continue;
		}
		if ((cond == 0) != (n->kind == N_WHILE))
			break;
		st = exec_node(n->u.loop.body, 0);
		if (exec_skip && loop_should_stop())
			break;
	}
	exec_loop_depth--;
	return st;
}

static int exec_for(struct node *n)
{
	struct arena_mark m = arena_mark(&stk);
	int argc;
	char **argv;
	if (n->u.forn.has_in) {
		argv = expand_words(n->u.forn.words, &argc);
	} else {
		argc = posparams.n;
		argv = arena_alloc(&stk, sizeof *argv * (size_t)(argc + 1));
		for (int i = 0; i < argc; i++)
			argv[i] = arena_strdup(&stk, posparams.v[i]);
	}
	int st = 0;
	exec_loop_depth++;
	for (int i = 0; i < argc; i++) {
		if (var_set(n->u.forn.var, argv[i], 0) < 0) {
			exec_loop_depth--;
			sh_raise(2);
		}
		st = exec_node(n->u.forn.body, 0);
		if (exec_skip && loop_should_stop())
			break;
	}
	exec_loop_depth--;
	arena_release(&stk, m);
	return st;
}

static int exec_case(struct node *n)
{
	struct arena_mark m = arena_mark(&stk);
	sh.lineno = n->lineno;
	const char *subject = expand_string(n->u.casen.subject->text);
	int st = 0;
	for (struct case_item *ci = n->u.casen.items; ci; ci = ci->next) {
		bool match = false;
		for (struct word *p = ci->patterns; p && !match; p = p->next)
			match = pattern_match(expand_pattern(p->text), subject);
		if (!match)
			continue;
		for (;;) {
			st = ci->body ? exec_node(ci->body, 0) : 0;
			if (!ci->fallthrough || !ci->next || exec_skip)
				break;
			ci = ci->next;
		}
		break;
	}
	arena_release(&stk, m);
	return st;
}

static int exec_if(struct node *n, int flags)
{
	int cond = exec_tested(n->u.ifn.cond);
	if (exec_skip)
		return cond;
	if (cond == 0)
		return exec_node(n->u.ifn.then, flags);
	if (n->u.ifn.els)
		return exec_node(n->u.ifn.els, flags);
	return 0;
}

static int exec_compound(struct node *n, int flags)
{
	switch (n->kind) {
	case N_GROUP:
		return exec_node(n->u.sub.body, flags);
	case N_IF:
		return exec_if(n, flags);
	case N_WHILE:
	case N_UNTIL:
		return exec_loop(n);
	case N_FOR:
		return exec_for(n);
	case N_CASE:
		return exec_case(n);
	default:
		return 0;
	}
}

/* Compound commands with redirections run in the shell: undo afterwards. */
static int exec_redirected_compound(struct node *n, int flags)
{
	if (!n->redirs)
		return exec_compound(n, flags);
	int mark = redir_mark();
	int st;
	sh.lineno = n->lineno;
	struct arena_mark m = arena_mark(&stk);
	int rs = redir_apply(n->redirs, !(flags & EV_EXIT));
	if (rs)
		st = rs;
	else
		st = exec_compound(n, flags & ~EV_EXIT);
	arena_release(&stk, m);
	redir_undo(mark);
	return st;
}

/* Lists are left-deep trees: a;b;c is SEQ(SEQ(a,b),c).  Recursing down the
 * left side would take one C frame per command (a 1 MB line of ":;" has half a
 * million), so the spine — the nodes of kind a or b from the top down — goes
 * into an array on stk, bottom first, and the list runs in a loop. */
static struct node **list_spine(struct node *n, enum node_kind a, enum node_kind b, int *count)
{
	int k = 0;
	for (struct node *s = n; s->kind == a || s->kind == b; s = s->u.bin.left)
		k++;
	struct node **spine = arena_alloc(&stk, sizeof *spine * (size_t)k);
	int i = k;
	for (struct node *s = n; s->kind == a || s->kind == b; s = s->u.bin.left)
		spine[--i] = s;
	*count = k;
	return spine;
}

static int exec_seq(struct node *n, int flags)
{
	struct arena_mark m = arena_mark(&stk);
	int k;
	struct node **spine = list_spine(n, N_SEQ, N_SEQ, &k);
	int st = exec_node(spine[0]->u.bin.left, flags & ~EV_EXIT);
	for (int i = 0; i < k; i++) {
		if (exec_skip) {
			st = sh.status;
			break;
		}
		st = exec_node(spine[i]->u.bin.right, i == k - 1 ? flags : flags & ~EV_EXIT);
	}
	arena_release(&stk, m);
	return st;
}

/* a && b || c: every command but the last is tested (set -e ignores it). */
static int exec_and_or(struct node *n, int flags)
{
	struct arena_mark m = arena_mark(&stk);
	int k;
	struct node **spine = list_spine(n, N_AND, N_OR, &k);
	int st = exec_tested(spine[0]->u.bin.left);
	for (int i = 0; i < k && !exec_skip; i++) {
		if ((st == 0) != (spine[i]->kind == N_AND))
			continue;
		if (i == k - 1) {
			st = exec_node(spine[i]->u.bin.right, flags);
		} else {
			tested_depth++;
			st = exec_node(spine[i]->u.bin.right, 0);
			tested_depth--;
		}
	}
	arena_release(&stk, m);
	return st;
}

static void check_errexit(int st)
{
	if (st != 0 && opts[OPT_ERREXIT] && tested_depth == 0 && !exec_skip)
		sh_exit(st);
}

int exec_node(struct node *n, int flags)
{
	if (!n)
		return sh.status = 0;
	if (opts[OPT_NOEXEC] && !sh.interactive)
		return 0;   /* set -n: read commands, run none (an interactive shell ignores it) */
	if (trap_pending)
		trap_run_pending();
	int st = 0;
	switch (n->kind) {
	case N_SIMPLE:
		st = exec_simple(n, flags);
		check_errexit(st);
		break;
	case N_PIPE:
		st = exec_pipeline(n);
		check_errexit(st);
		break;
	case N_NOT:
		st = !exec_tested(n->u.sub.body);
		break;
	case N_AND:
	case N_OR:
		st = exec_and_or(n, flags);
		break;
	case N_SEQ:
		st = exec_seq(n, flags);
		break;
	case N_ASYNC:
		st = exec_async(n);
		break;
	case N_SUBSHELL:
		st = exec_subshell(n, flags);
		check_errexit(st);
		break;
	case N_FUNCDEF:
		func_define(n->u.func.name, n->u.func.body);
		st = 0;
		break;
	default:
		st = exec_redirected_compound(n, flags);
		break;
	}
	sh.status = st;
	if (flags & EV_EXIT)
		child_exit(st);
	return st;
}

/* ---------- the read-eval loop ---------- */

int eval_string(const char *s, int flags)
{
	struct input in;
	in_init_string(&in, s, sh.lineno);
	int saved_line = sh.lineno;
	int st = eval_input_flags(&in, false, flags);
	in_free(&in);
	sh.lineno = saved_line;
	return st;
}

/* Is the rest of a string input blank? Then the command just parsed is the
 * last one, and a child (or fdsh -c) can exec it without forking again. */
static bool at_last_command(const struct input *in)
{
	if (in->kind != IN_STRING || in->nunget || in->pb)
		return false;
	for (size_t i = in->pos; i < in->len; i++)
		if (!strchr(" \t\n", in->buf[i]))
			return false;
	return true;
}

/* After an error at the prompt: undo whatever the aborted command left. */
static void recover(int scope_depth, struct arena_mark stk_mark)
{
	redir_undo(0);
	var_unwind(scope_depth);
	arena_release(&stk, stk_mark);
	exec_skip = SKIP_NONE;
	exec_loop_depth = exec_func_depth = tested_depth = 0;
	trap_entry_status = -1;   /* an error may have left a trap action */
}

int eval_input(struct input *in, bool top)
{
	return eval_input_flags(in, top, 0);
}

int eval_input_flags(struct input *in, bool top, int flags)
{
	struct arena a = { NULL };
	struct handler h;
	int scope_depth = var_scope_depth();
	struct arena_mark stk_mark = arena_mark(&stk);
	int st = 0;
	if (top) {
		h.prev = sh_handler;
		sh_handler = &h;
		if (setjmp(h.env)) {
			arena_free(&a);
			recover(scope_depth, stk_mark);
			st = sh.status;
			if (!sh.interactive)
				sh_exit(st);
		}
	}
	for (;;) {
		if (top && sh.interactive)
			jobs_notify();
		if (trap_pending)
			trap_run_pending();
		in->prompt = 1;
		struct node *n;
		enum parse_status ps = parse_next(in, &a, &n);
		if (ps == PARSE_EOF)
			break;
		if (ps == PARSE_ERROR) {
			arena_free(&a);
			sh.status = st = 2;
			if (!sh.interactive || !top)
				sh_raise(2);
			continue;
		}
		if (top && in->kind == IN_TTY)
			le_command_done(in);
		in_sync(in);
		if (n)
			st = exec_node(n, (flags & EV_EXIT) && at_last_command(in) ? EV_EXIT : 0);
		arena_free(&a);
		if (exec_skip)
			break;
	}
	arena_free(&a);
	if (top)
		sh_handler = h.prev;
	return st;
}

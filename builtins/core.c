/* Builtins that steer the shell itself: : true false exit exec eval . return
 * break continue trace. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins/builtins.h"
#include "error.h"
#include "lineedit.h"
#include "exec.h"
#include "input.h"
#include "redir.h"
#include "memalloc.h"
#include "shell.h"
#include "trace.h"
#include "trap.h"
#include "vars.h"

int builtin_colon(int argc, char **argv)
{
	(void)argc, (void)argv;
	return 0;
}

int builtin_true(int argc, char **argv)
{
	(void)argc, (void)argv;
	return 0;
}

int builtin_false(int argc, char **argv)
{
	(void)argc, (void)argv;
	return 1;
}

/* A numeric argument of exit/return/break/continue. A bad one is an error of
 * a special builtin: it aborts the command (and a script), as in dash. */
static long number_arg(const char *who, const char *s)
{
	char *end;
	errno = 0;
	long n = strtol(s, &end, 10);
	if (!*s || *end || errno || n < 0)
		sh_error(2, "%s: Illegal number: %s", who, s);
	return n;
}

int builtin_exit(int argc, char **argv)
{
	/* In a trap action a plain exit keeps the status from before the trap. */
	int st = trap_entry_status >= 0 ? trap_entry_status : sh.status;
	if (argc > 1)
		st = (int)(number_arg("exit", argv[1]) & 0xff);
	if (sh.interactive && !sh.in_child) {
		/* As bash: say so, and refuse once while jobs are stopped. */
		fputs("exit\n", stderr);
		if (!le_may_exit())
			return 1;
	}
	sh_exit(st);
}

int builtin_logout(int argc, char **argv)
{
	if (!sh.login) {
		sh_warn("logout: not login shell: use `exit'");
		return 1;
	}
	return builtin_exit(argc, argv);
}

int builtin_exec(int argc, char **argv)
{
	if (argc < 2)
		return 0;   /* the redirections stay: see run_in_shell */
	int first = 1;
	if (strcmp(argv[1], "--") == 0)
		first = 2;
	if (first >= argc)
		return 0;
	int st = exec_program(argv + first);
	if (!sh.interactive)
		sh_exit(st);
	return st;
}

int builtin_eval(int argc, char **argv)
{
	struct strbuf sb;
	sb_init(&sb);
	for (int i = 1; i < argc; i++) {
		if (i > 1)
			sb_addc(&sb, ' ');
		sb_adds(&sb, argv[i]);
	}
	if (!sb.len) {
		sb_free(&sb);
		return 0;
	}
	int st = eval_string(sb.s, 0);
	sb_free(&sb);
	return st;
}

/* Find a dot script: names without a slash are searched on PATH. */
static char *find_dot_file(const char *name)
{
	if (strchr(name, '/'))
		return xstrdup(name);
	const char *path = var_get("PATH");
	for (const char *p = path ? path : ""; ; ) {
		const char *colon = strchr(p, ':');
		size_t dlen = colon ? (size_t)(colon - p) : strlen(p);
		char *full = xmalloc(dlen + strlen(name) + 2);
		sprintf(full, "%.*s%s%s", (int)dlen, p, dlen ? "/" : "", name);
		if (access(full, R_OK) == 0)
			return full;
		free(full);
		if (!colon)
			break;
		p = colon + 1;
	}
	return NULL;
}

int builtin_dot(int argc, char **argv)
{
	if (argc < 2)
		return 0;   /* as dash */
	char *path = find_dot_file(argv[1]);
	int fd = path ? t_open(path, O_RDONLY | O_CLOEXEC, 0) : -1;
	if (fd < 0) {
		sh_warn(".: cannot open %s: %s", argv[1], path ? strerror(errno) : "No such file");
		free(path);
		if (!sh.interactive)
			sh_raise(2);
		return 2;
	}
	free(path);
	fd = redir_move_high(fd);
	/* Operands after the file are ignored, as in dash: the script sees the
	 * caller's positional parameters. */
	struct input in;
	in_init_fd(&in, fd);
	redir_register_private_fd(&in.fd);
	int saved_line = sh.lineno;
	int st = eval_input(&in, false);
	if (exec_skip == SKIP_RETURN) {
		exec_skip = SKIP_NONE;
		st = sh.status;
	}
	sh.lineno = saved_line;
	redir_unregister_private_fd(&in.fd);
	t_close(in.fd);
	in_free(&in);
	return st;
}

int builtin_return(int argc, char **argv)
{
	int st = sh.status;
	if (argc > 1)
		st = (int)number_arg("return", argv[1]);   /* not masked: dash's $? shows 300 */
	exec_skip = SKIP_RETURN;
	return st;
}

static int loop_control(int argc, char **argv, enum skip what)
{
	long n = 1;
	if (argc > 1) {
		n = number_arg(argv[0], argv[1]);
		if (n == 0)
			sh_error(2, "%s: Illegal number: %s", argv[0], argv[1]);
	}
	if (exec_loop_depth == 0)
		return 0;
	if (n > exec_loop_depth)
		n = exec_loop_depth;
	exec_skip = what;
	exec_skip_count = (int)n;
	return 0;
}

int builtin_break(int argc, char **argv)
{
	return loop_control(argc, argv, SKIP_BREAK);
}

int builtin_continue(int argc, char **argv)
{
	return loop_control(argc, argv, SKIP_CONTINUE);
}

int builtin_trace(int argc, char **argv)
{
	if (argc < 2)
		return builtin_usage("trace");
	bool was = trace_on;
	trace_enable(true);
	int st = exec_argv(argc - 1, argv + 1);
	trace_enable(was);
	return st;
}

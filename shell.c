/* fdsh: entry point, invocation options and startup. The read-eval loop
 * itself (read -> tokens -> AST -> run) is eval_input in exec.c. */
#include "shell.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtins/builtins.h"
#include "error.h"
#include "exec.h"
#include "expand.h"
#include "input.h"
#include "jobs.h"
#include "lineedit.h"
#include "redir.h"
#include "trace.h"
#include "trap.h"
#include "vars.h"

extern char **environ;

struct shell_state sh;
bool opts[NOPTS];

const struct optdef optdefs[NOPTS] = {
	[OPT_ERREXIT] = { "errexit", 'e' }, [OPT_NOGLOB] = { "noglob", 'f' },
	[OPT_IGNOREEOF] = { "ignoreeof", 0 }, [OPT_INTERACTIVE] = { "interactive", 'i' },
	[OPT_MONITOR] = { "monitor", 'm' }, [OPT_NOEXEC] = { "noexec", 'n' },
	[OPT_STDIN] = { "stdin", 's' }, [OPT_XTRACE] = { "xtrace", 'x' },
	[OPT_VERBOSE] = { "verbose", 'v' }, [OPT_VI] = { "vi", 0 }, [OPT_EMACS] = { "emacs", 0 },
	[OPT_NOCLOBBER] = { "noclobber", 'C' }, [OPT_ALLEXPORT] = { "allexport", 'a' },
	[OPT_NOTIFY] = { "notify", 'b' }, [OPT_NOUNSET] = { "nounset", 'u' },
	[OPT_PRIVILEGED] = { "privileged", 'p' }, [OPT_NOLOG] = { "nolog", 0 },
	[OPT_DEBUG] = { "debug", 0 }, [OPT_HASHALL] = { "hashall", 'h' },
	[OPT_PIPEFAIL] = { "pipefail", 0 }, [OPT_TRACE] = { "trace", 0 },
};

int opt_by_name(const char *name)
{
	for (int i = 0; i < NOPTS; i++)
		if (strcmp(optdefs[i].name, name) == 0)
			return i;
	return -1;
}

int opt_by_letter(char c)
{
	for (int i = 0; i < NOPTS; i++)
		if (optdefs[i].letter == c)
			return i;
	return -1;
}

void opt_changed(int opt)
{
	switch (opt) {
	case OPT_TRACE:
		trace_enable(opts[OPT_TRACE]);
		break;
	case OPT_MONITOR:
		if (opts[OPT_MONITOR] && sh.interactive)
			jobs_control_init();
		break;
	case OPT_VI:
		if (opts[OPT_VI])
			opts[OPT_EMACS] = false;
		le_editing_mode_changed();
		break;
	case OPT_EMACS:
		if (opts[OPT_EMACS])
			opts[OPT_VI] = false;
		le_editing_mode_changed();
		break;
	default:
		break;
	}
}

void sh_exit(int status)
{
	sh.status = status;   /* $? in the EXIT trap is the exit status */
	trap_run_exit();
	if (sh.interactive && !sh.in_child) {
		le_finish();
		jobs_hangup_stopped();
	}
	fflush(stdout);
	_exit(status & 0xff);
}

static void usage(FILE *f)
{
	fprintf(f, "usage: fdsh [-abCefhimnuvx] [-o option] [-c command [name [args...]] | file [args...]]\n"
	           "       fdsh --help | --version\n");
}

static void print_help(void)
{
	usage(stdout);
	printf("\nfdsh is a POSIX shell with a readline front end, a built-in nc that\n"
	       "exposes sockets as file descriptors, and a trace of the system calls\n"
	       "behind every command (set -o trace).\n\nBuiltins:\n");
	for (int i = 0; i < builtin_count; i++)
		printf("  %-10s %s\n", builtin_table[i].name, builtin_table[i].usage);
}

struct invocation {
	const char *command;    /* -c */
	bool force_interactive; /* -i */
	bool from_stdin;        /* -s */
	int first_operand;
};

/* Parse fdsh's own options; returns the index of the first operand. */
static int parse_options(int argc, char **argv, struct invocation *inv)
{
	int i = 1;
	bool want_c = false;
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0) {
			print_help();
			exit(0);
		}
		if (strcmp(a, "--version") == 0) {
			printf("fdsh %s\n", FDSH_VERSION);
			exit(0);
		}
		if (strcmp(a, "--login") == 0) {
			sh.login = true;
			continue;
		}
		if (strcmp(a, "--") == 0 || strcmp(a, "-") == 0) {
			i++;
			break;
		}
		if ((a[0] != '-' && a[0] != '+') || !a[1])
			break;
		bool on = a[0] == '-';
		for (const char *p = a + 1; *p; p++) {
			if (*p == 'c' && on) {
				want_c = true;
			} else if (*p == 's' && on) {
				inv->from_stdin = true;
			} else if (*p == 'i') {
				inv->force_interactive = on;
			} else if (*p == 'l' && on) {
				sh.login = true;
			} else if (*p == 'o') {
				if (i + 1 >= argc || opt_by_name(argv[i + 1]) < 0) {
					fprintf(stderr, "fdsh: -o: %s: invalid option\n", i + 1 < argc ? argv[i + 1] : "");
					exit(2);
				}
				opts[opt_by_name(argv[++i])] = on;
				break;
			} else if (opt_by_letter(*p) >= 0) {
				opts[opt_by_letter(*p)] = on;
			} else {
				fprintf(stderr, "fdsh: -%c: invalid option\n", *p);
				usage(stderr);
				exit(2);
			}
		}
	}
	if (want_c) {
		if (i >= argc) {
			fprintf(stderr, "fdsh: -c: option requires an argument\n");
			exit(2);
		}
		inv->command = argv[i++];
	}
	return i;
}

static void init_pwd(void)
{
	const char *pwd = var_get("PWD");
	struct stat a, b;
	if (pwd && pwd[0] == '/' && stat(pwd, &a) == 0 && stat(".", &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		return;
	char buf[PATH_MAX];
	if (getcwd(buf, sizeof buf))
		var_set("PWD", buf, V_EXPORT);
}

static void init_ppid(void)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%ld", (long)getppid());
	var_set("PPID", buf, 0);
}

/* Run a startup file if it exists (~/.fdshrc, $ENV, ~/.fdsh_profile). */
static void source_if_exists(const char *path)
{
	if (!path || access(path, R_OK) != 0)
		return;
	char *argv[] = { (char *)".", (char *)path, NULL };
	struct handler h;
	h.prev = sh_handler;
	sh_handler = &h;
	if (!setjmp(h.env))
		builtin_dot(2, argv);
	sh_handler = h.prev;
}

static char *home_file(const char *name)
{
	const char *home = var_get("HOME");
	if (!home)
		return NULL;
	char *p = malloc(strlen(home) + strlen(name) + 2);
	if (p)
		sprintf(p, "%s/%s", home, name);
	return p;
}

/* $ENV undergoes parameter expansion (POSIX); NULL if that fails. */
static char *expand_env_path(const char *env)
{
	return expand_caught(env, false);
}

static void startup_files(void)
{
	if (sh.login) {
		source_if_exists("/etc/profile");
		char *prof = home_file(".fdsh_profile");
		source_if_exists(prof);
		free(prof);
	}
	if (!sh.interactive)
		return;
	const char *env = var_get("ENV");
	if (env) {
		char *expanded = expand_env_path(env);
		source_if_exists(expanded);
		free(expanded);
	} else {
		char *rc = home_file(".fdshrc");
		source_if_exists(rc);
		free(rc);
	}
}

/* As bash decides: a NUL byte in the first line (within 80 bytes) means the
 * file is a program, not a script.  pread leaves the offset alone. */
static bool is_binary_file(int fd)
{
	char buf[80];
	ssize_t n = pread(fd, buf, sizeof buf, 0);
	for (ssize_t i = 0; i < n && buf[i] != '\n'; i++)
		if (buf[i] == '\0')
			return true;
	return false;
}

static int run_script(const char *path)
{
	int fd = t_open(path, O_RDONLY | O_CLOEXEC, 0);
	if (fd < 0) {
		int err = errno;
		fprintf(stderr, "fdsh: %s: %s\n", path, strerror(err));
		return err == ENOENT ? 127 : 126;
	}
	if (is_binary_file(fd)) {
		fprintf(stderr, "fdsh: %s: cannot execute binary file\n", path);
		t_close(fd);
		return 126;
	}
	/* Keep the script's fd out of the way of the user's fd numbers. */
	fd = redir_move_high(fd);
	struct input in;
	in_init_fd(&in, fd);
	redir_register_private_fd(&in.fd);
	sh.script = path;
	return eval_input(&in, true);
}

int main(int argc, char **argv)
{
	sh.pid = getpid();
	sh.arg0 = argv[0];
	if (argv[0][0] == '-')
		sh.login = true;
	trap_init();
	var_init(environ);
	struct invocation inv = { 0 };
	int i = parse_options(argc, argv, &inv);
	init_pwd();
	init_ppid();
	const char *script = NULL;
	if (inv.command) {
		if (i < argc)
			sh.arg0 = argv[i++];
	} else if (i < argc && !inv.from_stdin) {
		script = argv[i++];
		sh.arg0 = script;
	}
	params_set(argc - i, argv + i);
	opts[OPT_STDIN] = !inv.command && !script;
	sh.interactive = inv.force_interactive ||
	                 (!inv.command && !script && isatty(0) && isatty(2));
	opts[OPT_INTERACTIVE] = sh.interactive;
	for (int o = 0; o < NOPTS; o++)
		if (opts[o] && o != OPT_MONITOR)
			opt_changed(o);
	if (sh.interactive) {
		/* Only the line editor needs the locale (UTF-8 input); scripts run in
		 * the C locale as dash runs them, and start faster without it. */
		setlocale(LC_ALL, "");
		setlocale(LC_NUMERIC, "C");
		opts[OPT_MONITOR] = true;
		trap_interactive(true);
		jobs_control_init();
		if (!opts[OPT_VI])
			opts[OPT_EMACS] = true;
	}
	startup_files();
	int st;
	if (inv.command) {
		struct input in;
		in_init_string(&in, inv.command, 1);
		st = eval_input(&in, true);
	} else if (script) {
		st = run_script(script);
	} else {
		struct input in;
		if (sh.interactive) {
			/* `fdsh -i` on a pipe still prompts and keeps history, but
			 * reads plain lines: readline needs a terminal. */
			if (!isatty(0))
				opts[OPT_VI] = opts[OPT_EMACS] = false;
			le_init();
			in_init_tty(&in);
		} else {
			in_init_fd(&in, 0);
		}
		st = eval_input(&in, true);
		if (sh.interactive)
			fprintf(stderr, "exit\n");
	}
	sh_exit(st);
}

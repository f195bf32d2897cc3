/* Variable builtins: export, readonly, unset, local, shift. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/builtins.h"
#include "error.h"
#include "exec.h"
#include "memalloc.h"
#include "parser.h"
#include "shell.h"
#include "vars.h"

struct listing {
	int flag;
	const char *prefix;
};

static void list_one(const char *name, const char *value, int flags, void *ctx)
{
	const struct listing *l = ctx;
	if (!(flags & l->flag))
		return;
	printf("%s %s", l->prefix, name);
	if (value) {
		putchar('=');
		builtin_print_quoted(value);
	}
	putchar('\n');
}

/* Errors of these special builtins abort the command (and a script), as in
 * dash: bad names and changes to read-only variables. */
static void check_name(const char *who, const char *arg, int nlen)
{
	if (!nlen || !is_name(arg, nlen))
		sh_error(2, "%s: %s: bad variable name", who, arg);
}

static void check_writable(const char *who, const char *name)
{
	int flags = var_flags(name);
	if (flags >= 0 && (flags & V_READONLY))
		sh_error(2, "%s: %s: is read only", who, name);
}

/* export and readonly: NAME[=value] operands get the flag; -p lists. */
static int flag_vars(int argc, char **argv, int flag)
{
	char opts_seen[128];
	int i = builtin_getopts(argc, argv, "p", opts_seen);
	if (i < 0)
		sh_raise(2);
	if (i == argc) {
		struct listing l = { flag, argv[0] };
		var_each(list_one, &l);
		return 0;
	}
	for (; i < argc; i++) {
		const char *a = argv[i];
		const char *eq = strchr(a, '=');
		int nlen = eq ? (int)(eq - a) : (int)strlen(a);
		check_name(argv[0], a, nlen);
		if (!eq) {
			var_add_flags(a, flag);
			continue;
		}
		char *name = xstrndup(a, (size_t)nlen);
		check_writable(argv[0], name);
		var_set(name, eq + 1, flag);
		free(name);
	}
	return 0;
}

int builtin_export(int argc, char **argv)
{
	return flag_vars(argc, argv, V_EXPORT);
}

int builtin_readonly(int argc, char **argv)
{
	return flag_vars(argc, argv, V_READONLY);
}

int builtin_unset(int argc, char **argv)
{
	char flags[128];
	int i = builtin_getopts(argc, argv, "fv", flags);
	if (i < 0)
		sh_raise(2);
	for (; i < argc; i++) {
		if (flags['f']) {
			func_unset(argv[i]);
			continue;
		}
		check_name("unset", argv[i], (int)strlen(argv[i]));
		check_writable("unset", argv[i]);
		var_unset(argv[i]);
	}
	return 0;
}

int builtin_local(int argc, char **argv)
{
	if (exec_func_depth == 0)
		sh_error(2, "local: not in a function");
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-") == 0) {
			var_make_options_local();
			continue;
		}
		const char *eq = strchr(a, '=');
		int nlen = eq ? (int)(eq - a) : (int)strlen(a);
		check_name("local", a, nlen);
		char *name = xstrndup(a, (size_t)nlen);
		if (eq)
			check_writable("local", name);
		var_make_local(name);
		if (eq)
			var_set(name, eq + 1, 0);
		free(name);
	}
	return 0;
}

int builtin_shift(int argc, char **argv)
{
	long n = 1;
	if (argc > 1) {
		char *end;
		n = strtol(argv[1], &end, 10);
		if (!*argv[1] || *end || n < 0)
			sh_error(2, "shift: Illegal number: %s", argv[1]);
	}
	if (n > posparams.n)
		sh_error(2, "shift: can't shift that many");
	params_set(posparams.n - (int)n, posparams.v + n);
	return 0;
}

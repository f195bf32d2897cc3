/* Variable builtins: export, readonly, unset, local, shift. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/builtins.h"
#include "error.h"
#include "exec.h"
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

/* export and readonly: NAME[=value] operands get the flag; -p lists. */
static int flag_vars(int argc, char **argv, int flag)
{
	char opts_seen[128];
	int i = builtin_getopts(argc, argv, "p", opts_seen);
	if (i < 0)
		return 2;
	if (i == argc) {
		struct listing l = { flag, argv[0] };
		var_each(list_one, &l);
		return 0;
	}
	int st = 0;
	for (; i < argc; i++) {
		const char *a = argv[i];
		const char *eq = strchr(a, '=');
		int nlen = eq ? (int)(eq - a) : (int)strlen(a);
		if (!nlen || !is_name(a, nlen)) {
			sh_warn("%s: %s: bad variable name", argv[0], a);
			st = 2;
			continue;
		}
		int r;
		if (eq) {
			r = var_assign(a, flag);
		} else {
			r = var_add_flags(a, flag);
		}
		if (r < 0)
			st = 1;
	}
	if (st == 2 && !sh.interactive)
		sh_raise(2);
	return st;
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
		return 2;
	int st = 0;
	for (; i < argc; i++) {
		if (flags['f']) {
			func_unset(argv[i]);
		} else if (var_unset(argv[i]) < 0) {
			st = 1;
		}
	}
	return st;
}

int builtin_local(int argc, char **argv)
{
	if (exec_func_depth == 0) {
		sh_warn("local: not in a function");
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-") == 0)
			continue;
		const char *eq = strchr(a, '=');
		int nlen = eq ? (int)(eq - a) : (int)strlen(a);
		if (!nlen || !is_name(a, nlen)) {
			sh_warn("local: %s: bad variable name", a);
			return 2;
		}
		char *name = strndup(a, (size_t)nlen);
		var_make_local(name);
		int r = eq ? var_set(name, eq + 1, 0) : 0;
		free(name);
		if (r < 0)
			return 1;
	}
	return 0;
}

int builtin_shift(int argc, char **argv)
{
	long n = 1;
	if (argc > 1) {
		char *end;
		n = strtol(argv[1], &end, 10);
		if (!*argv[1] || *end || n < 0) {
			sh_warn("shift: Illegal number: %s", argv[1]);
			sh_raise(2);
		}
	}
	if (n > posparams.n) {
		sh_warn("shift: can't shift that many");
		sh_raise(2);
	}
	params_set(posparams.n - (int)n, posparams.v + n);
	return 0;
}

/* set: shell options, positional parameters, and the variable listing. */
#include <stdio.h>
#include <string.h>

#include "builtins/builtins.h"
#include "error.h"
#include "shell.h"
#include "vars.h"

static void list_var(const char *name, const char *value, int flags, void *ctx)
{
	(void)flags, (void)ctx;
	if (!value)
		return;
	printf("%s=", name);
	builtin_print_quoted(value);
	putchar('\n');
}

static void list_options(bool as_commands)
{
	if (!as_commands)
		printf("Current option settings\n");
	for (int i = 0; i < NOPTS; i++) {
		if (as_commands)
			printf("set %co %s\n", opts[i] ? '-' : '+', optdefs[i].name);
		else
			printf("%-15s %s\n", optdefs[i].name, opts[i] ? "on" : "off");
	}
}

static void set_option(int opt, bool on)
{
	if (opts[opt] == on)
		return;
	opts[opt] = on;
	opt_changed(opt);
}

/* Handle "-o name" / "+o name"; returns how many argv entries it used or -1. */
static int long_option(int argc, char **argv, int i, bool on)
{
	if (i + 1 >= argc) {
		list_options(!on);
		return 1;
	}
	int opt = opt_by_name(argv[i + 1]);
	if (opt < 0 || opt == OPT_INTERACTIVE) {
		sh_warn("set: Illegal option -o %s", argv[i + 1]);
		return -1;
	}
	set_option(opt, on);
	return 2;
}

int builtin_set(int argc, char **argv)
{
	if (argc == 1) {
		var_each(list_var, NULL);
		return 0;
	}
	int i = 1;
	bool params = false;
	while (i < argc) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0) {
			i++;
			params = true;
			break;
		}
		if (strcmp(a, "-") == 0) {
			set_option(OPT_XTRACE, false);
			set_option(OPT_VERBOSE, false);
			i++;
			params = true;
			break;
		}
		if ((a[0] != '-' && a[0] != '+') || !a[1])
			break;
		bool on = a[0] == '-';
		if (strcmp(a + 1, "o") == 0) {
			int used = long_option(argc, argv, i, on);
			if (used < 0)
				sh_raise(2);
			i += used;
			continue;
		}
		for (const char *p = a + 1; *p; p++) {
			int opt = opt_by_letter(*p);
			if (opt < 0 || opt == OPT_INTERACTIVE) {
				sh_warn("set: Illegal option %c%c", a[0], *p);
				sh_raise(2);
			}
			set_option(opt, on);
		}
		i++;
	}
	if (i < argc || params)
		params_set(argc - i, argv + i);
	return 0;
}

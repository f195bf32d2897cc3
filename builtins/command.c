/* command: run a command without looking up functions, or describe it.
 *
 * `command name args` finds builtins and programs only, and a special builtin
 * run this way loses its special properties: its prefix assignments do not
 * stay (run_in_shell sees the non-special `command`), and an error it raises
 * only fails this command instead of leaving a script. */
#include <stdbool.h>
#include <string.h>

#include "builtins/builtins.h"
#include "error.h"
#include "exec.h"
#include "shell.h"
#include "vars.h"

/* The PATH of command -p: where the standard utilities are. */
#define STANDARD_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

/* Run argv, turning an error raised inside into a failed status. */
static int run_guarded(int argc, char **argv)
{
	struct handler h;
	struct handler *saved = sh_handler;
	int depth = var_scope_depth();
	int st;
	if (setjmp(h.env)) {
		sh_handler = saved;
		var_unwind(depth);
		return sh.status ? sh.status : 2;
	}
	h.prev = saved;
	sh_handler = &h;
	st = exec_argv_no_functions(argc, argv);
	sh_handler = saved;
	return st;
}

/* Run (or describe) argv searched on the standard PATH; the environment of
 * the command keeps the user's PATH, as in dash. */
static int with_standard_path(int argc, char **argv, int mode)
{
	/* A builtin is not searched for; what it runs in turn (command -p eval
	 * ...) is searched on $PATH, as in dash. */
	if (!mode && builtin_find(argv[0]))
		return run_guarded(argc, argv);
	exec_path_changed();   /* nothing hashed from $PATH may answer */
	exec_search_path = STANDARD_PATH;
	int st = mode ? builtin_describe(argv[0], mode == 'V') : run_guarded(argc, argv);
	exec_search_path = NULL;
	exec_path_changed();   /* nor anything hashed from the standard one stay */
	return st;
}

int builtin_command(int argc, char **argv)
{
	char flags[128];
	int i = builtin_getopts(argc, argv, "pvV", flags);
	if (i < 0)
		return 2;
	int mode = flags['V'] ? 'V' : flags['v'] ? 'v' : 0;
	if (i >= argc)
		return 0;
	if (flags['p'])
		return with_standard_path(argc - i, argv + i, mode);
	if (mode)
		return builtin_describe(argv[i], mode == 'V');   /* dash: only the first name */
	return run_guarded(argc - i, argv + i);
}

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

/* Run argv, turning an error raised inside into a failed status. A program
 * is searched in `search` if not NULL; what a builtin runs in turn, on $PATH
 * (command -p eval ..., as in dash). */
static int run_guarded(int argc, char **argv, const char *search)
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
	st = exec_argv_no_functions(argc, argv, search);
	sh_handler = saved;
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
	/* -p: only the search uses the standard PATH; the command's environment
	 * keeps the user's, and the hashed commands stay, as in dash. */
	const char *search = flags['p'] ? STANDARD_PATH : NULL;
	if (mode)
		return builtin_describe(argv[i], mode == 'V', search);   /* dash: only the first name */
	return run_guarded(argc - i, argv + i, search);
}

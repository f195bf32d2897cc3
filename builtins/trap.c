/* trap: set, reset and list the actions for signals and EXIT (trap.h).
 *
 * Signals are named as dash names them: HUP ... SYS, RTMIN, RTMIN+n, RTMAX-n,
 * RTMAX, or given by number (0 is EXIT); names are case-insensitive and take
 * no SIG prefix. An unknown signal is reported with status 1, and the signals
 * after it are left alone. The listing reads back as input. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/builtins.h"
#include "error.h"
#include "shell.h"
#include "trap.h"

static void list_traps(void)
{
	for (int sig = 0; sig < NSIGS; sig++) {
		const char *action = trap_get(sig);
		if (!action)
			continue;
		char buf[16];
		fputs("trap -- ", stdout);
		builtin_print_single_quoted(action);
		printf(" %s\n", builtin_signal_label(sig, buf));
	}
}

int builtin_trap(int argc, char **argv)
{
	int i = 1;
	if (i < argc && strcmp(argv[i], "-p") == 0 && argc == 2)
		i++;   /* trap -p: the listing, as in bash and POSIX 2024 */
	else if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	else if (i < argc && argv[i][0] == '-' && argv[i][1] && argv[i][1] != '-') {
		sh_warn("trap: Illegal option %s", argv[i]);
		sh_raise(2);
	}
	if (i >= argc) {
		list_traps();
		return 0;
	}
	/* A lone operand, or a first one that is a number, names signals to reset;
	 * otherwise the first operand is the action (so `trap USR1 USR2` sets
	 * the command "USR1", as in dash). */
	const char *action = NULL;
	if (i + 1 < argc && (!*argv[i] || strspn(argv[i], "0123456789") != strlen(argv[i])))
		action = argv[i++];
	if (action && strcmp(action, "-") == 0)
		action = NULL;
	for (; i < argc; i++) {
		int sig = builtin_decode_signal(argv[i]);
		if (sig < 0) {
			fflush(stdout);
			fprintf(stderr, "trap: %s: bad trap\n", argv[i]);
			return 1;   /* as dash: the signals after it are left alone */
		}
		trap_set(sig, action);
	}
	return 0;
}

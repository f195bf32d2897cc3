/* Global shell state shared by every module: options, statuses, identity. */
#ifndef FDSH_SHELL_H
#define FDSH_SHELL_H

#include <stdbool.h>
#include <sys/types.h>

#define FDSH_VERSION "0.1"

/* In dash's order (set -o lists them so; $- shows their letters reversed),
 * then fdsh's own. */
enum opt {
	OPT_ERREXIT, OPT_NOGLOB, OPT_IGNOREEOF, OPT_INTERACTIVE, OPT_MONITOR, OPT_NOEXEC,
	OPT_STDIN, OPT_XTRACE, OPT_VERBOSE, OPT_VI, OPT_EMACS, OPT_NOCLOBBER, OPT_ALLEXPORT,
	OPT_NOTIFY, OPT_NOUNSET, OPT_PRIVILEGED, OPT_NOLOG, OPT_DEBUG,
	OPT_HASHALL, OPT_PIPEFAIL, OPT_TRACE,
	NOPTS
};

struct optdef {
	const char *name;
	char letter; /* 0 when the option has only a long name */
};

extern const struct optdef optdefs[NOPTS];
extern bool opts[NOPTS];

struct shell_state {
	const char *arg0;      /* $0 */
	const char *script;    /* script path for error messages, or NULL */
	pid_t pid;             /* $$: the pid of the top shell, also in subshells */
	pid_t last_bg;         /* $!: 0 until a background job starts */
	int status;            /* $?: status of the last command */
	int lineno;            /* line of the command being run, for messages */
	bool interactive;      /* reading commands from a terminal */
	bool in_child;         /* a forked subshell: exit instead of returning */
	bool login;
};
extern struct shell_state sh;

/* Look up an option by long name or by letter; -1 if unknown. */
int opt_by_name(const char *name);
int opt_by_letter(char c);
/* Apply a changed option (monitor, vi/emacs, trace) to the modules it steers. */
void opt_changed(int opt);

/* Leave the shell: run the EXIT trap, save history, flush, _exit. */
_Noreturn void sh_exit(int status);

#endif

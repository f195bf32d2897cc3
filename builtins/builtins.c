/* The builtin table, sorted by name (help lists it in this order), and its
 * lookup (see builtins.h). */
#include "builtins/builtins.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "trap.h"

/* Keep sorted by name (strcmp order). */
const struct builtin builtin_table[] = {
	{ ".", builtin_dot, BI_SPECIAL, ". file",
	  "Read and run the commands of file in the current shell (further operands are\n"
	  "ignored, as in dash)." },
	{ ":", builtin_colon, BI_SPECIAL, ": [args...]",
	  "Do nothing; expand the arguments and succeed." },
	{ "[", builtin_bracket, 0, "[ expression ]",
	  "Evaluate a conditional expression, as test does; the last argument must be ]." },
	{ "alias", builtin_alias, 0, "alias [name[=value]...]",
	  "Define aliases, or print them (all of them without arguments) as name='value'." },
	{ "bg", builtin_bg, 0, "bg [%job...]",
	  "Continue stopped jobs in the background." },
	{ "break", builtin_break, BI_SPECIAL, "break [n]",
	  "Leave the innermost (or the n-th enclosing) for, while or until loop." },
	{ "cd", builtin_cd, 0, "cd [-L|-P] [dir | -]",
	  "Change the working directory (HOME by default, - for OLDPWD; CDPATH is searched)." },
	{ "command", builtin_command, 0, "command [-p] [-v|-V] name [args...]",
	  "Run name as a builtin or program, never a function; a special builtin loses its\n"
	  "special properties. -v prints what name would run, -V describes it as type does;\n"
	  "-p searches the standard PATH." },
	{ "continue", builtin_continue, BI_SPECIAL, "continue [n]",
	  "Start the next iteration of the innermost (or the n-th enclosing) loop." },
	{ "echo", builtin_echo, 0, "echo [-n] [args...]",
	  "Write the arguments separated by spaces; -n omits the newline. Backslash escapes\n"
	  "(\\n \\t \\c \\0nnn ...) are interpreted, as in dash." },
	{ "eval", builtin_eval, BI_SPECIAL, "eval [args...]",
	  "Join the arguments with spaces and run the result as shell commands." },
	{ "exec", builtin_exec, BI_SPECIAL, "exec [command [args...]]",
	  "Replace the shell with command; with only redirections, make them permanent." },
	{ "exit", builtin_exit, BI_SPECIAL, "exit [n]",
	  "Leave the shell with status n (default: the last command's status)." },
	{ "export", builtin_export, BI_SPECIAL, "export [-p] [name[=value]...]",
	  "Mark variables for the environment of commands; -p lists them." },
	{ "false", builtin_false, 0, "false", "Fail: return status 1." },
	{ "fc", builtin_fc, 0, "fc [-e editor] [-lnr] [first [last]] | fc -s [old=new] [first]",
	  "List (-l; -n without numbers, -r newest first), or edit in $FCEDIT ($EDITOR, ed)\n"
	  "and then run, the commands first to last of the history: numbers, negative\n"
	  "offsets (-1 is the previous command) or the start of a command. -s runs one again\n"
	  "at once, with every old replaced by new. The command run replaces fc in the history." },
	{ "fds", builtin_fds, 0, "fds [PID...] | fds -p | fds --tree [PID]",
	  "Show the fd table of the shell or of processes, from /proc: what each fd points\n"
	  "to (terminal, file with mode and offset, pipe with inode and end, socket with\n"
	  "addresses), close-on-exec, and fds that share one open file. -p (in a\n"
	  "pipeline): each process of the pipeline with fds 0-2 and the pipes between\n"
	  "them; --tree: the same for a process and everything below it." },
	{ "fg", builtin_fg, 0, "fg [%job]",
	  "Bring a job to the foreground and wait for it." },
	{ "getopts", builtin_getopts_cmd, 0, "getopts optstring name [arg...]",
	  "Put the next option of the arguments (default: the positional parameters) in name,\n"
	  "its argument in OPTARG and the next index in OPTIND; status 1 after the last option.\n"
	  "A leading ':' in optstring reports errors silently through name and OPTARG." },
	{ "hash", builtin_hash, 0, "hash [-r] [name...]",
	  "Remember (or with -r forget) where commands are found on PATH; list them." },
	{ "help", builtin_help, 0, "help [-s] [pattern...]",
	  "List the builtins, or show the usage and description of those matching pattern;\n"
	  "-s shows only the usage." },
	{ "history", builtin_history, 0, "history [-c] [-d n] [count] | history -s args | history -r|-w",
	  "List the command history (the last count entries); -c clears it, -d deletes entry n,\n"
	  "-s adds the arguments as an entry, -r reads and -w rewrites $HISTFILE.\n"
	  "Every command is appended to $HISTFILE as soon as it is read." },
	{ "jobs", builtin_jobs, 0, "jobs [-lp] [%job...]",
	  "List jobs; -l adds process IDs, -p prints only the process group IDs." },
	{ "kill", builtin_kill, 0, "kill [-s sig | -sig] pid|%job... | kill -l [status]",
	  "Send a signal (TERM by default) to processes or jobs; -l lists signal names." },
	{ "local", builtin_local, 0, "local [name[=value]...]",
	  "Make variables local to the current function." },
	{ "logout", builtin_logout, 0, "logout [n]",
	  "Leave a login shell, as exit does; any other shell says to use exit." },
	{ "nc", builtin_nc, 0,
	  "nc [-46kluUvz] [-w secs] [-m max] [-e cmd] [-d fd | -o var] [host] port"
	  " | nc -a lfd (-d fd | -o var) | nc -s fd | nc --help",
	  builtin_nc_help },
	{ "printf", builtin_printf, 0, "printf format [arg ...]",
	  "Write the arguments under control of the format: %d %i %o %u %x %X %c %s %b\n"
	  "%e %f %g with flags, width and precision (* takes them from the arguments);\n"
	  "backslash escapes; the format is reused while arguments remain." },
	{ "pwd", builtin_pwd, 0, "pwd [-L|-P]",
	  "Print the working directory (-P: with symbolic links resolved)." },
	{ "read", builtin_read, 0, "read [-r] [-p prompt] name...",
	  "Read a line of standard input and split it by IFS into the named variables; the\n"
	  "last one takes the rest. Without -r, backslash quotes the next character and\n"
	  "backslash-newline continues the line. Status 1 at end of file." },
	{ "readonly", builtin_readonly, BI_SPECIAL, "readonly [-p] [name[=value]...]",
	  "Mark variables read-only; -p lists them." },
	{ "return", builtin_return, BI_SPECIAL, "return [n]",
	  "Return from a function or a dot script with status n." },
	{ "set", builtin_set, BI_SPECIAL, "set [-+abCefhmnuvx] [-+o option] [--] [args...]",
	  "Set shell options and positional parameters; without arguments list variables.\n"
	  "set -o lists the options; -o pipefail, -o trace (the syscall trace) and -o vi too." },
	{ "shift", builtin_shift, BI_SPECIAL, "shift [n]",
	  "Drop the first n (default 1) positional parameters." },
	{ "test", builtin_test, 0, "test expression",
	  "Evaluate a conditional expression: string tests (-n -z = != < >), integer tests\n"
	  "(-eq -ne -lt -le -gt -ge), file tests (-e -f -d -r -w -x -s -L ..., -nt -ot -ef),\n"
	  "combined with ! -a -o and parentheses. Status 0 true, 1 false, 2 on an error." },
	{ "times", builtin_times, BI_SPECIAL, "times",
	  "Print the user and system CPU time used by the shell, then by its children." },
	{ "trace", builtin_trace, 0, "trace command [args...]",
	  "Run one command with the system-call trace on (see set -o trace)." },
	{ "trap", builtin_trap, BI_SPECIAL, "trap [action] signal... | trap [-p]",
	  "Run action when a signal (name or number; EXIT or 0 for the shell's exit) arrives.\n"
	  "'' ignores the signal, - (or no action) resets it; without operands, or with -p,\n"
	  "list the traps as commands that set them again." },
	{ "true", builtin_true, 0, "true", "Succeed: return status 0." },
	{ "type", builtin_type, 0, "type name...",
	  "Say how each name would be run: alias, keyword, function, builtin or file.\n"
	  "Status 127 if one is not found." },
	{ "ulimit", builtin_ulimit, 0, "ulimit [-H|-S] [-a | -tfdscmlpnvwr] [limit | unlimited]",
	  "Show or set a resource limit (-f, file size in 512-byte blocks, by default); -a shows\n"
	  "them all. -H and -S pick the hard or soft limit; setting changes both by default." },
	{ "umask", builtin_umask, 0, "umask [-S] [mode]",
	  "Show the file creation mask (in octal, or symbolically with -S) or set it from an\n"
	  "octal or symbolic mode such as 022 or u=rwx,g=rx,o=." },
	{ "unalias", builtin_unalias, 0, "unalias -a | unalias name...",
	  "Remove the named aliases, or all of them with -a." },
	{ "unset", builtin_unset, BI_SPECIAL, "unset [-f|-v] name...",
	  "Remove variables (-v, the default) or functions (-f)." },
	{ "wait", builtin_wait, 0, "wait [pid|%job...]",
	  "Wait for background jobs (all of them by default); return the last one's status." },
};

const int builtin_count = sizeof builtin_table / sizeof *builtin_table;


/* Every simple command asks whether its name is a builtin: an open-addressing
 * hash over the table answers with one or two string compares. */
#define BUILTIN_SLOTS 256

static unsigned name_hash(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static const struct builtin *const *builtin_slots(void)
{
	static const struct builtin *slots[BUILTIN_SLOTS];
	static bool built;
	if (!built) {
		for (int i = 0; i < builtin_count; i++) {
			unsigned h = name_hash(builtin_table[i].name) % BUILTIN_SLOTS;
			while (slots[h])
				h = (h + 1) % BUILTIN_SLOTS;
			slots[h] = &builtin_table[i];
		}
		built = true;
	}
	return slots;
}

const struct builtin *builtin_find(const char *name)
{
	const struct builtin *const *slots = builtin_slots();
	for (unsigned h = name_hash(name) % BUILTIN_SLOTS; slots[h]; h = (h + 1) % BUILTIN_SLOTS)
		if (strcmp(slots[h]->name, name) == 0)
			return slots[h];
	return NULL;
}

int builtin_usage(const char *name)
{
	const struct builtin *bi = builtin_find(name);
	sh_warn("usage: %s", bi ? bi->usage : name);
	return 2;
}

int builtin_getopts(int argc, char **argv, const char *allowed, char flags[128])
{
	memset(flags, 0, 128);
	int i = 1;
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] != '-' || !a[1])
			break;
		if (strcmp(a, "--") == 0)
			return i + 1;
		for (const char *p = a + 1; *p; p++) {
			if (!strchr(allowed, *p) || (unsigned char)*p >= 128) {
				sh_warn("%s: -%c: invalid option", argv[0], *p);
				builtin_usage(argv[0]);
				return -1;
			}
			flags[(int)*p] = 1;
		}
	}
	return i;
}

void builtin_print_quoted(const char *s)
{
	builtin_print_single_quoted(s);
}

void builtin_print_single_quoted(const char *s)
{
	do {
		size_t plain = strcspn(s, "'");
		printf("'%.*s'", (int)plain, s);
		s += plain;
		size_t quotes = strspn(s, "'");
		if (quotes)
			printf("\"%.*s\"", (int)quotes, s);
		s += quotes;
	} while (*s);
}

#define RTMIN 34   /* the kernel's real-time signals, as glibc leaves them */
#define RTMAX 64

const char *builtin_signal_label(int sig, char buf[16])
{
	const char *name = sig == SIGSTKFLT ? NULL : sig_name(sig);   /* dash has no STKFLT */
	if (name)
		return name;
	if (sig == RTMIN)
		return "RTMIN";
	if (sig == RTMAX)
		return "RTMAX";
	if (sig > RTMIN && sig <= RTMIN + 15)
		snprintf(buf, 16, "RTMIN+%d", sig - RTMIN);
	else if (sig > RTMIN && sig < RTMAX)
		snprintf(buf, 16, "RTMAX-%d", RTMAX - sig);
	else
		snprintf(buf, 16, "%d", sig);
	return buf;
}

int builtin_decode_signal(const char *s)
{
	if (*s && strspn(s, "0123456789") == strlen(s)) {
		long n = strlen(s) > 3 ? NSIGS : strtol(s, NULL, 10);
		return n < NSIGS ? (int)n : -1;
	}
	for (int sig = 0; sig < NSIGS; sig++) {
		char buf[16];
		if (strcasecmp(s, builtin_signal_label(sig, buf)) == 0)
			return sig;
	}
	return -1;
}

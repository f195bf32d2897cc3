/* Builtins: one signature, one sorted table (builtins.c) that also holds
 * each builtin's usage and help text, so `help` cannot drift from the code. */
#ifndef FDSH_BUILTINS_H
#define FDSH_BUILTINS_H

#include <stdbool.h>

#define BI_SPECIAL 0x1   /* POSIX special builtin: assignments stay, errors exit */

struct builtin {
	const char *name;
	int (*fn)(int argc, char **argv);
	unsigned flags;
	const char *usage;   /* "cd [-L|-P] [dir]" */
	const char *help;    /* one or more lines describing it */
};

extern const struct builtin builtin_table[];
extern const int builtin_count;

const struct builtin *builtin_find(const char *name);
/* Print "usage: ..." for a builtin to stderr; returns 2. */
int builtin_usage(const char *name);

/* Option scanning shared by builtins: "-abc" style flags from `allowed`.
 * Returns the index of the first operand, or -1 after an invalid option
 * (message printed). Each flag seen is set in flags['a'..'z']. */
int builtin_getopts(int argc, char **argv, const char *allowed, char flags[128]);

int builtin_colon(int argc, char **argv);
int builtin_true(int argc, char **argv);
int builtin_false(int argc, char **argv);
int builtin_exit(int argc, char **argv);
int builtin_logout(int argc, char **argv);
int builtin_fc(int argc, char **argv);
int builtin_exec(int argc, char **argv);
int builtin_eval(int argc, char **argv);
int builtin_dot(int argc, char **argv);
int builtin_return(int argc, char **argv);
int builtin_break(int argc, char **argv);
int builtin_continue(int argc, char **argv);
int builtin_echo(int argc, char **argv);
int builtin_cd(int argc, char **argv);
int builtin_pwd(int argc, char **argv);
int builtin_export(int argc, char **argv);
int builtin_readonly(int argc, char **argv);
int builtin_unset(int argc, char **argv);
int builtin_local(int argc, char **argv);
int builtin_shift(int argc, char **argv);
int builtin_set(int argc, char **argv);
int builtin_hash(int argc, char **argv);
int builtin_trace(int argc, char **argv);
int builtin_fds(int argc, char **argv);
int builtin_wait(int argc, char **argv);
int builtin_kill(int argc, char **argv);
int builtin_jobs(int argc, char **argv);
int builtin_fg(int argc, char **argv);
int builtin_bg(int argc, char **argv);
int builtin_nc(int argc, char **argv);
extern const char builtin_nc_help[]; /* long: every option of nc (builtins/nc.c) */
int builtin_help(int argc, char **argv);
int builtin_history(int argc, char **argv);
int builtin_test(int argc, char **argv);
int builtin_bracket(int argc, char **argv);
int builtin_printf(int argc, char **argv);
int builtin_read(int argc, char **argv);
int builtin_getopts_cmd(int argc, char **argv);   /* getopts (builtin_getopts is the helper) */
int builtin_type(int argc, char **argv);
int builtin_command(int argc, char **argv);
int builtin_alias(int argc, char **argv);
int builtin_unalias(int argc, char **argv);
int builtin_trap(int argc, char **argv);
int builtin_umask(int argc, char **argv);
int builtin_ulimit(int argc, char **argv);
int builtin_times(int argc, char **argv);

/* Describe what name would run, as type (verbose) or command -v does; 127 if nothing. */
/* type/command -v/-V; programs are searched in `search` (a PATH value) if not NULL. */
int builtin_describe(const char *name, bool verbose, const char *search);

/* Signals as dash names them: HUP ... SYS, RTMIN, RTMIN+n, RTMAX-n, RTMAX, else the
 * number (buf holds made-up names). Decoding takes a number (0 is EXIT) or a name,
 * case-insensitive, without a SIG prefix; -1 if neither. */
const char *builtin_signal_label(int sig, char buf[16]);
int builtin_decode_signal(const char *s);

/* dash's hash of a name into one of `buckets` (its listings go bucket by bucket). */
unsigned builtin_dash_hash(const char *name, unsigned buckets);

/* Write s in single quotes the way dash does: 'it'"'"'s' (alias, trap listings). */
void builtin_print_single_quoted(const char *s);

/* Write s quoted for reuse as shell input, as dash's set and export -p do
 * (the same as builtin_print_single_quoted). */
void builtin_print_quoted(const char *s);

#endif

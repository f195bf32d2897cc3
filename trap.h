/* Signals and traps: what the shell catches, what it ignores, and the
 * dispositions children get back. */
#ifndef FDSH_TRAP_H
#define FDSH_TRAP_H

#include <signal.h>
#include <stdbool.h>

#define NSIGS 65

extern volatile sig_atomic_t trap_pending;   /* a trapped signal arrived */
/* While a trap action runs: $? from before it, the status a plain `exit`
 * in the action uses (XCU exit); -1 outside trap actions. */
extern int trap_entry_status;

void trap_init(void);
/* Set the action: NULL resets to default, "" ignores, else a command. */
int trap_set(int sig, const char *action);
const char *trap_get(int sig);       /* NULL when not trapped */
bool trap_ignored_at_entry(int sig);
/* Run the actions of signals that arrived (between commands). In an
 * interactive shell an untrapped Ctrl-C unwinds to the prompt instead. */
void trap_run_pending(void);
/* End the rest of the interactive command line at the next check, with
 * this status (a foreground job was stopped). */
void trap_abort_command_line(int status);
/* A signal that arrived and was not handled yet (SIGINT first), or 0. */
int trap_pending_signal(void);
/* The EXIT trap, once. */
void trap_run_exit(void);
/* In a new child: default dispositions, except what was ignored on entry or
 * by an "" trap; an unblocked mask. Command traps are forgotten. */
void trap_reset_child(void);
/* The same, for a child started with vfork: only system calls, the shell's
 * memory (shared with the child) is left untouched. */
void trap_reset_child_dispositions(void);
/* The shell's own handling of SIGINT etc. when interactive. */
void trap_interactive(bool on);
/* Signal number from a name ("INT", "SIGINT", "2"); -1 if unknown. 0 is EXIT. */
int sig_from_name(const char *name);
const char *sig_name(int sig);       /* "INT"; NULL if none */
/* Last interrupt seen (SIGINT while waiting in an interactive shell). */
extern volatile sig_atomic_t got_sigint;
/* SIGHUP reached an interactive shell that has no HUP trap. */
extern volatile sig_atomic_t got_sighup;

#endif

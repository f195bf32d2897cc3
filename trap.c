/* Signals and traps (see trap.h). Handlers only set flags; the actions run
 * between commands, where the shell's state is consistent. */
#include "trap.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "exec.h"
#include "jobs.h"
#include "memalloc.h"
#include "shell.h"

volatile sig_atomic_t trap_pending;
int trap_entry_status = -1;
volatile sig_atomic_t got_sigint;
volatile sig_atomic_t got_sighup;
static volatile sig_atomic_t pending[NSIGS];
static char *actions[NSIGS];         /* [0] is EXIT */
static bool ignored_at_entry[NSIGS];
static bool entry_known[NSIGS];   /* ignored_at_entry[sig] has been read */
static bool changed[NSIGS];       /* we installed a disposition for sig */
static bool interactive_handling;
static bool in_exit_trap;

static void on_signal(int sig)
{
	if (sig == SIGHUP && interactive_handling && !actions[SIGHUP]) {
		got_sighup = 1;
		trap_pending = 1;
	}
	if (sig == SIGINT) {
		got_sigint = 1;
		/* An interactive shell abandons the command line (see below). */
		if (interactive_handling)
			trap_pending = 1;
	}
	if (sig > 0 && sig < NSIGS && actions[sig]) {
		pending[sig] = 1;
		trap_pending = 1;
	}
}

/* What a signal's disposition was when the shell started: read lazily, before
 * the first change, so start-up costs no system call per signal. */
static bool entry_ignored(int sig)
{
	if (!entry_known[sig]) {
		struct sigaction sa;
		ignored_at_entry[sig] = sigaction(sig, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN;
		entry_known[sig] = true;
	}
	return ignored_at_entry[sig];
}

void trap_init(void)
{
	/* Start with nothing blocked, so every child inherits an empty mask. */
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

bool trap_ignored_at_entry(int sig)
{
	return sig > 0 && sig < NSIGS && entry_ignored(sig);
}

static void install(int sig, void (*handler)(int))
{
	entry_ignored(sig);
	changed[sig] = true;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

/* What the shell itself does with a signal nobody trapped. */
static void (*own_disposition(int sig))(int)
{
	if (interactive_handling) {
		if (sig == SIGINT || sig == SIGHUP)
			return on_signal;
		if (sig == SIGQUIT || sig == SIGTERM)
			return SIG_IGN;
		if (opts[OPT_MONITOR] && (sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU))
			return SIG_IGN;
	}
	return SIG_DFL;
}

int trap_set(int sig, const char *action)
{
	if (sig < 0 || sig >= NSIGS)
		return -1;
	free(actions[sig]);
	actions[sig] = action ? xstrdup(action) : NULL;
	/* KILL and STOP cannot be caught: the action is only remembered (and
	 * listed), as dash does. */
	if (sig == 0 || sig == SIGKILL || sig == SIGSTOP)
		return 0;
	/* A signal ignored when a non-interactive shell started stays ignored. */
	if (entry_ignored(sig) && !sh.interactive)
		return 0;
	if (!action)
		install(sig, own_disposition(sig));
	else if (!*action)
		install(sig, SIG_IGN);
	else
		install(sig, on_signal);
	return 0;
}

const char *trap_get(int sig)
{
	return sig >= 0 && sig < NSIGS ? actions[sig] : NULL;
}

/* Ctrl-C in an interactive shell (at the shell itself, or killing its
 * foreground job) ends the whole command line, as in bash: a loop stops. */
static int abort_status;

void trap_abort_command_line(int status)
{
	if (!interactive_handling || sh.in_child)
		return;
	abort_status = status;
	trap_pending = 1;
}

static void interrupt_command_line(void)
{
	if (abort_status) {
		int st = abort_status;
		abort_status = 0;
		sh_raise(st);
	}
	if (!got_sigint || !interactive_handling || actions[SIGINT] || sh.in_child)
		return;
	/* The terminal echoed ^C; end its line unless a job report did. */
	if (got_sigint == 1)
		(void)!write(2, "\n", 1);
	got_sigint = 0;
	sh_raise(128 + SIGINT);
}

int trap_pending_signal(void)
{
	if (got_sigint)
		return SIGINT;
	for (int sig = 1; sig < NSIGS; sig++)
		if (pending[sig])
			return sig;
	return 0;
}

/* The terminal went away: like bash, pass the hangup on to every job and
 * leave (the history is already in its file). */
static void hang_up(void)
{
	if (!got_sighup || !interactive_handling || actions[SIGHUP] || sh.in_child)
		return;
	jobs_hangup_all();
	sh_exit(128 + SIGHUP);
}

void trap_run_pending(void)
{
	trap_pending = 0;
	hang_up();
	interrupt_command_line();
	for (int sig = 1; sig < NSIGS; sig++) {
		if (!pending[sig])
			continue;
		pending[sig] = 0;
		if (!actions[sig] || !*actions[sig])
			continue;
		int saved = sh.status, outer = trap_entry_status;
		char *act = xstrdup(actions[sig]);
		trap_entry_status = saved;
		eval_string(act, 0);
		trap_entry_status = outer;
		free(act);
		sh.status = saved;
	}
}

void trap_run_exit(void)
{
	if (!actions[0] || in_exit_trap)
		return;
	in_exit_trap = true;
	char *act = actions[0];
	actions[0] = NULL;
	trap_entry_status = sh.status;
	eval_string(act, 0);
	free(act);
}

void trap_reset_child(void)
{
	/* Only signals the shell changed need a system call. */
	for (int sig = 1; sig < NSIGS; sig++) {
		if (!changed[sig])
			continue;
		bool keep_ignored = (ignored_at_entry[sig] && !interactive_handling) ||
		                    (actions[sig] && !*actions[sig]);
		if (actions[sig] && *actions[sig]) {
			free(actions[sig]);
			actions[sig] = NULL;
		}
		install(sig, keep_ignored ? SIG_IGN : SIG_DFL);
	}
	free(actions[0]);
	actions[0] = NULL;
	interactive_handling = false;
}

void trap_reset_child_dispositions(void)
{
	struct sigaction dfl, ign;
	memset(&dfl, 0, sizeof dfl);
	memset(&ign, 0, sizeof ign);
	dfl.sa_handler = SIG_DFL;
	ign.sa_handler = SIG_IGN;
	for (int sig = 1; sig < NSIGS; sig++) {
		if (!changed[sig])
			continue;
		bool keep_ignored = (ignored_at_entry[sig] && !interactive_handling) ||
		                    (actions[sig] && !*actions[sig]);
		sigaction(sig, keep_ignored ? &ign : &dfl, NULL);
	}
}

void trap_interactive(bool on)
{
	interactive_handling = on;
	/* Only a non-interactive shell keeps what was ignored on entry (a
	 * terminal multiplexer may start us with SIGTTIN/SIGTTOU ignored):
	 * see trap_reset_child. */
	int sigs[] = { SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU, SIGHUP };
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		if (!actions[sigs[i]])
			install(sigs[i], own_disposition(sigs[i]));
}

static const struct { const char *name; int sig; } signames[] = {
	{ "EXIT", 0 }, { "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT },
	{ "ILL", SIGILL }, { "TRAP", SIGTRAP }, { "ABRT", SIGABRT }, { "BUS", SIGBUS },
	{ "FPE", SIGFPE }, { "KILL", SIGKILL }, { "USR1", SIGUSR1 }, { "SEGV", SIGSEGV },
	{ "USR2", SIGUSR2 }, { "PIPE", SIGPIPE }, { "ALRM", SIGALRM }, { "TERM", SIGTERM },
	{ "STKFLT", SIGSTKFLT }, { "CHLD", SIGCHLD }, { "CONT", SIGCONT }, { "STOP", SIGSTOP },
	{ "TSTP", SIGTSTP }, { "TTIN", SIGTTIN }, { "TTOU", SIGTTOU }, { "URG", SIGURG },
	{ "XCPU", SIGXCPU }, { "XFSZ", SIGXFSZ }, { "VTALRM", SIGVTALRM }, { "PROF", SIGPROF },
	{ "WINCH", SIGWINCH }, { "IO", SIGIO }, { "PWR", SIGPWR }, { "SYS", SIGSYS },
};

int sig_from_name(const char *name)
{
	if (*name >= '0' && *name <= '9') {
		char *end;
		long n = strtol(name, &end, 10);
		return (*end || n < 0 || n >= NSIGS) ? -1 : (int)n;
	}
	if (strncasecmp(name, "SIG", 3) == 0)
		name += 3;
	for (size_t i = 0; i < sizeof signames / sizeof *signames; i++)
		if (strcasecmp(name, signames[i].name) == 0)
			return signames[i].sig;
	return -1;
}

const char *sig_name(int sig)
{
	for (size_t i = 0; i < sizeof signames / sizeof *signames; i++)
		if (signames[i].sig == sig)
			return signames[i].name;
	return NULL;
}

/* The readline front end (see lineedit.h): reading one line, Ctrl-C and
 * Ctrl-D at the prompt, editing modes, exit checks. */
#include "lineedit.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "error.h"
#include "exec.h"
#include "input.h"
#include "jobs.h"
#include "lineedit_impl.h"
#include "memalloc.h"
#include "shell.h"
#include "trap.h"
#include "vars.h"

static bool initialized;
static bool mode_set_by_user;  /* set -o vi/emacs before le_init: beats ~/.inputrc */
static int eofs_ignored;

_Noreturn void le_abandon(int status)
{
	sh_raise(status);
}

/* Readline calls this when a signal interrupted its read. The shell's
 * SIGINT handler only set got_sigint; here, outside the handler, the typed
 * text is dropped and the command abandoned (bash does the same from its
 * event hook). */
static int on_signal_event(void)
{
	if (got_sighup) {
		rl_cleanup_after_signal();
		trap_run_pending();   /* exits */
	}
	if (!got_sigint)
		return 0;
	got_sigint = 0;
	rl_free_line_state();
	rl_echo_signal_char(SIGINT);
	rl_cleanup_after_signal();
	fputs("\n", stderr);
	le_abandon(130);
}

/* Called about ten times a second while readline waits for a key, and
 * after a signal interrupted the wait. With
 * set -b (notify), report finished jobs at once and redraw the prompt and
 * the text typed so far below the report. */
static int on_idle(void)
{
	/* With an idle hook readline waits in select(), whose EINTR does not
	 * reach the signal hook: look at the signals here too. */
	on_signal_event();
	if (!opts[OPT_NOTIFY] || !jobs_have_news())
		return 0;
	fputs("\n", stderr);
	jobs_notify();
	rl_on_new_line();
	rl_redisplay();
	return 0;
}

static void apply_editing_mode(void)
{
	if (opts[OPT_VI])
		rl_variable_bind("editing-mode", "vi");
	else if (opts[OPT_EMACS])
		rl_variable_bind("editing-mode", "emacs");
}

void le_editing_mode_changed(void)
{
	mode_set_by_user = true;
	if (initialized)
		apply_editing_mode();
}

/* The keymap may change under us (~/.inputrc, M-C-j): show it in set -o. */
static void sync_mode_option(void)
{
	if (!opts[OPT_VI] && !opts[OPT_EMACS])
		return;
	opts[OPT_VI] = rl_editing_mode == 0;
	opts[OPT_EMACS] = rl_editing_mode == 1;
}

void le_init(void)
{
	rl_readline_name = "fdsh";
	/* Prompts and echo go to stderr, as POSIX says for PS1. */
	rl_outstream = stderr;
	/* Signals stay with the shell's handlers; readline only reports an
	 * interrupted read through the event hook. */
	rl_catch_signals = 0;
	rl_signal_event_hook = on_signal_event;
	rl_event_hook = on_idle;
	rl_initialize();
	if (mode_set_by_user)
		apply_editing_mode();
	else
		sync_mode_option();
	le_complete_init();
	le_history_init();
	initialized = true;
}

/* A line without editing (set +o emacs +o vi): prompt, then read bytes. */
static char *plain_readline(const char *prompt)
{
	fputs(prompt, stderr);
	fflush(stderr);
	struct strbuf sb;
	sb_init(&sb);
	for (;;) {
		char c;
		ssize_t n = read(0, &c, 1);
		if (n < 0 && errno == EINTR) {
			if (got_sigint) {
				got_sigint = 0;
				sb_free(&sb);
				fputs("\n", stderr);
				le_abandon(130);
			}
			continue;
		}
		if (n <= 0) {
			if (sb.len)
				break;
			sb_free(&sb);
			return NULL;
		}
		if (c == '\n')
			break;
		sb_addc(&sb, c);
	}
	sb_addc(&sb, '\0');
	sb.len--;
	return sb_take(&sb);
}

/* IGNOREEOF (or set -o ignoreeof): how many Ctrl-D in a row to ignore. */
static long eof_limit(void)
{
	const char *v = var_get("IGNOREEOF");
	if (!v)
		return opts[OPT_IGNOREEOF] ? 10 : 0;
	char *end;
	long n = strtol(v, &end, 10);
	return *v && !*end && n >= 0 ? n : 10;
}

/* Ctrl-D at the PS1 prompt: exit, unless IGNOREEOF or stopped jobs say no. */
static bool eof_ends_shell(void)
{
	if (eofs_ignored < eof_limit()) {
		eofs_ignored++;
		fputs("Use \"exit\" to leave the shell.\n", stderr);
		return false;
	}
	return le_may_exit();
}

static char *read_one_line(const char *prompt)
{
	got_sigint = 0;
	if (!opts[OPT_VI] && !opts[OPT_EMACS])
		return plain_readline(prompt);
	char *line = readline(prompt);
	sync_mode_option();
	return line;
}

/* $PROMPT_COMMAND runs before each PS1, as in bash; its errors stay inside
 * it and $? is kept for the next command. */
static void run_prompt_command(void)
{
	const char *pc = var_get("PROMPT_COMMAND");
	if (!pc || !*pc)
		return;
	char *cmd = xstrdup(pc);
	int saved_status = sh.status;
	struct handler h;
	h.prev = sh_handler;
	sh_handler = &h;
	if (!setjmp(h.env))
		eval_string(cmd, 0);
	sh_handler = h.prev;
	sh.status = saved_status;
	free(cmd);
}

char *le_readline(int level)
{
	fflush(stdout);
	le_history_sync_size();
	if (level == 1)
		run_prompt_command();
	for (;;) {
		char *prompt = le_prompt(level);
		char *line = read_one_line(prompt);
		free(prompt);
		/* A hangup often shows up as EOF before the signal's hook runs. */
		if (got_sighup)
			trap_run_pending();
		if (!line) {
			if (level == 1 && !eof_ends_shell())
				continue;
			return NULL;
		}
		eofs_ignored = 0;
		line = le_history_expand(line);
		if (line)
			return line;
		/* A failed !-expansion drops the whole command, as in bash. */
		if (level > 1)
			le_abandon(sh.status);
	}
}

bool le_may_exit(void)
{
	return jobs_exit_check(le_commands_read());
}

void le_finish(void)
{
	if (initialized)
		le_history_truncate_file();
}

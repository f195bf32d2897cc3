/* The GNU readline front end: prompts, history and completion hide behind
 * these functions (readline is never touched elsewhere). The implementation
 * is split by concern: lineedit.c (reading a line, signals, editing modes),
 * lineedit_prompt.c, lineedit_history.c and lineedit_complete.c. */
#ifndef FDSH_LINEEDIT_H
#define FDSH_LINEEDIT_H

#include <stdbool.h>

struct input;

/* Start the line editor of an interactive shell (after the startup files,
 * so HISTFILE, HISTSIZE and `set -o vi` set there apply): ~/.inputrc,
 * history file, completion. */
void le_init(void);
/* Read a line with the PS1 (level 1) or PS2 (level 2) prompt, after history
 * expansion; NULL at EOF. Ctrl-C abandons the command being typed: it
 * unwinds to the read-eval loop with status 130. */
char *le_readline(int level);
/* A complete command was read: store its lines as one history entry and
 * append it to the history file. */
void le_command_done(struct input *in);
/* The shell is exiting: trim the history file to HISTFILESIZE. */
void le_finish(void);
/* The prompt string for a level, after escapes and expansion (malloc'ed). */
char *le_prompt(int level);
/* `set -o vi` / `set -o emacs` changed: switch readline's keymap (turning
 * both off reads plain lines without editing, as in bash). */
void le_editing_mode_changed(void);
/* May an interactive shell exit now? False (after a warning) the first
 * time it is asked with stopped jobs; true on the next attempt. */
bool le_may_exit(void);

/* The history list, for the history builtin. */
void le_history_print(long count);          /* the last count entries, all if < 0 */
void le_history_clear(void);
int le_history_delete(long number);         /* -1 if out of range */
bool le_history_add(const char *line);      /* history -s; false if not stored */
int le_history_read_file(void);             /* history -r; -1 on error */
int le_history_write_file(void);            /* history -w; -1 on error */
/* For fc: the numbers of the oldest entry and of the newest before the
 * command being run (newest < oldest when there are none), an entry's text
 * (NULL if none), and the command being run replaced in the history by the
 * one fc runs (or added, if it was not stored). */
void le_history_bounds(long *oldest, long *newest);
const char *le_history_line(long number);
void le_history_replace_current(const char *line);

#endif

/* Shared between the parts of the line editor (lineedit*.c); nothing else
 * includes this. */
#ifndef FDSH_LINEEDIT_IMPL_H
#define FDSH_LINEEDIT_IMPL_H

#include <stdbool.h>

/* lineedit_history.c */
/* Set HISTFILE/HISTSIZE/HISTFILESIZE defaults, read the history file. */
void le_history_init(void);
/* HISTSIZE may have changed since the last line: resize the list. */
void le_history_sync_size(void);
/* Apply !-expansion to a line read at the prompt. Returns the line to use
 * (line itself or a new string; line is freed when replaced), or NULL when
 * the expansion failed or was only to be printed (message shown). */
char *le_history_expand(char *line);
/* Trim the history file to HISTFILESIZE lines. */
void le_history_truncate_file(void);
/* Number of commands read so far (for \# and the stopped-jobs warning). */
unsigned long le_commands_read(void);

/* lineedit_complete.c */
void le_complete_init(void);

/* lineedit.c */
/* Abandon the command being typed: back to the read-eval loop. */
_Noreturn void le_abandon(int status);

#endif

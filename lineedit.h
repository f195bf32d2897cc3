/* The GNU readline front end: prompts, history and completion hide behind
 * these few functions (readline is never touched elsewhere). */
#ifndef FDSH_LINEEDIT_H
#define FDSH_LINEEDIT_H

struct input;

void le_init(void);
/* Read a line with the PS1 (level 1) or PS2 (level 2) prompt; NULL at EOF. */
char *le_readline(int level);
/* A complete command was read: store its lines as one history entry. */
void le_command_done(struct input *in);
/* Save history on exit. */
void le_finish(void);
/* The prompt string for a level, after expansion (malloc'ed). */
char *le_prompt(int level);

#endif

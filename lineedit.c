/* The readline front end (see lineedit.h). */
#include "lineedit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "expand.h"
#include "input.h"
#include "memalloc.h"
#include "shell.h"
#include "vars.h"

static char *history_path;

void le_init(void)
{
	rl_readline_name = "fdsh";
	using_history();
	const char *hf = var_get("HISTFILE");
	const char *home = var_get("HOME");
	if (hf)
		history_path = xstrdup(hf);
	else if (home) {
		history_path = xmalloc(strlen(home) + 20);
		sprintf(history_path, "%s/.fdsh_history", home);
	}
	if (history_path)
		read_history(history_path);
}

char *le_prompt(int level)
{
	const char *ps = var_get(level == 1 ? "PS1" : "PS2");
	if (!ps)
		return xstrdup("");
	struct arena_mark m = arena_mark(&stk);
	char *p = xstrdup(expand_string(ps));
	arena_release(&stk, m);
	return p;
}

char *le_readline(int level)
{
	char *prompt = le_prompt(level);
	fflush(stdout);
	char *line = readline(prompt);
	free(prompt);
	return line;
}

void le_command_done(struct input *in)
{
	struct strbuf *t = &in->cmdtext;
	while (t->len && (t->s[t->len - 1] == '\n'))
		t->s[--t->len] = '\0';
	if (t->len) {
		add_history(t->s);
		if (history_path)
			append_history(1, history_path);
	}
	t->len = 0;
	if (t->s)
		t->s[0] = '\0';
}

void le_finish(void)
{
}

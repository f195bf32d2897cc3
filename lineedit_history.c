/* History: the list (HISTSIZE), the file (HISTFILE, HISTFILESIZE), !-expansion.
 *
 * The file is only ever appended to, one command at a time, so two shells
 * running at once lose nothing and a crash cannot empty it. Each entry is
 * preceded by a "#<time>" line, which lets a multi-line command (a loop
 * typed over several PS2 lines, a here-document) come back as one entry. The
 * file is trimmed to HISTFILESIZE lines at startup and exit; readline does
 * that by writing a new file and renaming it over the old one. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "error.h"
#include "input.h"
#include "lineedit.h"
#include "lineedit_impl.h"
#include "memalloc.h"
#include "shell.h"
#include "vars.h"

#define DEFAULT_HISTSIZE "500"

static unsigned long commands_read;

unsigned long le_commands_read(void)
{
	return commands_read;
}

/* $HISTFILE; NULL (no file) when it is unset or empty, as in bash. */
static const char *history_file(void)
{
	const char *f = var_get("HISTFILE");
	return f && *f ? f : NULL;
}

/* A numeric variable; -1 when unset or not a number. */
static long var_number(const char *name)
{
	const char *v = var_get(name);
	if (!v || !*v)
		return -1;
	char *end;
	long n = strtol(v, &end, 10);
	return *end || n < 0 ? -1 : n;
}

void le_history_sync_size(void)
{
	long n = var_number("HISTSIZE");
	if (n >= 0)
		stifle_history((int)(n > 1000000 ? 1000000 : n));
	else
		unstifle_history();
}

/* Like bash: HISTFILE, HISTSIZE and HISTFILESIZE get values if unset. */
static void set_defaults(void)
{
	const char *home = var_get("HOME");
	if (!var_get("HISTFILE") && home) {
		char *path = xmalloc(strlen(home) + sizeof "/.fdsh_history");
		sprintf(path, "%s/.fdsh_history", home);
		var_set("HISTFILE", path, 0);
		free(path);
	}
	if (!var_get("HISTSIZE"))
		var_set("HISTSIZE", DEFAULT_HISTSIZE, 0);
	if (!var_get("HISTFILESIZE"))
		var_set("HISTFILESIZE", var_get("HISTSIZE"), 0);
}

/* bash's exceptions to !-expansion: $!, ${!name}, [!...] and !( ). */
static int inhibit_expansion(char *s, int i)
{
	if (i > 0 && (s[i - 1] == '$' || s[i - 1] == '['))
		return 1;
	if (i > 1 && s[i - 1] == '{' && s[i - 2] == '$')
		return 1;
	return s[i + 1] == '(';
}

void le_history_init(void)
{
	using_history();
	history_write_timestamps = 1;
	history_multiline_entries = 1;
	history_quotes_inhibit_expansion = 1;
	/* As bash: "#<digits>" lines are timestamps (not counted when the file
	 * is trimmed), # starts a comment that !-expansion skips, and ;&()|<>
	 * end a !prefix. */
	history_comment_char = '#';
	history_search_delimiter_chars = ";&()|<>";
	history_inhibit_expansion_function = inhibit_expansion;
	set_defaults();
	le_history_sync_size();
	const char *f = history_file();
	if (f) {
		read_history(f);
		le_history_truncate_file();
	}
}

void le_history_truncate_file(void)
{
	const char *f = history_file();
	long n = var_number("HISTFILESIZE");
	if (f && n >= 0)
		history_truncate_file(f, (int)(n > 1000000 ? 1000000 : n));
}

char *le_history_expand(char *line)
{
	if (!strchr(line, history_expansion_char) && line[0] != history_subst_char)
		return line;
	char *out = NULL;
	int r = history_expand(line, &out);
	if (r == 0) {
		free(out);
		return line;
	}
	free(line);
	if (r < 0) {
		sh_warn("%s", out);
		free(out);
		return NULL;
	}
	/* Show the command that will run (or, for :p, only show it). */
	fprintf(stderr, "%s\n", out);
	if (r == 2) {
		le_history_add(out);
		free(out);
		return NULL;
	}
	return out;
}

/* HISTCONTROL: ignorespace, ignoredups, ignoreboth. */
static bool history_ignores(const char *line)
{
	const char *hc = var_get("HISTCONTROL");
	if (!hc)
		return false;
	bool both = strstr(hc, "ignoreboth") != NULL;
	if ((both || strstr(hc, "ignorespace")) && (line[0] == ' ' || line[0] == '\t'))
		return true;
	if (both || strstr(hc, "ignoredups")) {
		HIST_ENTRY *last = history_length ? history_get(history_base + history_length - 1) : NULL;
		if (last && strcmp(last->line, line) == 0)
			return true;
	}
	return false;
}

/* readline only appends to a file that exists. */
static int create_file(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

bool le_history_add(const char *line)
{
	if (history_ignores(line))
		return false;
	/* HISTSIZE=0 keeps nothing: then there is nothing to append either. */
	if (history_is_stifled() && history_max_entries == 0)
		return false;
	char stamp[32];
	snprintf(stamp, sizeof stamp, "#%lld", (long long)time(NULL));
	add_history(line);
	add_history_time(stamp);
	const char *f = history_file();
	if (f && create_file(f) == 0)
		append_history(1, f);
	return true;
}

/* Is the command being run the newest entry? (HISTCONTROL may have kept it out.) */
static bool current_stored;

void le_command_done(struct input *in)
{
	struct strbuf *t = &in->cmdtext;
	while (t->len && t->s[t->len - 1] == '\n')
		t->s[--t->len] = '\0';
	commands_read++;
	current_stored = t->len && le_history_add(t->s);
	t->len = 0;
	if (t->s)
		t->s[0] = '\0';
}

/* $HISTTIMEFORMAT: strftime text printed before each listed entry (bash). */
static void print_entry_time(const HIST_ENTRY *e, const char *fmt)
{
	char buf[256];
	time_t when = e->timestamp && e->timestamp[0] == '#' ? (time_t)atoll(e->timestamp + 1) : 0;
	struct tm tm;
	if (when && localtime_r(&when, &tm) && strftime(buf, sizeof buf, fmt, &tm) > 0)
		fputs(buf, stdout);
	else
		fputs("??", stdout);
}

void le_history_print(long count)
{
	const char *tfmt = var_get("HISTTIMEFORMAT");
	long first = count < 0 || count > history_length ? 0 : history_length - count;
	for (long i = first; i < history_length; i++) {
		HIST_ENTRY *e = history_get(history_base + (int)i);
		if (!e)
			continue;
		printf("%5ld  ", history_base + i);
		if (tfmt && *tfmt)
			print_entry_time(e, tfmt);
		printf("%s\n", e->line);
	}
}

void le_history_clear(void)
{
	clear_history();
}

int le_history_delete(long number)
{
	long i = number - history_base;
	if (number < history_base || i >= history_length)
		return -1;
	HIST_ENTRY *e = remove_history((int)i);
	if (e) {
		histdata_t data = free_history_entry(e);
		(void)data;
	}
	return 0;
}

int le_history_read_file(void)
{
	const char *f = history_file();
	return f && read_history(f) == 0 ? 0 : -1;
}

int le_history_write_file(void)
{
	const char *f = history_file();
	return f && write_history(f) == 0 ? 0 : -1;
}

void le_history_bounds(long *oldest, long *newest)
{
	*oldest = history_base;
	*newest = history_base + history_length - 1 - current_stored;
}

const char *le_history_line(long number)
{
	HIST_ENTRY *e = number >= history_base && number < history_base + history_length
	                    ? history_get((int)number)
	                    : NULL;
	return e ? e->line : NULL;
}

void le_history_replace_current(const char *line)
{
	if (current_stored && history_length > 0) {
		HIST_ENTRY *e = remove_history(history_length - 1);
		if (e) {
			histdata_t data = free_history_entry(e);
			(void)data;
		}
	}
	current_stored = le_history_add(line);
}

/* Tab completion: command names in command position (builtins, keywords,
 * functions, aliases, PATH), $VAR names, ~user, and file names elsewhere,
 * quoted so the result reads back as the same word. Completion only looks
 * at tables and directories: it never runs a command or expands $( ). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <readline/readline.h>

#include "alias.h"
#include "builtins/builtins.h"
#include "exec.h"
#include "lineedit_impl.h"
#include "memalloc.h"
#include "vars.h"

/* The candidates of one completion, collected when readline asks for the
 * first one (state 0) and handed out one by one afterwards. */
struct candidates {
	char **v;
	size_t n, cap, next;
	const char *prefix;
	size_t prefix_len;
};
static struct candidates cands;

static void cands_reset(const char *prefix)
{
	for (size_t i = cands.next; i < cands.n; i++)
		free(cands.v[i]);
	cands.n = cands.next = 0;
	cands.prefix = prefix;
	cands.prefix_len = strlen(prefix);
}

static void cands_add(const char *before, const char *name)
{
	if (strncmp(name, cands.prefix, cands.prefix_len) != 0)
		return;
	if (cands.n == cands.cap) {
		cands.cap = cands.cap ? cands.cap * 2 : 64;
		cands.v = xrealloc(cands.v, sizeof *cands.v * cands.cap);
	}
	char *s = xmalloc(strlen(before) + strlen(name) + 1);
	strcpy(s, before);
	strcat(s, name);
	cands.v[cands.n++] = s;
}

/* Readline frees what we return, and removes duplicates itself. */
static char *cands_next(void)
{
	return cands.next < cands.n ? cands.v[cands.next++] : NULL;
}

static void add_function(const char *name, const struct node *body)
{
	(void)body;
	cands_add("", name);
}

static void add_alias(const char *name, const char *value)
{
	(void)value;
	cands_add("", name);
}

/* Executable files of one PATH directory whose name has the prefix. */
static void add_path_dir(const char *dir, size_t len)
{
	char *d = len ? xstrndup(dir, len) : xstrdup(".");
	DIR *dp = opendir(d);
	struct dirent *de;
	while (dp && (de = readdir(dp))) {
		if (de->d_name[0] == '.' && cands.prefix[0] != '.')
			continue;
		if (strncmp(de->d_name, cands.prefix, cands.prefix_len) != 0)
			continue;
		char *full = xmalloc(strlen(d) + strlen(de->d_name) + 2);
		sprintf(full, "%s/%s", d, de->d_name);
		struct stat st;
		if (stat(full, &st) == 0 && S_ISREG(st.st_mode) && access(full, X_OK) == 0)
			cands_add("", de->d_name);
		free(full);
	}
	if (dp)
		closedir(dp);
	free(d);
}

static const char *const keywords[] = {
	"!", "case", "do", "done", "elif", "else", "esac", "fi", "for", "if", "in",
	"then", "until", "while", "{", "}",
};

static void collect_commands(void)
{
	for (size_t i = 0; i < sizeof keywords / sizeof *keywords; i++)
		cands_add("", keywords[i]);
	for (int i = 0; i < builtin_count; i++)
		cands_add("", builtin_table[i].name);
	func_each(add_function);
	alias_each(add_alias);
	const char *path = var_get("PATH");
	for (const char *p = path ? path : ""; p && *p; ) {
		const char *colon = strchr(p, ':');
		size_t len = colon ? (size_t)(colon - p) : strlen(p);
		add_path_dir(p, len);
		p = colon ? colon + 1 : NULL;
	}
}

static char *command_generator(const char *text, int state)
{
	if (state == 0) {
		cands_reset(text);
		collect_commands();
	}
	return cands_next();
}

static void add_variable(const char *name, const char *value, int flags, void *ctx)
{
	(void)flags, (void)ctx;
	if (value)
		cands_add("$", name);
}

static char *variable_generator(const char *text, int state)
{
	if (state == 0) {
		cands_reset(text + 1);
		var_each(add_variable, NULL);
	}
	return cands_next();
}

/* Words after which the next word is a command name. */
static bool is_command_prefix_word(const char *w, size_t n)
{
	static const char *const words[] = {
		"!", "do", "elif", "else", "if", "then", "until", "while", "{", "time",
		"exec", "command", "builtin", "nohup", "sudo", "env",
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strlen(words[i]) == n && strncmp(words[i], w, n) == 0)
			return true;
	return false;
}

static bool is_assignment(const char *w, size_t n)
{
	size_t i = 0;
	while (i < n && (w[i] == '_' || (w[i] >= 'a' && w[i] <= 'z') || (w[i] >= 'A' && w[i] <= 'Z') ||
	                 (i > 0 && w[i] >= '0' && w[i] <= '9')))
		i++;
	return i > 0 && i < n && w[i] == '=';
}

/* Does the word starting at `start` stand where a command name goes? */
static bool in_command_position(const char *line, int start)
{
	int i = start;
	while (i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t'))
		i--;
	if (i == 0 || strchr(";|&(\n`", line[i - 1]))
		return true;
	int end = i;
	while (i > 0 && !strchr(" \t;|&(\n`", line[i - 1]))
		i--;
	size_t n = (size_t)(end - i);
	if (is_command_prefix_word(line + i, n))
		return true;
	return is_assignment(line + i, n) && in_command_position(line, i);
}

static char **complete(const char *text, int start, int end)
{
	(void)end;
	/* Never fall back to readline's own completion: we decide here. */
	rl_attempted_completion_over = 1;
	if (text[0] == '$' && !strchr(text, '/'))
		return rl_completion_matches(text, variable_generator);
	if (text[0] == '~' && !strchr(text, '/'))
		return rl_completion_matches(text, rl_username_completion_function);
	if (!strchr(text, '/') && in_command_position(rl_line_buffer, start)) {
		char **m = rl_completion_matches(text, command_generator);
		if (m)
			return m;
	}
	return rl_completion_matches(text, rl_filename_completion_function);
}

/* Quote a file name the way the user started it: inside '...' or "..."
 * if they opened a quote (readline adds the closing one), else with
 * backslashes. */
static char *quote_filename(char *s, int match_type, char *qcp)
{
	(void)match_type;
	char q = qcp ? *qcp : '\0';
	struct strbuf sb;
	sb_init(&sb);
	if (q)
		sb_addc(&sb, q);
	/* A leading ~ must stay unquoted to keep meaning the home directory. */
	if (!q && *s == '~')
		sb_addc(&sb, *s++);
	for (; *s; s++) {
		if (q == '\'' && *s == '\'')
			sb_adds(&sb, "'\\''");
		else if (q == '"' && strchr("$`\"\\", *s))
			sb_addc(&sb, '\\');
		else if (!q && strchr(rl_filename_quote_characters, *s))
			sb_addc(&sb, '\\');
		if (!(q == '\'' && *s == '\''))
			sb_addc(&sb, *s);
	}
	sb_addc(&sb, '\0');
	return sb_take(&sb);
}

/* The file name a partly quoted word stands for (quote removal). */
static char *dequote_filename(char *text, int quote_char)
{
	struct strbuf sb;
	sb_init(&sb);
	char q = (char)quote_char;
	for (const char *p = text; *p; p++) {
		if (q == '\'') {
			if (*p == '\'')
				q = 0;
			else
				sb_addc(&sb, *p);
		} else if (*p == '\\' && p[1] && (!q || strchr("$`\"\\", p[1]))) {
			sb_addc(&sb, *++p);
		} else if (*p == '"' || (*p == '\'' && !q)) {
			q = q == *p ? 0 : *p;
		} else {
			sb_addc(&sb, *p);
		}
	}
	sb_addc(&sb, '\0');
	return sb_take(&sb);
}

/* Is line[index] quoted (by a backslash or inside quotes)? Then it does not
 * break words: "my\ file" is one word. */
static int char_is_quoted(char *line, int index)
{
	char q = 0;
	for (int i = 0; i < index; i++) {
		if (q == '\'') {
			if (line[i] == '\'')
				q = 0;
		} else if (line[i] == '\\') {
			if (++i == index)
				return 1;
		} else if (line[i] == '"' || line[i] == '\'') {
			q = q == line[i] ? 0 : line[i];
		}
	}
	return q != 0;
}

void le_complete_init(void)
{
	rl_attempted_completion_function = complete;
	/* Not the backslash: "my\ dir" is one word (char_is_quoted). */
	rl_completer_word_break_characters = " \t\n\"'`@$><=;|&{(";
	/* Kept at the start of the word passed to us: $ for variable names. */
	rl_special_prefixes = "$";
	rl_completer_quote_characters = "'\"";
	rl_filename_quote_characters = " \t\n\\\"'@<>=;|&()#$`?*[!:{~";
	rl_filename_quoting_function = quote_filename;
	rl_filename_dequoting_function = dequote_filename;
	rl_char_is_quoted_p = char_is_quoted;
}

/* history: show and edit the command history (the list itself lives
 * behind lineedit.h, with readline). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/builtins.h"
#include "error.h"
#include "lineedit.h"
#include "memalloc.h"

static int bad_number(const char *what, const char *arg)
{
	sh_warn("history: %s: %s", arg, what);
	return 1;
}

static int parse_count(const char *arg, long *out)
{
	char *end;
	long n = strtol(arg, &end, 10);
	if (!*arg || *end)
		return -1;
	*out = n;
	return 0;
}

/* history -s words...: store the words as one entry. */
static int store_words(int argc, char **argv, int i)
{
	struct strbuf sb;
	sb_init(&sb);
	for (; i < argc; i++) {
		sb_adds(&sb, argv[i]);
		if (i + 1 < argc)
			sb_addc(&sb, ' ');
	}
	if (sb.len)
		le_history_add(sb.s);
	sb_free(&sb);
	return 0;
}

static int file_op(int (*op)(void), const char *flag)
{
	if (op() == 0)
		return 0;
	sh_warn("history: %s: cannot use the history file (is HISTFILE set?)", flag);
	return 1;
}

int builtin_history(int argc, char **argv)
{
	char flags[128];
	int i = builtin_getopts(argc, argv, "cdsrwa", flags);
	if (i < 0)
		return 2;
	long n = -1;
	if (flags['c'])
		le_history_clear();
	if (flags['s'])
		return store_words(argc, argv, i);
	if (flags['d']) {
		if (i >= argc)
			return builtin_usage("history");
		if (parse_count(argv[i], &n) < 0 || le_history_delete(n) < 0)
			return bad_number("history position out of range", argv[i]);
		return 0;
	}
	if (flags['r'])
		return file_op(le_history_read_file, "-r");
	if (flags['w'])
		return file_op(le_history_write_file, "-w");
	if (flags['a'] || flags['c'])
		return 0;   /* -a: every command is appended as soon as it is read */
	if (i < argc && parse_count(argv[i], &n) < 0)
		return bad_number("numeric argument required", argv[i]);
	if (i + 1 < argc) {
		sh_warn("history: too many arguments");
		return 2;
	}
	le_history_print(n);
	return 0;
}

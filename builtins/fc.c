/* fc: list, edit and run again commands of the history (POSIX), with
 * bash's listing format and its rule that the command run replaces the fc
 * command in the history. The history itself lives behind lineedit.h. */
#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins/builtins.h"
#include "error.h"
#include "exec.h"
#include "lineedit.h"
#include "memalloc.h"
#include "vars.h"

struct fc_opts {
	bool list, numbers, reverse, again;
	const char *editor;
};

/* The history numbers fc can use: everything before the fc command itself. */
struct span {
	long oldest, newest;
};

static bool is_number(const char *s)
{
	s += *s == '-' || *s == '+';
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

/* An operand: a history number, a negative offset (-1 is the command
 * before fc), or the text the newest such command starts with. -1 if none;
 * numbers outside the history are moved to its ends when `clamp`. */
static long find_entry(const struct span *h, const char *spec, bool clamp)
{
	if (is_number(spec)) {
		long n = strtol(spec, NULL, 10);
		if (n <= 0)
			n = h->newest + 1 + (n == 0 ? -1 : n);
		if (clamp)
			n = n < h->oldest ? h->oldest : n > h->newest ? h->newest : n;
		return n >= h->oldest && n <= h->newest ? n : -1;
	}
	size_t len = strlen(spec);
	for (long i = h->newest; i >= h->oldest; i--) {
		const char *line = le_history_line(i);
		if (line && strncmp(line, spec, len) == 0)
			return i;
	}
	return -1;
}

/* first..last in the order asked for: a first after last, or -r, reverses. */
static void walk(long first, long last, bool reverse, void (*fn)(long, const char *, void *),
                 void *ctx)
{
	bool down = (first > last) != reverse;
	long lo = first < last ? first : last, hi = first < last ? last : first;
	for (long i = down ? hi : lo; down ? i >= lo : i <= hi; i += down ? -1 : 1) {
		const char *line = le_history_line(i);
		if (line)
			fn(i, line, ctx);
	}
}

static void print_numbered(long n, const char *line, void *ctx)
{
	(void)ctx;
	printf("%ld\t %s\n", n, line);
}

static void print_plain(long n, const char *line, void *ctx)
{
	(void)n, (void)ctx;
	printf("\t %s\n", line);
}

static void write_line(long n, const char *line, void *ctx)
{
	(void)n;
	fprintf(ctx, "%s\n", line);
}

/* Show the command, put it in the history in place of fc, and run it. */
static int run_again(char *text)
{
	size_t len = strlen(text);
	while (len && text[len - 1] == '\n')
		text[--len] = '\0';
	if (!len)
		return 0;
	fprintf(stderr, "%s\n", text);
	le_history_replace_current(text);
	return eval_string(text, 0);
}

/* fc -s [old=new] [first] */
static int substitute_and_run(const struct span *h, int argc, char **argv, int i)
{
	const char *sub = i < argc && strchr(argv[i], '=') ? argv[i++] : NULL;
	long n = i < argc ? find_entry(h, argv[i++], false) : h->newest;
	if (i < argc)
		return builtin_usage("fc");
	if (n < 0 || n < h->oldest) {
		sh_warn("fc: no command found");
		return 1;
	}
	const char *line = le_history_line(n);
	struct strbuf out;
	sb_init_on(&out, &stk);
	size_t oldlen = sub ? (size_t)(strchr(sub, '=') - sub) : 0;
	for (const char *p = line; *p;) {
		/* Every occurrence of old, as bash does. */
		if (oldlen && strncmp(p, sub, oldlen) == 0) {
			sb_adds(&out, sub + oldlen + 1);
			p += oldlen;
		} else {
			sb_addc(&out, *p++);
		}
	}
	return run_again(out.s);
}

static char *read_all(FILE *f)
{
	struct strbuf sb;
	sb_init_on(&sb, &stk);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_addn(&sb, buf, n);
	return sb.s ? sb.s : arena_strdup(&stk, "");
}

/* fc [-e editor] [-r] [first [last]]: edit the commands in a file, then run
 * what the editor left there (nothing if it failed). */
static int edit_and_run(long first, long last, bool reverse, const char *editor)
{
	const char *tmp = var_get("TMPDIR");
	if (!tmp || !*tmp || strchr(tmp, '\''))
		tmp = "/tmp";   /* (the path is single-quoted for the editor's command) */
	char *path = arena_alloc(&stk, strlen(tmp) + 32);
	sprintf(path, "%s/fdsh-fc.XXXXXX", tmp);
	int fd = mkostemp(path, O_CLOEXEC);
	FILE *f = fd < 0 ? NULL : fdopen(fd, "w");
	if (!f) {
		sh_warn_errno("fc: %s", path);
		if (fd >= 0)
			close(fd);
		return 1;
	}
	walk(first, last, reverse, write_line, f);
	fclose(f);
	struct strbuf cmd;
	sb_init_on(&cmd, &stk);
	sb_printf(&cmd, "%s '%s'", editor, path);
	int st = eval_string(cmd.s, 0);
	char *text = NULL;
	if (st == 0 && (f = fopen(path, "re")) != NULL) {
		text = read_all(f);
		fclose(f);
	}
	unlink(path);
	return text ? run_again(text) : st;
}

/* Options, then operands; "-2" is an operand (a negative offset). */
static int parse_options(int argc, char **argv, struct fc_opts *o)
{
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1] && !is_number(argv[i]); i++) {
		if (strcmp(argv[i], "--") == 0)
			return i + 1;
		for (const char *p = argv[i] + 1; *p; p++) {
			switch (*p) {
			case 'l': o->list = true; break;
			case 'n': o->numbers = false; break;
			case 'r': o->reverse = true; break;
			case 's': o->again = true; break;
			case 'e':
				o->editor = p[1] ? p + 1 : i + 1 < argc ? argv[++i] : NULL;
				if (!o->editor)
					return builtin_usage("fc"), -1;
				p += strlen(p) - 1;   /* the rest of the word was the editor */
				break;
			default:
				sh_warn("fc: -%c: invalid option", *p);
				return builtin_usage("fc"), -1;
			}
		}
	}
	return i;
}

int builtin_fc(int argc, char **argv)
{
	struct fc_opts o = { false, true, false, false, NULL };
	int i = parse_options(argc, argv, &o);
	if (i < 0)
		return 2;
	struct span h;
	le_history_bounds(&h.oldest, &h.newest);   /* (without the fc command itself) */
	if (o.editor && strcmp(o.editor, "-") == 0)
		o.again = true;   /* fc -e - is fc -s (ksh, bash) */
	if (o.again)
		return substitute_and_run(&h, argc, argv, i);
	if (argc - i > 2)
		return builtin_usage("fc");
	long first, last;
	if (i < argc) {
		first = find_entry(&h, argv[i], o.list);
		last = i + 1 < argc ? find_entry(&h, argv[i + 1], o.list) : o.list ? h.newest : first;
	} else {
		first = o.list ? find_entry(&h, "-16", true) : h.newest;
		last = h.newest;
	}
	if (first < 0 || last < 0 || h.newest < h.oldest) {
		sh_warn("fc: history specification out of range");
		return 1;
	}
	if (o.list) {
		walk(first, last, o.reverse, o.numbers ? print_numbered : print_plain, NULL);
		return 0;
	}
	const char *editor = o.editor;
	if (!editor)
		editor = var_get("FCEDIT");
	if (!editor || !*editor)
		editor = var_get("EDITOR");
	if (!editor || !*editor)
		editor = "ed";
	return edit_and_run(first, last, o.reverse, editor);
}

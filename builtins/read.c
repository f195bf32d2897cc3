/* read: one line of standard input split into variables by IFS.
 *
 * Input is read one byte at a time, so nothing after the newline is taken
 * from a pipe the next command (or the shell itself) still has to read.
 * Without -r a backslash quotes the next character (which then never splits)
 * and backslash-newline continues the line. The splitting follows dash's
 * ifsbreakup with a field limit: the last variable takes the rest of the
 * line without its trailing IFS white space. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins/builtins.h"
#include "error.h"
#include "memalloc.h"
#include "parser.h"
#include "vars.h"

/* Per-byte marks of the line read. */
#define M_QUOTED   0x1   /* came after a backslash: never a separator */
#define M_REGION   0x2   /* starts a new stretch of splittable text */

struct line {
	struct strbuf text;
	struct strbuf marks;   /* one mark byte per text byte */
	bool region_next;      /* the next byte starts a new stretch */
};

static void line_add(struct line *l, char c, char mark)
{
	if (l->region_next)
		mark |= M_REGION;
	l->region_next = (mark & M_QUOTED) != 0;
	sb_addc(&l->text, c);
	sb_addc(&l->marks, mark);
}

/* Read the line; returns 1 at end of file (or a read error), else 0. */
static int read_line(struct line *l, bool raw)
{
	bool backslash = false;
	for (;;) {
		char c;
		ssize_t n = read(0, &c, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return 1;
		if (c == '\0')
			continue;
		if (backslash) {
			backslash = false;
			if (c == '\n')
				l->region_next = true;   /* continuation: the line goes on */
			else
				line_add(l, c, M_QUOTED);
			continue;
		}
		if (!raw && c == '\\') {
			backslash = true;
			continue;
		}
		if (c == '\n')
			return 0;
		line_add(l, c, 0);
	}
}

struct splitter {
	char *s;
	const char *marks;
	const char *ifs;
	int max;          /* fields still to make before the rest is one field */
	size_t start;     /* where the current field starts */
	long cut;         /* trailing IFS white space of the last field starts here, or -1 */
	bool in_space;    /* the last separator seen was IFS white space */
};

/* Look at the unquoted byte at i; may end a field (stored in fields[*n]). */
static void split_byte(struct splitter *sp, size_t i, char **fields, int *n)
{
	size_t q = i, p = i + 1;
	char c = sp->s[i];
	bool isifs = c && strchr(sp->ifs, c);
	bool isspace = isifs && strchr(" \t\n", c);
	if (sp->max == 0) {
		/* In the last field: only note where trailing white space starts. */
		if (isspace) {
			if (sp->cut < 0)
				sp->cut = (long)q;
			return;
		}
		if (!(isifs && sp->in_space))
			sp->cut = -1;
		sp->in_space = false;
		return;
	}
	if (sp->in_space) {
		if (isifs)
			q = p;
		sp->start = q;
		if (isspace)
			return;
		isifs = false;
	}
	if (!isifs) {
		sp->in_space = false;
		return;
	}
	sp->in_space = isspace;
	if (q == sp->start && isspace) {
		/* leading white space */
		sp->start = p;
		sp->in_space = false;
	} else if (--sp->max == 0) {
		sp->cut = (long)q;
	} else {
		sp->s[q] = '\0';
		fields[(*n)++] = sp->s + sp->start;
		sp->start = p;
	}
}

/* Split l into at most `max` fields; returns how many. */
static int split_line(struct line *l, int max, char **fields)
{
	struct splitter sp = {
		.s = l->text.s, .marks = l->marks.s, .ifs = var_ifs(), .max = max, .cut = -1,
	};
	int n = 0;
	for (size_t i = 0; i < l->text.len; i++) {
		if (sp.marks[i] & M_REGION)
			sp.in_space = false;
		if (!(sp.marks[i] & M_QUOTED))
			split_byte(&sp, i, fields, &n);
	}
	if (sp.cut >= 0)
		sp.s[sp.cut] = '\0';
	if (sp.s[sp.start])
		fields[n++] = sp.s + sp.start;
	return n;
}

/* Options -r and -p prompt (also "-rp prompt" and "-pprompt"); returns the
 * index of the first name, or -1 after a usage error. */
static int parse_options(int argc, char **argv, bool *raw, const char **prompt)
{
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0)
			return i + 1;
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'r') {
				*raw = true;
			} else if (*o == 'p') {
				*prompt = o[1] ? o + 1 : argv[++i];
				if (!*prompt) {
					sh_warn("read: No arg for -p option");
					return -1;
				}
				break;
			} else {
				sh_warn("read: Illegal option -%c", *o);
				return -1;
			}
		}
	}
	return i;
}

static int assign_fields(char **names, int count, char **fields, int nfields)
{
	for (int k = 0; k < count; k++) {
		if (!is_name(names[k], -1)) {
			sh_warn("read: %s: bad variable name", names[k]);
			return 2;
		}
		if (var_set(names[k], k < nfields ? fields[k] : "", 0) < 0)
			return 2;
	}
	return 0;
}

int builtin_read(int argc, char **argv)
{
	bool raw = false;
	const char *prompt = NULL;
	int first = parse_options(argc, argv, &raw, &prompt);
	if (first < 0)
		return 2;
	if (prompt && isatty(0)) {
		fflush(stdout);
		(void)!write(2, prompt, strlen(prompt));
	}
	if (first >= argc) {
		sh_warn("read: arg count");
		return 2;
	}
	struct line l = { .region_next = true };
	sb_init(&l.text);
	sb_init(&l.marks);
	int st = read_line(&l, raw);
	sb_addc(&l.text, '\0');   /* a terminated string even when empty */
	l.text.len--;
	int count = argc - first;
	char **fields = xmalloc(sizeof *fields * (size_t)count);
	int nfields = split_line(&l, count, fields);
	int ast = assign_fields(argv + first, count, fields, nfields);
	free(fields);
	sb_free(&l.text);
	sb_free(&l.marks);
	return ast ? ast : st;
}

/* Input sources for the parser: a string (-c, eval, command substitution),
 * a file descriptor (scripts, stdin) or the terminal through readline.
 *
 * The tokenizer pulls characters one at a time with in_getc; the source
 * refills itself a line or a block at a time, prompting with PS1 at the start
 * of a command and PS2 on continuation lines. */
#ifndef FDSH_INPUT_H
#define FDSH_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "memalloc.h"

enum input_kind { IN_STRING, IN_FD, IN_TTY };

struct pushback;

struct input {
	enum input_kind kind;
	int fd;
	const char *buf;
	char *owned;          /* the buffer when this source allocated it */
	size_t len, pos, cap;
	bool eof;
	bool one_byte;        /* unseekable shared stdin: never read ahead */
	bool seekable;        /* shared seekable stdin: seek back before running */
	int lineno;
	int prompt;           /* 1: next line starts a command (PS1), 2: continues (PS2) */
	int unget[4];
	int nunget;
	struct pushback *pb;  /* alias texts being read */
	struct strbuf capture;  /* raw text of $( ) being scanned */
	int capture_depth;
	struct strbuf cmdtext;  /* lines of the current command, for history */
};

void in_init_string(struct input *in, const char *s, int lineno);
void in_init_fd(struct input *in, int fd);
void in_init_tty(struct input *in);
void in_free(struct input *in);

int in_getc_slow(struct input *in);
/* The next character, or -1 at the end. The common case — plain buffered
 * text — is inlined: the tokenizer calls this for every byte of a script. */
static inline int in_getc(struct input *in)
{
	if (in->pos < in->len && in->buf[in->pos] && !in->nunget && !in->pb && !in->capture_depth) {
		int c = (unsigned char)in->buf[in->pos++];
		if (c == '\n')
			in->lineno++;
		return c;
	}
	return in_getc_slow(in);
}
void in_ungetc(struct input *in, int c);
/* Read alias text before the rest of the input; `tag` marks the alias busy. */
void in_push_string(struct input *in, const char *s, void *tag);
bool in_alias_active(struct input *in, void *tag);

/* Start recording the characters read; returns the start offset. */
size_t in_capture_begin(struct input *in);
/* Stop recording; returns the text read since `start` (malloc'ed). */
char *in_capture_end(struct input *in, size_t start);

/* Give back to a shared stdin what was read ahead, so commands that read
 * stdin themselves see the rest of it (called before each command runs). */
void in_sync(struct input *in);
/* Drop the rest of the current line (after a syntax error at the prompt). */
void in_discard_line(struct input *in);

#endif

/* Input sources (see input.h). */
#include "input.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lineedit.h"
#include "shell.h"

#define BLOCK 8192

struct pushback {
	struct pushback *prev;
	char *text;
	size_t pos;
	void *tag;
};

void in_init_string(struct input *in, const char *s, int lineno)
{
	memset(in, 0, sizeof *in);
	in->kind = IN_STRING;
	in->fd = -1;
	in->buf = s;
	in->len = strlen(s);
	in->lineno = lineno;
	in->prompt = 1;
}

void in_init_fd(struct input *in, int fd)
{
	memset(in, 0, sizeof *in);
	in->kind = IN_FD;
	in->fd = fd;
	in->lineno = 1;
	in->prompt = 1;
	if (fd == 0) {
		/* stdin is shared with the commands we run: either seek back what
		 * we read ahead, or never read ahead at all. */
		if (lseek(0, 0, SEEK_CUR) >= 0)
			in->seekable = true;
		else
			in->one_byte = true;
	}
}

void in_init_tty(struct input *in)
{
	memset(in, 0, sizeof *in);
	in->kind = IN_TTY;
	in->fd = 0;
	in->lineno = 1;
	in->prompt = 1;
}

void in_free(struct input *in)
{
	while (in->pb) {
		struct pushback *pb = in->pb;
		in->pb = pb->prev;
		free(pb->text);
		free(pb);
	}
	free(in->owned);
	sb_free(&in->capture);
	sb_free(&in->cmdtext);
	in->owned = NULL;
	in->buf = NULL;
}

static bool refill_fd(struct input *in)
{
	if (!in->owned) {
		in->cap = BLOCK;
		in->owned = xmalloc(in->cap);
	}
	ssize_t n;
	do
		n = read(in->fd, in->owned, in->one_byte ? 1 : in->cap);
	while (n < 0 && errno == EINTR);
	if (n <= 0)
		return false;
	in->buf = in->owned;
	in->len = (size_t)n;
	in->pos = 0;
	return true;
}

static bool refill_tty(struct input *in)
{
	/* Lines of a command that never ran (syntax error, Ctrl-C) still go
	 * to the history, where they can be recalled and fixed. */
	if (in->prompt == 1 && in->cmdtext.len)
		le_command_done(in);
	char *line = le_readline(in->prompt);
	in->prompt = 2;
	if (!line)
		return false;
	size_t n = strlen(line);
	free(in->owned);
	in->owned = xmalloc(n + 2);
	memcpy(in->owned, line, n);
	in->owned[n] = '\n';
	in->owned[n + 1] = '\0';
	free(line);
	in->buf = in->owned;
	in->len = n + 1;
	in->pos = 0;
	sb_addn(&in->cmdtext, in->buf, in->len);
	return true;
}

static int next_byte(struct input *in)
{
	while (in->pb) {
		struct pushback *pb = in->pb;
		if (pb->text[pb->pos])
			return (unsigned char)pb->text[pb->pos++];
		in->pb = pb->prev;
		free(pb->text);
		free(pb);
	}
	for (;;) {
		if (in->pos >= in->len) {
			if (in->eof || in->kind == IN_STRING) {
				in->eof = true;
				return -1;
			}
			bool ok = in->kind == IN_TTY ? refill_tty(in) : refill_fd(in);
			if (!ok) {
				in->eof = true;
				return -1;
			}
		}
		int c = (unsigned char)in->buf[in->pos++];
		if (c)
			return c;
		/* A NUL byte in a script is dropped, as dash does: C strings
		 * could not hold it anyway. */
	}
}

int in_getc_slow(struct input *in)
{
	int c = in->nunget ? in->unget[--in->nunget] : next_byte(in);
	if (c == '\n')
		in->lineno++;
	if (in->capture_depth && c >= 0)
		sb_addc(&in->capture, (char)c);
	return c;
}

void in_ungetc(struct input *in, int c)
{
	if (c < 0)
		return;
	if (c == '\n')
		in->lineno--;
	if (in->capture_depth && in->capture.len)
		in->capture.s[--in->capture.len] = '\0';
	in->unget[in->nunget++] = c;
}

void in_push_string(struct input *in, const char *s, void *tag)
{
	struct pushback *pb = xmalloc(sizeof *pb);
	struct strbuf sb;
	sb_init(&sb);
	sb_adds(&sb, s);
	/* Characters already pushed back belong after the alias text. */
	while (in->nunget)
		sb_addc(&sb, (char)in->unget[--in->nunget]);
	pb->text = sb_take(&sb);
	pb->pos = 0;
	pb->tag = tag;
	pb->prev = in->pb;
	in->pb = pb;
}

bool in_alias_active(struct input *in, void *tag)
{
	for (struct pushback *pb = in->pb; pb; pb = pb->prev)
		if (pb->tag == tag && pb->text[pb->pos])
			return true;
	return false;
}

size_t in_capture_begin(struct input *in)
{
	in->capture_depth++;
	return in->capture.len;
}

char *in_capture_end(struct input *in, size_t start)
{
	char *s = xstrndup(in->capture.s ? in->capture.s + start : "", in->capture.len - start);
	if (--in->capture_depth == 0)
		in->capture.len = 0;
	return s;
}

void in_sync(struct input *in)
{
	if (in->kind != IN_FD || !in->seekable || in->pos >= in->len)
		return;
	lseek(in->fd, -(off_t)(in->len - in->pos), SEEK_CUR);
	in->len = in->pos = 0;
}

void in_discard_line(struct input *in)
{
	in->nunget = 0;
	/* A syntax error inside $( ) left its recording on: stop it, or every
	 * later byte would be kept. */
	in->capture_depth = 0;
	in->capture.len = 0;
	if (in->kind == IN_TTY)
		in->pos = in->len;
}

/* Checked allocation, strbuf and arenas (see memalloc.h). */
#include "memalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct arena stk;

static void out_of_memory(void)
{
	static const char msg[] = "fdsh: out of memory\n";
	(void)!write(2, msg, sizeof msg - 1);
	_exit(2);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void sb_init(struct strbuf *sb)
{
	sb_init_on(sb, NULL);
}

void sb_init_on(struct strbuf *sb, struct arena *a)
{
	sb->s = NULL;
	sb->len = sb->cap = 0;
	sb->arena = a;
}

void sb_init_with(struct strbuf *sb, struct arena *a, char *buf, size_t size)
{
	buf[0] = '\0';
	sb->s = buf;
	sb->len = 0;
	sb->cap = size;
	sb->arena = a;
}

void sb_free(struct strbuf *sb)
{
	if (!sb->arena)
		free(sb->s);
	sb_init_on(sb, sb->arena);
}

void sb_grow_slow(struct strbuf *sb, size_t extra)
{
	size_t cap = sb->cap ? sb->cap * 2 : 64;
	while (cap < sb->len + extra + 1)
		cap *= 2;
	if (sb->arena) {
		char *s = arena_alloc(sb->arena, cap);
		if (sb->s)
			memcpy(s, sb->s, sb->len + 1);
		sb->s = s;
	} else {
		sb->s = xrealloc(sb->s, cap);
	}
	sb->cap = cap;
}

void sb_addc_slow(struct strbuf *sb, char c)
{
	sb_grow(sb, 1);
	sb->s[sb->len++] = c;
	sb->s[sb->len] = '\0';
}

void sb_addn(struct strbuf *sb, const char *s, size_t n)
{
	sb_grow(sb, n);
	memcpy(sb->s + sb->len, s, n);
	sb->len += n;
	sb->s[sb->len] = '\0';
}

void sb_adds(struct strbuf *sb, const char *s)
{
	sb_addn(sb, s, strlen(s));
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	sb_grow(sb, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

char *sb_take(struct strbuf *sb)
{
	char *s = sb->s;
	if (!s)
		s = sb->arena ? arena_strdup(sb->arena, "") : xstrdup("");
	sb_init_on(sb, sb->arena);
	return s;
}

/* Arenas: a stack of blocks; allocation bumps a pointer in the top block. */
struct arena_block {
	struct arena_block *prev;
	size_t size, used;
	max_align_t data[];
};

#define ARENA_MIN_BLOCK 8192
#define ALIGN(n) (((n) + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1))

void *arena_alloc(struct arena *a, size_t n)
{
	n = ALIGN(n ? n : 1);
	struct arena_block *b = a->top;
	if (!b || b->used + n > b->size) {
		size_t size = n > ARENA_MIN_BLOCK ? n : ARENA_MIN_BLOCK;
		if (a->spare && a->spare->size >= size) {
			/* A loop marks and releases the same space again and again:
			 * reuse the block released last instead of malloc'ing one. */
			b = a->spare;
			a->spare = NULL;
			size = b->size;
		} else {
			b = xmalloc(sizeof *b + size);
		}
		b->prev = a->top;
		b->size = size;
		b->used = 0;
		a->top = b;
	}
	void *p = (char *)b->data + b->used;
	b->used += n;
	return p;
}

void *arena_zalloc(struct arena *a, size_t n)
{
	void *p = arena_alloc(a, n);
	memset(p, 0, n);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

struct arena_mark arena_mark(struct arena *a)
{
	struct arena_mark m = { a->top, a->top ? a->top->used : 0 };
	return m;
}

void arena_release(struct arena *a, struct arena_mark m)
{
	while (a->top && a->top != m.block) {
		struct arena_block *prev = a->top->prev;
		if (!a->spare && a->top->size == ARENA_MIN_BLOCK)
			a->spare = a->top;
		else
			free(a->top);
		a->top = prev;
	}
	if (a->top)
		a->top->used = m.used;
}

void arena_free(struct arena *a)
{
	struct arena_mark none = { NULL, 0 };
	arena_release(a, none);
	free(a->spare);
	a->spare = NULL;
}

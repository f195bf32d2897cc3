/* Memory: checked malloc wrappers, growable strings, and stack arenas.
 *
 * Like dash, memory that lives for one command sits on an arena: take a mark
 * before parsing or expanding, release it afterwards, and nothing allocated in
 * between has to be freed by hand — also when an error unwinds with longjmp. */
#ifndef FDSH_MEMALLOC_H
#define FDSH_MEMALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

struct arena;

/* A growable, NUL-terminated byte string on the heap, or on an arena. */
struct strbuf {
	char *s;
	size_t len, cap;
	struct arena *arena;  /* storage on this arena (sb_init_on), else the heap */
};

void sb_init(struct strbuf *sb);
/* A strbuf whose storage lives on arena `a`: nothing to free by hand, so an
 * error that longjmps past it leaks nothing (the arena's owner releases it).
 * Growing leaves the old copy on the arena until then. */
void sb_init_on(struct strbuf *sb, struct arena *a);
/* As sb_init_on, starting in the caller's buf (size bytes, usually on the C
 * stack) so that short strings need no allocation at all; longer ones move
 * to the arena. The string must not be used after buf goes out of scope. */
void sb_init_with(struct strbuf *sb, struct arena *a, char *buf, size_t size);
void sb_free(struct strbuf *sb);
void sb_grow_slow(struct strbuf *sb, size_t extra);
/* Make room for `extra` more bytes (and the NUL). */
static inline void sb_grow(struct strbuf *sb, size_t extra)
{
	if (sb->len + extra + 1 > sb->cap)
		sb_grow_slow(sb, extra);
}
void sb_addc_slow(struct strbuf *sb, char c);
static inline void sb_addc(struct strbuf *sb, char c)
{
	if (sb->len + 1 < sb->cap) {
		sb->s[sb->len++] = c;
		sb->s[sb->len] = '\0';
	} else {
		sb_addc_slow(sb, c);
	}
}
void sb_addn(struct strbuf *sb, const char *s, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hand the string over to the caller (malloc'ed, or on the strbuf's arena)
 * and reset the buffer. */
char *sb_take(struct strbuf *sb);

struct arena_block;
struct arena {
	struct arena_block *top;
	struct arena_block *spare;  /* one released block kept for reuse */
};
struct arena_mark {
	struct arena_block *block;
	size_t used;
};

void *arena_alloc(struct arena *a, size_t n);
void *arena_zalloc(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
struct arena_mark arena_mark(struct arena *a);
void arena_release(struct arena *a, struct arena_mark m);
void arena_free(struct arena *a);

/* The expansion stack: words expanded for the command being run. */
extern struct arena stk;

#endif

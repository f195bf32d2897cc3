/* The tokenizer (see tokenizer.h). */
#include "tokenizer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "input.h"
#include "memalloc.h"

static void scan_dollar(struct lexer *lx, struct strbuf *sb, bool in_dquote);
static void scan_dquote(struct lexer *lx, struct strbuf *sb);

void lex_init(struct lexer *lx, struct input *in, struct arena *a, struct lex_error *err)
{
	memset(lx, 0, sizeof *lx);
	lx->in = in;
	lx->arena = a;
	lx->err = err;
	lx->pending_tail = &lx->pending;
}

void lex_fail(struct lexer *lx, int line, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	lx->err->msg = arena_strdup(lx->arena, buf);
	lx->err->line = line;
	longjmp(lx->err->jb, 1);
}

void lex_add_heredoc(struct lexer *lx, struct heredoc *hd)
{
	hd->next = NULL;
	*lx->pending_tail = hd;
	lx->pending_tail = &hd->next;
}

static int getch(struct lexer *lx)
{
	return in_getc(lx->in);
}

static void ungetch(struct lexer *lx, int c)
{
	in_ungetc(lx->in, c);
}

/* After a backslash: a line continuation disappears, any other character
 * is kept escaped (quote removal happens in expand.c). */
static bool scan_escape(struct lexer *lx, struct strbuf *sb)
{
	int c2 = getch(lx);
	if (c2 == '\n')
		return false;
	sb_addc(sb, '\\');
	if (c2 >= 0)
		sb_addc(sb, (char)c2);
	return true;
}

static bool is_meta(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' ||
	       c == '<' || c == '>' || c == '(' || c == ')';
}

static void scan_squote(struct lexer *lx, struct strbuf *sb)
{
	int line = lx->in->lineno;
	sb_addc(sb, '\'');
	for (;;) {
		int c = getch(lx);
		if (c < 0) {
			lex_fail(lx, line, "syntax error: unterminated quoted string");
		}
		sb_addc(sb, (char)c);
		if (c == '\'')
			return;
	}
}

/* Backquotes: only \\ \` \$ (and \" inside double quotes) are escapes; the
 * body is parsed when it is expanded. */
static void scan_backquote(struct lexer *lx, struct strbuf *sb)
{
	int line = lx->in->lineno;
	sb_addc(sb, '`');
	for (;;) {
		int c = getch(lx);
		if (c < 0) {
			lex_fail(lx, line, "syntax error: unterminated `...`");
		}
		if (c == '\\') {
			int c2 = getch(lx);
			if (c2 == '\n')
				continue;
			sb_addc(sb, '\\');
			if (c2 >= 0)
				sb_addc(sb, (char)c2);
			continue;
		}
		sb_addc(sb, (char)c);
		if (c == '`')
			return;
	}
}

static void scan_brace(struct lexer *lx, struct strbuf *sb, bool in_dquote)
{
	int line = lx->in->lineno;
	sb_addc(sb, '{');
	for (;;) {
		int c = getch(lx);
		switch (c) {
		case -1:
			lex_fail(lx, line, "syntax error: missing '}'");
		case '}':
			sb_addc(sb, '}');
			return;
		case '\\':
			scan_escape(lx, sb);
			continue;
		case '\'':
			if (in_dquote)
				sb_addc(sb, '\'');
			else
				scan_squote(lx, sb);
			continue;
		case '"':
			scan_dquote(lx, sb);
			continue;
		case '$':
			scan_dollar(lx, sb, in_dquote);
			continue;
		case '`':
			scan_backquote(lx, sb);
			continue;
		default:
			sb_addc(sb, (char)c);
		}
	}
}

static void scan_cmdsubst(struct lexer *lx, struct strbuf *sb)
{
	sb_addc(sb, '(');
	size_t start = in_capture_begin(lx->in);
	lx->parse_subst(lx);
	char *body = in_capture_end(lx->in, start);
	sb_adds(sb, body);
	free(body);
}

/* $(( ... )): arithmetic, unless the parentheses close as ") x" — then it was
 * a command substitution starting with a subshell, and is rescanned as one. */
static void scan_arith(struct lexer *lx, struct strbuf *sb)
{
	int line = lx->in->lineno;
	size_t start = sb->len;
	sb_adds(sb, "((");
	int depth = 0;
	for (;;) {
		int c = getch(lx);
		if (c < 0) {
			lex_fail(lx, line, "syntax error: missing '))'");
		}
		if (c == '(') {
			depth++;
		} else if (c == ')') {
			if (depth > 0) {
				depth--;
			} else {
				int c2 = getch(lx);
				if (c2 == ')') {
					sb_adds(sb, "))");
					return;
				}
				ungetch(lx, c2);
				sb_addc(sb, ')');
				char *again = xstrdup(sb->s + start + 1);
				sb->len = start;
				sb->s[start] = '\0';
				/* Those characters will be read (and recorded) again. */
				struct input *in = lx->in;
				size_t n = strlen(again);
				if (in->capture_depth && in->capture.len >= n)
					in->capture.len -= n;
				in_push_string(in, again, NULL);
				free(again);
				scan_cmdsubst(lx, sb);
				return;
			}
		} else if (c == '$') {
			scan_dollar(lx, sb, true);
			continue;
		} else if (c == '`') {
			scan_backquote(lx, sb);
			continue;
		} else if (c == '\\') {
			scan_escape(lx, sb);
			continue;
		}
		sb_addc(sb, (char)c);
	}
}

/* Every recursion of the scanners goes through here ("${x:-"${..."). */
static void scan_dollar(struct lexer *lx, struct strbuf *sb, bool in_dquote)
{
	if (++lx->depth > LEX_MAX_DEPTH)
		lex_fail(lx, lx->in->lineno, "syntax error: nesting too deep");
	sb_addc(sb, '$');
	int c = getch(lx);
	if (c == '{') {
		scan_brace(lx, sb, in_dquote);
	} else if (c == '(') {
		int c2 = getch(lx);
		if (c2 == '(') {
			scan_arith(lx, sb);
		} else {
			ungetch(lx, c2);
			scan_cmdsubst(lx, sb);
		}
	} else {
		ungetch(lx, c);
	}
	lx->depth--;
}

static void scan_dquote(struct lexer *lx, struct strbuf *sb)
{
	int line = lx->in->lineno;
	sb_addc(sb, '"');
	for (;;) {
		int c = getch(lx);
		switch (c) {
		case -1:
			lex_fail(lx, line, "syntax error: unterminated quoted string");
		case '"':
			sb_addc(sb, '"');
			return;
		case '\\':
			scan_escape(lx, sb);
			continue;
		case '$':
			scan_dollar(lx, sb, true);
			continue;
		case '`':
			scan_backquote(lx, sb);
			continue;
		default:
			sb_addc(sb, (char)c);
		}
	}
}

/* A word: everything up to an unquoted metacharacter. */
static bool scan_word(struct lexer *lx, struct strbuf *sb, int c)
{
	bool quoted = false;
	for (;; c = getch(lx)) {
		if (c < 0)
			return quoted;
		if (is_meta(c)) {
			ungetch(lx, c);
			return quoted;
		}
		switch (c) {
		case '\\':
			quoted |= scan_escape(lx, sb);
			continue;
		case '\'':
			quoted = true;
			scan_squote(lx, sb);
			continue;
		case '"':
			quoted = true;
			scan_dquote(lx, sb);
			continue;
		case '$':
			scan_dollar(lx, sb, false);
			continue;
		case '`':
			scan_backquote(lx, sb);
			continue;
		default:
			sb_addc(sb, (char)c);
		}
	}
}

static void read_heredoc_body(struct lexer *lx, struct heredoc *hd)
{
	struct strbuf body, line;
	sb_init(&body);
	sb_init(&line);
	for (;;) {
		line.len = 0;
		if (line.s)
			line.s[0] = '\0';   /* an empty line must not show the previous one */
		int c;
		while ((c = getch(lx)) >= 0 && c != '\n')
			sb_addc(&line, (char)c);
		const char *text = line.s ? line.s : "";
		if (hd->strip_tabs)
			while (*text == '\t')
				text++;
		if (strcmp(text, hd->delim) == 0 && (c >= 0 || line.len))
			break;
		if (c < 0 && line.len == 0)
			break;
		sb_adds(&body, text);
		sb_addc(&body, '\n');
		if (c < 0)
			break;
	}
	hd->body = arena_strndup(lx->arena, body.s ? body.s : "", body.len);
	sb_free(&body);
	sb_free(&line);
}

static void read_pending_heredocs(struct lexer *lx)
{
	for (struct heredoc *hd = lx->pending; hd; hd = hd->next)
		read_heredoc_body(lx, hd);
	lx->pending = NULL;
	lx->pending_tail = &lx->pending;
}

/* The next character, with line continuations removed (inside operators). */
static int getch_joined(struct lexer *lx)
{
	for (;;) {
		int c = getch(lx);
		if (c != '\\')
			return c;
		int c2 = getch(lx);
		if (c2 != '\n') {
			ungetch(lx, c2);
			return c;
		}
	}
}

static enum tok_type scan_operator(struct lexer *lx, int c)
{
	int c2 = getch_joined(lx);
	enum tok_type t;
	switch (c) {
	case '|':
		if (c2 == '|')
			return TK_OR_IF;
		t = TK_PIPE;
		break;
	case '&':
		if (c2 == '&')
			return TK_AND_IF;
		t = TK_AMP;
		break;
	case ';':
		if (c2 == ';')
			return TK_DSEMI;
		if (c2 == '&')
			return TK_SEMI_AND;
		t = TK_SEMI;
		break;
	case '(':
		t = TK_LPAREN;
		break;
	case ')':
		t = TK_RPAREN;
		break;
	case '<':
		if (c2 == '<') {
			int c3 = getch_joined(lx);
			if (c3 == '-')
				return TK_DLESSDASH;
			ungetch(lx, c3);
			return TK_DLESS;
		}
		if (c2 == '&')
			return TK_LESSAND;
		if (c2 == '>')
			return TK_LESSGREAT;
		t = TK_LESS;
		break;
	default: /* '>' */
		if (c2 == '>')
			return TK_DGREAT;
		if (c2 == '&')
			return TK_GREATAND;
		if (c2 == '|')
			return TK_CLOBBER;
		t = TK_GREAT;
		break;
	}
	ungetch(lx, c2);
	return t;
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

static bool is_brace_name(const char *s, size_t len)
{
	if (len < 3 || s[0] != '{' || s[len - 1] != '}')
		return false;
	if (!(s[1] == '_' || (s[1] >= 'a' && s[1] <= 'z') || (s[1] >= 'A' && s[1] <= 'Z')))
		return false;
	for (size_t i = 2; i < len - 1; i++)
		if (!(s[i] == '_' || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9')))
			return false;
	return true;
}

/* Skip blanks, comments and line continuations; return the first other char. */
static int skip_blanks(struct lexer *lx)
{
	for (;;) {
		int c = getch(lx);
		if (c == ' ' || c == '\t')
			continue;
		if (c == '\\') {
			int c2 = getch(lx);
			if (c2 == '\n')
				continue;
			ungetch(lx, c2);
			return c;
		}
		if (c == '#') {
			while ((c = getch(lx)) >= 0 && c != '\n')
				;
		}
		return c;
	}
}

void lex_next(struct lexer *lx, struct token *tok)
{
	int c = skip_blanks(lx);
	tok->lineno = lx->in->lineno;
	tok->quoted = false;
	tok->text = NULL;
	if (c < 0) {
		tok->type = TK_EOF;
		return;
	}
	if (c == '\n') {
		tok->type = TK_NEWLINE;
		if (lx->pending)
			read_pending_heredocs(lx);
		return;
	}
	if (is_meta(c)) {
		tok->type = scan_operator(lx, c);
		return;
	}
	/* On the parse arena: an unterminated quote longjmps out of scan_word. */
	struct strbuf sb;
	sb_init_on(&sb, lx->arena);
	tok->quoted = scan_word(lx, &sb, c);
	tok->type = TK_WORD;
	int next = getch(lx);
	ungetch(lx, next);
	if ((next == '<' || next == '>') && !tok->quoted) {
		if (all_digits(sb.s))
			tok->type = TK_IONUM;
		else if (is_brace_name(sb.s, sb.len))
			tok->type = TK_IOVAR;
	}
	tok->text = sb_take(&sb);
}

const char *tok_spelling(enum tok_type t)
{
	static const char *const names[] = {
		[TK_WORD] = "word", [TK_IONUM] = "io number", [TK_IOVAR] = "{name}",
		[TK_NEWLINE] = "newline", [TK_EOF] = "end of file", [TK_AND_IF] = "&&",
		[TK_OR_IF] = "||", [TK_DSEMI] = ";;", [TK_SEMI_AND] = ";&", [TK_SEMI] = ";",
		[TK_AMP] = "&", [TK_PIPE] = "|", [TK_LPAREN] = "(", [TK_RPAREN] = ")",
		[TK_LESS] = "<", [TK_GREAT] = ">", [TK_DGREAT] = ">>", [TK_LESSAND] = "<&",
		[TK_GREATAND] = ">&", [TK_LESSGREAT] = "<>", [TK_CLOBBER] = ">|",
		[TK_DLESS] = "<<", [TK_DLESSDASH] = "<<-",
	};
	return names[t];
}

char *tok_unquote(struct arena *a, const char *raw)
{
	struct strbuf sb;
	sb_init(&sb);
	char q = 0;
	for (const char *p = raw; *p; p++) {
		if (q) {
			if (*p == q)
				q = 0;
			else if (q == '"' && *p == '\\' && p[1] && strchr("$`\"\\", p[1]))
				sb_addc(&sb, *++p);
			else
				sb_addc(&sb, *p);
		} else if (*p == '\'' || *p == '"') {
			q = *p;
		} else if (*p == '\\' && p[1]) {
			sb_addc(&sb, *++p);
		} else {
			sb_addc(&sb, *p);
		}
	}
	char *s = arena_strndup(a, sb.s ? sb.s : "", sb.len);
	sb_free(&sb);
	return s;
}

/* The parser: recursive descent over the POSIX grammar (XCU 2.10). */
#include "parser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alias.h"
#include "ast.h"
#include "error.h"
#include "input.h"
#include "memalloc.h"
#include "shell.h"
#include "tokenizer.h"

struct parser {
	struct lexer lx;
	struct token tok;   /* lookahead, valid when have_tok */
	bool have_tok;
	bool alias_next;    /* the last alias ended in a blank: check the next word too */
	struct arena *a;
};

static struct node *parse_compound_list(struct parser *p, bool allow_empty);
static struct node *parse_command(struct parser *p);

static struct token *peek(struct parser *p)
{
	if (!p->have_tok) {
		lex_next(&p->lx, &p->tok);
		p->have_tok = true;
	}
	return &p->tok;
}

static void consume(struct parser *p)
{
	p->have_tok = false;
}

static _Noreturn void unexpected(struct parser *p)
{
	struct token *t = peek(p);
	if (t->type == TK_EOF)
		lex_fail(&p->lx, t->lineno, "syntax error: unexpected end of file");
	if (t->type == TK_NEWLINE)
		lex_fail(&p->lx, t->lineno, "syntax error: unexpected newline");
	const char *what = t->text ? t->text : tok_spelling(t->type);
	lex_fail(&p->lx, t->lineno, "syntax error: unexpected \"%s\"", what);
}

static bool is_word(struct parser *p, const char *w)
{
	struct token *t = peek(p);
	return t->type == TK_WORD && !t->quoted && strcmp(t->text, w) == 0;
}

static void expect_word(struct parser *p, const char *w)
{
	if (!is_word(p, w))
		unexpected(p);
	consume(p);
}

static void skip_newlines(struct parser *p)
{
	while (peek(p)->type == TK_NEWLINE)
		consume(p);
}

static struct node *new_node(struct parser *p, enum node_kind kind, int lineno)
{
	struct node *n = arena_zalloc(p->a, sizeof *n);
	n->kind = kind;
	n->lineno = lineno;
	return n;
}

static struct node *binary(struct parser *p, enum node_kind kind, struct node *l, struct node *r)
{
	struct node *n = new_node(p, kind, l->lineno);
	n->u.bin.left = l;
	n->u.bin.right = r;
	return n;
}

static struct word *new_word(struct parser *p, struct token *t)
{
	struct word *w = arena_zalloc(p->a, sizeof *w);
	w->text = t->text;
	w->lineno = t->lineno;
	return w;
}

int is_name(const char *s, int n)
{
	if (!(*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return 0;
	int i = 1;
	for (; n < 0 ? (s[i] && s[i] != '=') : i < n; i++)
		if (!(s[i] == '_' || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9')))
			return 0;
	return 1;
}

int assignment_name_len(const char *word)
{
	const char *eq = strchr(word, '=');
	if (!eq || eq == word || !is_name(word, (int)(eq - word)))
		return 0;
	return (int)(eq - word);
}

enum rword {
	RW_NONE, RW_BANG, RW_CASE, RW_DO, RW_DONE, RW_ELIF, RW_ELSE, RW_ESAC, RW_FI, RW_FOR,
	RW_IF, RW_IN, RW_THEN, RW_UNTIL, RW_WHILE, RW_LBRACE, RW_RBRACE,
};

/* Which reserved word s is. Every word of every command is asked, so the
 * first two bytes sort out the candidates before any strcmp. */
static enum rword reserved_word(const char *s)
{
	static const struct {
		const char *text;
		enum rword rw;
	} words[] = {
		{ "!", RW_BANG }, { "case", RW_CASE }, { "do", RW_DO }, { "done", RW_DONE },
		{ "elif", RW_ELIF }, { "else", RW_ELSE }, { "esac", RW_ESAC }, { "fi", RW_FI },
		{ "for", RW_FOR }, { "if", RW_IF }, { "in", RW_IN }, { "then", RW_THEN },
		{ "until", RW_UNTIL }, { "while", RW_WHILE }, { "{", RW_LBRACE }, { "}", RW_RBRACE },
	};
	if (!s[0] || !strchr("!cdefituw{}", s[0]))
		return RW_NONE;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (words[i].text[0] == s[0] && words[i].text[1] == s[1] &&
		    strcmp(s, words[i].text) == 0)
			return words[i].rw;
	return RW_NONE;
}

static bool is_reserved(const char *s)
{
	return reserved_word(s) != RW_NONE;
}

bool parse_is_reserved(const char *word)
{
	return is_reserved(word);
}

/* Ends a compound list: a closing reserved word or operator. */
static bool at_list_end(struct parser *p)
{
	struct token *t = peek(p);
	switch (t->type) {
	case TK_EOF: case TK_RPAREN: case TK_DSEMI: case TK_SEMI_AND:
		return true;
	case TK_WORD:
		if (t->quoted)
			return false;
		switch (reserved_word(t->text)) {
		case RW_THEN: case RW_ELSE: case RW_ELIF: case RW_FI:
		case RW_DO: case RW_DONE: case RW_ESAC: case RW_RBRACE:
			return true;
		default:
			return false;
		}
	default:
		return false;
	}
}

/* Alias substitution of a word in command position: push the alias text in
 * front of the input and read again. */
static void expand_aliases(struct parser *p)
{
	for (int guard = 0; guard < 100; guard++) {
		struct token *t = peek(p);
		if (t->type != TK_WORD || t->quoted)
			return;
		struct alias *al = alias_find(t->text);
		if (!al || in_alias_active(p->lx.in, al))
			return;
		const char *v = alias_value(al);
		size_t n = strlen(v);
		p->alias_next = n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t');
		in_push_string(p->lx.in, v, al);
		consume(p);
	}
}

static bool is_redir_op(enum tok_type t)
{
	return t == TK_LESS || t == TK_GREAT || t == TK_DGREAT || t == TK_LESSAND ||
	       t == TK_GREATAND || t == TK_LESSGREAT || t == TK_CLOBBER || t == TK_DLESS ||
	       t == TK_DLESSDASH;
}

static bool at_redirect(struct parser *p)
{
	enum tok_type t = peek(p)->type;
	return t == TK_IONUM || t == TK_IOVAR || is_redir_op(t);
}

static struct redir *parse_redirect(struct parser *p)
{
	struct redir *r = arena_zalloc(p->a, sizeof *r);
	struct token *t = peek(p);
	r->fd = -1;
	if (t->type == TK_IONUM) {
		long fd = strlen(t->text) > 9 ? -1 : atol(t->text);
		if (fd < 0 || fd > 1000000)
			lex_fail(&p->lx, t->lineno, "syntax error: bad fd number: %s", t->text);
		r->fd = (int)fd;
		consume(p);
	} else if (t->type == TK_IOVAR) {
		r->fdvar = arena_strndup(p->a, t->text + 1, strlen(t->text) - 2);
		consume(p);
	}
	t = peek(p);
	static const struct { enum tok_type tok; enum redir_kind kind; int fd; } ops[] = {
		{ TK_LESS, R_IN, 0 }, { TK_GREAT, R_OUT, 1 }, { TK_DGREAT, R_APPEND, 1 },
		{ TK_LESSAND, R_DUPIN, 0 }, { TK_GREATAND, R_DUPOUT, 1 },
		{ TK_LESSGREAT, R_RDWR, 0 }, { TK_CLOBBER, R_CLOBBER, 1 },
		{ TK_DLESS, R_HEREDOC, 0 }, { TK_DLESSDASH, R_HEREDOC, 0 },
	};
	size_t i = 0;
	while (i < sizeof ops / sizeof *ops && ops[i].tok != t->type)
		i++;
	if (i == sizeof ops / sizeof *ops)
		unexpected(p);
	enum tok_type op = t->type;
	r->kind = ops[i].kind;
	if (r->fd < 0)
		r->fd = ops[i].fd;
	consume(p);
	t = peek(p);
	if (t->type != TK_WORD)
		unexpected(p);
	if (r->kind == R_HEREDOC) {
		struct heredoc *hd = arena_zalloc(p->a, sizeof *hd);
		hd->delim = tok_unquote(p->a, t->text);
		hd->quoted = t->quoted;
		hd->strip_tabs = op == TK_DLESSDASH;
		r->heredoc = hd;
		consume(p);
		/* Register now: the body follows the next newline token. */
		lex_add_heredoc(&p->lx, hd);
		return r;
	}
	r->target = new_word(p, t);
	consume(p);
	return r;
}

static struct redir **append_redirs(struct parser *p, struct redir **tail)
{
	while (at_redirect(p)) {
		*tail = parse_redirect(p);
		tail = &(*tail)->next;
	}
	return tail;
}

static struct node *parse_function(struct parser *p, struct token *name)
{
	struct node *n = new_node(p, N_FUNCDEF, name->lineno);
	n->u.func.name = name->text;
	consume(p); /* ( */
	if (peek(p)->type != TK_RPAREN)
		unexpected(p);
	consume(p);
	skip_newlines(p);
	struct node *body = parse_command(p);
	if (body->kind == N_SIMPLE || body->kind == N_PIPE || body->kind == N_NOT)
		lex_fail(&p->lx, body->lineno, "syntax error: function body must be a compound command");
	n->u.func.body = body;
	return n;
}

/* As in dash: a name, and not a reserved word or a special builtin (a
 * function could never be called under that name). */
static bool valid_function_name(const char *s)
{
	static const char *const special[] = {
		"break", "continue", "eval", "exec", "exit", "export", "local", "readonly",
		"return", "set", "shift", "times", "trap", "unset",
	};
	if (!is_name(s, -1) || strchr(s, '=') || is_reserved(s))
		return false;
	for (size_t i = 0; i < sizeof special / sizeof *special; i++)
		if (strcmp(s, special[i]) == 0)
			return false;
	return true;
}

static struct node *parse_simple(struct parser *p)
{
	struct node *n = new_node(p, N_SIMPLE, peek(p)->lineno);
	struct word **atail = &n->u.simple.assigns, **wtail = &n->u.simple.args;
	struct redir **rtail = &n->redirs;
	for (;;) {
		if (at_redirect(p)) {
			rtail = append_redirs(p, rtail);
			continue;
		}
		struct token *t = peek(p);
		if (t->type != TK_WORD)
			break;
		if (!n->u.simple.args && assignment_name_len(t->text)) {
			*atail = new_word(p, t);
			atail = &(*atail)->next;
			consume(p);
			continue;
		}
		if (!n->u.simple.args || p->alias_next) {
			p->alias_next = false;
			struct token before = *t;
			expand_aliases(p);
			t = peek(p);
			if (t->type != TK_WORD || t->text != before.text)
				continue;
		}
		struct word *w = new_word(p, t);
		consume(p);
		if (!n->u.simple.args && !n->u.simple.assigns && !n->redirs &&
		    peek(p)->type == TK_LPAREN) {
			struct token name = { TK_WORD, w->text, false, w->lineno };
			if (!valid_function_name(w->text))
				lex_fail(&p->lx, w->lineno, "syntax error: bad function name: %s", w->text);
			return parse_function(p, &name);
		}
		*wtail = w;
		wtail = &w->next;
	}
	if (!n->u.simple.args && !n->u.simple.assigns && !n->redirs)
		unexpected(p);
	return n;
}

static struct node *parse_if(struct parser *p, int lineno)
{
	struct node *n = new_node(p, N_IF, lineno);
	n->u.ifn.cond = parse_compound_list(p, false);
	expect_word(p, "then");
	n->u.ifn.then = parse_compound_list(p, false);
	if (is_word(p, "elif")) {
		int line = peek(p)->lineno;
		consume(p);
		n->u.ifn.els = parse_if(p, line);
		return n;
	}
	if (is_word(p, "else")) {
		consume(p);
		n->u.ifn.els = parse_compound_list(p, false);
	}
	expect_word(p, "fi");
	return n;
}

static struct node *parse_do_group(struct parser *p)
{
	expect_word(p, "do");
	struct node *body = parse_compound_list(p, false);
	expect_word(p, "done");
	return body;
}

static struct node *parse_loop(struct parser *p, enum node_kind kind, int lineno)
{
	struct node *n = new_node(p, kind, lineno);
	n->u.loop.cond = parse_compound_list(p, false);
	n->u.loop.body = parse_do_group(p);
	return n;
}

static struct node *parse_for(struct parser *p, int lineno)
{
	struct node *n = new_node(p, N_FOR, lineno);
	struct token *t = peek(p);
	if (t->type != TK_WORD || t->quoted || !is_name(t->text, -1) || strchr(t->text, '='))
		lex_fail(&p->lx, t->lineno, "syntax error: bad for loop variable");
	n->u.forn.var = t->text;
	consume(p);
	skip_newlines(p);
	if (is_word(p, "in")) {
		consume(p);
		n->u.forn.has_in = true;
		struct word **tail = &n->u.forn.words;
		while (peek(p)->type == TK_WORD) {
			*tail = new_word(p, peek(p));
			tail = &(*tail)->next;
			consume(p);
		}
		if (peek(p)->type != TK_SEMI && peek(p)->type != TK_NEWLINE)
			unexpected(p);
		consume(p);
		skip_newlines(p);
	} else if (peek(p)->type == TK_SEMI) {
		consume(p);
		skip_newlines(p);
	}
	n->u.forn.body = parse_do_group(p);
	return n;
}

static struct case_item *parse_case_item(struct parser *p)
{
	struct case_item *ci = arena_zalloc(p->a, sizeof *ci);
	if (peek(p)->type == TK_LPAREN)
		consume(p);
	struct word **tail = &ci->patterns;
	for (;;) {
		if (peek(p)->type != TK_WORD)
			unexpected(p);
		*tail = new_word(p, peek(p));
		tail = &(*tail)->next;
		consume(p);
		if (peek(p)->type != TK_PIPE)
			break;
		consume(p);
	}
	if (peek(p)->type != TK_RPAREN)
		unexpected(p);
	consume(p);
	ci->body = parse_compound_list(p, true);
	enum tok_type t = peek(p)->type;
	if (t == TK_DSEMI || t == TK_SEMI_AND) {
		ci->fallthrough = t == TK_SEMI_AND;
		consume(p);
		skip_newlines(p);
	} else if (!is_word(p, "esac")) {
		unexpected(p);
	}
	return ci;
}

static struct node *parse_case(struct parser *p, int lineno)
{
	struct node *n = new_node(p, N_CASE, lineno);
	struct token *t = peek(p);
	if (t->type != TK_WORD)
		unexpected(p);
	n->u.casen.subject = new_word(p, t);
	consume(p);
	skip_newlines(p);
	expect_word(p, "in");
	skip_newlines(p);
	struct case_item **tail = &n->u.casen.items;
	while (!is_word(p, "esac")) {
		*tail = parse_case_item(p);
		tail = &(*tail)->next;
	}
	consume(p);
	return n;
}

static struct node *parse_grouping(struct parser *p, enum node_kind kind, int lineno)
{
	struct node *n = new_node(p, kind, lineno);
	n->u.sub.body = parse_compound_list(p, false);
	if (kind == N_GROUP) {
		expect_word(p, "}");
	} else {
		if (peek(p)->type != TK_RPAREN)
			unexpected(p);
		consume(p);
	}
	return n;
}

static struct node *parse_compound(struct parser *p)
{
	struct token *t = peek(p);
	int line = t->lineno;
	if (t->type == TK_LPAREN) {
		consume(p);
		return parse_grouping(p, N_SUBSHELL, line);
	}
	if (t->type != TK_WORD || t->quoted)
		return NULL;
	switch (reserved_word(t->text)) {
	case RW_NONE:
		return NULL;
	case RW_LBRACE:
		consume(p);
		return parse_grouping(p, N_GROUP, line);
	case RW_IF:
		consume(p);
		return parse_if(p, line);
	case RW_WHILE:
		consume(p);
		return parse_loop(p, N_WHILE, line);
	case RW_UNTIL:
		consume(p);
		return parse_loop(p, N_UNTIL, line);
	case RW_FOR:
		consume(p);
		return parse_for(p, line);
	case RW_CASE:
		consume(p);
		return parse_case(p, line);
	default:
		unexpected(p);   /* also ! and in where a command should start */
	}
}

static struct node *parse_command(struct parser *p)
{
	if (++p->lx.depth > LEX_MAX_DEPTH)
		lex_fail(&p->lx, peek(p)->lineno, "syntax error: nesting too deep");
	expand_aliases(p);
	struct node *n = parse_compound(p);
	if (n)
		append_redirs(p, &n->redirs);
	else
		n = parse_simple(p);
	p->lx.depth--;
	return n;
}

static struct node *parse_pipeline(struct parser *p)
{
	int line = peek(p)->lineno;
	/* One !, before the whole pipeline: "! !" and "a | ! b" are syntax
	 * errors, as in dash (parse_compound rejects the second !). */
	bool negate = is_word(p, "!");
	if (negate)
		consume(p);
	struct node *first = parse_command(p);
	struct node *n = first;
	if (peek(p)->type == TK_PIPE) {
		/* The array grows on the parse arena: a syntax error in a later
		 * stage longjmps out of this loop. */
		int cap = 4, count = 1;
		struct node **cmds = arena_alloc(p->a, sizeof *cmds * (size_t)cap);
		cmds[0] = first;
		while (peek(p)->type == TK_PIPE) {
			consume(p);
			skip_newlines(p);
			if (count == cap) {
				struct node **bigger = arena_alloc(p->a, sizeof *cmds * (size_t)(cap *= 2));
				memcpy(bigger, cmds, sizeof *cmds * (size_t)count);
				cmds = bigger;
			}
			cmds[count++] = parse_command(p);
		}
		n = new_node(p, N_PIPE, first->lineno);
		n->u.pipe.n = count;
		n->u.pipe.cmds = cmds;
	}
	if (negate) {
		struct node *neg = new_node(p, N_NOT, line);
		neg->u.sub.body = n;
		n = neg;
	}
	return n;
}

static struct node *parse_and_or(struct parser *p)
{
	struct node *n = parse_pipeline(p);
	for (;;) {
		enum tok_type t = peek(p)->type;
		if (t != TK_AND_IF && t != TK_OR_IF)
			return n;
		consume(p);
		skip_newlines(p);
		n = binary(p, t == TK_AND_IF ? N_AND : N_OR, n, parse_pipeline(p));
	}
}

static struct node *make_async(struct parser *p, struct node *n)
{
	struct node *a = new_node(p, N_ASYNC, n->lineno);
	a->u.sub.body = n;
	return a;
}

static struct node *parse_compound_list(struct parser *p, bool allow_empty)
{
	if (++p->lx.depth > LEX_MAX_DEPTH)
		lex_fail(&p->lx, peek(p)->lineno, "syntax error: nesting too deep");
	skip_newlines(p);
	struct node *list = NULL;
	while (!at_list_end(p)) {
		struct node *n = parse_and_or(p);
		enum tok_type t = peek(p)->type;
		bool sep = t == TK_SEMI || t == TK_AMP || t == TK_NEWLINE;
		if (t == TK_AMP)
			n = make_async(p, n);
		if (sep)
			consume(p);
		list = list ? binary(p, N_SEQ, list, n) : n;
		skip_newlines(p);
		if (!sep)
			break;
	}
	if (!list && !allow_empty)
		unexpected(p);
	p->lx.depth--;
	return list;
}

/* A complete command at the top: and-or lists up to the end of the line. */
static struct node *parse_line(struct parser *p)
{
	struct node *list = NULL;
	for (;;) {
		struct node *n = parse_and_or(p);
		enum tok_type t = peek(p)->type;
		bool sep = t == TK_SEMI || t == TK_AMP;
		if (t == TK_AMP)
			n = make_async(p, n);
		list = list ? binary(p, N_SEQ, list, n) : n;
		if (sep) {
			consume(p);
			t = peek(p)->type;
		}
		if (t == TK_NEWLINE) {
			consume(p);
			return list;
		}
		if (t == TK_EOF)
			return list;
		if (!sep || at_list_end(p))
			unexpected(p);
	}
}

/* $( ... ): parse the body on the same input up to the closing ')'. */
static void parse_subst_body(struct lexer *outer)
{
	struct parser sp;
	memset(&sp, 0, sizeof sp);
	lex_init(&sp.lx, outer->in, outer->arena, outer->err);
	sp.lx.depth = outer->depth;   /* $( $( ... ) ): the limit spans the levels */
	sp.lx.parse_subst = parse_subst_body;
	sp.a = outer->arena;
	parse_compound_list(&sp, true);
	if (peek(&sp)->type != TK_RPAREN)
		unexpected(&sp);
}

static enum parse_status parse_one(struct input *in, struct arena *a, struct node **out)
{
	struct parser p;
	struct lex_error err;
	memset(&p, 0, sizeof p);
	lex_init(&p.lx, in, a, &err);
	p.lx.parse_subst = parse_subst_body;
	p.a = a;
	*out = NULL;
	if (setjmp(err.jb)) {
		sh.lineno = err.line;
		sh_warn("%s", err.msg);
		in_discard_line(in);
		return PARSE_ERROR;
	}
	struct token *t = peek(&p);
	if (t->type == TK_EOF)
		return PARSE_EOF;
	if (t->type == TK_NEWLINE)
		return PARSE_OK;
	*out = parse_line(&p);
	return PARSE_OK;
}

enum parse_status parse_next(struct input *in, struct arena *a, struct node **out)
{
	if (!opts[OPT_VERBOSE] || in->kind == IN_STRING)
		return parse_one(in, a, out);
	/* set -v: echo the lines of a script or stdin to stderr as they are read
	 * (not a -c string or eval text, as in dash). */
	size_t start = in_capture_begin(in);
	enum parse_status st = parse_one(in, a, out);
	char *text = in_capture_end(in, start);
	fflush(stdout);
	(void)!write(2, text, strlen(text));
	free(text);
	return st;
}

size_t parse_subst_length(const char *s)
{
	struct input in;
	in_init_string(&in, s, 0);
	struct arena a = { NULL };
	struct lex_error err;
	size_t len = 0;
	if (setjmp(err.jb) == 0) {
		struct lexer lx;
		lex_init(&lx, &in, &a, &err);
		parse_subst_body(&lx);
		/* Characters read ahead but pushed back were not consumed. */
		len = in.pos - (size_t)in.nunget;
	}
	arena_free(&a);
	in_free(&in);
	return len;
}

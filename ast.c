/* AST utilities: deep copy and printing back to shell text. */
#include "ast.h"

#include <string.h>

#include "memalloc.h"

static struct word *copy_words(const struct word *w, struct arena *a)
{
	struct word *head = NULL, **tail = &head;
	for (; w; w = w->next) {
		struct word *c = arena_alloc(a, sizeof *c);
		c->text = arena_strdup(a, w->text);
		c->lineno = w->lineno;
		c->next = NULL;
		*tail = c;
		tail = &c->next;
	}
	return head;
}

static struct redir *copy_redirs(const struct redir *r, struct arena *a)
{
	struct redir *head = NULL, **tail = &head;
	for (; r; r = r->next) {
		struct redir *c = arena_alloc(a, sizeof *c);
		*c = *r;
		c->next = NULL;
		c->fdvar = r->fdvar ? arena_strdup(a, r->fdvar) : NULL;
		c->target = copy_words(r->target, a);
		if (r->heredoc) {
			c->heredoc = arena_alloc(a, sizeof *c->heredoc);
			*c->heredoc = *r->heredoc;
			c->heredoc->body = arena_strdup(a, r->heredoc->body ? r->heredoc->body : "");
			c->heredoc->delim = arena_strdup(a, r->heredoc->delim);
			c->heredoc->next = NULL;
		}
		*tail = c;
		tail = &c->next;
	}
	return head;
}

static struct case_item *copy_items(const struct case_item *ci, struct arena *a)
{
	struct case_item *head = NULL, **tail = &head;
	for (; ci; ci = ci->next) {
		struct case_item *c = arena_alloc(a, sizeof *c);
		c->patterns = copy_words(ci->patterns, a);
		c->body = ast_copy(ci->body, a);
		c->fallthrough = ci->fallthrough;
		c->next = NULL;
		*tail = c;
		tail = &c->next;
	}
	return head;
}

struct node *ast_copy(const struct node *n, struct arena *a)
{
	if (!n)
		return NULL;
	struct node *c = arena_alloc(a, sizeof *c);
	*c = *n;
	c->redirs = copy_redirs(n->redirs, a);
	switch (n->kind) {
	case N_SIMPLE:
		c->u.simple.assigns = copy_words(n->u.simple.assigns, a);
		c->u.simple.args = copy_words(n->u.simple.args, a);
		break;
	case N_PIPE:
		c->u.pipe.cmds = arena_alloc(a, sizeof *c->u.pipe.cmds * (size_t)n->u.pipe.n);
		for (int i = 0; i < n->u.pipe.n; i++)
			c->u.pipe.cmds[i] = ast_copy(n->u.pipe.cmds[i], a);
		break;
	case N_AND: case N_OR: case N_SEQ:
		c->u.bin.left = ast_copy(n->u.bin.left, a);
		c->u.bin.right = ast_copy(n->u.bin.right, a);
		break;
	case N_NOT: case N_ASYNC: case N_SUBSHELL: case N_GROUP:
		c->u.sub.body = ast_copy(n->u.sub.body, a);
		break;
	case N_IF:
		c->u.ifn.cond = ast_copy(n->u.ifn.cond, a);
		c->u.ifn.then = ast_copy(n->u.ifn.then, a);
		c->u.ifn.els = ast_copy(n->u.ifn.els, a);
		break;
	case N_WHILE: case N_UNTIL:
		c->u.loop.cond = ast_copy(n->u.loop.cond, a);
		c->u.loop.body = ast_copy(n->u.loop.body, a);
		break;
	case N_FOR:
		c->u.forn.var = arena_strdup(a, n->u.forn.var);
		c->u.forn.words = copy_words(n->u.forn.words, a);
		c->u.forn.body = ast_copy(n->u.forn.body, a);
		break;
	case N_CASE:
		c->u.casen.subject = copy_words(n->u.casen.subject, a);
		c->u.casen.items = copy_items(n->u.casen.items, a);
		break;
	case N_FUNCDEF:
		c->u.func.name = arena_strdup(a, n->u.func.name);
		c->u.func.body = ast_copy(n->u.func.body, a);
		break;
	}
	return c;
}

/* Printing: one line per command list, indented like `type f` in dash. */

static void print_node(struct strbuf *sb, const struct node *n, int indent);

static void print_indent(struct strbuf *sb, int indent)
{
	for (int i = 0; i < indent; i++)
		sb_adds(sb, "    ");
}

static void print_words(struct strbuf *sb, const struct word *w, bool lead_space)
{
	for (; w; w = w->next) {
		if (lead_space)
			sb_addc(sb, ' ');
		sb_adds(sb, w->text);
		lead_space = true;
	}
}

static void print_redirs(struct strbuf *sb, const struct redir *r)
{
	static const char *const ops[] = {
		[R_IN] = "<", [R_OUT] = ">", [R_APPEND] = ">>", [R_RDWR] = "<>",
		[R_CLOBBER] = ">|", [R_DUPIN] = "<&", [R_DUPOUT] = ">&", [R_HEREDOC] = "<<",
	};
	for (; r; r = r->next) {
		int deflt = (r->kind == R_IN || r->kind == R_RDWR || r->kind == R_DUPIN ||
		             r->kind == R_HEREDOC) ? 0 : 1;
		sb_addc(sb, ' ');
		if (r->fdvar)
			sb_printf(sb, "{%s}", r->fdvar);
		else if (r->fd != deflt)
			sb_printf(sb, "%d", r->fd);
		sb_adds(sb, ops[r->kind]);
		if (r->heredoc)
			sb_printf(sb, "%s%s", r->heredoc->strip_tabs ? "-" : "", r->heredoc->delim);
		else
			sb_adds(sb, r->target->text);
	}
}

static void print_list(struct strbuf *sb, const struct node *n, int indent)
{
	if (n && n->kind == N_SEQ) {
		print_list(sb, n->u.bin.left, indent);
		print_list(sb, n->u.bin.right, indent);
		return;
	}
	print_indent(sb, indent);
	print_node(sb, n, indent);
	sb_addc(sb, '\n');
}

static void print_block(struct strbuf *sb, const char *open, const struct node *body,
                        int indent)
{
	sb_adds(sb, open);
	sb_addc(sb, '\n');
	print_list(sb, body, indent + 1);
	print_indent(sb, indent);
}

static void print_node(struct strbuf *sb, const struct node *n, int indent)
{
	if (!n)
		return;
	switch (n->kind) {
	case N_SIMPLE:
		print_words(sb, n->u.simple.assigns, false);
		print_words(sb, n->u.simple.args, n->u.simple.assigns != NULL);
		break;
	case N_PIPE:
		for (int i = 0; i < n->u.pipe.n; i++) {
			if (i)
				sb_adds(sb, " | ");
			print_node(sb, n->u.pipe.cmds[i], indent);
		}
		break;
	case N_NOT:
		sb_adds(sb, "! ");
		print_node(sb, n->u.sub.body, indent);
		break;
	case N_AND: case N_OR: case N_SEQ:
		print_node(sb, n->u.bin.left, indent);
		sb_adds(sb, n->kind == N_AND ? " && " : n->kind == N_OR ? " || " : "; ");
		print_node(sb, n->u.bin.right, indent);
		break;
	case N_ASYNC:
		print_node(sb, n->u.sub.body, indent);
		sb_adds(sb, " &");
		break;
	case N_SUBSHELL:
		print_block(sb, "(", n->u.sub.body, indent);
		sb_addc(sb, ')');
		break;
	case N_GROUP:
		print_block(sb, "{", n->u.sub.body, indent);
		sb_addc(sb, '}');
		break;
	case N_IF:
		sb_adds(sb, "if ");
		print_node(sb, n->u.ifn.cond, indent);
		print_block(sb, "; then", n->u.ifn.then, indent);
		if (n->u.ifn.els)
			print_block(sb, "else", n->u.ifn.els, indent);
		sb_adds(sb, "fi");
		break;
	case N_WHILE: case N_UNTIL:
		sb_adds(sb, n->kind == N_WHILE ? "while " : "until ");
		print_node(sb, n->u.loop.cond, indent);
		print_block(sb, "; do", n->u.loop.body, indent);
		sb_adds(sb, "done");
		break;
	case N_FOR:
		sb_printf(sb, "for %s", n->u.forn.var);
		if (n->u.forn.has_in) {
			sb_adds(sb, " in");
			print_words(sb, n->u.forn.words, true);
		}
		print_block(sb, "; do", n->u.forn.body, indent);
		sb_adds(sb, "done");
		break;
	case N_CASE:
		sb_printf(sb, "case %s in\n", n->u.casen.subject->text);
		for (const struct case_item *ci = n->u.casen.items; ci; ci = ci->next) {
			print_indent(sb, indent + 1);
			print_words(sb, ci->patterns, false);
			sb_adds(sb, ")\n");
			if (ci->body)
				print_list(sb, ci->body, indent + 2);
			print_indent(sb, indent + 2);
			sb_adds(sb, ci->fallthrough ? ";&\n" : ";;\n");
		}
		print_indent(sb, indent);
		sb_adds(sb, "esac");
		break;
	case N_FUNCDEF:
		sb_printf(sb, "%s() ", n->u.func.name);
		print_node(sb, n->u.func.body, indent);
		break;
	}
	print_redirs(sb, n->redirs);
}

char *ast_to_text(const struct node *n)
{
	struct strbuf sb;
	sb_init(&sb);
	print_node(&sb, n, 0);
	return sb_take(&sb);
}

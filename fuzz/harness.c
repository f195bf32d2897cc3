/* libFuzzer harness: the tokenizer, the parser and word expansion, with no command run.
 *
 * Each input is read as a script: parsed one complete command at a time (as
 * eval_input does) until the end or the first syntax error.  Every tree is copied and
 * printed (ast.c), and every word in it is expanded the way the launcher would
 * expand it: arguments and for-lists with splitting and globbing, assignment
 * values, redirection targets, here-document bodies, case subjects and patterns.
 *
 * Nothing forks: the link wraps exec_subst (-Wl,--wrap=exec_subst), so a command
 * substitution parses and expands its body here, recursively, and yields a fixed
 * text instead of running.  Globbing (wrapped too) looks at an empty directory
 * only.  An expansion
 * error (${x?}, 1/0, ...) longjmps to a handler around each word, as sh_error
 * does to the read-eval loop; nothing it abandons may leak (LeakSanitizer checks). */
#include <glob.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ast.h"
#include "error.h"
#include "expand.h"
#include "input.h"
#include "memalloc.h"
#include "parser.h"
#include "pattern.h"
#include "shell.h"
#include "trap.h"
#include "vars.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);
int __wrap_exec_subst(const char *text, struct strbuf *out);
int __wrap_glob(const char *pat, int flags, int (*errfunc)(const char *, int), glob_t *g);
int __real_glob(const char *pat, int flags, int (*errfunc)(const char *, int), glob_t *g);

static void fuzz_script(const char *text);

/* Run fn(arg) with an error handler, as the read-eval loop would; the stack
 * arena is released afterwards either way. */
static void guarded(void (*fn)(const void *), const void *arg)
{
	struct handler h;
	struct arena_mark m = arena_mark(&stk);
	h.prev = sh_handler;
	sh_handler = &h;
	if (!setjmp(h.env))
		fn(arg);
	sh_handler = h.prev;
	arena_release(&stk, m);
}

static void expand_args(const void *arg)
{
	int argc;
	expand_words((struct word *)arg, &argc);
}

static void expand_assign(const void *arg)
{
	const struct word *w = arg;
	expand_assignment_value(w->text + assignment_name_len(w->text) + 1);
}

static void expand_redir(const void *arg)
{
	const struct redir *r = arg;
	if (r->heredoc && r->heredoc->body && !r->heredoc->quoted)
		expand_heredoc(r->heredoc->body);
	else if (r->target)
		expand_string(r->target->text);
}

static void expand_case(const void *arg)
{
	const struct node *n = arg;
	const char *subject = expand_string(n->u.casen.subject->text);
	for (struct case_item *ci = n->u.casen.items; ci; ci = ci->next)
		for (struct word *p = ci->patterns; p; p = p->next)
			pattern_match(expand_pattern(p->text), subject);
}

static void walk(const struct node *n);

static void walk_simple(const struct node *n)
{
	for (struct word *w = n->u.simple.assigns; w; w = w->next)
		guarded(expand_assign, w);
	guarded(expand_args, n->u.simple.args);
}

static void walk_children(const struct node *n)
{
	switch (n->kind) {
	case N_SIMPLE:
		walk_simple(n);
		break;
	case N_PIPE:
		for (int i = 0; i < n->u.pipe.n; i++)
			walk(n->u.pipe.cmds[i]);
		break;
	case N_AND: case N_OR: case N_SEQ:
		walk(n->u.bin.left);
		walk(n->u.bin.right);
		break;
	case N_NOT: case N_ASYNC: case N_SUBSHELL: case N_GROUP:
		walk(n->u.sub.body);
		break;
	case N_IF:
		walk(n->u.ifn.cond);
		walk(n->u.ifn.then);
		walk(n->u.ifn.els);
		break;
	case N_WHILE: case N_UNTIL:
		walk(n->u.loop.cond);
		walk(n->u.loop.body);
		break;
	case N_FOR:
		guarded(expand_args, n->u.forn.words);
		walk(n->u.forn.body);
		break;
	case N_CASE:
		guarded(expand_case, n);
		for (struct case_item *ci = n->u.casen.items; ci; ci = ci->next)
			walk(ci->body);
		break;
	case N_FUNCDEF:
		walk(n->u.func.body);
		break;
	}
}

static void walk(const struct node *n)
{
	if (!n)
		return;
	walk_children(n);
	for (struct redir *r = n->redirs; r; r = r->next)
		guarded(expand_redir, r);
}

/* One command tree: copy and print it (functions and job listings do), expand it. */
static void check_tree(const struct node *n)
{
	struct arena copy = { NULL };
	ast_copy(n, &copy);
	arena_free(&copy);
	free(ast_to_text(n));
	walk(n);
}

static void fuzz_script(const char *text)
{
	struct input in;
	struct arena a = { NULL };
	in_init_string(&in, text, 1);
	for (;;) {
		struct node *n;
		enum parse_status ps = parse_next(&in, &a, &n);
		if (ps != PARSE_OK)
			break;
		if (n)
			check_tree(n);
		arena_free(&a);
	}
	arena_free(&a);
	in_free(&in);
}

/* Command substitution without a fork: its body goes through the same checks. */
int __wrap_exec_subst(const char *text, struct strbuf *out)
{
	static int depth;
	if (depth < 50) {
		depth++;
		fuzz_script(text);
		depth--;
	}
	sb_adds(out, "out * [a]\n\n");
	return 0;
}

/* Globbing stays in the (empty) current directory: an absolute pattern with a
 * star in every component would walk the whole file system — slow, not a bug. */
int __wrap_glob(const char *pat, int flags, int (*errfunc)(const char *, int), glob_t *g)
{
	if (strchr(pat, '/')) {
		memset(g, 0, sizeof *g);
		return GLOB_NOMATCH;
	}
	return __real_glob(pat, flags, errfunc, g);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	static char *env[] = { "HOME=/nonexistent", "IFS= \t\n", "PATH=/usr/bin:/bin", NULL };
	char dir[] = "/tmp/fdsh-fuzz-XXXXXX";
	/* Globbing must not depend on (or wander through) the current directory.
	 * (So libFuzzer needs absolute paths for corpus and artifacts.) */
	if (mkdtemp(dir) && chdir(dir) == 0)
		rmdir(dir);
	sh.pid = getpid();
	sh.arg0 = "fdsh";
	trap_init();
	var_init(env);
	char *params[] = { "one", "two words", "*", "" };
	params_set(4, params);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	fuzz_script(text);
	free(text);
	return 0;
}

/* test and [: evaluate a conditional expression.
 *
 * The grammar (as in dash, from NetBSD):
 *     oexpr   ::= aexpr | aexpr -o oexpr
 *     aexpr   ::= nexpr | nexpr -a aexpr
 *     nexpr   ::= primary | ! nexpr
 *     primary ::= unary-op operand | operand binary-op operand | operand | ( oexpr )
 * With 1 to 4 arguments POSIX fixes the meaning by the argument count first
 * (so `test = = =` compares, `test ! -n` negates a non-empty string).
 * Errors give status 2, like every other syntax error of the shell. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arith.h"
#include "builtins/builtins.h"
#include "error.h"

enum op_kind { UNARY, BINARY, NOT, AND, OR, LPAREN, RPAREN };

struct op {
	const char *text;
	enum op_kind kind;
};

static const struct op ops[] = {
	{ "-r", UNARY }, { "-w", UNARY }, { "-x", UNARY }, { "-e", UNARY }, { "-f", UNARY },
	{ "-d", UNARY }, { "-c", UNARY }, { "-b", UNARY }, { "-p", UNARY }, { "-u", UNARY },
	{ "-g", UNARY }, { "-k", UNARY }, { "-s", UNARY }, { "-t", UNARY }, { "-z", UNARY },
	{ "-n", UNARY }, { "-h", UNARY }, { "-O", UNARY }, { "-G", UNARY }, { "-L", UNARY },
	{ "-S", UNARY },
	{ "=", BINARY }, { "!=", BINARY }, { "<", BINARY }, { ">", BINARY },
	{ "-eq", BINARY }, { "-ne", BINARY }, { "-ge", BINARY }, { "-gt", BINARY },
	{ "-le", BINARY }, { "-lt", BINARY }, { "-nt", BINARY }, { "-ot", BINARY },
	{ "-ef", BINARY },
	{ "!", NOT }, { "-a", AND }, { "-o", OR }, { "(", LPAREN }, { ")", RPAREN },
};

/* The evaluation state: the words left and where to go on a syntax error. */
struct tester {
	char **wp;          /* the current word */
	const char *name;   /* "test" or "[" for messages */
	jmp_buf fail;
};

static const struct op *find_op(const char *s)
{
	/* Every operator is 1 to 3 bytes: most operands are ruled out at once. */
	if (!s[0] || (s[1] && s[2] && s[3]))
		return NULL;
	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
		if (s[0] == ops[i].text[0] && s[1] == ops[i].text[1] && strcmp(s, ops[i].text) == 0)
			return &ops[i];
	return NULL;
}

_Noreturn static void syntax(struct tester *t, const char *word, const char *msg)
{
	if (word && *word)
		sh_warn("%s: %s: %s", t->name, word, msg);
	else
		sh_warn("%s: %s", t->name, msg);
	longjmp(t->fail, 1);
}

/* A unary operator followed by a binary one and a third word is an operand
 * ("-f = x" compares the string "-f"); so is one with nothing after it. */
static bool unary_is_operand(char **wp)
{
	if (!wp[1])
		return true;
	if (!wp[2])
		return false;
	const struct op *next = find_op(wp[1]);
	return next && next->kind == BINARY;
}

/* The operator the word at wp stands for, or NULL for an operand. */
static const struct op *lex(char **wp)
{
	if (!*wp)
		return NULL;
	const struct op *op = find_op(*wp);
	if (!op)
		return NULL;
	if (op->kind == UNARY && unary_is_operand(wp))
		return NULL;
	if (op->kind == LPAREN && !wp[1])
		return NULL;
	return op;
}

static bool is_kind(char **wp, enum op_kind kind)
{
	const struct op *op = lex(wp);
	return op && op->kind == kind;
}

/* Is the word after the current one the operator `kind`? Never looks past
 * the end of the words. */
static bool next_is(struct tester *t, enum op_kind kind)
{
	return *t->wp && is_kind(t->wp + 1, kind);
}

/* An integer operand: optional blanks, sign, decimal digits, blanks. */
static intmax_t number(struct tester *t, const char *s)
{
	intmax_t n;
	const char *p = s;
	if (decimal_fast(&p, &n) && !*p)
		return n;
	char *end;
	errno = 0;
	n = strtoimax(s, &end, 10);
	if (errno || end == s)
		goto bad;
	while (*end == ' ' || *end == '\t' || *end == '\n')
		end++;
	if (!*end)
		return n;
bad:
	sh_warn("%s: Illegal number: %s", t->name, s);
	longjmp(t->fail, 1);
}

static int compare_mtime(const char *a, const char *b)
{
	struct stat sa, sb;
	if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
		return 0;   /* "neither newer nor older" when one is missing */
	if (sa.st_mtim.tv_sec != sb.st_mtim.tv_sec)
		return sa.st_mtim.tv_sec > sb.st_mtim.tv_sec ? 1 : -1;
	if (sa.st_mtim.tv_nsec != sb.st_mtim.tv_nsec)
		return sa.st_mtim.tv_nsec > sb.st_mtim.tv_nsec ? 1 : -1;
	return 0;
}

static bool both_exist(const char *a, const char *b)
{
	struct stat s;
	return stat(a, &s) == 0 && stat(b, &s) == 0;
}

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* op is one of the BINARY entries of ops[]. */
static bool binary(struct tester *t, const char *op, const char *l, const char *r)
{
	switch (op[0]) {
	case '=': return strcmp(l, r) == 0;
	case '!': return strcmp(l, r) != 0;
	case '<': return strcoll(l, r) < 0;
	case '>': return strcoll(l, r) > 0;
	}
	switch (op[1]) {
	case 'n':
		if (op[2] == 't')
			return both_exist(l, r) && compare_mtime(l, r) > 0;
		break;
	case 'o': return both_exist(l, r) && compare_mtime(l, r) < 0;
	case 'e':
		if (op[2] == 'f')
			return same_file(l, r);
		break;
	}
	intmax_t a = number(t, l), b = number(t, r);
	switch (op[1]) {
	case 'e': return a == b;
	case 'n': return a != b;
	case 'g': return op[2] == 'e' ? a >= b : a > b;
	default: return op[2] == 'e' ? a <= b : a < b;   /* -le -lt */
	}
}

static bool file_test(char op, const char *path)
{
	struct stat s;
	switch (op) {
	case 'r': return access(path, R_OK) == 0;
	case 'w': return access(path, W_OK) == 0;
	case 'x': return access(path, X_OK) == 0;
	case 'h': case 'L': return lstat(path, &s) == 0 && S_ISLNK(s.st_mode);
	}
	if (stat(path, &s) != 0)
		return false;
	switch (op) {
	case 'e': return true;
	case 'f': return S_ISREG(s.st_mode);
	case 'd': return S_ISDIR(s.st_mode);
	case 'c': return S_ISCHR(s.st_mode);
	case 'b': return S_ISBLK(s.st_mode);
	case 'p': return S_ISFIFO(s.st_mode);
	case 'S': return S_ISSOCK(s.st_mode);
	case 'u': return s.st_mode & S_ISUID;
	case 'g': return s.st_mode & S_ISGID;
	case 'k': return s.st_mode & S_ISVTX;
	case 's': return s.st_size > 0;
	case 'O': return s.st_uid == geteuid();
	case 'G': return s.st_gid == getegid();
	}
	return false;
}

static bool unary(struct tester *t, char op, const char *arg)
{
	switch (op) {
	case 'z': return !*arg;
	case 'n': return *arg;
	case 't': return isatty((int)number(t, arg));
	}
	return file_test(op, arg);
}

static bool oexpr(struct tester *t);

static bool primary(struct tester *t)
{
	const struct op *op = lex(t->wp);
	if (!*t->wp)
		return false;   /* missing expression */
	if (op && op->kind == LPAREN) {
		t->wp++;
		if (is_kind(t->wp, RPAREN))
			return false;
		bool r = oexpr(t);
		if (!next_is(t, RPAREN))
			syntax(t, NULL, "closing paren expected");
		t->wp++;
		return r;
	}
	if (op && op->kind == UNARY) {
		if (!*++t->wp)
			syntax(t, op->text, "argument expected");
		return unary(t, op->text[1], *t->wp);
	}
	if (next_is(t, BINARY)) {
		const char *left = *t->wp++;
		const char *bop = *t->wp++;
		if (!*t->wp)
			syntax(t, bop, "argument expected");
		return binary(t, bop, left, *t->wp);
	}
	return **t->wp != '\0';
}

static bool nexpr(struct tester *t)
{
	if (!is_kind(t->wp, NOT))
		return primary(t);
	if (!t->wp[1])
		return true;   /* a lone "!" negates a missing (false) expression */
	t->wp++;
	return !nexpr(t);
}

static bool aexpr(struct tester *t)
{
	bool r = true;
	for (;;) {
		if (!nexpr(t))
			r = false;
		if (!next_is(t, AND))
			return r;
		t->wp += 2;
	}
}

static bool oexpr(struct tester *t)
{
	bool r = false;
	for (;;) {
		if (aexpr(t))
			r = true;
		if (!next_is(t, OR))
			return r;
		t->wp += 2;
	}
}

/* POSIX's rules by argument count; returns the first word for the grammar
 * and sets *negate when a leading "!" was taken off. */
static char **by_count(char **args, int n, bool *negate, bool *binary_form)
{
	for (;;) {
		const struct op *op = n == 3 ? find_op(args[1]) : NULL;
		if (op && op->kind == BINARY) {
			*binary_form = true;
			return args;
		}
		if ((n == 3 || n == 4) && strcmp(args[0], "(") == 0 &&
		    strcmp(args[n - 1], ")") == 0) {
			args[n - 1] = NULL;
			return args + 1;
		}
		if ((n == 3 || n == 4) && strcmp(args[0], "!") == 0) {
			*negate = true;   /* not a toggle: dash's `test ! ! ! a` is true */
			args++, n--;
			continue;
		}
		return args;
	}
}

static int run_test(const char *name, int argc, char **argv)
{
	struct tester t = { .name = name };
	if (setjmp(t.fail))
		return 2;
	if (argc < 2)
		return 1;
	bool negate = false, binary_form = false;
	t.wp = by_count(argv + 1, argc - 1, &negate, &binary_form);
	if (!*t.wp)
		return negate ? 0 : 1;
	bool r;
	if (binary_form) {
		r = binary(&t, t.wp[1], t.wp[0], t.wp[2]);
		t.wp += 2;
	} else {
		r = oexpr(&t);
	}
	if (t.wp[0] && t.wp[1])
		syntax(&t, t.wp[0], "unexpected operator");
	return (r != negate) ? 0 : 1;
}

int builtin_test(int argc, char **argv)
{
	return run_test("test", argc, argv);
}

int builtin_bracket(int argc, char **argv)
{
	if (strcmp(argv[argc - 1], "]") != 0) {
		sh_warn("[: missing ]");
		return 2;
	}
	argv[argc - 1] = NULL;
	return run_test("[", argc - 1, argv);
}

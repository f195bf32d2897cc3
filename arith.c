/* Arithmetic evaluation by recursive descent, one function per precedence
 * level; `skip` suppresses side effects and errors in branches not taken. */
#include "arith.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "memalloc.h"
#include "vars.h"

struct arith {
	const char *expr;  /* the whole expression, for messages */
	const char *p;
	int skip;          /* > 0 while evaluating a branch that is not taken */
	int depth;
	const char *op_pos;  /* where `op` was scanned */
	const char *op;      /* the operator token at op_pos */
};

static intmax_t parse_assign(struct arith *a);

static _Noreturn void arith_fail(struct arith *a, const char *what)
{
	sh_error(2, "arithmetic expression: %s: \"%s\"", what, a->expr);
}

static void skip_ws(struct arith *a)
{
	while (isspace((unsigned char)*a->p))
		a->p++;
}

/* The operator token at p, longest match first (so "<" is never taken out
 * of "<<" or "<="); NULL if none. */
static const char *scan_op(const char *p)
{
	static const char *const with_eq[] = { "*=", "/=", "%=", "+=", "-=", "^=" };
	static const char *const plain[] = { "*", "/", "%", "+", "-", "^" };
	const char *two = strchr("*/%+-^", p[0]);
	if (p[0] && two) {
		int i = (int)(two - "*/%+-^");
		return p[1] == '=' ? with_eq[i] : plain[i];
	}
	switch (p[0]) {
	case '<': return p[1] == '<' ? (p[2] == '=' ? "<<=" : "<<") : p[1] == '=' ? "<=" : "<";
	case '>': return p[1] == '>' ? (p[2] == '=' ? ">>=" : ">>") : p[1] == '=' ? ">=" : ">";
	case '&': return p[1] == '&' ? "&&" : p[1] == '=' ? "&=" : "&";
	case '|': return p[1] == '|' ? "||" : p[1] == '=' ? "|=" : "|";
	case '=': return p[1] == '=' ? "==" : "=";
	case '!': return p[1] == '=' ? "!=" : "!";
	case '~': return "~";
	case '?': return "?";
	case ':': return ":";
	default: return NULL;
	}
}

/* Take `op` if it is the token here. The token is found once per position:
 * every precedence level asks about the same spot. */
static bool accept(struct arith *a, const char *op)
{
	skip_ws(a);
	if (a->op_pos != a->p) {
		a->op_pos = a->p;
		a->op = scan_op(a->p);
	}
	if (!a->op || strcmp(a->op, op) != 0)
		return false;
	a->p += strlen(op);
	return true;
}

bool decimal_fast(const char **sp, intmax_t *out)
{
	const char *p = *sp;
	bool neg = *p == '-';
	p += neg;
	const char *digits = p;
	intmax_t v = 0;
	while (*p >= '0' && *p <= '9' && p - digits < 18)
		v = v * 10 + (*p++ - '0');
	if (p == digits || (*p >= '0' && *p <= '9'))
		return false;
	*out = neg ? -v : v;
	*sp = p;
	return true;
}

/* A constant: decimal, octal (leading 0) or hex (0x). */
static bool parse_number(const char *s, const char **end, intmax_t *out)
{
	const char *p = s;
	if (*s >= '1' && *s <= '9' && decimal_fast(&p, out)) {
		*end = p;
		return !isalnum((unsigned char)*p) && *p != '_';
	}
	int base = 10;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		base = 16;
	else if (s[0] == '0')
		base = 8;
	char *e;
	intmax_t v = strtoimax(s, &e, base);   /* saturates on overflow, as in dash */
	if (e == s)
		return false;
	if (isalnum((unsigned char)*e) || *e == '_')
		return false;
	*out = v;
	*end = e;
	return true;
}

static intmax_t var_value(struct arith *a, const char *name)
{
	const char *v = var_get(name);
	if (!v)
		return 0;
	while (isspace((unsigned char)*v))
		v++;
	if (!*v)
		return 0;
	bool neg = false;
	if (*v == '-' || *v == '+')
		neg = *v++ == '-';
	intmax_t n;
	const char *end;
	if (!parse_number(v, &end, &n)) {
		if (a->skip)
			return 0;
		sh_error(2, "arithmetic expression: illegal number: \"%s\"", var_get(name));
	}
	while (isspace((unsigned char)*end))
		end++;
	if (*end && !a->skip)
		sh_error(2, "arithmetic expression: illegal number: \"%s\"", var_get(name));
	return neg ? -n : n;
}

static void set_var(struct arith *a, const char *name, intmax_t v)
{
	if (a->skip)
		return;
	char buf[32];
	arith_format(v, buf);
	if (var_set(name, buf, 0) < 0)
		sh_raise(2);
}

static intmax_t apply(struct arith *a, const char *op, intmax_t l, intmax_t r)
{
	switch (op[0]) {
	case '*': return (intmax_t)((uintmax_t)l * (uintmax_t)r);
	case '/': case '%':
		if (r == 0) {
			if (a->skip)
				return 0;
			arith_fail(a, "division by zero");
		}
		if (l == INTMAX_MIN && r == -1)
			return op[0] == '/' ? l : 0;
		return op[0] == '/' ? l / r : l % r;
	case '+': return (intmax_t)((uintmax_t)l + (uintmax_t)r);
	case '-': return (intmax_t)((uintmax_t)l - (uintmax_t)r);
	case '<': return (intmax_t)((uintmax_t)l << (r & 63));
	case '>': return l >> (r & 63);
	case '&': return l & r;
	case '^': return l ^ r;
	case '|': return l | r;
	}
	return r;
}

static intmax_t parse_unary(struct arith *a);

static intmax_t parse_primary(struct arith *a)
{
	skip_ws(a);
	if (*a->p == '(') {
		if (++a->depth > 1000)
			arith_fail(a, "nested too deeply");
		a->p++;
		intmax_t v = parse_assign(a);
		skip_ws(a);
		if (*a->p != ')')
			arith_fail(a, "missing ')'");
		a->p++;
		a->depth--;
		return v;
	}
	if (isdigit((unsigned char)*a->p)) {
		intmax_t v;
		const char *end;
		if (!parse_number(a->p, &end, &v))
			arith_fail(a, "bad number");
		a->p = end;
		return v;
	}
	if (isalpha((unsigned char)*a->p) || *a->p == '_') {
		const char *s = a->p;
		while (isalnum((unsigned char)*a->p) || *a->p == '_')
			a->p++;
		/* On stk: var_value may raise an error past this frame. */
		char *name = arena_strndup(&stk, s, (size_t)(a->p - s));
		return var_value(a, name);
	}
	arith_fail(a, *a->p ? "syntax error" : "expecting primary");
}

static intmax_t parse_unary(struct arith *a)
{
	skip_ws(a);
	char c = *a->p;
	if (c == '+' || c == '-' || c == '!' || c == '~') {
		if (++a->depth > 1000)
			arith_fail(a, "nested too deeply");
		a->p++;
		intmax_t v = parse_unary(a);
		a->depth--;
		switch (c) {
		case '+': return v;
		case '-': return (intmax_t)(0 - (uintmax_t)v);
		case '!': return !v;
		default: return ~v;
		}
	}
	return parse_primary(a);
}

/* Precedence of a binary operator below && (higher binds tighter); 0 if
 * the token is not one. */
static int binary_prec(const char *op)
{
	if (!op)
		return 0;
	switch (op[0]) {
	case '|': return op[1] ? 0 : 1;
	case '^': return op[1] ? 0 : 2;
	case '&': return op[1] ? 0 : 3;
	case '=': case '!': return op[1] == '=' ? 4 : 0;
	case '<': case '>':
		if (op[1] == op[0])
			return op[2] ? 0 : 6;
		return 5;
	case '+': case '-': return op[1] ? 0 : 7;
	case '*': case '/': case '%': return op[1] ? 0 : 8;
	default: return 0;
	}
}

static intmax_t binary_apply(struct arith *a, const char *op, intmax_t l, intmax_t r)
{
	if (op[1] == '=') {
		switch (op[0]) {
		case '=': return l == r;
		case '!': return l != r;
		case '<': return l <= r;
		default: return l >= r;
		}
	}
	if (op[0] == '<' && !op[1])
		return l < r;
	if (op[0] == '>' && !op[1])
		return l > r;
	return apply(a, op, l, r);   /* << and >> by their first byte */
}

/* Precedence climbing: one look at each operator, whatever its level. */
static intmax_t parse_binary(struct arith *a, int min_prec)
{
	intmax_t l = parse_unary(a);
	for (;;) {
		skip_ws(a);
		if (a->op_pos != a->p) {
			a->op_pos = a->p;
			a->op = scan_op(a->p);
		}
		const char *op = a->op;
		int prec = binary_prec(op);
		if (prec == 0 || prec < min_prec)
			return l;
		a->p += strlen(op);
		intmax_t r = parse_binary(a, prec + 1);
		l = binary_apply(a, op, l, r);
	}
}

static intmax_t parse_and(struct arith *a)
{
	intmax_t l = parse_binary(a, 1);
	while (accept(a, "&&")) {
		if (!l)
			a->skip++;
		intmax_t r = parse_binary(a, 1);
		if (!l)
			a->skip--;
		l = l && r;
	}
	return l;
}

static intmax_t parse_or(struct arith *a)
{
	intmax_t l = parse_and(a);
	while (accept(a, "||")) {
		if (l)
			a->skip++;
		intmax_t r = parse_and(a);
		if (l)
			a->skip--;
		l = l || r;
	}
	return l;
}

static intmax_t parse_cond(struct arith *a)
{
	intmax_t c = parse_or(a);
	if (!accept(a, "?"))
		return c;
	if (!c)
		a->skip++;
	if (++a->depth > 1000)
		arith_fail(a, "nested too deeply");
	intmax_t t = parse_assign(a);
	a->depth--;
	if (!c)
		a->skip--;
	skip_ws(a);
	if (*a->p != ':')
		arith_fail(a, "expecting ':'");
	a->p++;
	if (c)
		a->skip++;
	/* a?b:c?d:... recurses once per ':', like parentheses: bounded too. */
	if (++a->depth > 1000)
		arith_fail(a, "nested too deeply");
	intmax_t f = parse_cond(a);
	a->depth--;
	if (c)
		a->skip--;
	return c ? t : f;
}

/* = and the op= forms, not the comparisons == != <= >=. */
static bool is_assign_op(const char *op)
{
	size_t n = strlen(op);
	if (op[n - 1] != '=')
		return false;
	return n == 1 || (n == 2 && !strchr("=!<>", op[0])) || n == 3;
}

static intmax_t parse_assign(struct arith *a)
{
	skip_ws(a);
	const char *start = a->p;
	if (isalpha((unsigned char)*a->p) || *a->p == '_') {
		const char *q = a->p;
		while (isalnum((unsigned char)*q) || *q == '_')
			q++;
		const char *name_end = q;
		while (isspace((unsigned char)*q))
			q++;
		const char *op = scan_op(q);
		if (op && is_assign_op(op)) {
			size_t n = strlen(op);
			char *name = arena_strndup(&stk, start, (size_t)(name_end - start));
			a->p = q + n;
			/* a=b=c=... recurses once per '=': bounded like parentheses. */
			if (++a->depth > 1000)
				arith_fail(a, "nested too deeply");
			intmax_t r = parse_assign(a);
			a->depth--;
			intmax_t v = r;
			if (n > 1) {
				char base_op[3] = { op[0], 0, 0 };
				v = apply(a, base_op, var_value(a, name), r);
			}
			set_var(a, name, v);
			return v;
		}
	}
	return parse_cond(a);
}

intmax_t arith_eval(const char *expr)
{
	struct arith a = { expr, expr, 0, 0, NULL, NULL };
	intmax_t v = parse_assign(&a);   /* empty: "expecting primary", as dash */
	skip_ws(&a);
	if (*a.p)
		arith_fail(&a, "syntax error");
	return v;
}

char *arith_format(intmax_t v, char *buf)
{
	char tmp[24];
	int n = 0;
	uintmax_t u = v < 0 ? -(uintmax_t)v : (uintmax_t)v;
	do
		tmp[n++] = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	char *q = buf;
	if (v < 0)
		*q++ = '-';
	while (n > 0)
		*q++ = tmp[--n];
	*q = '\0';
	return buf;
}

/* Word expansion (see expand.h).
 *
 * A word's raw text is walked once, producing bytes plus one attribute per
 * byte that says how the byte may be treated later: literal text (globbing
 * applies), the unquoted result of an expansion (splitting and globbing
 * apply) or quoted (neither applies). Field splitting and globbing then read
 * those attributes, which makes quote removal exact. */
#include "expand.h"

#include <glob.h>
#include <unistd.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arith.h"
#include "ast.h"
#include "error.h"
#include "exec.h"
#include "memalloc.h"
#include "parser.h"
#include "pattern.h"
#include "shell.h"
#include "vars.h"

int expand_subst_status;

enum attr {
	A_LIT,     /* literal, unquoted: globbing applies */
	A_EXP,     /* unquoted expansion result: splitting and globbing apply */
	A_QUO,     /* quoted: taken as is */
	A_BRK,     /* zero-width: a field ends here ("$@" between parameters) */
	A_KEEP,    /* zero-width: the field exists even if empty ("" or '') */
	A_END,     /* zero-width: one unquoted expansion's result ends here (a run of
	              IFS delimiters never reaches across it, as in dash) */
};

static bool is_mark(char at)
{
	return at == A_BRK || at == A_KEEP || at == A_END;
}

/* Modes of one walk over raw text. */
#define M_DQ      0x1   /* inside double quotes */
#define M_HEREDOC 0x2   /* a here-document body */
#define M_ASSIGN  0x4   /* an assignment value: tilde after ':' too */
#define M_TILDE   0x8   /* a tilde prefix may start here */
#define M_FLAT    0x10  /* no field splitting follows: $@ joins like $* */
#define M_BRACE   0x20  /* the word of ${x-word}: \} is an escape inside "..." */
#define M_SPLIT   0x40  /* the word of an unquoted ${x-word}: its literal text is
                           split and globbed like the expansion's result */
#define QUOTED(mode) ((mode) & (M_DQ | M_HEREDOC))

struct exp {
	struct strbuf s;
	struct strbuf a;        /* one enum attr per byte of s */
	bool magic;             /* an unquoted * ? [ was emitted */
	bool saw_at;            /* "$@" was expanded in the current double quotes */
	char s_buf[96], a_buf[96];   /* most words fit: no allocation for them */
};

static void expand_text(struct exp *e, const char *p, const char *end, int mode);

static void emit(struct exp *e, const char *p, size_t n, enum attr at)
{
	sb_addn(&e->s, p, n);
	sb_grow(&e->a, n);
	memset(e->a.s + e->a.len, at, n);
	e->a.len += n;
	if (at != A_QUO && !e->magic)
		e->magic = memchr(p, '*', n) || memchr(p, '?', n) || memchr(p, '[', n);
}

/* How literal text of a word is marked. */
static enum attr literal_attr(int mode)
{
	if (QUOTED(mode))
		return A_QUO;
	return (mode & M_SPLIT) ? A_EXP : A_LIT;
}

static void emit_mark(struct exp *e, enum attr at)
{
	emit(e, "", 1, at);
}

/* The buffers live on the expansion stack, not the heap: an expansion error
 * (sh_error) longjmps out of the walk, and the handler's release of stk then
 * frees them. */
static void exp_init(struct exp *e)
{
	e->magic = e->saw_at = false;
	sb_init_with(&e->s, &stk, e->s_buf, sizeof e->s_buf);
	sb_init_with(&e->a, &stk, e->a_buf, sizeof e->a_buf);
}

static void exp_free(struct exp *e)
{
	sb_free(&e->s);
	sb_free(&e->a);
}

/* ---- finding the end of constructs in raw text ---- */

static const char *skip_squote(const char *p)
{
	const char *q = strchr(p + 1, '\'');
	return q ? q + 1 : p + strlen(p);
}

static const char *skip_backquote(const char *p)
{
	for (p++; *p; p++) {
		if (*p == '\\' && p[1])
			p++;
		else if (*p == '`')
			return p + 1;
	}
	return p;
}

static const char *skip_dollar(const char *p, bool dq);

static const char *skip_dquote(const char *p)
{
	for (p++; *p;) {
		if (*p == '"')
			return p + 1;
		if (*p == '\\' && p[1])
			p += 2;
		else if (*p == '$')
			p = skip_dollar(p, true);
		else if (*p == '`')
			p = skip_backquote(p);
		else
			p++;
	}
	return p;
}

/* p at '{'. Inside double quotes a single quote is an ordinary character
 * there (as in dash: "${x-'}'}" ends at the first '}'). */
static const char *skip_brace(const char *p, bool dq)
{
	for (p++; *p;) {
		if (*p == '}')
			return p + 1;
		if (*p == '\\' && p[1])
			p += 2;
		else if (*p == '\'' && !dq)
			p = skip_squote(p);
		else if (*p == '"')
			p = skip_dquote(p);
		else if (*p == '$')
			p = skip_dollar(p, dq);
		else if (*p == '`')
			p = skip_backquote(p);
		else
			p++;
	}
	return p;
}

/* p at the first '(' of "$(("; NULL if this is really "$( (...) ...)". */
static const char *skip_arith(const char *p)
{
	int depth = 0;
	for (p += 2; *p;) {
		if (*p == '(') {
			depth++;
		} else if (*p == ')') {
			if (depth == 0)
				return p[1] == ')' ? p + 2 : NULL;
			depth--;
		} else if (*p == '$') {
			p = skip_dollar(p, true);
			continue;
		} else if (*p == '`') {
			p = skip_backquote(p);
			continue;
		} else if (*p == '\\' && p[1]) {
			p++;
		}
		p++;
	}
	return p;
}

static bool is_special_param(char c)
{
	return c == '@' || c == '*' || c == '#' || c == '?' || c == '-' || c == '$' ||
	       c == '!' || (c >= '0' && c <= '9');
}

static bool is_name_start(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_name_char(char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9');
}

static const char *skip_dollar(const char *p, bool dq)
{
	const char *q = p + 1;
	if (*q == '{')
		return skip_brace(q, dq);
	if (*q == '(') {
		if (q[1] == '(') {
			const char *r = skip_arith(q);
			if (r)
				return r;
		}
		size_t n = parse_subst_length(q + 1);
		return n ? q + 1 + n : q + strlen(q);
	}
	if (is_special_param(*q))
		return q + 1;
	if (is_name_start(*q)) {
		while (is_name_char(*q))
			q++;
		return q;
	}
	return q;
}

const char *expand_skip_dollar(const char *p)
{
	return skip_dollar(p, false);
}

/* ---- parameters ---- */

static char numbuf[32];

static const char *special_param(char c)
{
	switch (c) {
	case '#':
		arith_format(posparams.n, numbuf);
		return numbuf;
	case '?':
		arith_format(sh.status, numbuf);
		return numbuf;
	case '$':
		snprintf(numbuf, sizeof numbuf, "%ld", (long)sh.pid);
		return numbuf;
	case '!':
		if (!sh.last_bg)
			return NULL;
		snprintf(numbuf, sizeof numbuf, "%ld", (long)sh.last_bg);
		return numbuf;
	case '-': {
		char *q = numbuf;
		for (int i = NOPTS - 1; i >= 0; i--)   /* dash's order */
			if (opts[i] && optdefs[i].letter)
				*q++ = optdefs[i].letter;
		*q = '\0';
		return numbuf;
	}
	}
	return NULL;
}

/* The value of a named, numbered or special parameter; NULL if unset.
 * $@ and $* are handled by the caller. */
static const char *param_value(const char *name, size_t len)
{
	if (len == 1 && !is_name_start(name[0]) && !(name[0] >= '0' && name[0] <= '9'))
		return special_param(name[0]);
	if (name[0] >= '0' && name[0] <= '9') {
		long n = 0;
		for (size_t i = 0; i < len && n < 100000000; i++)
			n = n * 10 + (name[i] - '0');
		if (n == 0)
			return sh.arg0;
		return n <= posparams.n ? posparams.v[n - 1] : NULL;
	}
	char buf[256];
	if (len < sizeof buf) {
		memcpy(buf, name, len);
		buf[len] = '\0';
		return var_get(buf);
	}
	char *tmp = xstrndup(name, len);
	const char *v = var_get(tmp);
	free(tmp);
	return v;
}

/* The result of an expansion: taken as is inside quotes; otherwise subject
 * to field splitting and globbing, as one region of splitting. */
static void emit_result(struct exp *e, const char *v, size_t n, int mode)
{
	if (QUOTED(mode)) {
		emit(e, v, n, A_QUO);
		return;
	}
	emit(e, v, n, A_EXP);
	emit_mark(e, A_END);
}

static void emit_value(struct exp *e, const char *v, int mode)
{
	emit_result(e, v, strlen(v), mode);
}

/* "$*", and $@ or $* where no field splitting follows (assignments, case,
 * here-documents): the parameters joined by the first character of IFS. */
static void emit_joined_params(struct exp *e, int mode)
{
	const char *ifs = var_ifs();
	enum attr at = QUOTED(mode) ? A_QUO : A_EXP;
	for (int i = 0; i < posparams.n; i++) {
		if (i && *ifs)
			emit(e, ifs, 1, at);
		emit(e, posparams.v[i], strlen(posparams.v[i]), at);
	}
	if (at == A_EXP)
		emit_mark(e, A_END);
}

/* Length of the parameters joined as by emit_joined_params (${#*}). */
static size_t joined_params_length(void)
{
	size_t n = 0;
	for (int i = 0; i < posparams.n; i++)
		n += strlen(posparams.v[i]) + (i && *var_ifs());
	return n;
}

/* $@ and $*: one field per parameter unless joined by "$*". */
static void emit_params(struct exp *e, char which, int mode)
{
	bool quoted = QUOTED(mode);
	if ((quoted && which == '*') || (mode & M_FLAT)) {
		emit_joined_params(e, mode);
		return;
	}
	if (quoted)
		e->saw_at = true;
	for (int i = 0; i < posparams.n; i++) {
		if (i)
			emit_mark(e, A_BRK);
		if (quoted)
			emit_mark(e, A_KEEP);
		emit_result(e, posparams.v[i], strlen(posparams.v[i]), mode);
	}
}

static _Noreturn void unset_error(const char *name, size_t len)
{
	sh_error(2, "%.*s: parameter not set", (int)len, name);
}

/* The expanded bytes as one string on the expansion stack: quote removal
 * done (a flat walk joins "$@" itself); for a pattern, quoted pattern
 * characters are escaped with a backslash. */
/* The first index from i on whose attribute is a mark (or n), eight
 * attributes at a time: marks are the only values >= A_BRK (3), and a byte b
 * below 128 is >= 3 exactly when b + 0x7d sets its top bit. */
static size_t skip_unmarked(const char *a, size_t i, size_t n)
{
	_Static_assert(A_BRK == 3 && A_KEEP > A_BRK && A_END > A_BRK, "marks come last");
	while (i + 8 <= n) {
		uint64_t w;
		memcpy(&w, a + i, 8);
		if ((w + 0x7d7d7d7d7d7d7d7dULL) & 0x8080808080808080ULL)
			break;
		i += 8;
	}
	return i;
}

static char *flatten(const struct exp *e, bool as_pattern)
{
	const char *s = e->s.s, *a = e->a.s;
	size_t n = e->s.len;
	char *out = arena_alloc(&stk, (as_pattern ? n * 2 : n) + 1), *q = out;
	for (size_t i = 0; i < n;) {
		/* Copy a run of ordinary bytes at once: values may be long. */
		size_t j = as_pattern ? i : skip_unmarked(a, i, n);
		while (j < n && !is_mark(a[j]) && !(as_pattern && a[j] == A_QUO))
			j++;
		memcpy(q, s + i, j - i);
		q += j - i;
		if (j == n)
			break;
		if (!is_mark(a[j])) {   /* a quoted byte of a pattern */
			if (strchr(PATTERN_SPECIAL, s[j]))
				*q++ = '\\';
			*q++ = s[j];
		}
		i = j + 1;
	}
	*q = '\0';
	return out;
}

/* Expand the word of ${x-word} etc. to a plain string (on the stack). */
static char *word_to_string(const char *p, const char *end, int mode)
{
	struct exp sub;
	exp_init(&sub);
	expand_text(&sub, p, end, (mode & (M_DQ | M_BRACE)) | M_TILDE | M_FLAT);
	char *r = flatten(&sub, false);
	exp_free(&sub);
	return r;
}

/* A pattern (on stk): quoted characters escaped with '\'. */
static char *word_to_pattern(const char *p, const char *end, int mode)
{
	struct exp sub;
	exp_init(&sub);
	expand_text(&sub, p, end, (mode & M_DQ) | M_TILDE | M_FLAT);
	char *r = flatten(&sub, true);
	exp_free(&sub);
	return r;
}

static void assign_default(const char *name, size_t len, const char *value)
{
	if (!is_name_start(name[0]))
		sh_error(2, "%.*s: cannot assign in this way", (int)len, name);
	if (var_set(arena_strndup(&stk, name, len), value, 0) < 0)
		sh_raise(2);
}

/* The word of ${x-word} or ${x+word} in place of the parameter: unquoted,
 * all of it is subject to splitting, as one region (dash). */
static void expand_word(struct exp *e, const char *p, const char *end, int mode)
{
	if (QUOTED(mode)) {
		expand_text(e, p, end, (mode & ~M_TILDE) | M_BRACE);
		return;
	}
	expand_text(e, p, end, mode | M_TILDE | M_BRACE | M_SPLIT);
	emit_mark(e, A_END);
}

/* ${...}: p at '$', end just past the closing '}'. */
static void expand_brace(struct exp *e, const char *p, const char *end, int mode)
{
	const char *q = p + 2, *close = end - 1;
	bool length = false;
	if (*q == '#' && q + 1 < close) {
		length = true;
		q++;
	}
	const char *name = q;
	if (is_name_start(*q))
		while (is_name_char(*q))
			q++;
	else if (*q >= '0' && *q <= '9')
		while (*q >= '0' && *q <= '9')
			q++;
	else if (is_special_param(*q))
		q++;
	size_t nlen = (size_t)(q - name);
	if (nlen == 0 || (length && q != close))
		sh_error(2, "%.*s: bad substitution", (int)(end - p), p);
	bool at_or_star = nlen == 1 && (*name == '@' || *name == '*');
	const char *val = at_or_star ? NULL : param_value(name, nlen);
	bool set = at_or_star || val != NULL;   /* $@ and $* count as set (dash) */

	if (length) {
		if (!set && opts[OPT_NOUNSET] && !at_or_star)
			unset_error(name, nlen);
		char buf[32];
		size_t n = at_or_star ? joined_params_length() : (val ? strlen(val) : 0);
		snprintf(buf, sizeof buf, "%zu", n);
		emit_value(e, buf, mode);
		return;
	}
	if (q == close) {
		if (at_or_star)
			emit_params(e, *name, mode);
		else if (val)
			emit_value(e, val, mode);
		else if (opts[OPT_NOUNSET])
			unset_error(name, nlen);
		return;
	}
	bool colon = *q == ':';
	if (colon)
		q++;
	char op = *q++;
	const char *word = q;
	if (op == '%' || op == '#') {
		if (colon)
			sh_error(2, "%.*s: bad substitution", (int)(end - p), p);
		bool longest = *q == op;
		if (longest)
			word++;
		if (!set && opts[OPT_NOUNSET])
			unset_error(name, nlen);
		/* A pattern with expansions may change the value ("${x%$((x=3))}",
		 * $RANDOM read again): then trim a copy. */
		size_t wlen = (size_t)(close - word);
		bool expands = memchr(word, '$', wlen) || memchr(word, '`', wlen);
		const char *s = !val ? "" : expands ? arena_strdup(&stk, val) : val;
		char *pat = word_to_pattern(word, close, mode & ~M_DQ);
		if (at_or_star)
			s = "";
		size_t len;
		enum trim how = op == '#' ? (longest ? TRIM_LONG_PREFIX : TRIM_SHORT_PREFIX)
		                          : (longest ? TRIM_LONG_SUFFIX : TRIM_SHORT_SUFFIX);
		const char *r = pattern_trim(s, pat, how, &len);
		emit_result(e, r, len, mode);
		return;
	}
	bool use_word;
	if (at_or_star)
		use_word = colon ? posparams.n == 0 || (posparams.n == 1 && !*posparams.v[0]) : !set;
	else
		use_word = !set || (colon && !*val);
	switch (op) {
	case '-':
		if (use_word)
			expand_word(e, word, close, mode);
		else if (at_or_star)
			emit_params(e, *name, mode);
		else
			emit_value(e, val, mode);
		return;
	case '+':
		if (!use_word)
			expand_word(e, word, close, mode);
		return;
	case '=':
		if (use_word) {
			char *v = word_to_string(word, close, mode);
			assign_default(name, nlen, v);
			emit_value(e, v, mode);
		} else if (at_or_star) {
			emit_params(e, *name, mode);
		} else {
			emit_value(e, val, mode);
		}
		return;
	case '?':
		if (use_word) {
			char *v = word_to_string(word, close, mode);
			sh_warn("%.*s: %s", (int)nlen, name, *v ? v : "parameter not set");
			sh_raise(2);
		}
		if (at_or_star)
			emit_params(e, *name, mode);
		else
			emit_value(e, val, mode);
		return;
	default:
		sh_error(2, "%.*s: bad substitution", (int)(end - p), p);
	}
}

static void expand_simple_param(struct exp *e, const char *p, const char *end, int mode)
{
	const char *name = p + 1;
	size_t nlen = (size_t)(end - name);
	if (nlen == 1 && (*name == '@' || *name == '*')) {
		emit_params(e, *name, mode);
		return;
	}
	const char *v = param_value(name, nlen);
	if (v)
		emit_value(e, v, mode);
	else if (opts[OPT_NOUNSET])
		unset_error(name, nlen);
}

/* ---- command substitution and arithmetic ---- */

static void emit_subst_output(struct exp *e, struct strbuf *out, int mode)
{
	size_t n = out->len;
	while (n > 0 && out->s[n - 1] == '\n')
		n--;
	emit_result(e, out->s ? out->s : "", n, mode);
}

static void expand_cmdsubst(struct exp *e, const char *body, size_t len, int mode)
{
	struct strbuf out;
	sb_init(&out);
	char *text = xstrndup(body, len);
	expand_subst_status = exec_subst(text, &out);
	free(text);
	emit_subst_output(e, &out, mode);
	sb_free(&out);
}

/* `...`: undo the backslash escaping of \\ \` \$ (and \" inside "..."). */
static void expand_backquote(struct exp *e, const char *p, const char *end, int mode)
{
	struct strbuf body;
	sb_init(&body);
	for (const char *q = p + 1; q < end - 1; q++) {
		if (*q == '\\' && q + 1 < end - 1 &&
		    (q[1] == '\\' || q[1] == '`' || q[1] == '$' || ((mode & M_DQ) && q[1] == '"')))
			q++;
		sb_addc(&body, *q);
	}
	expand_cmdsubst(e, body.s ? body.s : "", body.len, mode);
	sb_free(&body);
}

static void expand_arith(struct exp *e, const char *p, const char *end, int mode)
{
	char *expr = word_to_string(p + 3, end - 2, M_DQ);
	char buf[32];
	arith_format(arith_eval(expr), buf);

	emit_value(e, buf, mode);
}

static const char *expand_dollar(struct exp *e, const char *p, int mode)
{
	const char *end = skip_dollar(p, QUOTED(mode));
	if (end == p + 1) {
		emit(e, "$", 1, literal_attr(mode));
		return end;
	}
	if (p[1] == '{')
		expand_brace(e, p, end, mode);
	else if (p[1] == '(' && p[2] == '(' && end[-1] == ')' && end[-2] == ')' &&
	         skip_arith(p + 1) == end)
		expand_arith(e, p, end, mode);
	else if (p[1] == '(')
		expand_cmdsubst(e, p + 2, (size_t)(end - p - 3), mode);
	else
		expand_simple_param(e, p, end, mode);
	return end;
}

/* ---- tilde ---- */

static const char *expand_tilde(struct exp *e, const char *p, const char *end, int mode)
{
	const char *q = p + 1;
	while (q < end && *q != '/' && !((mode & M_ASSIGN) && *q == ':')) {
		if (strchr("'\"\\$`", *q)) {
			emit(e, "~", 1, A_LIT);
			return p + 1;
		}
		q++;
	}
	const char *home = NULL;
	if (q == p + 1) {
		home = var_get("HOME");
		if (!home) {
			struct passwd *pw = getpwuid(getuid());
			home = pw ? pw->pw_dir : NULL;
		}
	} else {
		char *user = xstrndup(p + 1, (size_t)(q - p - 1));
		struct passwd *pw = getpwnam(user);
		free(user);
		home = pw ? pw->pw_dir : NULL;
	}
	if (!home) {
		emit(e, p, (size_t)(q - p), A_LIT);
		return q;
	}
	emit(e, home, strlen(home), A_QUO);
	if (!*home)
		emit_mark(e, A_KEEP);
	return q;
}

/* ---- the walk ---- */

/* Characters a backslash escapes inside double quotes or a here-document. */
static bool dq_escapable(char c, int mode)
{
	if (c == '}' && (mode & M_BRACE))
		return true;
	return c && strchr((mode & M_HEREDOC) ? "$`\\\n" : "$`\"\\\n", c);
}

/* Characters that end a run of ordinary text in expand_text. */
static const bool run_stop[256] = {
	['\''] = true, ['"'] = true, ['\\'] = true, ['$'] = true, ['`'] = true,
	[':'] = true, ['~'] = true,
};

static void expand_text(struct exp *e, const char *p, const char *end, int mode)
{
	bool quoted_ctx = mode & (M_DQ | M_HEREDOC);
	bool tilde_ok = mode & M_TILDE;
	while (p < end) {
		char c = *p;
		if (tilde_ok && c == '~' && !quoted_ctx) {
			tilde_ok = false;
			p = expand_tilde(e, p, end, mode);
			continue;
		}
		tilde_ok = false;
		switch (c) {
		case '\'':
			if (quoted_ctx)
				break;
			{
				const char *q = skip_squote(p);
				const char *stop = q > end ? end : q;
				emit_mark(e, A_KEEP);
				if (stop - p >= 2)
					emit(e, p + 1, (size_t)(stop - p - 2), A_QUO);
				p = q;
				continue;
			}
		case '"':
			if (mode & M_HEREDOC)
				break;
			{
				const char *q = skip_dquote(p);
				bool saved = e->saw_at;
				e->saw_at = false;
				expand_text(e, p + 1, q - 1, (mode | M_DQ) & ~M_TILDE);
				if (!e->saw_at)
					emit_mark(e, A_KEEP);
				e->saw_at = saved;
				p = q;
				continue;
			}
		case '\\':
			if (p + 1 >= end) {
				emit(e, "\\", 1, quoted_ctx ? A_QUO : A_LIT);
				p++;
				continue;
			}
			if (quoted_ctx && !dq_escapable(p[1], mode)) {
				emit(e, "\\", 1, A_QUO);
				p++;
				continue;
			}
			if (p[1] == '\n' && quoted_ctx) {
				p += 2;
				continue;
			}
			emit(e, p + 1, 1, A_QUO);
			p += 2;
			continue;
		case '$':
			p = expand_dollar(e, p, mode);
			continue;
		case '`': {
			const char *q = skip_backquote(p);
			expand_backquote(e, p, q, mode);
			p = q;
			continue;
		}
		case ':':
			if (!(mode & M_ASSIGN) || quoted_ctx)
				break;
			/* A tilde prefix may follow this colon, and only this one. */
			emit(e, ":", 1, literal_attr(mode));
			tilde_ok = true;
			p++;
			continue;
		}
		/* A run of ordinary characters at once. */
		const char *q = p + 1;
		while (q < end && !run_stop[(unsigned char)*q])
			q++;
		emit(e, p, (size_t)(q - p), literal_attr(mode));
		p = q;
	}
}

/* ---- field splitting and globbing ---- */

struct fields {
	char **v;
	int n, cap;
};

/* The array grows on stk too: an error in a later word longjmps past it. */
static void add_field(struct fields *f, const char *s, size_t len)
{
	if (f->n + 1 >= f->cap) {
		f->cap = f->cap ? f->cap * 2 : 8;
		char **v = arena_alloc(&stk, sizeof *f->v * (size_t)f->cap);
		if (f->n)
			memcpy(v, f->v, sizeof *f->v * (size_t)f->n);
		f->v = v;
	}
	f->v[f->n++] = arena_strndup(&stk, s, len);
}

static int cmp_str(const void *a, const void *b)
{
	return strcoll(*(char *const *)a, *(char *const *)b);
}

static void glob_field(struct fields *f, const char *text, size_t len, const char *pat)
{
	glob_t g;
	if (glob(pat, GLOB_NOSORT, NULL, &g) == 0 && g.gl_pathc > 0) {
		qsort(g.gl_pathv, g.gl_pathc, sizeof *g.gl_pathv, cmp_str);
		for (size_t i = 0; i < g.gl_pathc; i++)
			add_field(f, g.gl_pathv[i], strlen(g.gl_pathv[i]));
		globfree(&g);
		return;
	}
	globfree(&g);
	add_field(f, text, len);
}

struct field_builder {
	struct strbuf text, pat;
	bool content;
	bool magic;
	char text_buf[96], pat_buf[96];
};

static void finish_field(struct fields *f, struct field_builder *b, bool do_glob)
{
	if (b->content) {
		/* A lone "[" (the test command) is no pattern: do not read the directory. */
		if (do_glob && b->magic && pattern_has_magic(b->pat.s))
			glob_field(f, b->text.s, b->text.len, b->pat.s);
		else
			add_field(f, b->text.s, b->text.len);
	}
	b->text.len = b->pat.len = 0;
	b->text.s[0] = b->pat.s[0] = '\0';
	b->content = b->magic = false;
}

/* A byte of an unquoted expansion's result that is in IFS. */
static bool is_ifs_delim(char c, enum attr at, const char *ifs)
{
	return at == A_EXP && c && strchr(ifs, c);
}

static void add_to_field(struct field_builder *b, char c, enum attr at, bool do_glob)
{
	sb_addc(&b->text, c);
	b->content = true;
	if (!do_glob)
		return;
	if (at == A_QUO || (at == A_EXP && c == '\\')) {
		if (strchr(PATTERN_SPECIAL, c))
			sb_addc(&b->pat, '\\');
	} else if (c == '*' || c == '?' || c == '[') {
		b->magic = true;
	}
	sb_addc(&b->pat, c);
}

/* How far a run of IFS delimiters reaches (XCU 2.6.5, as dash does it): IFS
 * white space around one delimiter belongs to it, and white space followed
 * by one non-white-space character is a single delimiter. */
enum delim_run { RUN_NONE, RUN_AFTER_WS, RUN_AFTER_NONWS };

static void split_fields(struct exp *e, struct fields *f)
{
	const char *ifs = var_ifs();
	bool do_glob = e->magic && !opts[OPT_NOGLOB];
	struct field_builder b;
	b.content = b.magic = false;
	sb_init_with(&b.text, &stk, b.text_buf, sizeof b.text_buf);
	sb_init_with(&b.pat, &stk, b.pat_buf, sizeof b.pat_buf);
	enum delim_run run = RUN_NONE;
	for (size_t i = 0; i < e->s.len; i++) {
		char c = e->s.s[i];
		enum attr at = (enum attr)e->a.s[i];
		if (!do_glob && (at == A_LIT || at == A_QUO)) {
			/* Text from the word itself never splits: take the run at once. */
			size_t j = i + 1;
			while (j < e->s.len && (e->a.s[j] == A_LIT || e->a.s[j] == A_QUO))
				j++;
			sb_addn(&b.text, e->s.s + i, j - i);
			b.content = true;
			run = RUN_NONE;
			i = j - 1;
			continue;
		}
		if (!is_ifs_delim(c, at, ifs)) {
			run = RUN_NONE;
			if (at == A_BRK)
				finish_field(f, &b, do_glob);
			else if (at == A_KEEP)
				b.content = true;
			else if (at != A_END)
				add_to_field(&b, c, at, do_glob);
			continue;
		}
		bool ws = c == ' ' || c == '\t' || c == '\n';
		if (run == RUN_AFTER_WS || (run == RUN_AFTER_NONWS && ws)) {
			if (!ws)
				run = RUN_AFTER_NONWS;
			continue;
		}
		if (ws && !b.content)
			continue;   /* white space before a field */
		b.content = true;   /* a non-white-space delimiter ends even an empty field */
		finish_field(f, &b, do_glob);
		run = ws ? RUN_AFTER_WS : RUN_AFTER_NONWS;
	}
	finish_field(f, &b, do_glob);
	sb_free(&b.text);
	sb_free(&b.pat);
}

/* Characters that need the full expansion walk. */
static const bool not_plain[256] = {
	['$'] = true, ['`'] = true, ['\''] = true, ['"'] = true, ['\\'] = true,
	['~'] = true, ['*'] = true, ['?'] = true, ['['] = true,
};

static bool is_plain(const char *s)
{
	for (; *s; s++)
		if (not_plain[(unsigned char)*s])
			return false;
	return true;
}

/* export, readonly and local are declaration utilities (as in dash): their
 * NAME=value operands expand like assignments, without splitting or globbing.
 * `fields` are the words expanded so far; `command` may come first. */
static bool is_declaration(const struct fields *f)
{
	int i = 0;
	while (i < f->n && strcmp(f->v[i], "command") == 0)
		i++;
	if (i == f->n)
		return false;
	const char *name = f->v[i];
	return strcmp(name, "export") == 0 || strcmp(name, "readonly") == 0 ||
	       strcmp(name, "local") == 0;
}

static void expand_declaration(struct fields *f, const char *raw)
{
	int nl = assignment_name_len(raw);
	const char *value = expand_assignment_value(raw + nl + 1);
	size_t vl = strlen(value);
	char *field = arena_alloc(&stk, (size_t)nl + vl + 2);
	memcpy(field, raw, (size_t)nl + 1);
	memcpy(field + nl + 1, value, vl + 1);
	add_field(f, field, (size_t)nl + 1 + vl);
}

static char **expand_list(struct word *words, int *argc, bool command)
{
	struct fields f = { NULL, 0, 0 };
	for (struct word *w = words; w; w = w->next) {
		if (is_plain(w->text)) {
			add_field(&f, w->text, strlen(w->text));
			continue;
		}
		if (command && f.n > 0 && assignment_name_len(w->text) && is_declaration(&f)) {
			expand_declaration(&f, w->text);
			continue;
		}
		struct exp e;
		exp_init(&e);
		expand_text(&e, w->text, w->text + strlen(w->text), M_TILDE);
		split_fields(&e, &f);
		exp_free(&e);
	}
	if (!f.v)
		f.v = arena_alloc(&stk, sizeof *f.v);
	f.v[f.n] = NULL;   /* add_field keeps room for it */
	*argc = f.n;
	return f.v;
}

char **expand_words(struct word *words, int *argc)
{
	return expand_list(words, argc, false);
}

char **expand_command(struct word *words, int *argc)
{
	return expand_list(words, argc, true);
}

static char *expand_flat(const char *raw, int mode)
{
	if (is_plain(raw))
		return arena_strdup(&stk, raw);
	struct exp e;
	exp_init(&e);
	expand_text(&e, raw, raw + strlen(raw), mode | M_FLAT);
	char *r = flatten(&e, false);
	exp_free(&e);
	return r;
}

char *expand_assignment_value(const char *raw)
{
	return expand_flat(raw, M_ASSIGN | M_TILDE);
}

char *expand_string(const char *raw)
{
	return expand_flat(raw, M_TILDE);
}

char *expand_heredoc(const char *body)
{
	if (!strpbrk(body, "$`\\"))
		return (char *)body;
	return expand_flat(body, M_HEREDOC);
}

char *expand_pattern(const char *raw)
{
	if (is_plain(raw))
		return (char *)raw;   /* no quotes, no expansions, no pattern characters */
	return word_to_pattern(raw, raw + strlen(raw), 0);
}

char *expand_caught(const char *raw, bool heredoc_rules)
{
	static char *result;   /* static: survives the longjmp */
	struct handler h;
	h.prev = sh_handler;
	sh_handler = &h;
	struct arena_mark m = arena_mark(&stk);
	result = NULL;
	if (!setjmp(h.env))
		result = xstrdup(heredoc_rules ? expand_heredoc(raw) : expand_string(raw));
	sh_handler = h.prev;
	arena_release(&stk, m);
	char *r = result;
	result = NULL;
	return r;
}

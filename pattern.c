/* Pattern matching (see pattern.h). Scripts run in the C locale, where a
 * character is a byte: there the matcher below is used, which needs no copy
 * of the subject and no locale machinery. In a multibyte locale (the
 * interactive shell) fnmatch(3) matches whole characters instead. */
#include "pattern.h"

#include <ctype.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "memalloc.h"

/* The commonest case patterns, text, text*, *text and *text*, compared
 * directly. Returns -1 when the pattern is not of that form. */
static int simple_match(const char *pat, const char *s, size_t n)
{
	bool lead = *pat == '*';
	const char *mid = pat + lead;
	size_t m = strcspn(mid, "*?[\\");
	bool trail = mid[m] == '*' && mid[m + 1] == '\0';
	if (mid[m] && !trail)
		return -1;
	if (lead && trail)
		return m == 0 || memmem(s, n, mid, m) != NULL;
	if (m > n)
		return 0;
	if (lead)
		return memcmp(s + n - m, mid, m) == 0;
	if (trail)
		return memcmp(s, mid, m) == 0;
	return m == n && memcmp(s, mid, m) == 0;
}

static int class_matches(const char *name, size_t len, unsigned char c)
{
	static const struct {
		const char *name;
		int (*is)(int);
	} classes[] = {
		{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank },
		{ "cntrl", iscntrl }, { "digit", isdigit }, { "graph", isgraph },
		{ "lower", islower }, { "print", isprint }, { "punct", ispunct },
		{ "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
	};
	for (size_t i = 0; i < sizeof classes / sizeof *classes; i++)
		if (strlen(classes[i].name) == len && memcmp(classes[i].name, name, len) == 0)
			return classes[i].is(c) != 0;
	return -1;
}

/* Bracket expressions with collating symbols [.c.], equivalence classes
 * [=c=], unknown [:classes:], or a '[' at either end of a range have corner
 * cases where glibc's reading is its own; such patterns go to fnmatch. */
static bool needs_fnmatch(const char *pat)
{
	if (MB_CUR_MAX > 1)
		return true;
	for (const char *p = strchr(pat, '['); p; p = strchr(p + 1, '[')) {
		if (p[1] == '.' || p[1] == '=' || (p > pat && p[-1] == '-'))
			return true;
		if (p[1] == ':') {
			const char *close = strstr(p + 2, ":]");
			if (!close || close[2] == '-' || class_matches(p + 2, (size_t)(close - p - 2), 0) < 0)
				return true;
		}
	}
	return false;
}

enum { BRACKET_OPEN = -1 };

/* Match byte c against the bracket expression after the '[' at p: 1 or 0,
 * with *after set past its ']'; BRACKET_OPEN if it has no ']' (the '[' is
 * then an ordinary character). needs_fnmatch has ruled out the rest. */
static int match_bracket(const char *p, unsigned char c, const char **after)
{
	bool negate = *p == '!' || *p == '^';
	p += negate;
	bool found = false;
	for (bool first = true; *p != ']' || first; first = false) {
		if (p[0] == '[' && p[1] == ':') {
			const char *name = p + 2, *close = strstr(name, ":]");
			found |= class_matches(name, (size_t)(close - name), c) > 0;
			p = close + 2;
			continue;
		}
		p += *p == '\\';
		if (!*p)
			return BRACKET_OPEN;
		unsigned char lo = (unsigned char)*p++, hi = lo;
		if (p[0] == '-' && p[1] && p[1] != ']') {
			p += 1 + (p[1] == '\\');
			if (!*p)
				return BRACKET_OPEN;
			hi = (unsigned char)*p++;
		}
		found |= lo <= c && c <= hi;
	}
	*after = p + 1;
	return found != negate;
}

/* The classic matcher with one backtracking point: only the last * needs
 * to be retried, since everything after it matches a fixed number of bytes
 * up to the next *. */
static bool byte_match(const char *p, const char *s, const char *end)
{
	const char *star_p = NULL, *star_s = NULL;
	for (;;) {
		if (*p == '*') {
			while (*p == '*')
				p++;
			if (!*p)
				return true;
			star_p = p;
			star_s = s;
			continue;
		}
		if (!*p) {
			if (s == end)
				return true;
		} else {
			if (s == end)
				return false;
			unsigned char c = (unsigned char)*s;
			const char *next = p + 1;
			int ok;
			if (*p == '?') {
				ok = 1;
			} else if (*p == '[') {
				ok = match_bracket(p + 1, c, &next);
				if (ok == BRACKET_OPEN) {
					ok = c == '[';
					next = p + 1;
				}
			} else if (*p == '\\') {
				/* A trailing backslash (from an unquoted $var) is itself, as in dash. */
				ok = c == (unsigned char)(p[1] ? p[1] : '\\');
				next = p + 1 + !!p[1];
			} else {
				ok = c == (unsigned char)*p;
			}
			if (ok) {
				p = next;
				s++;
				continue;
			}
		}
		if (!star_p || star_s == end)
			return false;
		p = star_p;
		s = ++star_s;
	}
}

/* Does pat match the n bytes at s? With a scratch buffer (n + 1 bytes) for
 * the string fnmatch wants when needs_fnmatch(pat), else NULL. */
static bool match_n(const char *pat, const char *s, size_t n, char *scratch)
{
	int r = simple_match(pat, s, n);
	if (r >= 0)
		return r;
	if (!scratch)
		return byte_match(pat, s, s + n);
	memcpy(scratch, s, n);
	scratch[n] = '\0';
	return fnmatch(pat, scratch, 0) == 0;
}

bool pattern_match(const char *pat, const char *s)
{
	size_t n = strlen(s);
	int r = simple_match(pat, s, n);
	if (r >= 0)
		return r;
	if (!needs_fnmatch(pat))
		return byte_match(pat, s, s + n);
	return fnmatch(pat, s, 0) == 0;
}

/* Does a bracket expression start at p (a '[' with a closing ']')? */
static bool bracket_closes(const char *p)
{
	p++;
	if (*p == '!' || *p == '^')
		p++;
	if (*p == ']')
		p++;   /* a leading ']' is a member, not the end */
	for (; *p; p++) {
		if (*p == '\\' && p[1])
			p++;
		else if (*p == ']')
			return true;
	}
	return false;
}

bool pattern_has_magic(const char *pat)
{
	for (const char *p = pat; *p; p++) {
		if (*p == '\\' && p[1])
			p++;
		else if (*p == '*' || *p == '?' || (*p == '[' && bracket_closes(p)))
			return true;
	}
	return false;
}

/* A pattern without magic characters: compare the text directly. */
static const char *trim_literal(const char *s, size_t n, const char *pat, enum trim how,
                                size_t *len)
{
	char *lit = xmalloc(strlen(pat) + 1), *q = lit;
	for (const char *p = pat; *p; p++)
		*q++ = (*p == '\\' && p[1]) ? *++p : *p;
	*q = '\0';
	size_t m = strlen(lit);
	const char *r = s;
	if (m <= n) {
		if ((how == TRIM_SHORT_PREFIX || how == TRIM_LONG_PREFIX) && memcmp(s, lit, m) == 0)
			r = s + m, *len = n - m;
		else if ((how == TRIM_SHORT_SUFFIX || how == TRIM_LONG_SUFFIX) &&
		         memcmp(s + n - m, lit, m) == 0)
			*len = n - m;
	}
	free(lit);
	return r;
}

const char *pattern_trim(const char *s, const char *pat, enum trim how, size_t *len)
{
	size_t n = strlen(s);
	*len = n;
	if (!pattern_has_magic(pat))
		return trim_literal(s, n, pat, how, len);
	char *scratch = needs_fnmatch(pat) ? xmalloc(n + 1) : NULL;
	const char *result = s;
	switch (how) {
	case TRIM_SHORT_PREFIX:
		for (size_t i = 0; i <= n; i++)
			if (match_n(pat, s, i, scratch)) {
				result = s + i, *len = n - i;
				break;
			}
		break;
	case TRIM_LONG_PREFIX:
		for (size_t i = n + 1; i-- > 0;)
			if (match_n(pat, s, i, scratch)) {
				result = s + i, *len = n - i;
				break;
			}
		break;
	case TRIM_SHORT_SUFFIX:
		for (size_t i = n + 1; i-- > 0;)
			if (match_n(pat, s + i, n - i, scratch)) {
				*len = i;
				break;
			}
		break;
	case TRIM_LONG_SUFFIX:
		for (size_t i = 0; i <= n; i++)
			if (match_n(pat, s + i, n - i, scratch)) {
				*len = i;
				break;
			}
		break;
	}
	free(scratch);
	return result;
}

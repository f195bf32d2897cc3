/* Pattern matching on top of fnmatch(3) (see pattern.h). */
#include "pattern.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "memalloc.h"

/* The commonest case patterns, text, text*, *text and *text*, compared
 * directly: fnmatch tries every position for a leading *. Returns -1 when
 * the pattern is not of that form. */
static int simple_match(const char *pat, const char *s)
{
	bool lead = *pat == '*';
	const char *mid = pat + lead;
	size_t m = strcspn(mid, "*?[\\");
	bool trail = mid[m] == '*' && mid[m + 1] == '\0';
	if (mid[m] && !trail)
		return -1;
	size_t n = strlen(s);
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

bool pattern_match(const char *pat, const char *s)
{
	int r = simple_match(pat, s);
	if (r >= 0)
		return r;
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

static bool prefix_matches(const char *pat, const char *s, size_t n, char *scratch)
{
	memcpy(scratch, s, n);
	scratch[n] = '\0';
	return pattern_match(pat, scratch);
}

const char *pattern_trim(const char *s, const char *pat, enum trim how, size_t *len)
{
	size_t n = strlen(s);
	*len = n;
	if (!pattern_has_magic(pat)) {
		/* A literal pattern: compare directly, no matching loop needed. */
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
	char *scratch = xmalloc(n + 1);
	const char *result = s;
	switch (how) {
	case TRIM_SHORT_PREFIX:
		for (size_t i = 0; i <= n; i++)
			if (prefix_matches(pat, s, i, scratch)) {
				result = s + i, *len = n - i;
				break;
			}
		break;
	case TRIM_LONG_PREFIX:
		for (size_t i = n + 1; i-- > 0;)
			if (prefix_matches(pat, s, i, scratch)) {
				result = s + i, *len = n - i;
				break;
			}
		break;
	case TRIM_SHORT_SUFFIX:
		for (size_t i = n + 1; i-- > 0;)
			if (pattern_match(pat, s + i)) {
				*len = i;
				break;
			}
		break;
	case TRIM_LONG_SUFFIX:
		for (size_t i = 0; i <= n; i++)
			if (pattern_match(pat, s + i)) {
				*len = i;
				break;
			}
		break;
	}
	free(scratch);
	return result;
}

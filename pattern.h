/* Shell pattern matching (XCU 2.13) for case, ${x%p} and friends.
 * Patterns here have quoted characters escaped with a backslash. */
#ifndef FDSH_PATTERN_H
#define FDSH_PATTERN_H

#include <stdbool.h>
#include <stddef.h>

/* The characters a quoted character must be escaped from: the pattern
 * characters and, inside brackets, "-", "!" and "^" ("[a\-z]" is 3 bytes). */
#define PATTERN_SPECIAL "*?[]\\-!^"

bool pattern_match(const char *pat, const char *s);
/* Does the pattern contain an unescaped * ? or [ ? */
bool pattern_has_magic(const char *pat);

enum trim { TRIM_SHORT_PREFIX, TRIM_LONG_PREFIX, TRIM_SHORT_SUFFIX, TRIM_LONG_SUFFIX };
/* Remove the matching prefix/suffix: returns the start and sets *len of what is left. */
const char *pattern_trim(const char *s, const char *pat, enum trim how, size_t *len);

#endif

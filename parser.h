/* The parser: tokens -> AST (ast.h), one complete command at a time, so a
 * script's later lines are read only after the earlier ones have run. */
#ifndef FDSH_PARSER_H
#define FDSH_PARSER_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct input;
struct node;

enum parse_status {
	PARSE_OK,     /* *out is the command, or NULL for an empty line */
	PARSE_EOF,    /* no more input */
	PARSE_ERROR,  /* a syntax error, already reported */
};

/* Parse the next complete command from `in`, allocating nodes on `a`. */
enum parse_status parse_next(struct input *in, struct arena *a, struct node **out);

/* Length of a command substitution body up to and including its ')',
 * s starting right after "$("; 0 if it does not parse. */
size_t parse_subst_length(const char *s);

/* Is `s` a valid variable name (of length n, or up to '=' / NUL when n < 0)? */
int is_name(const char *s, int n);
/* Length of the NAME in "NAME=value", or 0 if `word` is not an assignment. */
int assignment_name_len(const char *word);
/* Is word a reserved word (if, then, {, !, ...)? For type and command -v. */
bool parse_is_reserved(const char *word);

#endif

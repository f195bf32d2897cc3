/* Word expansion (XCU 2.6): tilde, parameters, command substitution,
 * arithmetic, field splitting, pathname expansion and quote removal.
 * Results live on the expansion stack (stk) until the command's mark is
 * released. */
#ifndef FDSH_EXPAND_H
#define FDSH_EXPAND_H

#include <stdbool.h>

struct word;

/* All expansions; returns a NULL-terminated argv and sets *argc. */
char **expand_words(struct word *words, int *argc);
/* The same for the words of a simple command, where the NAME=value operands
 * of export, readonly and local expand as assignments (no splitting). */
char **expand_command(struct word *words, int *argc);
/* No field splitting or globbing: assignment values (tilde after '=' and ':'). */
char *expand_assignment_value(const char *raw);
/* No field splitting or globbing: redirection targets, case subjects. */
char *expand_string(const char *raw);
/* A pattern for case or ${x%p}: quoted characters escaped with '\'. */
char *expand_pattern(const char *raw);
/* A here-document body: only $, ` and \ are special. */
char *expand_heredoc(const char *body);

/* expand_string (or expand_heredoc's rules) for text the shell itself reads
 * (prompts, $ENV): an expansion error is caught here instead of unwinding the
 * caller. Returns a malloc'ed string, or NULL after an error. */
char *expand_caught(const char *raw, bool heredoc_rules);

/* Status of the last command substitution, for commands with no words. */
extern int expand_subst_status;

/* Where the raw text of a $...  or `...` construct starting at p ends. */
const char *expand_skip_dollar(const char *p);

#endif

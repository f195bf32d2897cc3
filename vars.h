/* Variables, the environment passed to commands, local scopes and the
 * positional parameters. */
#ifndef FDSH_VARS_H
#define FDSH_VARS_H

#include <stdbool.h>

#define V_EXPORT   0x1
#define V_READONLY 0x2

void var_init(char **environ);

/* The value, or NULL when unset. */
const char *var_get(const char *name);
int var_flags(const char *name);   /* -1 when the variable does not exist */
/* Set a value (NULL keeps the old value: used to only add flags). Prints an
 * error and returns -1 if the variable is read-only. */
int var_set(const char *name, const char *value, int flags);
/* "NAME=value" */
int var_assign(const char *assignment, int flags);
int var_unset(const char *name);
/* Mark a name exported or read-only without changing its value. */
int var_add_flags(const char *name, int flags);

/* NAME=value strings for execve, rebuilt only after an exported change. */
char **var_environ(void);

/* Call fn for every set variable (and exported/read-only unset ones), in name order. */
void var_each(void (*fn)(const char *name, const char *value, int flags, void *ctx), void *ctx);

/* Local scopes: a function call or a command's prefix assignments. */
void var_push_scope(void);
/* A function call's scope: also installs new positional parameters, which
 * var_pop_scope puts back (also when an error unwinds the scopes). */
void var_push_function_scope(int n, char *const *v);
void var_pop_scope(void);
/* Pop scopes until `depth` are left (error recovery). */
void var_unwind(int depth);
/* Remember the variable's state so var_pop_scope restores it. */
void var_make_local(const char *name);
/* `local -`: the shell options are restored when the scope is popped. */
void var_make_options_local(void);
int var_scope_depth(void);

/* The value of IFS (never NULL: unset IFS means " \t\n"). */
const char *var_ifs(void);

/* Positional parameters $1 ... */
struct params {
	int n;
	char **v;
	int optind, optoff;   /* getopts' place in these parameters: word, offset in it (-1: none) */
};
extern struct params posparams;
/* Replace the parameters with copies of v[0..n). */
void params_set(int n, char *const *v);
void params_free(struct params *p);

/* In a forked child: a new RANDOM sequence, so subshells differ (bash). */
void var_reseed_random(void);

#endif

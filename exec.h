/* The launcher: runs AST nodes. Pipelines are built with pipe, fork, dup2
 * and close; builtins and functions run in the shell unless they are part of
 * a pipeline; every child is waited for. */
#ifndef FDSH_EXEC_H
#define FDSH_EXEC_H

#include <stdbool.h>

struct input;
struct node;
struct strbuf;

/* exec_node flags */
#define EV_EXIT 0x1   /* in a child, and the last thing it does: exec without forking */

int exec_node(struct node *n, int flags);
/* Parse and run every command of a string (eval, trap actions, nc -e). */
int eval_string(const char *s, int flags);
/* The read-eval loop over an input; `top` installs the error handler. */
int eval_input(struct input *in, bool top);
/* The same; with EV_EXIT the process ends after the input, so the last
 * command of a string may replace the process instead of forking. */
int eval_input_flags(struct input *in, bool top, int flags);
/* $( ): run text in a child with stdout on a pipe; collects the output. */
int exec_subst(const char *text, struct strbuf *out);
/* Run argv as a command in the current shell, as a simple command would. */
int exec_argv(int argc, char **argv);
/* The same without looking up functions (the command builtin); a program
 * argv[0] is searched in `search` (a PATH value) if not NULL (command -p). */
int exec_argv_no_functions(int argc, char **argv, const char *search);

/* break/continue/return in progress */
enum skip { SKIP_NONE, SKIP_BREAK, SKIP_CONTINUE, SKIP_RETURN };
extern enum skip exec_skip;
extern int exec_skip_count;
extern int exec_loop_depth;
extern int exec_func_depth;

/* PATH lookups, cached until PATH changes (the hash builtin shows them). */
char *path_lookup(const char *name);   /* malloc'ed; NULL if not found */
/* The same in another PATH value, uncached; NULL path: path_lookup. */
char *path_lookup_in(const char *name, const char *path);
void exec_path_changed(void);
void hash_each(void (*fn)(const char *name, const char *path));
void hash_forget(const char *name);
bool hash_add(const char *name);

/* Functions */
struct node *func_find(const char *name);
void func_define(const char *name, const struct node *body);
int func_unset(const char *name);
void func_each(void (*fn)(const char *name, const struct node *body));

/* In a new child of the shell (after fork, and after any process group
 * change): default signals, no jobs of the parent, not interactive. */
void exec_child_setup(void);
/* Exit a child process: flush stdout and _exit (no EXIT trap of the parent). */
_Noreturn void child_exit(int status);
/* Replace the process image with argv (PATH search); returns only on error,
 * after printing it, with 126 or 127. */
int exec_program(char **argv);

#endif

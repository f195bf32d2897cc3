/* Redirections (XCU 2.7), applied left to right with open, dup2 and close.
 *
 * For commands that run in the shell itself (builtins, functions, compound
 * commands) the displaced fds are first saved above fd 10 with close-on-exec
 * on an undo stack and restored afterwards — also when a later redirection
 * of the same command fails. */
#ifndef FDSH_REDIR_H
#define FDSH_REDIR_H

#include <stdbool.h>

struct redir;

/* Returns 0, or 1 after printing why a redirection failed. */
int redir_apply(struct redir *r, bool save);
/* The undo stack: take a mark before redir_apply(..., true), undo to it after. */
int redir_mark(void);
void redir_undo(int mark);
/* Forget saved fds without restoring (exec with only redirections). */
void redir_forget(int mark);

/* The shell's own fds (script input) live above 10; a redirection of one of
 * them moves it out of the way first. */
void redir_register_private_fd(int *fdp);
void redir_unregister_private_fd(int *fdp);

#endif

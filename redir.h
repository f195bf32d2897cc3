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

/* Returns 0, or the status (1, or 2 for a bad fd) after printing why a
 * redirection failed. */
int redir_apply(struct redir *r, bool save);

/* redir_apply in two phases. Preparing expands the words and opens the
 * here-documents (all that allocates); performing only makes system calls,
 * so a child started with vfork may do it. Like dash, every target word is
 * expanded before the first redirection is performed. */
struct redir_op {
	struct redir *r;
	int fd;            /* the fd redirected */
	const char *path;  /* a file to open, or NULL */
	int flags;         /* its open flags */
	int src;           /* fd to duplicate onto `fd`; -1 closes `fd` */
	int owned_fd;      /* an fd the plan opened (here-document, socket), or -1 */
};
struct redir_plan {
	struct redir_op *ops;
	int n;
	bool fdvars;       /* has {name} redirections (they set variables) */
};
int redir_prepare(struct redir *r, struct redir_plan *plan);
int redir_perform(const struct redir_plan *plan, bool save);
/* Close the fds the plan holds (in the parent, after the child). */
void redir_plan_done(struct redir_plan *plan);
/* The undo stack: take a mark before redir_apply(..., true), undo to it after. */
int redir_mark(void);
void redir_undo(int mark);
/* Forget saved fds without restoring (exec with only redirections). */
void redir_forget(int mark);

/* The shell's own fds (script input) live above 10; a redirection of one of
 * them moves it out of the way first. */
void redir_register_private_fd(int *fdp);
/* Move one of the shell's own fds to >= 10, close-on-exec (returns the new
 * number, or fd itself if it cannot move). */
int redir_move_high(int fd);
void redir_unregister_private_fd(int *fdp);
/* The user wants fd FD for itself (nc -d FD): move a private fd off it. */
void redir_claim_fd(int fd);

#endif

/* One way to report errors: "fdsh: [SCRIPT: ]line N: what went wrong" on stderr.
 *
 * Errors that abort the current command (a bad expansion, a special builtin's
 * failure) longjmp to the innermost handler: the read-eval loop, which goes on
 * when interactive and exits otherwise. */
#ifndef FDSH_ERROR_H
#define FDSH_ERROR_H

#include <setjmp.h>

struct handler {
	jmp_buf env;
	struct handler *prev;
};
extern struct handler *sh_handler;

void sh_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Same as sh_warn, with the strerror text of errno appended after ": ". */
void sh_warn_errno(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void sh_raise(int status);
_Noreturn void sh_error(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif

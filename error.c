/* Error messages and the abort-to-handler mechanism (see error.h). */
#include "error.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "memalloc.h"
#include "shell.h"

struct handler *sh_handler;

/* Build the whole message first and write it with one call, so lines from
 * concurrent children never interleave. */
static void vwarn(const char *fmt, va_list ap, int err)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_adds(&sb, "fdsh: ");
	if (sh.script)
		sb_printf(&sb, "%s: ", sh.script);
	if (!sh.interactive || sh.script)
		sb_printf(&sb, "line %d: ", sh.lineno);
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n > 0) {
		sb_grow(&sb, (size_t)n);
		vsnprintf(sb.s + sb.len, (size_t)n + 1, fmt, ap);
		sb.len += (size_t)n;
	}
	if (err)
		sb_printf(&sb, ": %s", strerror(err));
	sb_addc(&sb, '\n');
	fflush(stdout);
	(void)!write(2, sb.s, sb.len);
	sb_free(&sb);
}

void sh_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarn(fmt, ap, 0);
	va_end(ap);
}

void sh_warn_errno(const char *fmt, ...)
{
	int err = errno;
	va_list ap;
	va_start(ap, fmt);
	vwarn(fmt, ap, err);
	va_end(ap);
}

void sh_raise(int status)
{
	sh.status = status;
	if (sh_handler)
		longjmp(sh_handler->env, 1);
	sh_exit(status);
}

void sh_error(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarn(fmt, ap, 0);
	va_end(ap);
	sh_raise(status);
}

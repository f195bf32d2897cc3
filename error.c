/* Error messages and the abort-to-handler mechanism (see error.h). */
#include "error.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "memalloc.h"
#include "shell.h"

struct handler *sh_handler;

/* Build the whole message first and write it with one call, so lines from
 * concurrent children never interleave. A stack buffer serves all but huge
 * messages: no allocation, so a child started with vfork may report too. */
static void vwarn(const char *fmt, va_list ap, int err)
{
	char buf[1024];
	size_t n = 0;
	fflush(stdout);   /* keep what a builtin printed before the message */
	n += (size_t)snprintf(buf, sizeof buf, "fdsh: ");
	if (sh.script)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s: ", sh.script);
	if ((!sh.interactive || sh.script) && n < sizeof buf)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "line %d: ", sh.lineno);
	va_list cp;
	va_copy(cp, ap);
	if (n < sizeof buf)
		n += (size_t)vsnprintf(buf + n, sizeof buf - n, fmt, cp);
	va_end(cp);
	if (err && n < sizeof buf)
		n += (size_t)snprintf(buf + n, sizeof buf - n, ": %s", strerror(err));
	if (n + 1 < sizeof buf) {
		buf[n++] = '\n';
		(void)!write(2, buf, n);
		return;
	}
	struct strbuf sb;
	sb_init(&sb);
	sb_adds(&sb, "fdsh: ");
	if (sh.script)
		sb_printf(&sb, "%s: ", sh.script);
	if (!sh.interactive || sh.script)
		sb_printf(&sb, "line %d: ", sh.lineno);
	/* ap is read twice more: measure on a copy (reusing a va_list is undefined). */
	va_copy(cp, ap);
	int len = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	char *msg = xmalloc((size_t)len + 1);
	vsnprintf(msg, (size_t)len + 1, fmt, ap);
	sb_adds(&sb, msg);
	free(msg);
	if (err)
		sb_printf(&sb, ": %s", strerror(err));
	sb_addc(&sb, '\n');
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

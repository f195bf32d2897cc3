/* printf: formatted output, as in dash.
 *
 * The format is reused while arguments remain (and the last pass consumed
 * some); missing arguments read as "" or 0. A bad number prints a warning,
 * converts as far as it could and makes the status 1; a bad directive stops
 * with status 2. %b interprets echo-style escapes, where \c ends all output. */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/builtins.h"
#include "error.h"
#include "memalloc.h"

struct printer {
	char **args;     /* the next argument */
	bool consumed;   /* this pass of the format took an argument */
	bool stop;       /* \c in a %b argument: no more output */
	int status;
};

/* One directive, "%-08.3d" split up. */
struct directive {
	char flags[6];
	int width;       /* 0 when absent */
	int precision;   /* -1 when absent */
	char conv;
};

static const char *next_arg(struct printer *p)
{
	if (!*p->args)
		return NULL;
	p->consumed = true;
	return *p->args++;
}

static bool is_octal(char c)
{
	return c >= '0' && c <= '7';
}

/* Up to `max` octal digits at *s; advances *s past them. */
static int octal_value(const char **s, int max)
{
	int v = 0;
	for (; max > 0 && is_octal(**s); max--, (*s)++)
		v = v * 8 + (**s - '0');
	return v;
}

/* The escape after a backslash (s points past it) appended to out; returns
 * where the text goes on. In the format, \NNN is octal; in a %b argument
 * \0NNN is too and \c stops everything. Unknown escapes stay as written. */
static const char *escape(const char *s, struct strbuf *out, bool in_b, bool *stop)
{
	static const char from[] = "\\abefnrtv", to[] = "\\\a\b\033\f\n\r\t\v";
	const char *hit = *s ? strchr(from, *s) : NULL;
	if (hit) {
		sb_addc(out, to[hit - from]);
		return s + 1;
	}
	if (in_b && *s == 'c') {
		*stop = true;
		return s + 1;
	}
	if (in_b && *s == '0') {
		s++;
		sb_addc(out, (char)octal_value(&s, 3));
		return s;
	}
	if (is_octal(*s)) {
		sb_addc(out, (char)octal_value(&s, 3));
		return s;
	}
	sb_addc(out, '\\');
	return s;
}

/* Report a number that did not convert cleanly; the value stays usable. */
static void check_number(struct printer *p, const char *s, const char *end, int err)
{
	if (err) {
		sh_warn("printf: %s: %s", s, strerror(err));
	} else if (end == s) {
		sh_warn("printf: %s: expected numeric value", s);
	} else if (*end) {
		sh_warn("printf: %s: not completely converted", s);
	} else {
		return;
	}
	p->status = 1;
}

/* 'c or "c: the value of the character c. */
static bool char_value(const char *s, uintmax_t *v)
{
	if (*s != '\'' && *s != '"')
		return false;
	*v = (unsigned char)s[1];
	return true;
}

static intmax_t arg_int(struct printer *p)
{
	const char *s = next_arg(p);
	uintmax_t c;
	if (!s || !*s)
		return 0;
	if (char_value(s, &c))
		return (intmax_t)c;
	char *end;
	errno = 0;
	intmax_t v = strtoimax(s, &end, 0);
	check_number(p, s, end, errno);
	return v;
}

static uintmax_t arg_uint(struct printer *p)
{
	const char *s = next_arg(p);
	uintmax_t v;
	if (!s || !*s)
		return 0;
	if (char_value(s, &v))
		return v;
	char *end;
	errno = 0;
	v = strtoumax(s, &end, 0);
	check_number(p, s, end, errno);
	return v;
}

static double arg_double(struct printer *p)
{
	const char *s = next_arg(p);
	uintmax_t c;
	if (!s || !*s)
		return 0;
	if (char_value(s, &c))
		return (double)c;
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	check_number(p, s, end, errno);
	return v;
}

/* A width or precision given as '*': the next argument. */
static int arg_star(struct printer *p)
{
	intmax_t v = arg_int(p);
	return v > INT32_MAX ? INT32_MAX : v < -INT32_MAX ? -INT32_MAX : (int)v;
}

/* %b: the argument with its escapes, padded and cut like %s (NULs kept). */
static void print_b(struct printer *p, const struct directive *d)
{
	const char *s = next_arg(p);
	struct strbuf sb;
	sb_init(&sb);
	while (s && *s && !p->stop) {
		if (*s == '\\')
			s = escape(s + 1, &sb, true, &p->stop);
		else
			sb_addc(&sb, *s++);
	}
	size_t len = sb.len;
	if (d->precision >= 0 && (size_t)d->precision < len)
		len = (size_t)d->precision;
	int width = d->width < 0 ? -d->width : d->width;
	bool left = strchr(d->flags, '-') || d->width < 0;
	int pad = width > (int)len ? width - (int)len : 0;
	if (!left)
		printf("%*s", pad, "");
	fwrite(sb.s ? sb.s : "", 1, len, stdout);
	if (left)
		printf("%*s", pad, "");
	sb_free(&sb);
}

/* Print one conversion with the C library: "%<flags>*.*<j><conv>". */
static void print_conversion(struct printer *p, const struct directive *d)
{
	char spec[16];
	bool integer = strchr("diouxX", d->conv) != NULL;
	snprintf(spec, sizeof spec, "%%%s*.*%s%c", d->flags, integer ? "j" : "", d->conv);
	int w = d->width, pr = d->precision;
	switch (d->conv) {
	case 'd': case 'i':
		printf(spec, w, pr, arg_int(p));
		break;
	case 'o': case 'u': case 'x': case 'X':
		printf(spec, w, pr, arg_uint(p));
		break;
	case 'c': {
		const char *s = next_arg(p);
		snprintf(spec, sizeof spec, "%%%s*c", d->flags);
		printf(spec, w, s ? *s : '\0');
		break;
	}
	case 's': {
		const char *s = next_arg(p);
		printf(spec, w, pr, s ? s : "");
		break;
	}
	case 'b':
		print_b(p, d);
		break;
	default:
		printf(spec, w, pr, arg_double(p));
	}
}

/* Parse "%[flags][width][.precision]conv" at fmt (on the '%'); returns the
 * end of the directive, or NULL after reporting a bad one. */
static const char *parse_directive(struct printer *p, const char *fmt, struct directive *d)
{
	const char *start = fmt++;
	size_t nf = 0;
	while (*fmt && strchr("#-+ 0", *fmt) && nf < sizeof d->flags - 1)
		d->flags[nf++] = *fmt++;
	d->flags[nf] = '\0';
	d->width = 0;
	if (*fmt == '*' && fmt++)
		d->width = arg_star(p);
	else
		while (*fmt >= '0' && *fmt <= '9')
			d->width = d->width * 10 + (*fmt++ - '0');
	d->precision = -1;
	if (*fmt == '.') {
		fmt++;
		d->precision = 0;
		if (*fmt == '*' && fmt++)
			d->precision = arg_star(p);
		else
			while (*fmt >= '0' && *fmt <= '9')
				d->precision = d->precision * 10 + (*fmt++ - '0');
	}
	if (!*fmt) {
		sh_warn("printf: missing format character");
		return NULL;
	}
	d->conv = *fmt;
	if (!strchr("diouxXeEfFgGaAcsb", d->conv)) {
		sh_warn("printf: %.*s: invalid directive", (int)(fmt - start + 1), start);
		return NULL;
	}
	return fmt + 1;
}

/* One pass over the format; returns false after a bad directive. */
static bool format_once(struct printer *p, const char *fmt)
{
	struct strbuf lit;
	sb_init(&lit);
	bool ok = true;
	while (ok && *fmt && !p->stop) {
		if (*fmt == '\\') {
			fmt = escape(fmt + 1, &lit, false, &p->stop);
		} else if (fmt[0] == '%' && fmt[1] == '%') {
			sb_addc(&lit, '%');
			fmt += 2;
		} else if (*fmt == '%') {
			fwrite(lit.s ? lit.s : "", 1, lit.len, stdout);
			lit.len = 0;
			struct directive d;
			fmt = parse_directive(p, fmt, &d);
			if (fmt)
				print_conversion(p, &d);
			ok = fmt != NULL;
		} else {
			sb_addc(&lit, *fmt++);
		}
	}
	fwrite(lit.s ? lit.s : "", 1, lit.len, stdout);
	sb_free(&lit);
	return ok;
}

int builtin_printf(int argc, char **argv)
{
	int i = 1;
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	else if (i < argc && argv[i][0] == '-' && argv[i][1]) {
		sh_warn("printf: Illegal option -%c", argv[i][1]);
		return 2;
	}
	if (i >= argc) {
		sh_warn("printf: usage: printf format [arg ...]");
		return 2;
	}
	struct printer p = { .args = argv + i + 1 };
	const char *fmt = argv[i];
	do {
		p.consumed = false;
		if (!format_once(&p, fmt))
			return 2;
	} while (p.consumed && *p.args && !p.stop);
	return p.status;
}

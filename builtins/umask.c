/* umask: show or set the file mode creation mask, in octal or symbolically
 * (-S prints u=rwx,g=rx,o=rx; "u=rwx,g=rx", "a+w", "go-w" set it). */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "builtins/builtins.h"
#include "error.h"

static mode_t current_mask(void)
{
	mode_t m = umask(0);
	umask(m);
	return m;
}

static void print_symbolic(mode_t mask)
{
	mode_t allowed = ~mask & 0777;
	for (int who = 0; who < 3; who++) {
		printf("%s%c=", who ? "," : "", "ugo"[who]);
		for (int bit = 0; bit < 3; bit++)
			if (allowed & (1u << (8 - (3 * who + bit))))
				putchar("rwx"[bit]);
	}
	putchar('\n');
}

/* The permission bits one clause gives ("rwx", or copied from u/g/o), as a
 * 3-bit value. `allowed` is the current set of allowed bits. */
static unsigned clause_perms(const char **sp, unsigned allowed)
{
	unsigned v = 0;
	for (const char *s = *sp; *s && strchr("rwxugoXs", *s); s++, *sp = s) {
		switch (*s) {
		case 'r': v |= 4; break;
		case 'w': v |= 2; break;
		case 'x': v |= 1; break;
		case 'u': v |= allowed >> 6; break;
		case 'g': v |= allowed >> 3; break;
		case 'o': v |= allowed; break;
		case 'X': if (allowed & 0111) v |= 1; break;
		}
	}
	return v & 7;
}

/* Apply "who op perms[,...]" clauses to the allowed bits; -1 if malformed. */
static int apply_symbolic(const char *s, unsigned *allowed)
{
	unsigned who = 0;
	while (*s) {
		for (; *s && strchr("augo", *s); s++)
			who |= *s == 'a' ? 0111 : *s == 'u' ? 0100 : *s == 'g' ? 0010 : 0001;
		if (!who)
			who = 0111;   /* no u/g/o/a: all of them */
		char op = *s;
		if (!op || !strchr("=+-", op))
			break;
		s++;
		unsigned bits = clause_perms(&s, *allowed) * who;
		if (op == '-')
			*allowed &= ~bits;
		else if (op == '+')
			*allowed |= bits;
		else
			*allowed = bits | (*allowed & ~(who * 7));
		if (*s == ',') {
			who = 0;
			s++;
		} else if (!*s || !strchr("=+-", *s)) {
			break;
		}
	}
	return *s ? -1 : 0;
}

int builtin_umask(int argc, char **argv)
{
	char flags[128];
	int i = builtin_getopts(argc, argv, "S", flags);
	if (i < 0)
		return 2;
	mode_t mask = current_mask();
	if (i >= argc) {
		if (flags['S'])
			print_symbolic(mask);
		else
			printf("%04o\n", (unsigned)mask);
		return 0;
	}
	const char *arg = argv[i];
	if (*arg >= '0' && *arg <= '9') {
		unsigned m = 0;
		for (const char *p = arg; *p; p++) {
			if (*p < '0' || *p > '7') {
				sh_warn("umask: Illegal number: %s", arg);
				return 2;
			}
			m = (m << 3) + (unsigned)(*p - '0');
		}
		umask((mode_t)(m & 07777));
		return 0;
	}
	unsigned allowed = ~(unsigned)mask & 0777;
	if (apply_symbolic(arg, &allowed) < 0) {
		sh_warn("umask: Illegal mode: %s", arg);
		return 2;
	}
	umask((mode_t)(~allowed & 0777));
	return 0;
}

/* echo, as dash does it: -n is the only option, and backslash escapes are
 * always interpreted (XSI). */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "builtins/builtins.h"

/* Print one argument; returns 1 if \c asked to stop all output. */
static int echo_arg(const char *s)
{
	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			/* Write the run up to the next backslash at once. */
			size_t n = strcspn(s + 1, "\\") + 1;
			fwrite(s, 1, n, stdout);
			s += n - 1;
			continue;
		}
		int c = *++s;
		switch (c) {
		case 'a': putchar('\a'); break;
		case 'b': putchar('\b'); break;
		case 'c': return 1;
		case 'e': putchar('\033'); break;
		case 'f': putchar('\f'); break;
		case 'n': putchar('\n'); break;
		case 'r': putchar('\r'); break;
		case 't': putchar('\t'); break;
		case 'v': putchar('\v'); break;
		case '\\': putchar('\\'); break;
		case '0': {
			int v = 0;
			for (int i = 0; i < 3 && s[1] >= '0' && s[1] <= '7'; i++)
				v = v * 8 + (*++s - '0');
			putchar(v);
			break;
		}
		case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
			/* \NNN without the 0 is octal too, as in dash */
			int v = c - '0';
			for (int i = 0; i < 2 && s[1] >= '0' && s[1] <= '7'; i++)
				v = v * 8 + (*++s - '0');
			putchar(v);
			break;
		}
		default:
			putchar('\\');
			putchar(c);
		}
	}
	return 0;
}

int builtin_echo(int argc, char **argv)
{
	int i = 1;
	bool newline = true;
	if (i < argc && strcmp(argv[i], "-n") == 0) {
		newline = false;
		i++;
	}
	for (; i < argc; i++) {
		if (echo_arg(argv[i]))
			return 0;
		if (i + 1 < argc)
			putchar(' ');
	}
	if (newline)
		putchar('\n');
	return 0;
}

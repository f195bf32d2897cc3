/* help: the builtins and their usage, straight from the builtin table. */
#include <fnmatch.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "builtins/builtins.h"
#include "error.h"

static void list_all(void)
{
	printf("fdsh builtins; `help name' describes one, `help -s name' shows its usage.\n\n");
	for (int i = 0; i < builtin_count; i++)
		printf("  %s\n", builtin_table[i].usage);
}

static void describe(const struct builtin *bi, bool short_form)
{
	printf("%s: %s\n", bi->name, bi->usage);
	if (short_form)
		return;
	/* Indent every line of the help text. */
	for (const char *p = bi->help; *p; ) {
		size_t n = strcspn(p, "\n");
		printf("    %.*s\n", (int)n, p);
		p += n + (p[n] == '\n');
	}
}

/* Every builtin whose name matches the pattern; false if none. */
static bool describe_matching(const char *pattern, bool short_form)
{
	bool found = false;
	for (int i = 0; i < builtin_count; i++) {
		if (fnmatch(pattern, builtin_table[i].name, 0) != 0)
			continue;
		describe(&builtin_table[i], short_form);
		found = true;
	}
	return found;
}

int builtin_help(int argc, char **argv)
{
	char flags[128];
	int i = builtin_getopts(argc, argv, "s", flags);
	if (i < 0)
		return 2;
	if (i == argc) {
		list_all();
		return 0;
	}
	int st = 0;
	for (; i < argc; i++) {
		if (!describe_matching(argv[i], flags['s'])) {
			sh_warn("help: no help topics match `%s'", argv[i]);
			st = 1;
		}
	}
	return st;
}

/* type: say what a command name would run, in dash's words. The same
 * description serves command -v and command -V (builtins/command.c). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alias.h"
#include "builtins/builtins.h"
#include "exec.h"
#include "parser.h"

static const char *hashed_name;
static bool hashed_found;

static void check_hashed(const char *name, const char *path)
{
	(void)path;
	if (strcmp(name, hashed_name) == 0)
		hashed_found = true;
}

/* Is name in the PATH cache (before this lookup adds it)? */
static bool is_hashed(const char *name)
{
	hashed_name = name;
	hashed_found = false;
	hash_each(check_hashed);
	return hashed_found;
}

/* A file command: a name with a slash that exists, or a PATH hit. */
static int describe_file(const char *name, bool verbose, const char *search)
{
	if (strchr(name, '/')) {
		struct stat st;
		if (stat(name, &st) != 0)
			return -1;
		printf(verbose ? "%s is %s\n" : "%s\n", name, name);
		return 0;
	}
	bool tracked = !search && is_hashed(name);
	char *path = path_lookup_in(name, search);
	if (!path)
		return -1;
	if (verbose)
		printf("%s is %s%s\n", name, tracked ? "a tracked alias for " : "", path);
	else
		printf("%s\n", path);
	free(path);
	return 0;
}

int builtin_describe(const char *name, bool verbose, const char *search)
{
	if (parse_is_reserved(name)) {
		printf(verbose ? "%s is a shell keyword\n" : "%s\n", name);
		return 0;
	}
	struct alias *al = alias_find(name);
	if (al) {
		if (verbose) {
			printf("%s is an alias for %s\n", name, alias_value(al));
		} else {
			printf("alias %s=", name);
			builtin_print_single_quoted(alias_value(al));
			putchar('\n');
		}
		return 0;
	}
	const struct builtin *bi = strchr(name, '/') ? NULL : builtin_find(name);
	bool special = bi && (bi->flags & BI_SPECIAL);
	if (!special && !strchr(name, '/') && func_find(name)) {
		printf(verbose ? "%s is a shell function\n" : "%s\n", name);
		return 0;
	}
	if (bi) {
		if (verbose)
			printf("%s is a %sshell builtin\n", name, special ? "special " : "");
		else
			printf("%s\n", name);
		return 0;
	}
	if (describe_file(name, verbose, search) == 0)
		return 0;
	if (verbose)
		printf("%s: not found\n", name);
	return 127;
}

int builtin_type(int argc, char **argv)
{
	int st = 0;
	for (int i = 1; i < argc; i++)
		if (builtin_describe(argv[i], true, NULL) != 0)
			st = 127;
	return st;
}

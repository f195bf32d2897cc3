/* hash: show or change the PATH lookup cache. */
#include <stdio.h>

#include "builtins/builtins.h"
#include "error.h"
#include "exec.h"

static void print_entry(const char *name, const char *path)
{
	(void)name;
	printf("%s\n", path);
}

int builtin_hash(int argc, char **argv)
{
	char flags[128];
	int i = builtin_getopts(argc, argv, "r", flags);
	if (i < 0)
		return 2;
	if (flags['r'])
		exec_path_changed();
	if (i == argc) {
		if (!flags['r'])
			hash_each(print_entry);
		return 0;
	}
	int st = 0;
	for (; i < argc; i++) {
		if (!hash_add(argv[i])) {
			sh_warn("hash: %s: not found", argv[i]);
			st = 1;
		}
	}
	return st;
}

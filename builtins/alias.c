/* alias and unalias, on the alias table of alias.h. Listings use dash's
 * quoting (name='value'), so they can be read back as input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alias.h"
#include "builtins/builtins.h"
#include "error.h"
#include "memalloc.h"

static void print_alias(const char *name, const char *value)
{
	printf("%s=", name);
	builtin_print_single_quoted(value);
	putchar('\n');
}

/* The listing in dash's order: its 39-bucket table, bucket by bucket (names
 * in one bucket come here in name order, in dash in the order defined). */
struct listed {
	char *name, *value;
	unsigned bucket;
};
static struct listed *listed;
static int nlisted;

static void collect(const char *name, const char *value)
{
	listed = xrealloc(listed, sizeof *listed * (size_t)(nlisted + 1));
	listed[nlisted++] = (struct listed){ xstrdup(name), xstrdup(value),
	                                     builtin_dash_hash(name, 39) };
}

static int by_bucket(const void *a, const void *b)
{
	const struct listed *x = a, *y = b;
	if (x->bucket != y->bucket)
		return x->bucket < y->bucket ? -1 : 1;
	return strcmp(x->name, y->name);
}

static void list_aliases(void)
{
	alias_each(collect);
	if (nlisted > 1)   /* qsort(NULL, 0, ...) is undefined (UBSan) */
		qsort(listed, (size_t)nlisted, sizeof *listed, by_bucket);
	for (int i = 0; i < nlisted; i++) {
		print_alias(listed[i].name, listed[i].value);
		free(listed[i].name);
		free(listed[i].value);
	}
	free(listed);
	listed = NULL;
	nlisted = 0;
}

int builtin_alias(int argc, char **argv)
{
	if (argc < 2) {
		list_aliases();
		return 0;
	}
	int st = 0;
	for (int i = 1; i < argc; i++) {
		const char *eq = strchr(argv[i], '=');
		if (eq && eq != argv[i]) {
			char *name = xstrndup(argv[i], (size_t)(eq - argv[i]));
			alias_set(name, eq + 1);
			free(name);
			continue;
		}
		struct alias *al = alias_find(argv[i]);
		if (al) {
			print_alias(argv[i], alias_value(al));
		} else {
			sh_warn("alias: %s not found", argv[i]);
			st = 1;
		}
	}
	return st;
}

int builtin_unalias(int argc, char **argv)
{
	char flags[128];
	int i = builtin_getopts(argc, argv, "a", flags);
	if (i < 0)
		return 2;
	if (flags['a']) {
		alias_unset_all();
		return 0;
	}
	int st = 0;
	for (; i < argc; i++) {
		if (alias_unset(argv[i]) < 0) {
			sh_warn("unalias: %s not found", argv[i]);
			st = 1;
		}
	}
	return st;
}

/* hash: show or change the PATH lookup cache.
 *
 * The listing comes in dash's order, so scripts and tests see the same text:
 * dash keeps commands in a 31-bucket hash table and prints bucket by bucket,
 * each bucket in the order the commands were found. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/builtins.h"
#include "error.h"
#include "exec.h"
#include "memalloc.h"

struct entry {
	const char *name, *path;
	unsigned bucket;
	int seq;   /* order found, oldest first */
};

static struct entry *entries;
static int nentries, cap;

unsigned builtin_dash_hash(const char *name, unsigned buckets)
{
	unsigned h = (unsigned)(unsigned char)*name << 4;
	for (const char *p = name; *p; p++)
		h += (unsigned char)*p;
	return h % buckets;
}

static void collect(const char *name, const char *path)
{
	if (nentries == cap) {
		cap = cap ? cap * 2 : 16;
		entries = xrealloc(entries, sizeof *entries * (size_t)cap);
	}
	/* hash_each goes newest first: count down so seq grows with age reversed. */
	entries[nentries] = (struct entry){ name, path, builtin_dash_hash(name, 31), -nentries };
	nentries++;
}

static int by_bucket(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	if (x->bucket != y->bucket)
		return x->bucket < y->bucket ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void list_cache(void)
{
	nentries = 0;
	hash_each(collect);
	if (nentries > 1)   /* qsort(NULL, 0, ...) is undefined (UBSan) */
		qsort(entries, (size_t)nentries, sizeof *entries, by_bucket);
	for (int i = 0; i < nentries; i++)
		printf("%s\n", entries[i].path);
	free(entries);
	entries = NULL;
	nentries = cap = 0;
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
			list_cache();
		return 0;
	}
	int st = 0;
	for (; i < argc; i++) {
		if (!strchr(argv[i], '/') && (builtin_find(argv[i]) || func_find(argv[i])))
			continue;   /* nothing to remember, as in dash */
		if (!hash_add(argv[i])) {
			sh_warn("hash: %s: not found", argv[i]);
			st = 1;
		}
	}
	return st;
}

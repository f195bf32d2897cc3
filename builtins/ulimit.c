/* ulimit: show or set resource limits (-H hard, -S soft, both by default
 * when setting; the soft one is shown). Units and the -a listing follow dash. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "builtins/builtins.h"
#include "error.h"

struct limit {
	const char *name;
	int resource;
	int factor;    /* bytes (or units) per unit shown */
	char option;
};

static const struct limit limits[] = {
	{ "time(seconds)", RLIMIT_CPU, 1, 't' },
	{ "file(blocks)", RLIMIT_FSIZE, 512, 'f' },
	{ "data(kbytes)", RLIMIT_DATA, 1024, 'd' },
	{ "stack(kbytes)", RLIMIT_STACK, 1024, 's' },
	{ "coredump(blocks)", RLIMIT_CORE, 512, 'c' },
	{ "memory(kbytes)", RLIMIT_RSS, 1024, 'm' },
	{ "locked memory(kbytes)", RLIMIT_MEMLOCK, 1024, 'l' },
	{ "process", RLIMIT_NPROC, 1, 'p' },
	{ "nofiles", RLIMIT_NOFILE, 1, 'n' },
	{ "vmemory(kbytes)", RLIMIT_AS, 1024, 'v' },
	{ "locks", RLIMIT_LOCKS, 1, 'w' },
	{ "rtprio", RLIMIT_RTPRIO, 1, 'r' },
};
#define NLIMITS (sizeof limits / sizeof *limits)

enum { SOFT = 1, HARD = 2 };

static void print_limit(const struct limit *l, int how)
{
	struct rlimit rl;
	getrlimit(l->resource, &rl);
	rlim_t v = (how & SOFT) ? rl.rlim_cur : rl.rlim_max;
	if (v == RLIM_INFINITY)
		printf("unlimited\n");
	else
		printf("%" PRIdMAX "\n", (intmax_t)(v / (rlim_t)l->factor));
}

/* "unlimited" or decimal digits times the unit; -1 when not a number. */
static int parse_value(const char *s, const struct limit *l, rlim_t *out)
{
	if (strcmp(s, "unlimited") == 0) {
		*out = RLIM_INFINITY;
		return 0;
	}
	rlim_t v = 0;
	for (; *s >= '0' && *s <= '9'; s++)
		v = v * 10 + (rlim_t)(*s - '0');
	if (*s)
		return -1;
	*out = v * (rlim_t)l->factor;
	return 0;
}

static int set_limit(const struct limit *l, int how, const char *arg)
{
	rlim_t v;
	if (parse_value(arg, l, &v) < 0) {
		sh_warn("ulimit: bad number");
		return 2;
	}
	struct rlimit rl;
	getrlimit(l->resource, &rl);
	if (how & HARD)
		rl.rlim_max = v;
	if (how & SOFT)
		rl.rlim_cur = v;
	if (setrlimit(l->resource, &rl) < 0) {
		sh_warn("ulimit: error setting limit (%s)", strerror(errno));
		return 2;
	}
	return 0;
}

/* The resource named by the last resource letter among the options (before
 * argv[end]); -f when there is none. */
static const struct limit *pick_limit(char **argv, int end)
{
	const struct limit *l = &limits[1];
	for (int k = 1; k < end; k++) {
		if (strcmp(argv[k], "--") == 0)
			break;
		for (const char *c = argv[k] + 1; *c; c++)
			for (size_t j = 0; j < NLIMITS; j++)
				if (limits[j].option == *c)
					l = &limits[j];
	}
	return l;
}

int builtin_ulimit(int argc, char **argv)
{
	char flags[128];
	int i = builtin_getopts(argc, argv, "HSatfdscmlpnvwr", flags);
	if (i < 0)
		return 2;
	int how = flags['H'] && !flags['S'] ? HARD : flags['S'] && !flags['H'] ? SOFT : SOFT | HARD;
	const struct limit *l = pick_limit(argv, i);
	if (i < argc && (flags['a'] || i + 1 < argc)) {
		sh_warn("ulimit: too many arguments");
		return 2;
	}
	if (flags['a']) {
		for (size_t j = 0; j < NLIMITS; j++) {
			printf("%-20s ", limits[j].name);
			print_limit(&limits[j], how);
		}
		return 0;
	}
	if (i < argc)
		return set_limit(l, how, argv[i]);
	print_limit(l, how);
	return 0;
}

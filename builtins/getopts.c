/* getopts: parse options one call at a time, as in dash.
 *
 * The place reached (which word, and which letter inside a group like -abc)
 * lives with the positional parameters (struct params), so a function call
 * starts afresh and the caller's place comes back when it returns; `set --`
 * and `shift` start over too. Assigning OPTIND (usually OPTIND=1) also starts
 * over: getopts notices that OPTIND no longer holds the value it last set. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/builtins.h"
#include "error.h"
#include "parser.h"
#include "vars.h"

static char optind_set[24];   /* the OPTIND text getopts last assigned */

/* Start over at the word OPTIND names when the user assigned it. */
static void sync_optind(struct params *pp)
{
	const char *v = var_get("OPTIND");
	if (v && strcmp(v, optind_set) == 0 && pp->optind >= 1)
		return;
	int n = v ? atoi(v) : 1;
	pp->optind = n >= 1 ? n : 1;
	pp->optoff = -1;
}

/* The outcome of one call: the letter (or '?' / ':'), OPTARG, the next place. */
struct outcome {
	char c;
	const char *optarg;   /* NULL: unset OPTARG */
	bool keep_optarg;     /* at the end: OPTARG stays as it was */
	char **next;          /* first word not yet used up */
	const char *rest;     /* letters left in the current group, or NULL */
	int done;             /* status 1: no more options */
};

/* The letter at p (in the word before o->next) checked against optstring. */
static void take_option(const char *optstring, const char *p, struct outcome *o)
{
	static char letter[2];
	bool silent = optstring[0] == ':';
	char c = *p++;
	/* Find c in optstring, stepping over the ':' after letters that take an argument. */
	const char *q = optstring;
	while (*q && *q != c)
		if (*++q == ':')
			q++;
	letter[0] = c;
	if (!*q) {
		if (!silent)
			sh_warn("Illegal option -%c", c);
		o->c = '?';
		o->optarg = silent ? letter : NULL;
		o->rest = p;
		return;
	}
	o->c = c;
	o->optarg = "";
	o->rest = p;
	if (q[1] != ':')
		return;
	if (!*p && !*o->next) {
		if (!silent)
			sh_warn("No arg for -%c option", c);
		o->c = silent ? ':' : '?';
		o->optarg = silent ? letter : NULL;
		o->rest = NULL;
		return;
	}
	o->optarg = *p ? p : *o->next++;
	o->rest = NULL;
}

static void getopts_step(const char *optstring, char **words, struct params *pp,
                         struct outcome *o)
{
	o->next = words + pp->optind - 1;
	const char *p = NULL;
	if (pp->optind > 1 && pp->optoff >= 0 && strlen(o->next[-1]) >= (size_t)pp->optoff)
		p = o->next[-1] + pp->optoff;
	if (!p || !*p) {
		p = *o->next;
		if (!p || p[0] != '-' || !p[1] || strcmp(p, "--") == 0) {
			if (p && strcmp(p, "--") == 0)
				o->next++;
			o->c = '?';
			o->keep_optarg = true;
			o->rest = NULL;
			o->done = 1;
			return;
		}
		o->next++;
		p++;
	}
	take_option(optstring, p, o);
}

int builtin_getopts_cmd(int argc, char **argv)
{
	if (argc < 3)
		return builtin_usage("getopts");
	struct params *pp = &posparams;
	char **words = argc > 3 ? argv + 3 : pp->v;
	int nwords = argc > 3 ? argc - 3 : pp->n;
	sync_optind(pp);
	if (pp->optind > nwords + 1) {
		pp->optind = 1;
		pp->optoff = -1;
	}
	struct outcome o = { 0 };
	getopts_step(argv[1], words, pp, &o);
	int ind = (int)(o.next - words) + 1;
	snprintf(optind_set, sizeof optind_set, "%d", ind);
	char letter[2] = { o.c, '\0' };
	if (!is_name(argv[2], -1)) {
		sh_warn("getopts: %s: bad variable name", argv[2]);
		return 2;
	}
	if (o.keep_optarg)
		;
	else if (o.optarg)
		var_set("OPTARG", o.optarg, 0);
	else
		var_unset("OPTARG");
	var_set("OPTIND", optind_set, 0);
	if (var_set(argv[2], letter, 0) < 0)
		return 2;
	pp->optind = ind;
	pp->optoff = o.rest ? (int)(o.rest - o.next[-1]) : -1;
	return o.done;
}

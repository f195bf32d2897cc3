/* Variables (see vars.h): a hash table of malloc'ed entries. */
#include "vars.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arith.h"
#include "error.h"
#include "exec.h"
#include "memalloc.h"
#include "parser.h"
#include "shell.h"

#define NBUCKETS 256

struct var {
	struct var *next;
	char *name;
	char *value;    /* NULL when unset (kept for its flags) */
	int flags;
	signed char dyn;   /* 1 + its index in dynvars[] while dynamic, else 0 */
};

struct saved_var {
	struct saved_var *next;
	char *name;
	char *value;
	int flags;
	signed char dyn;
	bool existed;
};

struct scope {
	struct scope *prev;
	struct saved_var *saved;
	bool has_params;
	struct params params;   /* the caller's positional parameters */
	bool *saved_opts;       /* `local -`: the options to put back */
};

static struct var *table[NBUCKETS];
static char **env_cache;
static bool env_dirty = true;
static const char *ifs_value = " \t\n";
static struct scope *scopes;
static int nscopes;
struct params posparams;

static unsigned hash(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h % NBUCKETS;
}

static struct var *lookup(const char *name)
{
	for (struct var *v = table[hash(name)]; v; v = v->next)
		if (strcmp(v->name, name) == 0)
			return v;
	return NULL;
}

/* Variables whose value the shell computes whenever they are read: LINENO
 * (POSIX), and bash's RANDOM and SECONDS. Room for any number is reserved in
 * the value when they are made. Assigning RANDOM seeds it, assigning SECONDS
 * restarts its count from the value; assigning LINENO, or unsetting any of
 * them, makes it an ordinary variable. */
static intmax_t lineno_now(void)
{
	return sh.lineno;
}

static uint32_t random_state;

static intmax_t random_next(void)
{
	random_state = random_state * 1103515245u + 12345u;
	return (random_state >> 16) & 0x7fff;
}

static void random_seed(intmax_t n)
{
	random_state = (uint32_t)n;
}

static time_t seconds_base;

static intmax_t seconds_now(void)
{
	return (intmax_t)(time(NULL) - seconds_base);
}

static void seconds_set(intmax_t n)
{
	seconds_base = time(NULL) - (time_t)n;
}

static const struct dynvar {
	const char *name;
	intmax_t (*read)(void);
	void (*assign)(intmax_t);   /* NULL: an assignment makes it ordinary */
} dynvars[] = {
	{ "LINENO", lineno_now, NULL },
	{ "RANDOM", random_next, random_seed },
	{ "SECONDS", seconds_now, seconds_set },
};

#define DYN_ROOM 24   /* bytes for any intmax_t and its NUL */
#define NDYN (sizeof dynvars / sizeof *dynvars)

static struct var *dyn_vars[NDYN];   /* their entries, once made */

static void dyn_refresh(struct var *v)
{
	arith_format(dynvars[v->dyn - 1].read(), v->value);
}

/* v, a dynamic variable, got a new value (or lost it). */
static void dyn_changed(struct var *v)
{
	const struct dynvar *d = &dynvars[v->dyn - 1];
	if (!v->value || !d->assign) {
		v->dyn = 0;
		return;
	}
	d->assign(strtoimax(v->value, NULL, 10));
	v->value = xrealloc(v->value, DYN_ROOM);
}

void var_reseed_random(void)
{
	random_seed((intmax_t)getpid() ^ (intmax_t)time(NULL) ^ (intmax_t)random_state);
}

/* After the environment is imported: RANDOM=n and SECONDS=n from it seed
 * and start the count, as in bash. */
static void dyn_init(void)
{
	var_reseed_random();
	seconds_set(0);
	for (size_t i = 0; i < NDYN; i++) {
		struct var *v = lookup(dynvars[i].name);
		if (v && v->value && dynvars[i].assign)
			dynvars[i].assign(strtoimax(v->value, NULL, 10));
		var_set(dynvars[i].name, "", 0);
		v = dyn_vars[i] = lookup(dynvars[i].name);
		v->value = xrealloc(v->value, DYN_ROOM);
		v->dyn = (signed char)(i + 1);
	}
}

/* Exported dynamic variables go to commands with their value of the moment.
 * (Runs before every command: no lookups, variables are never freed.) */
static void dyn_exported_changed(void)
{
	for (size_t i = 0; i < NDYN; i++) {
		struct var *v = dyn_vars[i];
		if (v && v->dyn && (v->flags & V_EXPORT)) {
			dyn_refresh(v);
			env_dirty = true;
		}
	}
}

static struct var *lookup_or_create(const char *name)
{
	struct var *v = lookup(name);
	if (v)
		return v;
	unsigned h = hash(name);
	v = xcalloc(1, sizeof *v);
	v->name = xstrdup(name);
	v->next = table[h];
	table[h] = v;
	return v;
}

/* Variables other modules cache or react to. */
static void var_changed(struct var *v)
{
	if (v->flags & V_EXPORT)
		env_dirty = true;
	/* The first letter screens out almost every name cheaply. */
	if (v->name[0] == 'I' && strcmp(v->name, "IFS") == 0)
		ifs_value = v->value ? v->value : " \t\n";
	else if (v->name[0] == 'P' && strcmp(v->name, "PATH") == 0)
		exec_path_changed();
}

const char *var_get(const char *name)
{
	struct var *v = lookup(name);
	if (v && v->dyn)
		dyn_refresh(v);
	return v ? v->value : NULL;
}

int var_flags(const char *name)
{
	struct var *v = lookup(name);
	return v ? v->flags : -1;
}

int var_set(const char *name, const char *value, int flags)
{
	struct var *v = lookup_or_create(name);
	if ((v->flags & V_READONLY) && value) {
		sh_warn("%s: is read only", name);
		return -1;
	}
	if (opts[OPT_ALLEXPORT] && value)
		flags |= V_EXPORT;
	if (value) {
		char *copy = xstrdup(value);
		free(v->value);
		v->value = copy;
		if (v->dyn)
			dyn_changed(v);
	}
	if ((flags & V_EXPORT) && !(v->flags & V_EXPORT))
		env_dirty = true;
	v->flags |= flags;
	var_changed(v);
	return 0;
}

int var_assign(const char *assignment, int flags)
{
	const char *eq = strchr(assignment, '=');
	char *name = xstrndup(assignment, (size_t)(eq - assignment));
	int r = var_set(name, eq + 1, flags);
	free(name);
	return r;
}

int var_add_flags(const char *name, int flags)
{
	return var_set(name, NULL, flags);
}

int var_unset(const char *name)
{
	struct var *v = lookup(name);
	if (!v)
		return 0;
	if (v->flags & V_READONLY) {
		sh_warn("%s: is read only", name);
		return -1;
	}
	if (v->flags & V_EXPORT)
		env_dirty = true;
	free(v->value);
	v->value = NULL;
	v->flags = 0;
	v->dyn = 0;
	var_changed(v);
	return 0;
}

const char *var_ifs(void)
{
	return ifs_value;
}

void var_init(char **environ)
{
	for (char **e = environ; e && *e; e++) {
		const char *eq = strchr(*e, '=');
		if (!eq || !is_name(*e, (int)(eq - *e)))
			continue;
		var_assign(*e, V_EXPORT);
	}
	if (!var_get("IFS"))
		var_set("IFS", " \t\n", 0);
	if (!var_get("PS1"))
		var_set("PS1", getuid() == 0 ? "# " : "$ ", 0);
	if (!var_get("PS2"))
		var_set("PS2", "> ", 0);
	if (!var_get("PS4"))
		var_set("PS4", "+ ", 0);
	if (!var_get("OPTIND"))
		var_set("OPTIND", "1", 0);
	dyn_init();
}

static int by_name(const void *a, const void *b)
{
	return strcmp((*(struct var *const *)a)->name, (*(struct var *const *)b)->name);
}

static struct var **sorted_vars(size_t *count)
{
	size_t n = 0;
	for (int i = 0; i < NBUCKETS; i++)
		for (struct var *v = table[i]; v; v = v->next)
			n++;
	struct var **all = xmalloc(sizeof *all * (n + 1));
	n = 0;
	for (int i = 0; i < NBUCKETS; i++)
		for (struct var *v = table[i]; v; v = v->next) {
			if (v->dyn)
				dyn_refresh(v);
			all[n++] = v;
		}
	qsort(all, n, sizeof *all, by_name);
	*count = n;
	return all;
}

void var_each(void (*fn)(const char *, const char *, int, void *), void *ctx)
{
	size_t n;
	struct var **all = sorted_vars(&n);
	for (size_t i = 0; i < n; i++)
		if (all[i]->value || all[i]->flags)
			fn(all[i]->name, all[i]->value, all[i]->flags, ctx);
	free(all);
}

static void free_env_cache(void)
{
	if (!env_cache)
		return;
	for (char **e = env_cache; *e; e++)
		free(*e);
	free(env_cache);
	env_cache = NULL;
}

char **var_environ(void)
{
	dyn_exported_changed();
	if (!env_dirty && env_cache)
		return env_cache;
	free_env_cache();
	size_t n = 0;
	for (int i = 0; i < NBUCKETS; i++)
		for (struct var *v = table[i]; v; v = v->next)
			n += (v->flags & V_EXPORT) && v->value;
	env_cache = xmalloc(sizeof *env_cache * (n + 1));
	n = 0;
	for (int i = 0; i < NBUCKETS; i++) {
		for (struct var *v = table[i]; v; v = v->next) {
			if (!(v->flags & V_EXPORT) || !v->value)
				continue;
			size_t nl = strlen(v->name), vl = strlen(v->value);
			char *s = xmalloc(nl + vl + 2);
			memcpy(s, v->name, nl);
			s[nl] = '=';
			memcpy(s + nl + 1, v->value, vl + 1);
			env_cache[n++] = s;
		}
	}
	env_cache[n] = NULL;
	env_dirty = false;
	return env_cache;
}

void var_push_scope(void)
{
	struct scope *s = xcalloc(1, sizeof *s);
	s->prev = scopes;
	scopes = s;
	nscopes++;
}

void var_make_local(const char *name)
{
	if (!scopes)
		return;
	for (struct saved_var *sv = scopes->saved; sv; sv = sv->next)
		if (strcmp(sv->name, name) == 0)
			return;
	struct var *v = lookup(name);
	struct saved_var *sv = xcalloc(1, sizeof *sv);
	sv->name = xstrdup(name);
	sv->existed = v != NULL;
	if (v) {
		sv->value = v->value ? xstrdup(v->value) : NULL;
		sv->flags = v->flags;
		/* The local is a plain variable that starts unset (bash); the
		 * caller's dynamic one comes back. */
		sv->dyn = v->dyn;
		if (v->dyn) {
			free(v->value);
			v->value = NULL;
			v->dyn = 0;
		}
	}
	sv->next = scopes->saved;
	scopes->saved = sv;
}

void var_make_options_local(void)
{
	if (!scopes || scopes->saved_opts)
		return;
	scopes->saved_opts = xmalloc(sizeof opts);
	memcpy(scopes->saved_opts, opts, sizeof opts);
}

static void restore_options(const bool *saved)
{
	for (int i = 0; i < NOPTS; i++) {
		if (opts[i] == saved[i])
			continue;
		opts[i] = saved[i];
		opt_changed(i);
	}
}

void var_pop_scope(void)
{
	struct scope *s = scopes;
	if (!s)
		return;
	if (s->saved_opts) {
		restore_options(s->saved_opts);
		free(s->saved_opts);
	}
	while (s->saved) {
		struct saved_var *sv = s->saved;
		s->saved = sv->next;
		struct var *v = lookup_or_create(sv->name);
		if (v->flags & V_EXPORT)
			env_dirty = true;
		free(v->value);
		v->value = sv->value;
		v->flags = sv->existed ? sv->flags : 0;
		v->dyn = sv->dyn;
		if (v->dyn)
			v->value = xrealloc(v->value, DYN_ROOM);
		var_changed(v);
		free(sv->name);
		free(sv);
	}
	if (s->has_params) {
		params_free(&posparams);
		posparams = s->params;
	}
	scopes = s->prev;
	nscopes--;
	free(s);
}

void var_unwind(int depth)
{
	while (nscopes > depth)
		var_pop_scope();
}

int var_scope_depth(void)
{
	return nscopes;
}

void params_free(struct params *p)
{
	for (int i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
	p->v = NULL;
	p->n = 0;
}

static struct params params_copy(int n, char *const *v)
{
	struct params p = { n, xmalloc(sizeof *p.v * (size_t)(n + 1)), 1, -1 };
	for (int i = 0; i < n; i++)
		p.v[i] = xstrdup(v[i]);
	p.v[n] = NULL;
	return p;
}

void params_set(int n, char *const *v)
{
	struct params p = params_copy(n, v);
	params_free(&posparams);
	posparams = p;
}

void var_push_function_scope(int n, char *const *v)
{
	var_push_scope();
	scopes->has_params = true;
	scopes->params = posparams;
	posparams = params_copy(n, v);
}

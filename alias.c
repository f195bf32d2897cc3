/* Aliases (see alias.h): a small sorted list, looked up per command word. */
#include "alias.h"

#include <stdlib.h>
#include <string.h>

#include "memalloc.h"

struct alias {
	struct alias *next;
	char *name;
	char *value;
};

static struct alias *aliases;

struct alias *alias_find(const char *name)
{
	for (struct alias *al = aliases; al; al = al->next)
		if (strcmp(al->name, name) == 0)
			return al;
	return NULL;
}

const char *alias_value(const struct alias *al)
{
	return al->value;
}

void alias_set(const char *name, const char *value)
{
	struct alias *al = alias_find(name);
	if (al) {
		/* The old text may still be being read: keep the struct, swap the text. */
		free(al->value);
		al->value = xstrdup(value);
		return;
	}
	al = xmalloc(sizeof *al);
	al->name = xstrdup(name);
	al->value = xstrdup(value);
	struct alias **pp = &aliases;
	while (*pp && strcmp((*pp)->name, name) < 0)
		pp = &(*pp)->next;
	al->next = *pp;
	*pp = al;
}

int alias_unset(const char *name)
{
	for (struct alias **pp = &aliases; *pp; pp = &(*pp)->next) {
		if (strcmp((*pp)->name, name) == 0) {
			struct alias *al = *pp;
			*pp = al->next;
			free(al->name);
			free(al->value);
			free(al);
			return 0;
		}
	}
	return -1;
}

void alias_unset_all(void)
{
	while (aliases)
		alias_unset(aliases->name);
}

void alias_each(void (*fn)(const char *name, const char *value))
{
	for (struct alias *al = aliases; al; al = al->next)
		fn(al->name, al->value);
}

/* Aliases: names the parser replaces by text in command position. */
#ifndef FDSH_ALIAS_H
#define FDSH_ALIAS_H

struct alias;

struct alias *alias_find(const char *name);
const char *alias_value(const struct alias *al);
void alias_set(const char *name, const char *value);
int alias_unset(const char *name);   /* 0 on success, -1 if not defined */
void alias_unset_all(void);
/* Call fn for each alias in name order. */
void alias_each(void (*fn)(const char *name, const char *value));

#endif

/* cd and pwd, keeping PWD and OLDPWD current (logical paths by default). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtins/builtins.h"
#include "error.h"
#include "memalloc.h"
#include "vars.h"

/* Make `path` absolute against PWD and drop "." and ".." components
 * textually, as POSIX cd -L does. */
static char *canonical(const char *path)
{
	struct strbuf in;
	sb_init(&in);
	if (path[0] != '/') {
		const char *pwd = var_get("PWD");
		char buf[PATH_MAX];
		if (!pwd || pwd[0] != '/')
			pwd = getcwd(buf, sizeof buf);
		sb_adds(&in, pwd ? pwd : "/");
		sb_addc(&in, '/');
	}
	sb_adds(&in, path);
	char *out = xmalloc(in.len + 2);
	size_t n = 0;
	for (char *seg = strtok(in.s, "/"); seg; seg = strtok(NULL, "/")) {
		if (strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0) {
			while (n > 0 && out[n - 1] != '/')
				n--;
			if (n > 0)
				n--;
			continue;
		}
		out[n++] = '/';
		size_t l = strlen(seg);
		memcpy(out + n, seg, l);
		n += l;
	}
	if (n == 0)
		out[n++] = '/';
	out[n] = '\0';
	sb_free(&in);
	return out;
}

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* CDPATH search for relative names not starting with . or .. */
static char *search_cdpath(const char *dir, bool *printed)
{
	const char *cdpath = var_get("CDPATH");
	*printed = false;
	if (!cdpath || dir[0] == '/' || strncmp(dir, "./", 2) == 0 || strncmp(dir, "../", 3) == 0 ||
	    strcmp(dir, ".") == 0 || strcmp(dir, "..") == 0)
		return xstrdup(dir);
	for (const char *p = cdpath;;) {
		const char *colon = strchr(p, ':');
		size_t dlen = colon ? (size_t)(colon - p) : strlen(p);
		char *full = xmalloc(dlen + strlen(dir) + 3);
		if (dlen)
			sprintf(full, "%.*s/%s", (int)dlen, p, dir);
		else
			sprintf(full, "%s", dir);
		if (is_dir(full)) {
			*printed = dlen > 0;
			return full;
		}
		free(full);
		if (!colon)
			break;
		p = colon + 1;
	}
	return xstrdup(dir);
}

int builtin_cd(int argc, char **argv)
{
	char flags[128];
	int i = builtin_getopts(argc, argv, "LP", flags);
	if (i < 0)
		return 2;
	bool physical = flags['P'] && !(flags['L'] && strrchr(argv[i - 1], 'L') > strrchr(argv[i - 1], 'P'));
	if (argc - i > 1) {
		sh_warn("cd: too many arguments");
		return 2;
	}
	const char *dir = argv[i];
	bool print = false;
	if (!dir) {
		dir = var_get("HOME");
		if (!dir || !*dir)
			return 0;   /* as dash: nowhere to go is not an error */
	} else if (strcmp(dir, "-") == 0) {
		dir = var_get("OLDPWD");
		if (!dir) {
			sh_warn("cd: OLDPWD not set");
			return 1;
		}
		print = true;
	}
	bool via_cdpath;
	char *target = search_cdpath(dir, &via_cdpath);
	print = print || via_cdpath;
	char *logical = physical ? NULL : canonical(target);
	const char *go = logical ? logical : target;
	if (chdir(go) != 0) {
		sh_warn("cd: can't cd to %s: %s", dir, strerror(errno));
		free(target);
		free(logical);
		return 2;   /* dash's status for a failed cd */
	}
	char buf[PATH_MAX];
	const char *newpwd = logical;
	if (physical)
		newpwd = getcwd(buf, sizeof buf);
	const char *old = var_get("PWD");
	char *oldcopy = old ? xstrdup(old) : NULL;
	if (oldcopy)
		var_set("OLDPWD", oldcopy, 0);
	if (newpwd)
		var_set("PWD", newpwd, 0);
	if (print)
		printf("%s\n", newpwd ? newpwd : go);
	free(oldcopy);
	free(target);
	free(logical);
	return 0;
}

int builtin_pwd(int argc, char **argv)
{
	char flags[128];
	int i = builtin_getopts(argc, argv, "LP", flags);
	if (i < 0)
		return 2;
	const char *pwd = var_get("PWD");
	char buf[PATH_MAX];
	struct stat a, b;
	bool logical_ok = !flags['P'] && pwd && pwd[0] == '/' && stat(pwd, &a) == 0 &&
	                  stat(".", &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
	if (!logical_ok) {
		pwd = getcwd(buf, sizeof buf);
		if (!pwd) {
			sh_warn("pwd: %s", strerror(errno));
			return 1;
		}
	}
	printf("%s\n", pwd);
	return 0;
}

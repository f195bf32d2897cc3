/* Prompts: PS1 and PS2 with bash's backslash escapes, then parameter
 * expansion, command substitution and arithmetic as in a here-document
 * (so quotes are literal and \$ stays a dollar sign). */
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "error.h"
#include "expand.h"
#include "jobs.h"
#include "lineedit.h"
#include "lineedit_impl.h"
#include "memalloc.h"
#include "shell.h"
#include "vars.h"

/* Text an escape produced, protected from the expansion that follows. */
static void add_protected(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		if (*s == '$' || *s == '`' || *s == '\\')
			sb_addc(sb, '\\');
		sb_addc(sb, *s);
	}
}

static void add_time(struct strbuf *sb, const char *fmt)
{
	char buf[256];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	if (strftime(buf, sizeof buf, fmt, &tm) > 0)
		add_protected(sb, buf);
}

static void add_user(struct strbuf *sb)
{
	struct passwd *pw = getpwuid(geteuid());
	const char *name = pw ? pw->pw_name : var_get("USER");
	add_protected(sb, name ? name : "");
}

static void add_host(struct strbuf *sb, bool full)
{
	char host[HOST_NAME_MAX + 1] = "";
	gethostname(host, sizeof host - 1);
	if (!full)
		host[strcspn(host, ".")] = '\0';
	add_protected(sb, host);
}

/* \w: $PWD with $HOME shown as ~; \W: only its last component. */
static void add_cwd(struct strbuf *sb, bool base_only)
{
	const char *pwd = var_get("PWD");
	const char *home = var_get("HOME");
	char buf[PATH_MAX];
	if (!pwd || !*pwd)
		pwd = getcwd(buf, sizeof buf) ? buf : "";
	size_t hl = home ? strlen(home) : 0;
	bool under_home = hl > 1 && strncmp(pwd, home, hl) == 0 &&
	                  (pwd[hl] == '/' || pwd[hl] == '\0');
	if (base_only) {
		const char *slash = strrchr(pwd, '/');
		if (under_home && !pwd[hl])
			add_protected(sb, "~");
		else
			add_protected(sb, slash && slash[1] ? slash + 1 : pwd);
		return;
	}
	if (under_home) {
		sb_addc(sb, '~');
		pwd += hl;
	}
	add_protected(sb, pwd);
}

static void add_number(struct strbuf *sb, long n)
{
	sb_printf(sb, "%ld", n);
}

static long count_jobs(void)
{
	long n = 0;
	for (struct job *j = jobs; j; j = j->next)
		n++;
	return n;
}

/* \nnn: an octal character code. Returns how many digits it used. */
static int add_octal(struct strbuf *sb, const char *p)
{
	int n = 0, v = 0;
	while (n < 3 && p[n] >= '0' && p[n] <= '7')
		v = v * 8 + (p[n++] - '0');
	char c[2] = { (char)v, '\0' };
	add_protected(sb, c);
	return n;
}

/* \D{format}: strftime; returns how many characters after the D it used. */
static size_t add_strftime(struct strbuf *sb, const char *p)
{
	if (*p != '{')
		return 0;
	const char *close = strchr(p, '}');
	if (!close)
		return 0;
	char *fmt = xstrndup(p + 1, (size_t)(close - p - 1));
	add_time(sb, *fmt ? fmt : "%X");
	free(fmt);
	return (size_t)(close - p + 1);
}

/* One escape; c is the character after the backslash, rest what follows
 * it. Returns how many characters of rest it also used. */
static size_t add_escape(struct strbuf *sb, char c, const char *rest)
{
	switch (c) {
	case 'u': add_user(sb); break;
	case 'h': add_host(sb, false); break;
	case 'H': add_host(sb, true); break;
	case 'w': add_cwd(sb, false); break;
	case 'W': add_cwd(sb, true); break;
	case '$': sb_adds(sb, geteuid() == 0 ? "#" : "\\$"); break;
	case 'n': sb_addc(sb, '\n'); break;
	case 'r': sb_addc(sb, '\r'); break;
	case 'a': sb_addc(sb, '\a'); break;
	case 'e': sb_addc(sb, '\033'); break;
	case 't': add_time(sb, "%H:%M:%S"); break;
	case 'T': add_time(sb, "%I:%M:%S"); break;
	case '@': add_time(sb, "%I:%M %p"); break;
	case 'A': add_time(sb, "%H:%M"); break;
	case 'd': add_time(sb, "%a %b %d"); break;
	case 'D': return add_strftime(sb, rest);
	case 'j': add_number(sb, count_jobs()); break;
	case '!': add_number(sb, history_base + history_length); break;
	case '#': add_number(sb, (long)le_commands_read() + 1); break;
	case 's': add_protected(sb, "fdsh"); break;
	case 'v': case 'V': add_protected(sb, FDSH_VERSION); break;
	case '\\': sb_adds(sb, "\\\\"); break;
	/* Readline's markers around text that takes no room on the screen. */
	case '[': sb_addc(sb, RL_PROMPT_START_IGNORE); break;
	case ']': sb_addc(sb, RL_PROMPT_END_IGNORE); break;
	case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
		return (size_t)add_octal(sb, rest - 1) - 1;
	default:
		/* Unknown: kept as typed, as bash does. */
		sb_addc(sb, '\\');
		sb_addc(sb, c);
		break;
	}
	return 0;
}

/* Replace the backslash escapes; the result is ready for here-document
 * style expansion. */
static char *decode_escapes(const char *ps)
{
	struct strbuf sb;
	sb_init(&sb);
	for (const char *p = ps; *p; p++) {
		if (*p != '\\' || !p[1]) {
			sb_addc(&sb, *p);
			continue;
		}
		p++;
		p += add_escape(&sb, *p, p + 1);
	}
	sb_addc(&sb, '\0');
	return sb_take(&sb);
}

/* Expand without letting an error (${x?}) unwind the caller or $? change. */
static char *expand_prompt_text(const char *text)
{
	int saved_status = sh.status;
	char *r = expand_caught(text, true);
	sh.status = saved_status;
	return r ? r : xstrdup(text);
}

char *le_prompt(int level)
{
	const char *ps = var_get(level == 1 ? "PS1" : "PS2");
	if (!ps)
		return xstrdup("");
	char *decoded = decode_escapes(ps);
	char *p = expand_prompt_text(decoded);
	free(decoded);
	return p;
}

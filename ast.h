/* The abstract syntax tree: every node the parser builds, declared in one place.
 *
 * Words keep their raw source text, quotes included; expansion (expand.c)
 * interprets quoting, so "$x", '$x' and \$x stay distinguishable until then. */
#ifndef FDSH_AST_H
#define FDSH_AST_H

#include <stdbool.h>

struct arena;

struct word {
	struct word *next;
	char *text;            /* raw text as written, quotes and all */
	int lineno;
};

enum redir_kind {
	R_IN,        /* <   */
	R_OUT,       /* >   */
	R_APPEND,    /* >>  */
	R_RDWR,      /* <>  */
	R_CLOBBER,   /* >|  */
	R_DUPIN,     /* <&  */
	R_DUPOUT,    /* >&  */
	R_HEREDOC,   /* << and <<- */
};

struct heredoc {
	char *body;            /* filled in when the lines after the command are read */
	char *delim;           /* delimiter after quote removal */
	bool quoted;           /* quoted delimiter: the body is not expanded */
	bool strip_tabs;       /* <<- */
	struct heredoc *next;  /* next pending here-document of the same line */
};

struct redir {
	struct redir *next;
	enum redir_kind kind;
	int fd;                /* the fd redirected (default 0 or 1) */
	char *fdvar;           /* {name}> : store the chosen fd in name */
	struct word *target;   /* file name or fd word; NULL for here-documents */
	struct heredoc *heredoc;
};

enum node_kind {
	N_SIMPLE,    /* assignments, words, redirections */
	N_PIPE,      /* cmd | cmd | ... */
	N_NOT,       /* ! pipeline */
	N_AND,       /* a && b */
	N_OR,        /* a || b */
	N_SEQ,       /* a ; b  (also newline) */
	N_ASYNC,     /* a &  */
	N_SUBSHELL,  /* ( list ) */
	N_GROUP,     /* { list; } */
	N_IF,
	N_WHILE,
	N_UNTIL,
	N_FOR,
	N_CASE,
	N_FUNCDEF,
};

struct node;

struct case_item {
	struct case_item *next;
	struct word *patterns;
	struct node *body;     /* may be NULL: an empty item */
	bool fallthrough;      /* ended by ;& instead of ;; */
};

struct node {
	enum node_kind kind;
	int lineno;
	struct redir *redirs;  /* redirections of a simple or compound command */
	union {
		struct {
			struct word *assigns;
			struct word *args;
		} simple;
		struct {
			struct node **cmds;
			int n;
		} pipe;
		struct {
			struct node *left, *right;
		} bin;               /* N_AND, N_OR, N_SEQ */
		struct {
			struct node *body;
		} sub;               /* N_NOT, N_ASYNC, N_SUBSHELL, N_GROUP */
		struct {
			struct node *cond, *then, *els;
		} ifn;
		struct {
			struct node *cond, *body;
		} loop;              /* N_WHILE, N_UNTIL */
		struct {
			char *var;
			struct word *words;
			bool has_in;       /* `for x in ...` rather than `for x` ("$@") */
			struct node *body;
		} forn;
		struct {
			struct word *subject;
			struct case_item *items;
		} casen;
		struct {
			char *name;
			struct node *body;
		} func;
	} u;
};

/* Deep copy of a tree onto another arena (function bodies outlive the parse). */
struct node *ast_copy(const struct node *n, struct arena *a);
/* The command as text, for job listings, `type` and function printing. */
char *ast_to_text(const struct node *n);

#endif

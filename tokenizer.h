/* The tokenizer: POSIX token recognition (XCU 2.3).
 *
 * Words come out with their quoting intact; operators, IO numbers and
 * newlines as their own token types. Reserved words are the parser's business.
 * Here-document bodies are read right after the newline that ends the line
 * holding their operators. */
#ifndef FDSH_TOKENIZER_H
#define FDSH_TOKENIZER_H

#include <setjmp.h>
#include <stdbool.h>

struct arena;
struct input;
struct heredoc;

enum tok_type {
	TK_WORD,
	TK_IONUM,     /* digits right before < or >: 2>  */
	TK_IOVAR,     /* {name} right before < or >     */
	TK_NEWLINE,
	TK_EOF,
	TK_AND_IF,    /* && */
	TK_OR_IF,     /* || */
	TK_DSEMI,     /* ;; */
	TK_SEMI_AND,  /* ;& */
	TK_SEMI,
	TK_AMP,
	TK_PIPE,
	TK_LPAREN,
	TK_RPAREN,
	TK_LESS,      /* <   */
	TK_GREAT,     /* >   */
	TK_DGREAT,    /* >>  */
	TK_LESSAND,   /* <&  */
	TK_GREATAND,  /* >&  */
	TK_LESSGREAT, /* <>  */
	TK_CLOBBER,   /* >|  */
	TK_DLESS,     /* <<  */
	TK_DLESSDASH, /* <<- */
};

struct token {
	enum tok_type type;
	char *text;     /* raw word text (arena), or the operator's spelling */
	bool quoted;    /* the word contains ' " or \ */
	int lineno;
};

/* Where a syntax error goes: shared by a parser and the parsers it starts for
 * command substitutions, so the outermost one reports it. */
struct lex_error {
	jmp_buf jb;
	char *msg;
	int line;
};

/* Deeper nesting than this — of commands, $( ), ${ } and quotes together — is a
 * syntax error rather than a C stack overflow. */
#define LEX_MAX_DEPTH 1000

struct lexer {
	struct input *in;
	int depth;                      /* nesting now; the parser's and ours */
	struct arena *arena;
	struct heredoc *pending;        /* here-documents waiting for the newline */
	struct heredoc **pending_tail;
	struct lex_error *err;
	/* Parse a command substitution body up to its ')' (set by the parser). */
	void (*parse_subst)(struct lexer *lx);
};

void lex_init(struct lexer *lx, struct input *in, struct arena *a, struct lex_error *err);
void lex_next(struct lexer *lx, struct token *tok);
void lex_add_heredoc(struct lexer *lx, struct heredoc *hd);
/* Report a syntax error at `line` and jump to lx->err. */
_Noreturn void lex_fail(struct lexer *lx, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
const char *tok_spelling(enum tok_type t);
/* Remove quotes and backslashes (for here-document delimiters). */
char *tok_unquote(struct arena *a, const char *raw);

#endif

# fdsh — a POSIX shell with a readline front end, a built-in netcat and a syscall trace.
CC       = gcc
CSTD     = -std=c17
WARN     = -Wall -Wextra -Werror
OPT      = -O2
CPPFLAGS = -D_GNU_SOURCE -I.
CFLAGS   = $(CSTD) $(WARN) $(OPT)
# readline and its terminfo library are linked statically: a script or -c run
# then maps no extra shared objects, which keeps start-up and fork cheap.
LDLIBS   = -Wl,-Bstatic -lreadline -ltinfo -Wl,-Bdynamic

# Core modules in data-flow order: input -> tokens -> AST -> expansions -> processes.
SRCS = shell.c memalloc.c error.c input.c tokenizer.c parser.c ast.c alias.c \
       vars.c expand.c arith.c pattern.c redir.c exec.c jobs.c trap.c trace.c lineedit.c net.c \
       lineedit_prompt.c \
       lineedit_history.c \
       lineedit_complete.c \
       builtins/builtins.c builtins/core.c builtins/cd.c builtins/echo.c \
       builtins/vars.c builtins/set.c builtins/hash.c builtins/jobs.c builtins/nc.c \
       builtins/test.c \
       builtins/printf.c \
       builtins/read.c \
       builtins/getopts.c \
       builtins/type.c \
       builtins/command.c \
       builtins/alias.c \
       builtins/trap.c \
       builtins/umask.c \
       builtins/ulimit.c \
       builtins/times.c \
       builtins/history.c \
       builtins/help.c
OBJS = $(SRCS:.c=.o)
DEPS = $(OBJS:.o=.d)

# The fd viewer of the teaching trace (issue 6); OBJS and DEPS expand SRCS lazily.
SRCS += fdview.c
SRCS += builtins/fds.c

all: fdsh

fdsh: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

%.o: %.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

test: fdsh
	bats tests/

bench: fdsh
	bench/run.sh

bench-nc: fdsh
	bench/nc.sh

clean:
	rm -f fdsh $(OBJS) $(DEPS)

.PHONY: all test bench bench-nc clean
-include $(DEPS)

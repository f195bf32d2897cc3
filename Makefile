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
       builtins/test.c builtins/fc.c \
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
	rm -rf build fdsh-asan fuzz/fdsh-fuzz

# ---- robustness: sanitizers, valgrind, fuzzing (issue 8) ----
# Each build lives in its own object directory, so ./fdsh is never touched.

# ASan + UBSan: a separate binary, ./fdsh-asan; every UB report is fatal.
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=undefined \
            -fno-omit-frame-pointer -g -O1
ASAN_OBJS = $(SRCS:%.c=build/asan/%.o)
# Reports go to files (not the stderr the tests compare); test-asan fails if any appears.
# _exit skips LeakSanitizer anyway; leaks are valgrind's job (make valgrind).
SAN_LOGS  = $(CURDIR)/build/asan-logs
SAN_ENV   = ASAN_OPTIONS=detect_leaks=0:log_path=$(SAN_LOGS)/asan \
            UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$(SAN_LOGS)/ubsan

asan: fdsh-asan

# Also linked as build/asan/fdsh: tests that look the shell up by its process
# name (comm) expect "fdsh".
fdsh-asan: $(ASAN_OBJS)
	$(CC) $(CSTD) $(SAN_FLAGS) $(LDFLAGS) -o $@ $(ASAN_OBJS) $(LDLIBS)
	ln -f $@ build/asan/fdsh

build/asan/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CSTD) $(WARN) $(SAN_FLAGS) -MMD -MP -c -o $@ $<

test-asan: fdsh-asan
	@rm -rf $(SAN_LOGS) && mkdir -p $(SAN_LOGS)
	$(SAN_ENV) FDSH=$(CURDIR)/build/asan/fdsh FDSH_TEST_TIMEOUT=30 bats tests/
	@if ls $(SAN_LOGS)/* >/dev/null 2>&1; then \
		echo "sanitizer reports in $(SAN_LOGS):"; cat $(SAN_LOGS)/*; exit 1; fi

# Valgrind: the scripts of tests/valgrind/*.sh, each run with -c; no definite
# leak and no invalid access allowed.
valgrind: fdsh
	tests/valgrind/run.sh ./fdsh

# libFuzzer: tokenizer + parser + expansion (no command runs: see fuzz/harness.c).
FUZZ_SECONDS ?= 60
FUZZ_CC    = clang
FUZZ_FLAGS = -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
             -Wno-missing-field-initializers \
             -fno-omit-frame-pointer -g -O1
FUZZ_SRCS  = $(filter-out shell.c,$(SRCS))
FUZZ_OBJS  = $(FUZZ_SRCS:%.c=build/fuzz/%.o) build/fuzz/shell.o build/fuzz/fuzz/harness.o

fuzz/fdsh-fuzz: $(FUZZ_OBJS)
	$(FUZZ_CC) -fsanitize=fuzzer,address,undefined -Wl,--wrap=exec_subst -Wl,--wrap=glob \
		-o $@ $(FUZZ_OBJS) $(LDLIBS)

# shell.c carries main(); libFuzzer brings its own.
build/fuzz/shell.o: shell.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) $(CSTD) $(WARN) $(FUZZ_FLAGS) -Dmain=fdsh_main -MMD -MP -c -o $@ $<

build/fuzz/%.o: %.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) $(CSTD) $(WARN) $(FUZZ_FLAGS) -MMD -MP -c -o $@ $<

fuzz: fuzz/fdsh-fuzz
	fuzz/run.sh $(FUZZ_SECONDS)

# Replay the kept crash/hang/leak inputs (fuzz/regress/) once each.
fuzz-regress: fuzz/fdsh-fuzz
	fuzz/fdsh-fuzz $(CURDIR)/fuzz/regress/*

.PHONY: all test bench bench-nc clean asan test-asan valgrind fuzz fuzz-regress

# make install [PREFIX=/usr/local] [DESTDIR=/staging]; make uninstall removes
# exactly these files (and the examples directories, if then empty).
PREFIX      = /usr/local
BINDIR      = $(PREFIX)/bin
MANDIR      = $(PREFIX)/share/man/man1
EXAMPLESDIR = $(PREFIX)/share/doc/fdsh/examples
EXAMPLES = \
	examples/echo-client.sh \
	examples/echo-server.sh \
	examples/forking-server.sh \
	examples/port-check.sh \
	examples/trace-pipeline.sh

install: fdsh
	install -d '$(DESTDIR)$(BINDIR)' '$(DESTDIR)$(MANDIR)' '$(DESTDIR)$(EXAMPLESDIR)'
	install -m 755 fdsh '$(DESTDIR)$(BINDIR)/fdsh'
	install -m 644 fdsh.1 '$(DESTDIR)$(MANDIR)/fdsh.1'
	install -m 755 $(EXAMPLES) '$(DESTDIR)$(EXAMPLESDIR)'

uninstall:
	rm -f '$(DESTDIR)$(BINDIR)/fdsh' '$(DESTDIR)$(MANDIR)/fdsh.1'
	rm -f $(addprefix '$(DESTDIR)$(EXAMPLESDIR)'/,$(notdir $(EXAMPLES)))
	rmdir '$(DESTDIR)$(EXAMPLESDIR)' '$(DESTDIR)$(PREFIX)/share/doc/fdsh' 2>/dev/null || true

.PHONY: install uninstall
-include $(DEPS)
-include $(ASAN_OBJS:.o=.d) $(FUZZ_OBJS:.o=.d)

#!/usr/bin/env bats
# trace.bats: the teaching trace (set -o trace, fdsh -o trace, trace CMD, $FDSH_TRACEFD):
# line format per process, error results, what it leaves out, and that lines of concurrent
# processes never mix. tests/trace_strace.bats checks the calls themselves against strace.

load test_helper

# lines_of WHO: the trace lines (from $stderr) of the processes whose tag starts with WHO,
# e.g. "child [0-9]* echo", with the tag removed.
lines_of() {
	printf '%s\n' "$stderr" | sed -n "s|^\[$1\] ||p"
}

# pids: replace the shell's pid by S and each child's pid by C1, C2... in fork order.
pids() {
	local s n=0 map="" c
	s=$(printf '%s\n' "$stderr" | sed -n 's/^\[shell \([0-9]*\)\].*/\1/p' | head -1)
	for c in $(printf '%s\n' "$stderr" | sed -n 's/^\[shell [0-9]*\] fork() = \([0-9]*\)$/\1/p'); do
		n=$((n + 1))
		map="$map;s/\\b$c\\b/C$n/g"
	done
	sed "s/\\b$s\\b/S/g$map"
}

@test "a two-stage pipeline: each process's calls in order, with real fds and results" {
	fdsh_c 'set -o trace; echo hi | /bin/cat'
	expect 0 hi
	[ "$(lines_of 'shell [0-9]*' | pids)" = "pipe() = [3, 4]
fork() = C1
close(4) = 0
fork() = C2
close(3) = 0
waitpid(C1) = exited 0
waitpid(C2) = exited 0" ]
	[ "$(lines_of 'child [0-9]* echo' | pids)" = "fork() = 0 (child of S, to run echo)
close(3) = 0
dup2(4, 1) = 1
close(4) = 0" ]
	[ "$(lines_of 'child [0-9]* /bin/cat' | pids)" = 'fork() = 0 (child of S, to run /bin/cat)
dup2(3, 0) = 0
close(3) = 0
execve("/bin/cat", ["/bin/cat"])' ]
}

@test "fdsh -o trace traces from the first command; set +o trace stops it" {
	capture _clean_sub "$FDSH" -o trace -c '/bin/true; set +o trace; /bin/echo quiet' </dev/null
	expect 0 quiet
	[ "$(printf '%s\n' "$stderr" | grep -c 'execve(')" = 1 ]
	[ "$(lines_of 'child [0-9]* /bin/true' | tail -1)" = 'execve("/bin/true", ["/bin/true"])' ]
}

@test "trace CMD traces that one command only" {
	fdsh_c 'trace /bin/echo a; /bin/echo b'
	expect 0 "a
b"
	[ "$(printf '%s\n' "$stderr" | grep -c '^\[')" = 4 ]
	[ "$(lines_of 'child [0-9]* /bin/echo' | tail -1)" = 'execve("/bin/echo", ["/bin/echo", "a"])' ]
}

@test "trace with no command is a usage error" {
	fdsh_c 'trace'
	expect 2 ""
	expect_stderr 'fdsh: line 1: usage: trace command [args...]'
}

@test "errors print -1, the errno name and its text" {
	fdsh_c 'set -o trace; /bin/cat </nonexistent; /nonexistent/cmd; exec 7>&-; kill 999999'
	expect 1 ""
	grep -Fx '[child '"$(lines_of 'shell [0-9]*' | sed -n '1s/fork() = //p')"' /bin/cat] open("/nonexistent", O_RDONLY) = -1 ENOENT (No such file or directory)' <<<"$stderr"
	[ "$(lines_of 'child [0-9]* /nonexistent/cmd' | tail -1)" = 'execve("/nonexistent/cmd", ["/nonexistent/cmd"]) = -1 ENOENT (No such file or directory)' ]
	lines_of 'shell [0-9]*' | grep -Fx 'close(7) = -1 EBADF (Bad file descriptor)'
	lines_of 'shell [0-9]*' | grep -Fx 'kill(999999, SIGTERM) = -1 ESRCH (No such process)'
	lines_of 'shell [0-9]*' | grep -x 'waitpid([0-9]*) = exited 127'
}

@test "waitpid says how a child ended: exit status or the killing signal" {
	fdsh_c 'set -o trace; /bin/sh -c "kill -9 \$\$"; /bin/sh -c "exit 3"; yes | head -1'
	[ "$status" = 0 ]
	[ "$(lines_of 'shell [0-9]*' | grep '^waitpid' | pids)" = "waitpid(C1) = killed by SIGKILL
waitpid(C2) = exited 3
waitpid(C3) = killed by SIGPIPE
waitpid(C4) = exited 0" ]
}

@test "open of a redirection target shows its flags; the shell's own save/restore shows too" {
	fdsh_c 'set -o trace; echo x >>log 2>&1'
	expect 0 ""
	# fd 10 is the trace's own copy of stderr, so the saved fds are 11 and 12.
	# With fd 1 parked, closing it first lets open land on 1 itself.
	[ "$(lines_of 'shell [0-9]*')" = 'fcntl(1, F_DUPFD_CLOEXEC, 10) = 11
close(1) = 0
open("log", O_WRONLY|O_CREAT|O_APPEND) = 1
fcntl(2, F_DUPFD_CLOEXEC, 10) = 12
dup2(1, 2) = 2
dup2(12, 2) = 2
close(12) = 0
dup2(11, 1) = 1
close(11) = 0' ]
}

@test "the trace keeps going to the original stderr when a command redirects fd 2" {
	fdsh_c 'set -o trace; /bin/sh -c "echo err >&2" 2>/dev/null'
	expect 0 ""
	lines_of 'child [0-9]* /bin/sh' | grep -Fx 'dup2(3, 2) = 2'
	[ "$(lines_of 'child [0-9]* /bin/sh' | tail -1)" = 'execve("/bin/sh", ["/bin/sh", "-c", "echo err >&2"])' ]
	! grep -q '^err' <<<"$stderr"
}

@test "FDSH_TRACEFD sends the trace to another fd (exported or a plain variable)" {
	capture _clean_sub sh -c 'FDSH_TRACEFD=3 exec "$1" -o trace -c /bin/true 3>t1' sh "$FDSH" </dev/null
	expect 0 ""
	expect_stderr ""
	grep -q 'execve("/bin/true", \["/bin/true"\])' t1
	fdsh_c 'exec 4>t2; FDSH_TRACEFD=4; set -o trace; /bin/true'
	expect_stderr ""
	grep -q 'execve("/bin/true", \["/bin/true"\])' t2
}

@test "a bad FDSH_TRACEFD is reported and the trace goes to stderr" {
	fdsh_c 'FDSH_TRACEFD=x; set -o trace; /bin/true'
	[ "$status" = 0 ]
	[ "$(printf '%s\n' "$stderr" | head -1)" = "fdsh: line 1: FDSH_TRACEFD: x: bad fd number, tracing to 2" ]
	lines_of 'child [0-9]* /bin/true' | grep -Fx 'execve("/bin/true", ["/bin/true"])'
}

@test "the trace fd is close-on-exec: programs do not inherit it" {
	fdsh_c 'set -o trace; /bin/ls /proc/self/fd'
	expect 0 "0
1
2
3"
}

@test "a subshell child is named subshell; its last command execs in place" {
	fdsh_c 'set -o trace; (cd /; /bin/true)'
	expect 0 ""
	[ "$(lines_of 'child [0-9]* subshell' | pids)" = 'fork() = 0 (child of S, to run subshell)
execve("/bin/true", ["/bin/true"])' ]
}

@test "a here-document: a pipe written and closed before the command reads it" {
	fdsh_c 'set -o trace; /bin/cat <<EOF
hello
EOF'
	expect 0 hello
	[ "$(lines_of 'child [0-9]* /bin/cat' | sed 1d)" = 'pipe() = [3, 4]
close(4) = 0
dup2(3, 0) = 0
close(3) = 0
execve("/bin/cat", ["/bin/cat"])' ]
}

@test "8 concurrent children with 3000-byte lines: every line arrives whole" {
	long=$(printf 'x%.0s' $(seq 3000))
	fdsh_c 'set -o trace; for i in 1 2 3 4 5 6 7 8; do /bin/echo "$1" >/dev/null & done; wait' sh "$long"
	[ "$status" = 0 ]
	local n_exec n_bad
	n_exec=$(printf '%s\n' "$stderr" |
		grep -cx "\[child [0-9]* /bin/echo\] execve(\"/bin/echo\", \[\"/bin/echo\", \"$long\"\])")
	n_bad=$(printf '%s\n' "$stderr" | grep -cvE '^\[(shell|child) [0-9]+[^]]*\] [a-z0-9_]+\(.*\)( = .*)?$' || true)
	[ "$n_exec" = 8 ] && [ "$n_bad" = 0 ]
	[ "$(printf '%s\n' "$stderr" | grep -c '^\[child [0-9]* /bin/echo\] fork() = 0 ')" = 8 ]
}

@test "8 concurrent children tracing into one pipe: no line mixed with another" {
	long=$(printf 'y%.0s' $(seq 2000))
	capture _clean_sub sh -c '"$1" -o trace -c '\''for i in 1 2 3 4 5 6 7 8; do /bin/echo "$1" >/dev/null & done; wait'\'' sh "$2" 2>&1 >/dev/null | cat' sh "$FDSH" "$long"
	[ "$status" = 0 ]
	[ "$(grep -cx "\[child [0-9]* /bin/echo\] execve(\"/bin/echo\", \[\"/bin/echo\", \"$long\"\])" <<<"$output")" = 8 ]
	[ "$(grep -cvE '^\[(shell|child) [0-9]+[^]]*\] [a-z0-9_]+\(.*\)( = .*)?$' <<<"$output" || true)" = 0 ]
}

@test "a line longer than PIPE_BUF is cut to one 4096-byte write ending in ..." {
	long=$(printf 'z%.0s' $(seq 5000))
	fdsh_c 'set -o trace; /bin/true "$1"' sh "$long"
	expect 0 ""
	line=$(printf '%s\n' "$stderr" | grep 'execve(')
	[ "${#line}" = 4095 ]
	[ "${line: -3}" = "..." ]
}

@test "a grandchild names its real parent even after that parent has exited" {
	fdsh_c 'set -o trace; (/bin/sleep 0.2 &); /bin/sleep 0.4'
	expect 0 ""
	# C1 is the subshell; it exits at once, so the grandchild's getppid() would say 1.
	lines_of 'child [0-9]* /bin/sleep' | pids | grep -Fx 'fork() = 0 (child of C1, to run /bin/sleep)'
}

#!/usr/bin/env bats
# trace_strace.bats: the trace tells the truth. Each script runs as `fdsh -o trace -c SCRIPT`
# under `strace -ff`; for every process, the pipe/fork/dup2/close/open/execve/wait/fcntl/
# setpgid/kill calls fdsh printed must be exactly the calls strace saw: same fds, same
# arguments, same results and errors, same order. tests/trace_canon.awk brings both logs to
# one form (and documents what it leaves out: libc's locale files, a child's calls after
# its execve, WNOHANG waits that found nothing).

load test_helper

CANON=$BATS_TEST_DIRNAME/trace_canon.awk
STRACE_CALLS=pipe,pipe2,dup2,dup3,close,execve,wait4,clone,clone3,fork,vfork,openat,fcntl,setpgid,kill

setup() {
	fdsh_setup
	command -v strace >/dev/null || skip "strace not installed"
	strace -f -o /dev/null true 2>/dev/null || skip "strace cannot trace here (no ptrace)"
}

# canon_logs SCRIPT: run SCRIPT traced and under strace; write fdsh.canon and strace.canon.
canon_logs() {
	mkdir -p st
	(clean_exec strace -ff -qq -v -s 8192 -o st/st -e trace=$STRACE_CALLS \
		"$FDSH" -o trace -c "$1" </dev/null >out 2>trace) || true
	local shell f
	shell=$(sed -n 's/^\[shell \([0-9]*\)\].*/\1/p' trace | head -1)
	awk -v mode=fdsh -f "$CANON" trace | sort -s -k1,1 >fdsh.canon
	for f in st/st.*; do
		awk -v mode=strace -v pid="${f##*.}" -v shell="$shell" -f "$CANON" "$f"
	done | sort -s -k1,1 >strace.canon
}

# trace_vs_strace SCRIPT [EXPECTED_CALL...]: the two logs agree, and each EXPECTED_CALL
# (an extended regex on the canonical form) is among them, so the test has substance.
trace_vs_strace() {
	canon_logs "$1"
	shift
	if ! diff -u strace.canon fdsh.canon; then
		echo "--- fdsh trace:"
		cat trace
		return 1
	fi
	local re
	for re; do
		grep -Eq "	$re\$" fdsh.canon || { echo "missing: $re"; cat fdsh.canon; return 1; }
	done
}

@test "the checker itself notices a call missing from the trace" {
	canon_logs '/bin/true | /bin/true'
	sed -i '/close(/{x;s/^/x/;/^x$/{x;d};x}' fdsh.canon   # drop the first close line
	! diff -q strace.canon fdsh.canon >/dev/null
}

@test "strace: a three-stage pipeline" {
	trace_vs_strace 'ls / | grep b | wc -l' 'pipe \[3, 4\]' 'pipe \[4, 5\]' 'dup2\(4, 1\) = 1' \
		'dup2\(3, 0\) = 0' 'dup2\(5, 1\) = 1' 'execve "/[a-z/]*/wc" \["wc", "-l"\]' \
		'wait [0-9]+ = [0-9]+ exited 0'
}

@test "strace: a builtin in a pipeline (a forked shell that never execs)" {
	trace_vs_strace 'echo hi | cat; echo a | { read x; echo $x; }' 'close\(4\) = 0'
}

@test "strace: redirection order, 2>&1 >f and >f 2>&1, on a program and on a builtin" {
	trace_vs_strace 'ls /nonexistent 2>&1 >f; ls /nonexistent >f 2>&1; echo b >f 2>&1' \
		'open "f" = 3' 'dup2\(1, 2\) = 2' 'dup2\(3, 1\) = 1' 'fcntl\(1, F_DUPFD_CLOEXEC, 10\) = [0-9]+'
}

@test "strace: failing redirections and commands (errors)" {
	trace_vs_strace 'cat </nonexistent; /nonexistent/cmd; exec 7>&-; kill 999999; : >/nonexistent/f' \
		'open "/nonexistent" = -1 ENOENT' 'execve failed -1 ENOENT' 'close\(7\) = -1 EBADF' \
		'kill\(999999, SIGTERM\) = -1 ESRCH' 'open "/nonexistent/f" = -1 ENOENT'
}

@test "strace: children that die by a signal (SIGPIPE, SIGKILL)" {
	trace_vs_strace 'yes | head -1; sh -c "kill -9 \$\$"' 'wait [0-9]+ = [0-9]+ killed SIGPIPE' \
		'wait [0-9]+ = [0-9]+ killed SIGKILL'
}

@test "strace: here-documents, small (a pipe) and large (a temporary file)" {
	big=$(printf '%05000d' 0)
	trace_vs_strace "cat <<EOF
small
EOF
cat <<EOF >/dev/null
$big
EOF" 'pipe \[3, 4\]' 'open "/tmp/fdsh-here[A-Za-z0-9]+" = 3'
}

@test "strace: command substitution, subshells, background jobs and wait" {
	trace_vs_strace 'x=$(echo a); (cd / && ls >/dev/null); sleep 0.1 & wait; (echo b; echo c) | cat' \
		'open "/dev/null" = [0-9]+' 'wait [0-9]+ = [0-9]+ exited 0'
}

@test "strace: {name}>file, exec redirections and functions in a pipeline" {
	trace_vs_strace 'exec {fd}>f; echo x >&$fd; exec 3>g; f() { echo in; }; f | cat; exec 3>&-' \
		'fcntl\(3, F_DUPFD, 10\) = [0-9]+' 'close\(3\) = 0'
}

@test "strace: a loop of 8 background children" {
	trace_vs_strace 'for i in 1 2 3 4 5 6 7 8; do /bin/true & done; wait' \
		'execve "/bin/true" \["/bin/true"\]'
	[ "$(grep -c 'execve "/bin/true"' fdsh.canon)" = 8 ]
}

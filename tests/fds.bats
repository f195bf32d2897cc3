#!/usr/bin/env bats
# fds.bats: the fds builtin — fd tables from /proc (files with mode and offset, pipes with
# inode and end, sockets with addresses, close-on-exec, shared open file descriptions) and
# the pipeline picture of fds -p / --tree.

load test_helper

# fd_line N: the line of fd N in $output.
fd_line() {
	printf '%s\n' "$output" | grep -E "^ *$1  "
}

@test "fds: the header names the process, files show mode and offset" {
	fdsh_c 'exec 3>f; echo abc >&3; exec 4<f 5>>f; read -r x <&4 2>/dev/null; fds'
	[ "$status" = 0 ]
	dir=$(pwd -P)
	[[ "${lines[0]}" =~ ^"fds of "[0-9]+" (fdsh), this shell:"$ ]]
	[ "$(fd_line 3)" = "   3  file      $dir/f (write), offset 4" ]
	[ "$(fd_line 5)" = "   5  file      $dir/f (write, append), offset 0" ]
	[[ "$(fd_line 4)" =~ ^"   4  file      $dir/f (read), offset "[04]$ ]]
	[ "$(fd_line 0)" = "   0  device    /dev/null (read)" ]
}

@test "fds: a dup'ed fd shares the open file description; a second open does not" {
	fdsh_c 'exec 3>f 4>&3; echo x >&3; exec 5>f; fds'
	[ "$status" = 0 ]
	dir=$(pwd -P)
	[ "$(fd_line 3)" = "   3  file      $dir/f (write), offset 2  [shared with fd 4]" ]
	[ "$(fd_line 4)" = "   4  file      $dir/f (write), offset 2  [shared with fd 3]" ]
	[ "$(fd_line 5)" = "   5  file      $dir/f (write), offset 0" ]
}

@test "fds: two opens at the same offset are told apart by kcmp(2)" {
	command -v python3 >/dev/null || skip "python3 not installed"
	python3 -c 'import ctypes,os; l=ctypes.CDLL(None,use_errno=True); p=os.getpid()
raise SystemExit(l.syscall(312, p, p, 0, 0, 0) < 0)' || skip "kcmp not available"
	fdsh_c 'exec 3>f 4>f; fds'
	dir=$(pwd -P)
	[ "$(fd_line 3)" = "   3  file      $dir/f (write), offset 0" ]
	[ "$(fd_line 4)" = "   4  file      $dir/f (write), offset 0" ]
}

@test "fds: the saved copy of a redirected fd is close-on-exec (the undo list)" {
	fdsh_c 'exec 3>f; fds 3>g'
	dir=$(pwd -P)
	[ "$(fd_line 3)" = "   3  file      $dir/g (write), offset 0" ]
	[ "$(fd_line 10)" = "  10  file      $dir/f (write), offset 0  [close-on-exec]" ]
}

@test "fds: pipe ends with the pipe's inode" {
	fdsh_c '{ fds; /usr/bin/stat -L -c %i /proc/self/fd/1; } | cat; echo | fds'
	[ "$status" = 0 ]
	ino=$(printf '%s\n' "$output" | grep -xE '[0-9]+')
	[ "$(printf '%s\n' "$output" | grep -E '^   1  pipe')" = "   1  pipe      $ino, write end" ]
	[[ "$(printf '%s\n' "$output" | grep -E '^   0  pipe')" =~ ^"   0  pipe      "[0-9]+", read end"$ ]]
}

@test "fds: sockets with protocol and addresses (tcp, unix), from python3 on loopback" {
	command -v python3 >/dev/null || skip "python3 not installed"
	cat >s.py <<'EOF'
import os, socket, subprocess, sys
l = socket.socket(); l.bind(("127.0.0.1", 0)); l.listen()
c = socket.create_connection(l.getsockname()); a, _ = l.accept()
u1, u2 = socket.socketpair()
def addr(s): return "%s:%d" % s
print("%4d  socket    tcp listen %s  [close-on-exec]" % (l.fileno(), addr(l.getsockname())))
print("%4d  socket    tcp %s -> %s  [close-on-exec]" % (c.fileno(), addr(c.getsockname()), addr(c.getpeername())))
print("%4d  socket    tcp %s -> %s  [close-on-exec]" % (a.fileno(), addr(a.getsockname()), addr(a.getpeername())))
print("%4d  socket    unix (unnamed)  [close-on-exec]" % u1.fileno())
print("--")
sys.stdout.flush()
subprocess.run([sys.argv[1], "-c", 'fds "$1"', "sh", str(os.getpid())])
EOF
	capture _clean_sub python3 s.py "$FDSH"
	[ "$status" = 0 ]
	want=$(printf '%s\n' "$output" | sed '/^--$/q' | sed '$d')
	got=$(printf '%s\n' "$output" | sed '1,/^--$/d' | grep '  socket  ')
	[ -n "$want" ] && [ "$want" = "$(printf '%s\n' "$got" | head -4)" ]
}

@test "fds: a listening socket made by nc -d" {
	fdsh_c 'nc -l 127.0.0.1 0 -d 5 && fds'
	[ "$status" = 0 ]
	[[ "$(fd_line 5)" =~ ^"   5  socket    tcp listen 127.0.0.1:"[0-9]+$ ]]
}

@test "fds PID...: other processes, and sharing across fork" {
	fdsh_c '/bin/sleep 2 & fds $$ $!; kill $!'
	[ "$status" = 0 ]
	pid=$(printf '%s\n' "$output" | sed -n 's/^fds of \([0-9]*\) (sleep):$/\1/p; s/^fds of \([0-9]*\) (fdsh):$/\1/p' | tail -1)
	[ -n "$pid" ]
	printf '%s\n' "$output" | grep -E "^   1  file      .*\[shared with $pid fd 1\]$"
}

@test "fds: a bad or vanished process id" {
	fdsh_c 'fds x'
	expect 2 ""
	expect_stderr "fdsh: line 1: fds: x: not a process id"
	fdsh_c 'fds 0'
	expect 2 ""
	expect_stderr "fdsh: line 1: fds: 0: not a process id"
	fdsh_c '/bin/true & p=$!; wait; fds $p'
	expect 1 ""
	expect_stderr_prefix "fdsh: line 1: fds: "
	[[ "$stderr" == *": no such process" ]]
}

@test "fds -z is a usage error" {
	fdsh_c 'fds -z'
	expect 2 ""
	[ "$(printf '%s\n' "$stderr" | head -1)" = "fdsh: line 1: fds: -z: invalid option" ]
}

@test "fds -p: the pipeline around it, each process's fds 0-2 and the pipes between them" {
	fdsh_c '/bin/sleep 0.5 | fds -p | /bin/cat'
	[ "$status" = 0 ]
	[[ "${lines[0]}" =~ ^"pipeline of "[0-9]+": 3 processes"$ ]]
	[[ "${lines[1]}" =~ ^"  "[0-9]+" sleep"$ ]]
	[[ "${lines[3]}" =~ ^"      1  pipe      "([0-9]+)", write end "+" >--+"$ ]]
	p1=${BASH_REMATCH[1]}
	[[ "${lines[5]}" =~ ^" "+"| pipe $p1"$ ]]
	[[ "${lines[6]}" =~ ^"  "[0-9]+" fdsh (this fds)"" "+"|"$ ]]
	[[ "${lines[7]}" =~ ^"      0  pipe      $p1, read end "+" <--+"$ ]]
	[[ "${lines[8]}" =~ ^"      1  pipe      "([0-9]+)", write end "+" >--+"$ ]]
	p2=${BASH_REMATCH[1]}
	[[ "${lines[12]}" =~ ^"      0  pipe      $p2, read end "+" <--+"$ ]]
	[[ "${lines[11]}" =~ ^"  "[0-9]+" cat"" "+"|"$ ]]
	[[ "${lines[15]}" =~ ^"  pipe $p1: "[0-9]+" sleep fd 1 -> "[0-9]+" fdsh fd 0"$ ]]
	[[ "${lines[16]}" =~ ^"  pipe $p2: "[0-9]+" fdsh fd 1 -> "[0-9]+" cat fd 0"$ ]]
	[ "${#lines[@]}" = 17 ]
}

@test "fds --tree at the prompt: the shell and a background pipeline below it" {
	fdsh_c '/bin/sleep 1 | /bin/cat & fds --tree; kill $!'
	[ "$status" = 0 ]
	[[ "${lines[0]}" =~ ^"processes from "[0-9]+": 4 processes"$ ]]
	printf '%s\n' "$output" | grep -qE '^  [0-9]+ fdsh \(this fds\)$'
	printf '%s\n' "$output" | grep -qE '^  pipe [0-9]+: [0-9]+ sleep fd 1 -> [0-9]+ cat fd 0$'
}

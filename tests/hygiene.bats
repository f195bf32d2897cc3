#!/usr/bin/env bats
# Process hygiene (issue 8): no fd of the shell leaks into a child in any kind of command,
# background jobs leave no zombie and no growth of the shell's memory, and SIGPIPE,
# SIGCHLD and EINTR are handled where they arrive.  The helpers start every shell with
# only fds 0-2 open, so a child must see exactly 0 1 2 and the fd of its own `ls`.

load test_helper
load bg_helper

teardown() {
	bg_teardown
}

FDS='0 1 2 3'   # what `ls /proc/self/fd` lists in a clean child (3: ls's directory)
LSFD='ls /proc/self/fd | tr "\n" " " | sed "s/ $//"'

# --- no fd leaks into children ---------------------------------------------------------------

@test "fds: a simple command sees only 0 1 2" {
	fdsh_c 'ls /proc/self/fd | tr "\n" " "'
	expect 0 "$FDS "
}

@test "fds: every stage of a pipeline sees only 0 1 2" {
	fdsh_c 'ls /proc/self/fd | cat | tr "\n" " "; echo; ls /proc/self/fd >&2 | cat'
	[ "${lines[0]}" = "$FDS " ]
	[ "$(echo $stderr)" = "$FDS" ]
}

@test "fds: a subshell, a group and a function" {
	fdsh_c "($LSFD); echo; { $LSFD; }; echo; f() { $LSFD; }; f"
	expect 0 "$FDS
$FDS
$FDS"
}

@test "fds: a background command" {
	fdsh_c 'ls /proc/self/fd > out & wait; tr "\n" " " < out'
	expect 0 "$FDS "
}

@test "fds: a command substitution (the child holds only the pipe, on fd 1)" {
	fdsh_c 'echo $(ls /proc/self/fd); x=$(ls /proc/self/fd | cat); echo $x'
	expect 0 "$FDS
$FDS"
}

@test "fds: a here-document (small, and bigger than a pipe) is on fd 0 only" {
	fdsh_c "ls /proc/self/fd <<EOF | tr '\n' ' '
small
EOF
echo; ls /proc/self/fd <<EOF | tr '\n' ' '
$(head -c 100000 /dev/zero | tr '\0' x)
EOF"
	expect 0 "$FDS 
$FDS "
}

@test "fds: a script run from a file does not pass its own fd on" {
	printf '%s\n' "$LSFD" 'echo' "($LSFD)" >s.sh
	capture _clean_sub "$FDSH" s.sh
	expect 0 "$FDS
$FDS"
}

@test "fds: a script read with . does not pass its fd on" {
	printf '%s\n' "$LSFD" >dot.sh
	fdsh_c '. ./dot.sh; echo; f() { . ./dot.sh; }; f'
	expect 0 "$FDS
$FDS"
}

@test "fds: after builtins with redirections, eval and exec n>&-, nothing stays open" {
	fdsh_c "echo x > f; read y < f; echo y 2>/dev/null >&2; eval '$LSFD'; echo; exec 5>g; exec 5>&-; $LSFD"
	expect 0 "$FDS
$FDS"
}

@test "fds: an fd the user opens with exec is inherited, as it should be" {
	fdsh_c "exec 5>g; $LSFD"
	expect 0 "0 1 2 3 5"
}

@test "fds: the command run by nc -e has the socket on 0 and 1 and nothing else" {
	command -v python3 >/dev/null || skip "python3 needed"
	bg srv "$FDSH" -c "nc -l -v 127.0.0.1 0 -e '$LSFD >&2'"
	local port
	port=$(listening_port srv)
	[ -n "$port" ]
	exec {c}<>"/dev/tcp/127.0.0.1/$port"
	exec {c}>&-
	wait "${BG[0]}"
	grep -q "^$FDS\$" srv.err
}

# --- background jobs: no zombies, no growth ----------------------------------------------------

# FDSH_BG_JOBS=10000 for the issue's full count (a minute on a loaded machine; it passes).
@test "many (FDSH_BG_JOBS, 3,000; 10,000 in full) background jobs: no zombie, no memory growth" {
	# RSS after 1,000 jobs and after all of them: the job table must not keep finished jobs.
	local n=${FDSH_BG_JOBS:-3000} limit=512
	# ASan's quarantine keeps freed memory resident for a while: growth there is no leak.
	case $FDSH in *asan*) limit=65536 ;; esac
	FDSH_TEST_TIMEOUT=300 fdsh_c 'rss() { sed -n "s/^VmRSS:[^0-9]*\([0-9]*\).*/\1/p" /proc/$$/status; }
i=0; while [ $i -lt 1000 ]; do true & i=$((i + 1)); done; wait; a=$(rss)
while [ $i -lt '"$n"' ]; do : & i=$((i + 1)); done; wait; b=$(rss)
echo "zombies=$(ps -o stat= --ppid $$ | grep -c Z)"; echo "jobs=$(jobs | wc -l)"
echo "growth=$((b - a))" >&2; [ $((b - a)) -lt '"$limit"' ] && echo "memory ok"'
	expect 0 "zombies=0
jobs=0
memory ok"
}

@test "background jobs that are never waited for are reaped as new ones start" {
	fdsh_c 'i=0; while [ $i -lt 300 ]; do true & i=$((i + 1)); done; sleep 0.3; : &
echo "zombies=$(ps -o stat= --ppid $$ | grep -c Z)"'
	[ "${lines[0]}" = "zombies=0" ] || [ "${lines[0]}" = "zombies=1" ]   # the last one may be ending
}

# --- SIGPIPE, SIGCHLD, EINTR -----------------------------------------------------------------------

@test "SIGPIPE: a builtin loop writing to a closed pipe ends, as in dash" {
	same_as_dash 'while :; do echo x; done | head -n 2; echo "st=$?"'
	expect 0 "x
x
st=0"
}

@test "SIGPIPE: the shell itself writing into a closed pipe dies of SIGPIPE like dash" {
	capture _shell_into_closed_pipe "$FDSH"
	local mine=$output
	capture _shell_into_closed_pipe "$REF_SH"
	[ "$mine" = "$output" ]
	[ "$mine" = 141 ]
}

_shell_into_closed_pipe() {
	local sh=$1
	(clean_exec "$sh" -c 'sleep 0.2; i=0; while [ $i -lt 100000 ]; do echo xxxxxxxx; i=$((i+1)); done' </dev/null) | true
	echo "${PIPESTATUS[0]}"
}

@test "SIGPIPE ignored on entry stays ignored: echo gets EPIPE and reports it" {
	(trap '' PIPE; clean_exec "$FDSH" -c 'sleep 0.3; echo x; echo "st=$?" >&2' </dev/null) 2>err | true
	[ "$(cat err)" = "fdsh: line 1: echo: write error: Broken pipe
st=1" ]
}

@test "SIGCHLD: a trap on CHLD runs and waits and reads are not disturbed" {
	fdsh_c 'trap "n=\$((n + 1))" CHLD; n=0; sleep 0.1 & sleep 0.1 & sleep 0.3; x=$(echo sub); wait; echo "$x"; [ "$n" -ge 1 ] && echo trapped'
	expect 0 "sub
trapped"
}

@test "EINTR: signals arriving often during a long foreground wait do not break it" {
	fdsh_c 'trap ":" USR1; me=$$; (i=0; while [ $i -lt 20 ]; do kill -USR1 $me; sleep 0.02; i=$((i+1)); done) & sleep 0.6; echo "st=$?"; wait'
	expect 0 "st=0"
}

# --- load on the nc server ------------------------------------------------------------------------

@test "nc -l -k -e cat under load: 1,000 clients, 200 at once, 64 KB each; idle and reset clients" {
	command -v python3 >/dev/null || skip "python3 needed"
	bg srv "$FDSH" -c 'echo $$ >srv.pid; nc -l -k -v 127.0.0.1 0 -e cat'
	local i port pid
	port=$(listening_port srv)
	[ -n "$port" ]
	pid=$(cat srv.pid)
	local before after
	before=$(ls /proc/"$pid"/fd | sort -n | tr '\n' ' ')
	run timeout 120 python3 "$BATS_TEST_DIRNAME/load_helper.py" "$port" 1000 200 65536
	echo "$output"
	[ "$output" = "ok 1000 lost=0 corrupted=0" ]
	for i in $(seq 400); do   # every child reaped: no zombies (nor live ones)
		[ -z "$(ps -o pid= --ppid "$pid")" ] && break
		sleep 0.05
	done
	[ -z "$(ps -o pid= --ppid "$pid")" ]
	after=$(ls /proc/"$pid"/fd | sort -n | tr '\n' ' ')
	[ "$before" = "$after" ]   # no leaked fds
	[ "$(echo still | timeout 5 "$FDSH" -c "nc 127.0.0.1 $port")" = still ]   # still answers
	kill "$pid"
	wait "${BG[0]}" || true
}

#!/usr/bin/env bats
# nc: the built-in netcat and sockets as fds (issue 9). Loopback only. Peers not
# written here (socat, python3's socket module via nc_helper.py) check fdsh
# against other implementations; every wait is bounded and every background
# process is killed in teardown.

load test_helper
load bg_helper

HELPER=$BATS_TEST_DIRNAME/nc_helper.py

setup() {
	fdsh_setup
	BG=()
}

teardown() {
	bg_teardown
}

# helper_server NAME KIND [ARGS]: start an nc_helper.py server; its port in $port.
# (Not in $( ): the background pid must reach BG in this shell for teardown.)
helper_server() {
	local name=$1
	shift
	bg "$name" python3 "$HELPER" "$1" "$TEST_DIR/$name.port" "${@:2}"
	wait_for "$TEST_DIR/$name.port" || return 1
	port=$(cat "$TEST_DIR/$name.port")
}

# socat_echo NAME: socat echo server (fork, cat per connection); its port in $port.
socat_echo() {
	port=$(python3 "$HELPER" free-port)
	bg "$1" socat "TCP-LISTEN:$port,bind=127.0.0.1,reuseaddr,fork" EXEC:cat
	for _ in $(seq 400); do
		python3 "$HELPER" client 127.0.0.1 "$port" "" >/dev/null 2>&1 && break
		sleep 0.05
	done
}

# wait_gone PID: until process PID has ended (at most 20 s).
wait_gone() {
	local i
	for i in $(seq 400); do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 0.05
	done
	return 1
}

# children PID: the children of PID, one "pid stat" per line.
children() {
	ps -o pid=,stat= --ppid "$1" 2>/dev/null || true
}

need_socat() {
	command -v socat >/dev/null || skip "socat is not installed"
}

# --- client mode -----------------------------------------------------------------------

@test "client: sends stdin, half-closes, prints the whole reply (python peer)" {
	helper_server srv upper
	fdsh_c_in $'hello\nworld\n' "nc 127.0.0.1 $port"
	expect 0 $'HELLO\nWORLD'
	expect_stderr ""
}

@test "client: a name that resolves (localhost) works" {
	helper_server srv upper
	fdsh_c_in 'abc' "nc localhost $port"
	expect 0 "ABC"
}

@test "client: works in the middle of a pipeline (socat echo peer)" {
	need_socat
	socat_echo srv
	fdsh_c "echo hi | nc 127.0.0.1 $port | tr a-z A-Z"
	expect 0 "HI"
}

@test "client: 10 MB through a half-closed connection, byte for byte (socat echo)" {
	need_socat
	socat_echo srv
	head -c 10000000 /dev/urandom >big
	fdsh_c "nc 127.0.0.1 $port <big >got"
	expect 0 ""
	cmp big got
}

@test "client: the reply comes only after the half-close (10 MB, python digest)" {
	helper_server srv digest
	head -c 10000000 /dev/urandom >big
	want="10000000 $(sha256sum big | cut -d' ' -f1)"
	fdsh_c "nc 127.0.0.1 $port <big"
	expect 0 "$want"
}

@test "client: a reader that goes away ends nc quietly with status 0" {
	need_socat
	socat_echo srv
	fdsh_c "{ nc 127.0.0.1 $port </dev/zero; echo \"nc=\$?\" >&2; } | head -c 3"
	expect 0 $'\0\0\0'
	expect_stderr "nc=0"
}

@test "client: -w ends an idle connection quietly" {
	helper_server srv digest # says nothing until EOF, which never comes
	mkfifo idle
	exec 7<>idle # a writer that never writes: stdin stays open and silent
	start=$SECONDS
	run --separate-stderr clean_exec "$FDSH" -c "nc -w 1 127.0.0.1 $port; echo st=\$?" <idle
	exec 7>&-
	expect 0 "st=0"
	expect_stderr ""
	[ $((SECONDS - start)) -le 8 ]   # -w 1 ended it, not a hang
}

@test "client -v reports the connection on stderr" {
	helper_server srv upper
	fdsh_c_in 'x' "nc -v 127.0.0.1 $port"
	expect 0 "X"
	expect_stderr "nc: connected to 127.0.0.1:$port"
}

# --- listen mode -------------------------------------------------------------------------

@test "listen: port 0 is reported by -v, one client is served (python client)" {
	printf 'from server\n' >in
	bg_in srv in "$FDSH" -c 'nc -v -l 0; echo "status $?"'
	port=$(listening_port srv)
	run python3 "$HELPER" client 127.0.0.1 "$port" $'from client\n'
	[ "$status" = 0 ]
	[ "$output" = "from server" ]
	wait_for srv.out "status"
	[ "$(cat srv.out)" = $'from client\nstatus 0' ]
	grep -q "^nc: connection from 127.0.0.1:[0-9]*$" srv.err
}

@test "listen: fdsh client to fdsh listener, 10 MB checked with cmp" {
	head -c 10000000 /dev/urandom >big
	bg srv "$FDSH" -c 'nc -v -l 127.0.0.1 0 >got; echo "done $?" >&2'
	port=$(listening_port srv)
	fdsh_c "nc 127.0.0.1 $port <big"
	expect 0 ""
	wait_for srv.err "done"
	grep -q "done 0" srv.err
	cmp big got
}

@test "listen: fdsh listener sends 10 MB to socat and receives its data" {
	need_socat
	head -c 10000000 /dev/urandom >big
	bg_in srv big "$FDSH" -c 'nc -v -l 0 >got; echo "done $?" >&2'
	port=$(listening_port srv)
	echo "socat says hi" | timeout 10 socat - "TCP:127.0.0.1:$port" >fromsrv
	wait_for srv.err "done"
	cmp big fromsrv
	[ "$(cat got)" = "socat says hi" ]
}

@test "listen: fdsh client and listener both send 10 MB at once (no deadlock)" {
	head -c 10000000 /dev/urandom >a
	head -c 10000000 /dev/urandom >b
	bg_in srv a "$FDSH" -c 'nc -v -l 0 >gotb; echo "done $?" >&2'
	port=$(listening_port srv)
	fdsh_c "nc 127.0.0.1 $port <b >gota"
	expect 0 ""
	wait_for srv.err "done"
	cmp a gota
	cmp b gotb
}

@test "listen -k: clients one after another" {
	bg srv "$FDSH" -c 'nc -v -l -k 0'
	port=$(listening_port srv)
	for i in 1 2 3; do
		python3 "$HELPER" client 127.0.0.1 "$port" "client $i
" >/dev/null
	done
	wait_for srv.out "client 3"
	[ "$(cat srv.out)" = $'client 1\nclient 2\nclient 3' ]
}

@test "listen: an address in use is one clear line, status 1" {
	helper_server srv upper
	fdsh_c "nc -l 127.0.0.1 $port"
	expect 1 ""
	expect_stderr "fdsh: line 1: nc: listen on 127.0.0.1 port $port: Address already in use"
}

# --- UDP, Unix, IPv6 ---------------------------------------------------------------------

@test "udp client: a datagram and its reply (python peer)" {
	helper_server srv udp-upper
	fdsh_c "printf 'ping\n' | nc -u -w 1 127.0.0.1 $port"
	expect 0 "PING"
}

@test "udp listener: talks to the sender of the first datagram (python peer)" {
	printf 'pong\n' >in
	bg_in srv in "$FDSH" -c 'nc -v -u -w 1 -l 127.0.0.1 0; echo "done $?" >&2'
	port=$(listening_port srv)
	run python3 "$HELPER" udp-client "$port" $'ping\n'
	[ "$status" = 0 ]
	[ "$output" = "pong" ]
	wait_for srv.err "done"
	[ "$(cat srv.out)" = "ping" ]
	grep -q "done 0" srv.err
}

@test "udp client: nobody listening is one clear line, status 1" {
	port=$(python3 "$HELPER" free-port udp)
	fdsh_c "printf 'a\nb\n' | nc -u -w 1 127.0.0.1 $port"
	expect 1 ""
	expect_stderr "fdsh: line 1: nc: read from socket: Connection refused"
}

@test "unix: client to a python server, listener with a python client" {
	python3 "$HELPER" unix-upper "$TEST_DIR/u.sock" >/dev/null 2>&1 &
	BG+=($!)
	wait_for "$TEST_DIR/u.sock.ready"
	fdsh_c_in "to unix" "nc -U $TEST_DIR/u.sock"
	expect 0 "TO UNIX"

	printf 'from fdsh\n' >in
	bg_in srv in "$FDSH" -c "nc -v -U -l $TEST_DIR/l.sock; echo \"done \$?\" >&2"
	wait_for srv.err "listening on"
	run python3 "$HELPER" unix-client "$TEST_DIR/l.sock" "hello"
	[ "$output" = "from fdsh" ]
	wait_for srv.err "done"
	[ "$(cat srv.out)" = "hello" ]
	[ ! -e "$TEST_DIR/l.sock" ] # the listener removed the socket file it made
}

@test "unix: a missing socket is one clear line" {
	fdsh_c "nc -U $TEST_DIR/none.sock"
	expect 1 ""
	expect_stderr "fdsh: line 1: nc: connect to $TEST_DIR/none.sock: No such file or directory"
}

@test "ipv6: -6 listener on ::1 and client, and a socat IPv6 echo" {
	python3 "$HELPER" has-ipv6 || skip "no IPv6 loopback"
	printf 'six\n' >in
	bg_in srv in "$FDSH" -c 'nc -v -6 -l ::1 0'
	port=$(listening_port srv)
	grep -q "listening on \[::1\]:$port" srv.err
	fdsh_c_in "hi6" "nc -6 ::1 $port"
	expect 0 "six"
	wait_for srv.out "hi6"
	if command -v socat >/dev/null; then
		p6=$(python3 "$HELPER" free-port)
		bg s6 socat "TCP6-LISTEN:$p6,bind=[::1],reuseaddr,fork" EXEC:cat
		for _ in $(seq 400); do
			fdsh_c_in "echo6" "nc -6 ::1 $p6"
			[ "$output" = "echo6" ] && break
			sleep 0.05
		done
		expect 0 "echo6"
	fi
}

@test "-4 and -6 restrict the family" {
	fdsh_c "nc -6 127.0.0.1 80"
	expect 1 ""
	expect_stderr_prefix "fdsh: line 1: nc: unknown host 127.0.0.1: "
}

# --- -z ----------------------------------------------------------------------------------

@test "-z: status 0 for an open port, 1 with a message for a closed one" {
	helper_server srv upper
	closed=$(python3 "$HELPER" free-port)
	fdsh_c "nc -z 127.0.0.1 $port; echo \$?; nc -z -v 127.0.0.1 $port; nc -z 127.0.0.1 $closed; echo \$?"
	expect 0 $'0\n1'
	expect_stderr "nc: connected to 127.0.0.1:$port
fdsh: line 1: nc: connect to 127.0.0.1 port $closed: Connection refused"
}

# --- server mode -------------------------------------------------------------------------

@test "server: the issue's upper-casing echo server" {
	bg srv "$FDSH" -c 'nc -l -k -v 0 -e "tr a-z A-Z"'
	port=$(listening_port srv)
	fdsh_c "echo hello | nc 127.0.0.1 $port; echo bye | nc 127.0.0.1 $port"
	expect 0 $'HELLO\nBYE'
	[ ! -s srv.out ]
}

@test "server: 50 concurrent clients each get their own answer; no fd leaks, no zombies" {
	bg srv "$FDSH" -c 'echo $$ >pid; nc -l -k -v 0 -e "tr a-z A-Z"'
	port=$(listening_port srv)
	pid=$(cat pid)
	before=$(ls /proc/"$pid"/fd | sort -n | tr '\n' ' ')
	run python3 "$HELPER" clients "$port" 50
	[ "$output" = "ok 50" ]
	[ "$(grep -c 'connection from' srv.err)" = 50 ]
	for _ in $(seq 400); do
		[ -z "$(children "$pid")" ] && break
		sleep 0.05
	done
	[ -z "$(children "$pid")" ] # every child reaped: no zombies
	after=$(ls /proc/"$pid"/fd | sort -n | tr '\n' ' ')
	[ "$before" = "$after" ]
}

@test "server: -m 2 serves at most two clients at once, the others wait" {
	bg srv "$FDSH" -c "nc -l -k -m 2 -v 0 -e 'echo + >>$TEST_DIR/log; sleep 0.3; echo - >>$TEST_DIR/log; tr a-z A-Z'"
	port=$(listening_port srv)
	start=$(date +%s%N)
	run python3 "$HELPER" clients "$port" 6
	[ "$output" = "ok 6" ]
	elapsed=$((($(date +%s%N) - start) / 1000000))
	max=$(awk '/\+/ { n++ } /-/ { n-- } n > m { m = n } END { print m }' log)
	[ "$max" = 2 ]
	[ "$elapsed" -ge 850 ] # three rounds of 0.3 s
}

@test "server: the child has the socket on 0 and 1 and not the listening socket" {
	bg srv "$FDSH" -c 'echo $$ >pid; nc -l -k -v 0 -e "head -n 1 | tr a-z A-Z; echo end"'
	port=$(listening_port srv)
	pid=$(cat pid)
	exec {c}<>"/dev/tcp/127.0.0.1/$port"
	for _ in $(seq 400); do
		child=$(children "$pid" | awk '{ print $1 }')
		[ -n "$child" ] && break
		sleep 0.05
	done
	lsock=$(readlink /proc/"$pid"/fd/* | grep socket | head -n 1)
	[ -n "$lsock" ]
	run -1 grep -qF "$lsock" < <(readlink /proc/"$child"/fd/*) # not in the child
	[ "$(readlink /proc/"$child"/fd/0)" = "$(readlink /proc/"$child"/fd/1)" ]
	[[ $(readlink /proc/"$child"/fd/0) = socket:* ]]
	echo hi >&$c
	reply=$(timeout 5 cat <&$c)
	exec {c}>&-
	[ "$reply" = $'HI\nend' ]
}

@test "server: NC_PEER holds the client's address:port" {
	bg srv "$FDSH" -c 'nc -l -k -v 0 -e "echo \$NC_PEER"'
	port=$(listening_port srv)
	fdsh_c "nc 127.0.0.1 $port </dev/null"
	[ "$status" = 0 ]
	[[ $output =~ ^127\.0\.0\.1:[0-9]+$ ]]
	grep -q "connection from $output" srv.err
}

@test "server: SIGTERM stops it cleanly, children included" {
	bg srv "$FDSH" -c 'echo $$ >pid; nc -l -k -v 0 -e "sleep 5"; echo "not reached"'
	port=$(listening_port srv)
	pid=$(cat pid)
	exec {c1}<>"/dev/tcp/127.0.0.1/$port" {c2}<>"/dev/tcp/127.0.0.1/$port"
	for _ in $(seq 400); do
		[ "$(children "$pid" | wc -l)" = 2 ] && break
		sleep 0.05
	done
	kids=$(children "$pid" | awk '{ print $1 }')
	[ "$(echo "$kids" | wc -l)" = 2 ]
	kill -TERM "$pid"
	wait_gone "$pid"
	for k in $kids; do wait_gone "$k"; done
	exec {c1}>&- {c2}>&-
	[ ! -s srv.out ]
	run ! python3 "$HELPER" client 127.0.0.1 "$port" "" # the port is closed
}

@test "server: SIGINT (Ctrl-C) ends children and their commands, then the shell as usual" {
	bg srv env --default-signal=INT "$FDSH" -c 'echo $$ >pid; nc -l -k -v 0 -e "sleep 7"; echo "not reached"'
	port=$(listening_port srv)
	pid=$(cat pid)
	exec {c1}<>"/dev/tcp/127.0.0.1/$port"
	for _ in $(seq 400); do
		pgrep -f "^sleep 7" >/dev/null && break
		sleep 0.05
	done
	sleeps=$(pgrep -f "^sleep 7")
	[ -n "$sleeps" ]
	kill -INT "$pid"
	wait_gone "$pid"
	for s in $sleeps; do wait_gone "$s"; done # the child's own command ended too
	exec {c1}>&-
	[ ! -s srv.out ]
}

@test "server: a trap on INT runs after nc stops, and the script goes on with 130" {
	"$FDSH" -c 'trap "" USR1' 2>/dev/null || skip "no trap builtin yet"
	bg srv env --default-signal=INT "$FDSH" -c 'trap "echo trapped" INT; echo $$ >pid; nc -l -k -v 0 -e cat; echo "after $?"'
	listening_port srv >/dev/null
	kill -INT "$(cat pid)"
	wait_for srv.out after
	[ "$(cat srv.out)" = $'trapped\nafter 130' ]
}

# --- sockets as fds ----------------------------------------------------------------------

@test "-d N: the socket stays on fd N; -s half-closes it; nc lists it" {
	helper_server srv upper
	fdsh_c "nc -d 3 127.0.0.1 $port; nc; printf 'ping\n' >&3; nc -s 3; cat <&3; exec 3>&-; nc"
	[ "$status" = 0 ]
	[[ ${lines[0]} =~ ^3:\ tcp\ 127\.0\.0\.1:[0-9]+\ -\>\ 127\.0\.0\.1:$port$ ]]
	[ "${lines[1]}" = "PING" ]
	[ "${#lines[@]}" = 2 ]
}

@test "-o VAR: a free fd >= 10 in VAR; children inherit it" {
	helper_server srv upper
	fdsh_c "nc -o s 127.0.0.1 $port; echo \"s=\$s\"; echo hi >&\$s; readlink /proc/self/fd/\$s | cut -c1-7; nc -s \$s; cat <&\$s"
	[ "$status" = 0 ]
	[[ ${lines[0]} =~ ^s=[0-9]+$ ]]
	[ "${lines[0]#s=}" -ge 10 ]
	[ "${lines[1]}" = "socket:" ]
	[ "${lines[2]}" = "HI" ]
}

@test "-d 10 in a script file: the shell moves the script's own fd out of the way" {
	helper_server srv upper
	fdsh_file "nc -d 10 127.0.0.1 $port
echo ping >&10
nc -s 10
cat <&10
echo still reading the script
"
	expect 0 $'PING\nstill reading the script'
}

@test "-l -d 3 and -a: the script-written server of the issue" {
	cat >server.sh <<'EOF'
handle() { line=$(head -n 1); echo "hello $line from $NC_PEER"; }
nc -l -d 3 127.0.0.1 0
echo "$NC_PORT" >port.tmp && mv port.tmp port
while nc -a 3 -d 4; do (handle <&4 >&4) & exec 4>&-; done
EOF
	bg srv "$FDSH" server.sh
	wait_for port
	port=$(cat port)
	for i in 1 2 3; do
		fdsh_c "echo c$i | nc 127.0.0.1 $port"
		[ "$status" = 0 ]
		[[ $output =~ ^hello\ c$i\ from\ 127\.0\.0\.1:[0-9]+$ ]]
	done
}

@test "-a -w: no client within the time is one clear line" {
	fdsh_c 'nc -l -d 3 127.0.0.1 0; nc -a 3 -w 1 -o c; echo "st=$? port=${NC_PORT:+set}"'
	expect 0 "st=1 port=set"
	expect_stderr "fdsh: line 1: nc: accept: Connection timed out"
}

# --- errors ------------------------------------------------------------------------------

@test "error: connection refused" {
	port=$(python3 "$HELPER" free-port)
	fdsh_c "nc 127.0.0.1 $port"
	expect 1 ""
	expect_stderr "fdsh: line 1: nc: connect to 127.0.0.1 port $port: Connection refused"
}

@test "error: unknown host" {
	fdsh_c "nc nosuchhost.invalid 80"
	expect 1 ""
	expect_stderr_prefix "fdsh: line 1: nc: unknown host nosuchhost.invalid: "
}

@test "error: invalid ports are status 2" {
	fdsh_c "nc 127.0.0.1 99999"
	expect 2 ""
	expect_stderr "fdsh: line 1: nc: invalid port: 99999"
	fdsh_c "nc 127.0.0.1 0"
	expect 2 ""
	expect_stderr "fdsh: line 1: nc: invalid port: 0"
	fdsh_c "nc -l nosuchservice"
	expect 2 ""
	expect_stderr "fdsh: line 1: nc: invalid port: nosuchservice"
}

@test "error: a connect timeout is one line, not a hang" {
	helper_server srv full
	start=$SECONDS
	fdsh_c "nc -w 1 127.0.0.1 $port"
	expect 1 ""
	expect_stderr "fdsh: line 1: nc: connect to 127.0.0.1 port $port: Connection timed out"
	[ $((SECONDS - start)) -le 8 ]   # -w 1 ended it, not a hang
}

@test "error: a peer that resets" {
	helper_server srv reset
	run --separate-stderr bash -c "{ echo hi; sleep 3; } | timeout 8 $FDSH -c 'nc 127.0.0.1 $port'"
	expect 1 ""
	expect_stderr "fdsh: line 1: nc: read from socket: Connection reset by peer"
}

@test "error: -s on a bad fd or a non-socket" {
	fdsh_c "nc -s 77"
	expect 1 ""
	expect_stderr "fdsh: line 1: nc: -s 77: Bad file descriptor"
	fdsh_c "nc -s 0"
	expect 1 ""
	expect_stderr "fdsh: line 1: nc: -s 0: Socket operation on non-socket"
}

@test "usage errors print the message and the usage, status 2" {
	usage="fdsh: line 1: usage: nc [-46kluUvz] [-w secs] [-m max] [-e cmd] [-d fd | -o var] [host] port | nc -a lfd (-d fd | -o var) | nc -s fd | nc --help"
	for args in "-x 127.0.0.1 80|-x: invalid option" "-l|missing port" "127.0.0.1|missing host" \
		"-w|option requires an argument: -w" "-k 127.0.0.1 80|-k needs -l" \
		"-d 3 -o v 127.0.0.1 80|-d and -o cannot be used together" \
		"-m 2 -l 80|-m needs -l -k -e" "-z -l 80|-z cannot be used with -l, -d or -o" \
		"-u -l -k 80|-u cannot be used with -e or -k" "a b c|too many operands: c"; do
		fdsh_c "nc ${args%%|*}"
		[ "$status" = 2 ] || { echo "nc ${args%%|*}: status $status"; return 1; }
		[ "${stderr%%$'\n'*}" = "fdsh: line 1: nc: ${args#*|}" ] || { echo "got: $stderr"; return 1; }
		[ "${stderr#*$'\n'}" = "$usage" ] || { echo "got usage: $stderr"; return 1; }
	done
}

@test "bad values are status 2 with one line" {
	fdsh_c "nc -w x 127.0.0.1 80"
	expect 2 ""
	expect_stderr "fdsh: line 1: nc: invalid timeout: x"
	fdsh_c "nc -d -1 127.0.0.1 80"
	expect 2 ""
	expect_stderr "fdsh: line 1: nc: invalid fd: -1"
	fdsh_c "nc -o 1x 127.0.0.1 80"
	expect 2 ""
	expect_stderr "fdsh: line 1: nc: invalid variable name: 1x"
	fdsh_c "nc -m 0 -l -k -e cat 80"
	expect 2 ""
	expect_stderr "fdsh: line 1: nc: invalid maximum: 0"
}

@test "nc --help documents every option" {
	fdsh_c "nc --help"
	[ "$status" = 0 ]
	for o in -4 -6 -l -k -u -U -w -z -v -e -m -d -o -a -s; do
		grep -qE -- "(^  |, )${o}[ ,]" <<<"$output" || { echo "missing $o"; return 1; }
	done
}

# --- /dev/tcp, /dev/udp and named fd redirections ----------------------------------------

@test "redirection: exec 5<>/dev/tcp/HOST/PORT, then half-close and read the reply" {
	helper_server srv upper
	fdsh_c "exec 5<>/dev/tcp/127.0.0.1/$port; echo ping >&5; readlink /proc/self/fd/5 | cut -c1-7; nc -s 5; cat <&5"
	expect 0 $'socket:\nPING'
}

@test "redirection: exec {s}<>/dev/tcp puts a free fd >= 10 in s; exec {s}>&- closes it" {
	helper_server srv upper
	fdsh_c "exec {s}<>/dev/tcp/localhost/$port; echo \"\$s\"; echo hi >&\$s; nc -s \$s; cat <&\$s; exec {s}>&-; nc"
	[ "$status" = 0 ]
	[ "${lines[0]}" -ge 10 ]
	[ "${lines[1]}" = "HI" ]
	[ "${#lines[@]}" = 2 ] # nothing left to list
}

@test "redirection: echo >/dev/udp/HOST/PORT sends a datagram" {
	bg srv "$FDSH" -c 'nc -v -u -w 1 -l 127.0.0.1 0'
	port=$(listening_port srv)
	fdsh_c "echo hi >/dev/udp/127.0.0.1/$port"
	expect 0 ""
	wait_for srv.out hi
	[ "$(cat srv.out)" = "hi" ]
}

@test "redirection: a refused /dev/tcp connection is one line; a path without a port is no file" {
	port=$(python3 "$HELPER" free-port)
	fdsh_c "cat </dev/tcp/127.0.0.1/$port; echo \$?; cat </dev/tcp/127.0.0.1; echo \$?"
	expect 0 $'1\n1'
	expect_stderr "fdsh: line 1: /dev/tcp/127.0.0.1/$port: connect to 127.0.0.1 port $port: Connection refused
fdsh: line 1: /dev/tcp/127.0.0.1: No such file or directory"
}

@test "trace shows the socket calls of nc" {
	helper_server srv upper
	fdsh_c "trace nc -z 127.0.0.1 $port"
	expect 0 ""
	[[ $stderr == *"] socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC) = 3"* ]]
	[[ $stderr == *"] connect(3, 127.0.0.1:$port) = 0"* ]]
	[[ $stderr == *"] close(3) = 0"* ]]
}

#!/usr/bin/env bats
# trap: actions for signals and EXIT, '' to ignore, - to reset, names and numbers, the listing
# in dash's format, bad signals, traps in subshells.

load test_helper

@test "trap: the listing, in signal order with dash's quoting" {
	same_as_dash 'trap "echo bye" EXIT; trap "" INT; trap "echo hup" 1; trap "it'"'"'s" USR1; trap; echo --'
	expect 0 "trap -- 'echo bye' EXIT
trap -- 'echo hup' HUP
trap -- '' INT
trap -- 'it'\"'\"'s' USR1
--
bye"
}

@test "trap -p lists like trap" {
	fdsh_c 'trap "echo x" TERM; trap "" 0; trap -p'
	expect 0 "trap -- '' EXIT
trap -- 'echo x' TERM"
}

@test "trap: - and a lone signal or a number first reset; names are case-insensitive" {
	same_as_dash 'trap "echo a" INT TERM HUP; trap - INT; trap TERM; trap 1; trap; echo --
trap x term; trap "" 0; trap; trap -- - EXIT term; trap; echo --; trap y 2 15; trap 2 15; trap'
	expect 0 "--
trap -- '' EXIT
trap -- 'x' TERM
--"
}

@test "trap: a first operand that is a signal name is still the action" {
	same_as_dash 'trap USR1 USR2; trap'
	expect 0 "trap -- 'USR1' USR2"
}

@test "trap: a bad signal is reported with status 1; the ones after it are left alone" {
	same_as_dash 'trap foo BOGUS TERM; echo st=$?; trap x HUP 99 SIGTERM CLD; echo st=$?; trap; trap x 65; echo st=$?'
	expect 0 "st=1
st=1
trap -- 'x' HUP
st=1"
	[[ $stderr == *"trap: BOGUS: bad trap"* ]]
}

@test "trap: real-time and unnamed signals are listed as dash names them" {
	same_as_dash 'for n in 31 34 35 48 49 50 63 64; do trap x $n; done; trap; trap echo KILL; trap - 34; trap'
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "trap -- 'x' RTMIN" ]
}

@test "trap: a usage error of the special builtin ends a script" {
	same_as_dash_file 'trap -x
echo not reached'
	expect 2 ''
}

@test "trap: the action runs when the signal arrives" {
	same_as_dash 'trap "echo usr1 \$x" USR1; x=1; kill -USR1 $$; x=2; kill -USR1 $$; trap - USR1; echo done'
	expect 0 'usr1 1
usr1 2
done'
}

@test "trap: an ignored signal does not kill; an action can exit" {
	same_as_dash "trap '' TERM; kill \$\$; echo survived; trap 'echo exiting; exit 7' TERM; kill \$\$; echo not reached"
	expect 7 'survived
exiting'
}

@test "trap: EXIT runs at the end with \$? of the exit, and can change the status" {
	same_as_dash 'trap "echo exit \$?" EXIT; (exit 3); exit 5'
	expect 5 'exit 5'
	same_as_dash 'trap "echo err; exit 3" EXIT; exit 9'
	expect 3 err
	same_as_dash 'trap "echo at end" EXIT; false'
	expect 1 'at end'
}

@test "trap: EXIT set in a function runs when the shell exits" {
	same_as_dash 'f() { trap "echo f-exit" EXIT; }; f; echo after f'
	expect 0 'after f
f-exit'
}

@test "trap: subshells forget actions but keep ignored signals" {
	same_as_dash 'trap "echo sub" EXIT; (trap); x=$(trap); echo "[$x]"; (echo subshell); trap "" INT; (trap)'
	expect 0 "[]
subshell
trap -- '' INT
sub"
}

@test "trap: an ignored signal stays ignored in children" {
	same_as_dash "trap '' USR1; sh -c 'kill -USR1 \$\$; echo child survived'"
	expect 0 'child survived'
}

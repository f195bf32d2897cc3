#!/usr/bin/env bats
# kill -l and signal names as dash gives them; statuses of kill and wait errors.

load test_helper

@test "kill -l lists every signal as dash does" {
	same_as_dash 'kill -l'
	[ "${lines[0]}" = 0 ]
	[ "${lines[15]}" = TERM ]
	[ "${lines[64]}" = RTMAX ]
}

@test "kill -l names a signal number or an exit status" {
	same_as_dash 'kill -l 15; kill -l 143; kill -l 16; kill -l 34; kill -l 50; echo st=$?'
	expect 0 'TERM
TERM
16
RTMIN
RTMAX-14
st=0'
}

@test "kill -l: a name or a bad number is an error with status 2" {
	same_as_dash 'kill -l TERM; echo st=$?; kill -l 0; echo st=$?; kill -l 999; echo st=$?'
	expect 0 'st=2
st=2
st=2'
}

@test "kill: -s and -NAME take names without SIG, in any case, or numbers" {
	same_as_dash 'sleep 5 & kill -s term $!; wait $!; echo $?; sleep 5 & kill -9 $!; wait $!; echo $?
sleep 5 & kill -s HUP $!; wait $!; echo $?; kill -s SIGTERM $$; echo st=$?; kill -0 $$; echo st=$?'
	expect 0 '143
137
129
st=2
st=0'
}

@test "kill and wait: a missing job is status 2, a missing process 1 and 127" {
	same_as_dash 'kill %5; echo st=$?; wait %9; echo st=$?; kill 999999; echo st=$?; wait 12345; echo st=$?'
	expect 0 'st=2
st=2
st=1
st=127'
}

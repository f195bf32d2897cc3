#!/usr/bin/env bats
# Launcher: pipelines of 1, 2 and 20 stages, statuses, early-exit readers, fd hygiene,
# background commands and the signal state children start with.

load test_helper

# cats N: " | cat | cat ..." with N stages of cat
cats() {
	local i s=
	for ((i = 0; i < $1; i++)); do s+=" | cat"; done
	printf '%s' "$s"
}

# --- stages and data ------------------------------------------------------------------------

@test "1-stage pipeline: an external command's status is passed on" {
	same_as_dash 'sh -c "echo one; exit 4"'
	expect 4 one
}

@test "2-stage pipeline connects stdout to stdin" {
	same_as_dash 'echo hello | tr a-z A-Z'
	expect 0 HELLO
}

@test "3-stage pipeline of transformations" {
	same_as_dash 'echo a | tr a b | tr b c'
	expect 0 c
}

@test "20-stage cat pipeline passes a line through" {
	same_as_dash "echo hi$(cats 19)"
	expect 0 hi
}

@test "20-stage cat pipeline passes 100000 lines through without deadlock" {
	same_as_dash "seq 1 100000$(cats 18) | wc -l"
	expect 0 100000
}

@test "20 different stages: each tr sees the previous one's output" {
	script='echo a'
	for c in b c d e f g h i j k l m n o p q r s t; do
		script+=" | tr a-z $c"
	done
	same_as_dash "$script"
	expect 0 t
}

@test "seq 1 20000 | grep 7 | sort -r | head -3 as dash" {
	same_as_dash 'seq 1 20000 | grep 7 | sort -r | head -3'
	expect 0 '9997
9987
9979'
}

@test "sort > out; cat < out reads the shell's stdin" {
	same_as_dash 'sort > out; cat < out' 'b
a
'
	expect 0 'a
b'
}

@test "a pipeline stage gets stdin from the pipe, not from the shell's stdin" {
	same_as_dash 'echo from-pipe | cat' 'from-stdin
'
	expect 0 from-pipe
}

@test "stderr is not piped by |" {
	same_as_dash 'sh -c "echo out; echo err >&2" | tr a-z A-Z'
	expect 0 OUT
	[ "$stderr" = err ]
}

@test "2>&1 | sends stderr through the pipe" {
	same_as_dash 'sh -c "echo err >&2" 2>&1 | tr a-z A-Z'
	expect 0 ERR
	[ -z "$stderr" ]
}

@test "echo a | echo b prints only b" {
	same_as_dash 'echo a | echo b'
	expect 0 b
}

@test "pipeline over a newline after |" {
	same_as_dash 'echo x |

tr x y'
	expect 0 y
}

# --- statuses -------------------------------------------------------------------------------

@test "pipeline status is the last command's: false | true is 0" {
	same_as_dash 'false | true'
	expect 0 ''
}

@test "pipeline status is the last command's: true | false is 1" {
	same_as_dash 'true | false'
	expect 1 ''
}

@test "pipeline status: true | sh -c 'exit 7' is 7" {
	same_as_dash 'true | sh -c "exit 7"; echo $?'
	expect 0 7
}

@test "20-stage pipeline ending in false has status 1" {
	same_as_dash "true$(cats 18) | false"
	expect 1 ''
}

@test "! false is 0 and ! true is 1" {
	same_as_dash '! false; echo $?; ! true; echo $?'
	expect 0 '0
1'
}

@test "! negates a pipeline whose last command exits 3" {
	same_as_dash '! true | sh -c "exit 3"; echo $?'
	expect 0 0
}

@test "last command killed by a signal: status 128+n" {
	same_as_dash 'true | sh -c "kill -9 \$\$"; echo $?'
	expect 0 137
}

# --- early-exit readers ---------------------------------------------------------------------

@test "yes | head -1 ends" {
	fdsh_c 'yes | head -1'
	expect 0 y
}

@test "yes | cat | cat | head -1 ends (SIGPIPE runs up the pipeline)" {
	same_as_dash 'yes | cat | cat | head -1'
	expect 0 y
}

@test "yes | head -1 ends inside a larger script, which goes on" {
	same_as_dash 'yes | head -1; echo after $?'
	expect 0 'y
after 0'
}

@test "the shell waits for every stage, not just the last" {
	same_as_dash '(sleep 0.2; echo done > f) | true; cat f'
	expect 0 done
}

# --- builtins in pipelines ------------------------------------------------------------------

@test "an assignment in a pipeline runs in a child: it does not stay" {
	same_as_dash 'X=1 | true; echo "[$X]"'
	expect 0 '[]'
}

@test "exit in a pipeline exits the child, not the shell" {
	same_as_dash 'exit 5 | true; echo still here'
	expect 0 'still here'
}

@test "exit as the last stage gives the pipeline its status" {
	same_as_dash 'true | exit 3; echo $?'
	expect 0 3
}

@test "cd in a pipeline does not change the shell's directory" {
	same_as_dash 'cd / | true; pwd'
	expect 0 "$TEST_DIR/run"
}

@test "builtin echo as a middle stage" {
	same_as_dash 'true | echo mid | tr a-z A-Z'
	expect 0 MID
}

@test "a { } group as a pipeline stage" {
	same_as_dash 'echo in | { cat; echo more; } | tr a-z A-Z'
	expect 0 'IN
MORE'
}

# --- fd hygiene -----------------------------------------------------------------------------
# ls opens /proc/self/fd as fd 3 to list it, so a clean child shows exactly 0 1 2 3.

@test "first stage of a pipeline has no stray fds: ls /proc/self/fd | cat" {
	same_as_dash 'ls /proc/self/fd | cat'
	expect 0 '0
1
2
3'
}

@test "middle stage of a pipeline has no stray fds" {
	same_as_dash 'echo | ls /proc/self/fd | cat'
	expect 0 '0
1
2
3'
}

@test "last stage of a pipeline has no stray fds" {
	same_as_dash 'echo | true | ls /proc/self/fd'
	expect 0 '0
1
2
3'
}

@test "middle stage of a 20-stage pipeline has no stray fds" {
	same_as_dash "true$(cats 9) | ls /proc/self/fd$(cats 9)"
	expect 0 '0
1
2
3'
}

@test "a simple command has no stray fds" {
	same_as_dash 'ls /proc/self/fd'
	expect 0 '0
1
2
3'
}

@test "the shell has closed its pipe ends while the pipeline still runs" {
	same_as_dash 'true | true | sh -c "sleep 0.5; ls /proc/\$PPID/fd"'
	expect 0 '0
1
2'
}

@test "the shell keeps no fds after 300 pipelines" {
	words=$(seq 1 300 | tr '\n' ' ')
	same_as_dash "for i in $words; do echo \$i | cat | cat >/dev/null; done; ls /proc/\$\$/fd"
	expect 0 '0
1
2'
}

# --- background commands --------------------------------------------------------------------

@test "sleep 0.1 & echo \$! prints a pid, then wait" {
	fdsh_c 'sleep 0.1 & echo $!; wait; echo waited $?'
	[ "$status" -eq 0 ]
	[[ ${lines[0]} =~ ^[1-9][0-9]*$ ]]
	[ "${lines[1]}" = 'waited 0' ]
}

@test "\$! is the pid of the background child" {
	fdsh_c 'sh -c "echo \$\$ > child.tmp; mv child.tmp child" & echo $! > bang
until [ -f child ]; do sleep 0.01; done'
	[ "$status" -eq 0 ]
	[ -s bang ]
	[ "$(cat child)" = "$(cat bang)" ]
}

@test "a background pipeline runs and its output lands in the file" {
	same_as_dash 'echo bg | tr a-z A-Z > f & until [ -s f ]; do sleep 0.01; done; cat f'
	expect 0 BG
}

@test "a background command's stdin is /dev/null in a script" {
	same_as_dash '{ cat > got; touch done; } &
until [ -f done ]; do sleep 0.01; done; wc -c < got' 'should not be read
'
	expect 0 0
}

@test "the shell does not wait for a background command" {
	fdsh_c 'sleep 30 >/dev/null 2>&1 & echo $!'
	[ "$status" = 0 ]
	kill -0 "$output"   # the shell has ended; its background job is still running
	kill "$output"
}

# --- signal state of children ---------------------------------------------------------------

@test "children start with an unblocked signal mask and default dispositions" {
	same_as_dash 'grep -E "^Sig(Blk|Ign)" /proc/self/status; grep -E "^Sig(Blk|Ign)" /proc/self/status | cat'
}

@test "a background child in a script ignores SIGINT and SIGQUIT (job control off)" {
	same_as_dash '{ grep -E "^Sig(Blk|Ign)" /proc/self/status > got; touch done; } &
until [ -f done ]; do sleep 0.01; done; cat got'
	# signals 1-31 only: make(1) passes glibc-internal 32/33 as ignored
	[ "${lines[1]%%:*}" = SigIgn ] && [ $((0x${lines[1]##*[[:space:]]} & 0x7fffffff)) = 6 ]
}

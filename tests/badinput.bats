#!/usr/bin/env bats
# Bad input (issue 8): what a user or a file can throw at the shell.  Each case gets a
# clear error or dash's behaviour; none crashes or hangs (every run has a time limit).

load test_helper

# repeat N TEXT: TEXT N times (no shell loop: bats makes those slow).
repeat() {
	local s
	s=$(printf '%*s' "$1" '')
	printf '%s' "${s// /"$2"}"
}

# crashed: true if the last status means a signal (a crash) or the time limit.
not_crashed() {
	if [ "$status" -ge 124 ] && [ "$status" != 126 ] && [ "$status" != 127 ]; then
		echo "status $status: crashed or timed out"
		echo "stderr: ${stderr:0:300}"
		return 1
	fi
}

# --- long lines --------------------------------------------------------------------------------

@test "1 MB line: a 1 MB word is assigned and echoed whole" {
	{ printf 'x='; head -c 1048576 /dev/zero | tr '\0' a; printf '\necho ${#x}\necho "$x" | wc -c\n'; } >s.sh
	capture _clean_sub "$FDSH" s.sh
	expect 0 "1048576
1048577"
}

@test "1 MB line of commands (:;:;...) runs without recursing once per command" {
	# a;b;c is a left-deep tree: walking it by recursion overflowed the C stack.
	{ head -c 600000 /dev/zero | sed 's/\x0\x0\x0/: ;/g'; head -c 480000 /dev/zero | sed 's/\x0\x0\x0\x0\x0\x0\x0\x0/true \&\& /g'
	  printf 'echo done\n'; } >s.sh
	[ "$(wc -c <s.sh)" -gt 1000000 ]
	capture _clean_sub "$FDSH" s.sh
	expect 0 done
}

@test "1 MB here-document line goes through unchanged" {
	{ printf 'wc -c <<EOF\n'; head -c 1048576 /dev/zero | tr '\0' b; printf '\nEOF\n'; } >s.sh
	capture _clean_sub "$FDSH" s.sh
	expect 0 1048577
}

# --- deep nesting ------------------------------------------------------------------------------

@test "10,000 nested parentheses: a syntax error (status 2), not a stack overflow" {
	{ repeat 10000 '('; printf 'echo hi'; repeat 10000 ')'; echo; } >s.sh
	capture _clean_sub "$FDSH" s.sh
	expect 2 ""
	expect_stderr "fdsh: s.sh: line 1: syntax error: nesting too deep"
}

@test "10,000 nested \$( ): a syntax error (status 2), not a stack overflow" {
	{ printf 'echo '; repeat 10000 '$('; printf 'echo hi'; repeat 10000 ')'; echo; } >s.sh
	capture _clean_sub "$FDSH" s.sh
	expect 2 ""
	expect_stderr "fdsh: s.sh: line 1: syntax error: nesting too deep"
}

@test "10,000 nested \"\${x:-: the tokenizer's nesting is bounded too" {
	{ printf 'echo '; repeat 10000 '"${x:-'; printf hi; repeat 10000 '}"'; echo; } >s.sh
	capture _clean_sub "$FDSH" s.sh
	expect 2 ""
	expect_stderr "fdsh: s.sh: line 1: syntax error: nesting too deep"
}

@test "10,000 nested arithmetic parentheses and a=b=... chains: an arithmetic error" {
	# Also guards the long-message path of sh_error (it reused a va_list and crashed).
	capture _clean_sub "$FDSH" -c "echo \$(( $(repeat 10000 '(')1$(repeat 10000 ')') ))"
	[ "$status" = 2 ]
	expect_stderr_prefix "fdsh: line 1: arithmetic expression: nested too deeply"
	capture _clean_sub "$FDSH" -c "echo \$(( $(repeat 10000 'a=')1 ))"
	[ "$status" = 2 ]
	expect_stderr_prefix "fdsh: line 1: arithmetic expression: nested too deeply"
	capture _clean_sub "$FDSH" -c "echo \$(( $(repeat 10000 '1?1:')1 ))"
	[ "$status" = 2 ]
	expect_stderr_prefix "fdsh: line 1: arithmetic expression: nested too deeply"
}

@test "moderate nesting (100 levels of ( and \$( ) works as in dash" {
	same_as_dash "$(repeat 100 '(')echo sub$(repeat 100 ')'); echo $(repeat 100 '$(echo ')cs$(repeat 100 ')')"
	expect 0 "sub
cs"
}

# --- unterminated constructs ---------------------------------------------------------------------

@test "unterminated quotes, substitutions and compound commands: status 2 as in dash" {
	local s
	for s in "echo 'abc" 'echo "abc' 'echo `abc' 'echo $(echo' 'echo ${x' 'echo $((1 +' \
		'if true; then echo' 'while true; do' 'for i in 1; do' 'case x in' 'case x in x)' \
		'{ echo' '( echo' 'f() {' 'echo a |' 'echo a &&' 'echo \'; do
		same_as_dash "$s"
		not_crashed
		[ -n "$stderr" ] || [ "$status" = 0 ]
	done
}

@test "unterminated here-document: the body runs to the end of the input" {
	# (dash also ends the body at the end of input, without adding a newline)
	fdsh_c 'cat <<EOF
one
two'
	expect 0 "one
two"
}

@test "a syntax error inside \$( ) at the prompt does not leave the shell recording input" {
	# The capture of $( ) text stayed on after the error: every later byte was kept.
	capture feed 'echo $(if)
echo next
' "$FDSH" -i
	expect 0 next
}

# --- odd bytes -----------------------------------------------------------------------------------

@test "NUL bytes in a script are dropped, as dash does" {
	printf 'echo start\necho a\0b\necho c\0\n' >s.sh
	capture _clean_sub "$REF_SH" s.sh
	local want=$output
	capture _clean_sub "$FDSH" s.sh
	expect 0 "$want"
	expect 0 "start
ab
c"
}

@test "NUL bytes on stdin are dropped too" {
	capture _stdin_with_nul
	expect 0 ab
}

_stdin_with_nul() {
	printf 'echo a\0b\n' | (clean_exec "$FDSH" -s)
}

@test "invalid UTF-8 passes through words, parameters, patterns and case unchanged" {
	same_as_dash "x=\$(printf 'a\\377\\376b'); echo \"\$x\" | od -An -tx1; echo \${#x}; case \$x in a*b) echo match;; esac; echo \"\${x#a}\" | od -An -tx1"
	expect 0 " 61 ff fe 62 0a
4
match
 ff fe 62 0a"
}

@test "a binary file run as a script: cannot execute binary file, status 126" {
	capture _clean_sub "$FDSH" /bin/true
	expect 126 ""
	expect_stderr "fdsh: /bin/true: cannot execute binary file"
}

@test "a binary file without execute format, run as a command: status 126, no parse" {
	printf '\0\1\2binary\n' >prog
	chmod +x prog
	fdsh_c './prog; echo "st=$?"'
	expect 0 "st=126"
	expect_stderr "fdsh: ./prog: cannot execute binary file"
}

# --- the environment fails -----------------------------------------------------------------------

@test "a script deleted while it runs goes on to the end, as in dash" {
	printf 'rm -f "$0"\necho still here\nsleep 0.1\necho and here\n' >d.sh
	capture _clean_sub "$FDSH" d.sh
	expect 0 "still here
and here"
	[ ! -e d.sh ]
}

@test "/dev/full: a builtin's write error is reported, status 1, the script goes on" {
	fdsh_c 'echo x > /dev/full; echo "st=$?"; printf "%s\n" y >> /dev/full; echo "st=$?"; { echo a; pwd; } > /dev/full; echo "st=$?"'
	expect 0 "st=1
st=1
st=1"
	expect_stderr "fdsh: line 1: echo: write error: No space left on device
fdsh: line 1: printf: write error: No space left on device
fdsh: line 1: echo: write error: No space left on device
fdsh: line 1: pwd: write error: No space left on device"
}

@test "/dev/full as the shell's own stdout: status 1 and a message" {
	capture _full_stdout
	[ "$status" = 1 ]
	expect_stderr "fdsh: line 1: echo: write error: No space left on device"
}

_full_stdout() {
	(clean_exec "$FDSH" -c 'echo x' >/dev/full </dev/null)
}

@test "ulimit -n near exhaustion: pipes, substitutions and here-documents fail with a message" {
	fdsh_c 'ulimit -n 4; echo a | cat; echo "pipe=$?"; x=$(echo sub); echo "subst=$?"; cat <<EOF
hd
EOF
echo "heredoc=$?"; echo end'
	not_crashed
	expect 0 "pipe=2
subst=2
heredoc=1
end"
	expect_stderr "fdsh: line 1: pipe: Too many open files
fdsh: line 1: pipe: Too many open files
fdsh: line 1: here-document: Too many open files"
}

@test "ulimit -n near exhaustion: user fds fill the table, later pipes fail, no crash" {
	fdsh_c 'ulimit -n 8; exec 3>f3 4>f4 5>f5 6>f6 7>f7; echo more | cat; echo "st=$?"; exec 6>&- 7>&-; echo again | cat'
	not_crashed
	expect 0 "st=2
again"
}

# --- signals during reads and waits ----------------------------------------------------------------

@test "EINTR: a trapped signal during wait ends wait with 128+n after the trap, as in dash" {
	same_as_dash 'trap "echo got" USR1; (sleep 0.5; kill -USR1 $$; sleep 1) & wait; echo "st=$?"'
	expect 0 "got
st=138"
}

@test "EINTR: a trapped signal during a foreground command: the shell keeps waiting" {
	same_as_dash 'trap "echo got" USR1; (sleep 0.2; kill -USR1 $$) & sleep 0.5; echo "st=$?"'
	expect 0 "got
st=0"
}

@test "EINTR: a trapped signal during read from a fifo: the trap runs, no hang, no crash" {
	mkfifo fifo
	fdsh_c 'trap "echo got" USR1; (sleep 0.2; kill -USR1 $$; sleep 0.3; echo data) > fifo & read x < fifo; echo "x=$x"'
	# dash gives up the read (x empty); fdsh restarts it and gets the data: both are fine.
	[ "${lines[0]}" = got ]
	[ "${lines[1]}" = "x=data" ] || [ "${lines[1]}" = "x=" ]
	[ "$status" = 0 ]
}

@test "EINTR: a trapped signal while a builtin's >fifo blocks in open: the trap runs, the command fails" {
	mkfifo fifo
	# No reader ever comes: only the signal can end the open (timeout guards a hang).
	run timeout 10 "$FDSH" -c 'trap "echo got" USR1; (sleep 0.3; kill -USR1 $$) & echo x >fifo; echo "rc=$?"'
	[ "$status" = 0 ]
	[ "${lines[0]}" = "fdsh: line 1: fifo: Interrupted system call" ]
	[ "${lines[1]}" = got ]
	[ "${lines[2]}" = "rc=1" ]
}

@test "EINTR: signals during command substitution reading are ignored when trapped empty" {
	same_as_dash 'trap "" USR1; (sleep 0.1; kill -USR1 $$) & x=$(sleep 0.3; echo sub); echo "$x"'
	expect 0 sub
}

#!/usr/bin/env bats
# Redirections: every operator, left-to-right order, builtins and compound commands,
# undoing a builtin's redirections, and failed redirections.

load test_helper

setup() {
	fdsh_setup
	printf 'l1\nl2\nl3\n' >"$TEST_DIR/lines"
	LINES_FILE=$TEST_DIR/lines
}

# --- each operator --------------------------------------------------------------------------

@test "> creates a file" {
	same_as_dash 'echo a > f; cat f'
	expect 0 a
}

@test "> truncates an existing file" {
	same_as_dash 'echo a-long-line > f; echo s > f; cat f'
	expect 0 s
}

@test ">> appends and creates" {
	same_as_dash 'echo a >> f; echo b >> f; cat f'
	expect 0 'a
b'
}

@test "< reads a file as stdin" {
	same_as_dash "cat < '$LINES_FILE'"
	expect 0 'l1
l2
l3'
}

@test "<> opens read-write without truncating" {
	same_as_dash 'echo hello > f; echo J 1<>f; cat f'
	expect 0 'J
llo'
}

@test "<> creates a missing file" {
	same_as_dash ': <> new; ls'
	expect 0 new
}

@test "<> on stdin reads the file" {
	same_as_dash 'echo rw > f; cat <> f'
	expect 0 rw
}

@test ">| truncates like >" {
	same_as_dash 'echo a-long-line > f; echo s >| f; cat f'
	expect 0 s
}

@test "n>&m: 2>&1 sends stderr to stdout" {
	same_as_dash 'sh -c "echo err >&2" 2>&1'
	expect 0 err
	[ -z "$stderr" ]
}

@test "n>&m: 1>&2 and >&2 send stdout to stderr" {
	same_as_dash 'echo a 1>&2; echo b >&2'
	expect 0 ''
	[ "$stderr" = 'a
b' ]
}

@test "n<&m: <&3 and 0<&3 read from fd 3" {
	same_as_dash "exec 3< '$LINES_FILE'; head -n 1 <&3; head -n 1 0<&3"
	expect 0 'l1
l2'
}

@test "n>&-: a command with stdout closed fails to write" {
	same_as_dash '/bin/echo a >&-; echo status $?'
	expect 0 'status 1'
}

@test "n<&-: a command with stdin closed fails to read" {
	same_as_dash 'cat <&-; echo status $?; cat 0<&-; echo status $?'
	expect 0 'status 1
status 1'
}

@test "n>&- on fd 3 closes it for the command" {
	same_as_dash 'exec 3>f; sh -c "echo x >&3" 3>&-; echo status $?; sh -c "echo y >&3"; cat f'
	expect 0 'status 2
y'
}

@test "<< here-doc on a builtin and on a group" {
	same_as_dash 'cat <<EOF; { cat; echo after; } <<EOF
one
EOF
two
EOF'
	expect 0 'one
two
after'
}

@test "<<- here-doc on a function call" {
	same_as_dash "$(printf 'f() { cat; }\nf <<-E\n\tbody\n\tE')"
	expect 0 body
}

@test "fd 9 can be opened and used: 9>f >&9" {
	same_as_dash 'echo nine 9>f >&9; cat f'
	expect 0 nine
}

@test "> alone with no command creates an empty file" {
	same_as_dash '> empty; ls -s empty'
	expect 0 '0 empty'
}

@test "redirection before the command word and between arguments" {
	same_as_dash '>f echo a b; cat f; echo c >g d; cat g'
	expect 0 'a b
c d'
}

@test "redirection target quoted or from a variable" {
	same_as_dash 'echo a > "my file"; cat "my file"; F=out; echo b > $F; cat out'
	expect 0 'a
b'
}

# --- left to right --------------------------------------------------------------------------

@test "left to right: 2>&1 >f sends stderr to the old stdout, stdout to f" {
	same_as_dash 'sh -c "echo out; echo err >&2" 2>&1 >f; echo ---; cat f'
	expect 0 'err
---
out'
}

@test "left to right: >f 2>&1 sends both to f" {
	same_as_dash 'sh -c "echo out; echo err >&2" >f 2>&1; echo ---; cat f'
	expect 0 '---
out
err'
}

@test "left to right: two > targets, the last one gets the output" {
	same_as_dash 'echo a > f > g; ls -s f; cat g'
	expect 0 '0 f
a'
}

@test "left to right: <&3 3<&- reads fd 3, then closes it" {
	same_as_dash "exec 3< '$LINES_FILE'; cat <&3 3<&-"
	expect 0 'l1
l2
l3'
}

@test "left to right: here-doc then < file, the file wins" {
	same_as_dash "cat <<EOF < '$LINES_FILE'
heredoc
EOF"
	expect 0 'l1
l2
l3'
}

@test "cat < f > f truncates f before cat runs" {
	same_as_dash 'echo data > f; cat < f > f; ls -s f'
	expect 0 '0 f'
}

# --- builtins -------------------------------------------------------------------------------

@test "a builtin's redirection is undone: echo x > f; echo y prints y" {
	same_as_dash 'echo x > f; echo y; cat f'
	expect 0 'y
x'
}

@test "pwd > f is undone afterwards" {
	same_as_dash 'pwd > f; echo after; cat f'
	expect 0 "after
$TEST_DIR/run"
}

@test "a builtin's stdin redirection is undone: the next command reads the shell's stdin" {
	same_as_dash ': <<EOF
ignored
EOF
cat' 'shell stdin
'
	expect 0 'shell stdin'
}

@test "a builtin's 2> redirection is undone" {
	same_as_dash 'cd /nonexistent 2>/dev/null; sh -c "echo visible >&2"'
	expect 0 ''
	[ "$stderr" = visible ]
}

@test "exec > f redirects the rest of the script" {
	same_as_dash 'exec > f; echo a; echo b; cat f >&2'
	expect 0 ''
	[ "$stderr" = 'a
b' ]
}

@test "exec 3> f keeps fd 3 open until exec 3>&-" {
	same_as_dash 'exec 3> f; echo one >&3; echo two >&3; exec 3>&-; cat f; echo x >&3 || echo closed'
	expect 0 'one
two
closed'
}

@test "exec 3>&- closes fd 3 in the shell" {
	same_as_dash 'exec 3>f; exec 3>&-; ls /proc/$$/fd'
	expect 0 '0
1
2'
}

@test "a builtin's saved fds do not stay open in the shell" {
	same_as_dash 'echo a > f; echo b 2>g 3>h >/dev/null; pwd 4<f >/dev/null; ls /proc/$$/fd'
	expect 0 '0
1
2'
}

# --- compound commands ----------------------------------------------------------------------

@test "{ echo a; echo b; } > f" {
	same_as_dash '{ echo a; echo b; } > f; cat f'
	expect 0 'a
b'
}

@test "a group's redirection is undone afterwards" {
	same_as_dash '{ echo a; } > f; echo b'
	expect 0 b
}

@test "( ) subshell with a redirection" {
	same_as_dash '( echo a; echo b ) > f; cat f'
	expect 0 'a
b'
}

@test "a group with < shares one offset: { head -n 1; head -n 1; } < f" {
	same_as_dash "{ head -n 1; head -n 1; } < '$LINES_FILE'"
	expect 0 'l1
l2'
}

@test "while ...; done < f: the whole loop reads one open file" {
	same_as_dash "while [ ! -f s2 ]; do head -n 1; if [ -f s1 ]; then touch s2; fi; touch s1; done < '$LINES_FILE'"
	expect 0 'l1
l2'
}

@test "for ...; done > f: the whole loop writes one file" {
	same_as_dash 'for i in a b c; do echo $i; done > f; cat f'
	expect 0 'a
b
c'
}

@test "if ...; fi < f and case ... esac > f" {
	same_as_dash "if true; then cat; fi < '$LINES_FILE'; case x in x) echo cased;; esac > f; cat f"
	expect 0 'l1
l2
l3
cased'
}

@test "until ...; done 2> f" {
	same_as_dash 'until [ -f s ]; do sh -c "echo err >&2"; touch s; done 2> f; cat f'
	expect 0 err
}

@test "redirection on a function call" {
	same_as_dash 'f() { echo in f; }; f > f; cat f'
	expect 0 'in f'
}

@test "a group's saved fds are not inherited by its children" {
	same_as_dash '{ ls /proc/self/fd; } > f; cat f'
	expect 0 '0
1
2
3'
}

@test "redirection of one pipeline stage: echo a > f | cat" {
	same_as_dash 'echo a > f | cat; cat f'
	expect 0 a
}

# --- failed redirections --------------------------------------------------------------------

@test "failed > on a builtin: message, status 1, command skipped, shell goes on" {
	fdsh_c 'echo a > /nonexistent/x; echo status $?'
	expect 0 'status 1'
	expect_stderr 'fdsh: line 1: /nonexistent/x: No such file or directory'
}

@test "failed < on an external command: message, status 1, command skipped" {
	fdsh_c 'true
cat < /nonexistent/x; echo status $?'
	expect 0 'status 1'
	expect_stderr 'fdsh: line 2: /nonexistent/x: No such file or directory'
}

@test "failed redirection on a group: the group does not run" {
	fdsh_c '{ echo a; } > /nonexistent/x; echo status $?'
	expect 0 'status 1'
	expect_stderr 'fdsh: line 1: /nonexistent/x: No such file or directory'
}

@test "failed redirection in a pipeline stage: the stage fails, others run" {
	fdsh_c 'echo a > /nonexistent/x | echo b; true | cat < /nonexistent/x; echo status $?'
	expect 0 'b
status 1'
}

@test "a later failing redirection undoes the earlier ones of the same builtin" {
	fdsh_c 'echo a >f >/nonexistent/x; echo b; ls -s f'
	expect 0 'b
0 f'
	expect_stderr 'fdsh: line 1: /nonexistent/x: No such file or directory'
}

@test "a later failing redirection leaves no fds open in the shell" {
	same_as_dash 'echo a 3>f 4>g >/nonexistent/x; ls /proc/$$/fd'
	expect 0 '0
1
2'
}

@test "dup of a closed fd fails: echo a >&5" {
	fdsh_c 'echo a >&5; echo status $?'
	[ "$status" -eq 0 ]
	[[ $output =~ ^status\ [1-9] ]]
	expect_stderr_prefix 'fdsh: line 1: '
}

@test "failed redirection in a script file names the file and line" {
	fdsh_file 'echo one
cat < /nonexistent/x
echo two'
	expect 0 'one
two'
	expect_stderr 'fdsh: s.sh: line 2: /nonexistent/x: No such file or directory'
}

@test "a redirection error on a special builtin (:) exits a script (POSIX 2.8.1)" {
	fdsh_c ': > /nonexistent/x; echo not reached'
	[ "$status" -ne 0 ]
	[ -z "$output" ]
	expect_stderr 'fdsh: line 1: /nonexistent/x: No such file or directory'
}

@test "a builtin's redirection lands on its own fd even when a lower fd is free; all is undone" {
	same_as_dash 'exec 0<&-; echo x >f; echo y >>f; { echo z; } >g 3>h; cat f g; echo done >&1; [ -s h ] || echo "h empty"'
	expect 0 'x
y
z
done
h empty'
}

@test "a builtin's redirection to /dev/stdout, /dev/stdin, /dev/fd/N or a link to them works" {
	ln -s /dev/stdout "$TEST_DIR/link"
	# (Through a pipe: on a file, each >/dev/stdout would truncate what came before.)
	same_as_dash '{ echo one >/dev/stdout; echo rc=$?; echo two 2>/dev/stderr 1>&2; exec 3>&1; exec 3>/dev/fd/3; echo three >&3; echo four >'"$TEST_DIR/link"'; echo rc=$?; { echo five; } >/proc/self/fd/1; } 2>&1 | cat'
	expect 0 'one
rc=0
two
three
four
rc=0
five'
	fdsh_c_in 'hello' 'read x </dev/stdin; echo "[$x]"'
	expect 0 '[hello]'
}

@test "noclobber: a refused 2>file on a builtin still reports on stderr; links to /dev/stdout are not refused" {
	ln -s /dev/stdout "$TEST_DIR/link"
	echo old >ex
	fdsh_c 'set -C; { echo body; } 2>ex; echo rc=$?; echo x 2>ex; echo rc=$?; { echo via-link >'"$TEST_DIR/link"'; echo rc=$?; } | cat'
	expect 0 'rc=1
rc=1
via-link
rc=0'
	[ "$stderr" = "fdsh: line 1: ex: cannot overwrite existing file
fdsh: line 1: ex: cannot overwrite existing file" ]
	[ "$(cat ex)" = old ]
}

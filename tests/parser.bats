#!/usr/bin/env bats
# Parser: lists, and-or lists, ! pipelines, subshells, groups, the compound commands and
# function definitions (parsed and run), and syntax errors.

load test_helper

# --- lists ----------------------------------------------------------------------------------

@test "; separates commands run in order" {
	same_as_dash 'echo a; echo b; echo c'
	expect 0 'a
b
c'
}

@test "newline separates commands" {
	same_as_dash 'echo a
echo b'
	expect 0 'a
b'
}

@test "blank lines and a trailing ; are accepted" {
	same_as_dash '

echo a;

echo b;
'
	expect 0 'a
b'
}

@test "status of a list is the status of its last command" {
	same_as_dash 'true; false'
	expect 1 ''
}

@test "& runs a command in the background and goes on" {
	same_as_dash 'sh -c "echo bg >f.tmp; mv f.tmp f" & until [ -f f ]; do sleep 0.01; done; cat f'
	expect 0 bg
}

@test "& as a separator between two commands on one line" {
	same_as_dash 'true & echo fg'
	expect 0 fg
}

# --- and-or lists ---------------------------------------------------------------------------

@test "&& runs the right side only when the left succeeds" {
	same_as_dash 'true && echo yes; false && echo no; echo $?'
	expect 0 'yes
1'
}

@test "|| runs the right side only when the left fails" {
	same_as_dash 'false || echo yes; true || echo no; echo $?'
	expect 0 'yes
0'
}

@test "&& and || have equal precedence, left to right" {
	same_as_dash 'false && echo a || echo b; true || echo c && echo d'
	expect 0 'b
d'
}

@test "an and-or list binds tighter than ; and &" {
	same_as_dash 'false && echo a; echo b'
	expect 0 b
}

@test "status of an and-or list whose right side is skipped" {
	same_as_dash 'false && true'
	expect 1 ''
}

# --- ! pipelines ----------------------------------------------------------------------------

@test "! negates the status of a pipeline" {
	same_as_dash '! true; echo $?; ! false; echo $?'
	expect 0 '1
0'
}

@test "! applies to the whole pipeline, not the first command" {
	same_as_dash '! false | true; echo $?; ! true | false; echo $?'
	expect 0 '1
0'
}

@test "! inside an and-or list" {
	same_as_dash '! false && echo negated'
	expect 0 negated
}

@test "! is only special as the first word: echo ! prints it" {
	same_as_dash 'echo ! a'
	expect 0 '! a'
}

# --- subshells and groups -------------------------------------------------------------------

@test "( ) runs in a subshell: assignments do not leak out" {
	same_as_dash 'X=out; (X=in; echo $X); echo $X'
	expect 0 'in
out'
}

@test "( ) subshell: cd does not change the parent's directory" {
	same_as_dash '(cd /; pwd); pwd'
	[ "${lines[0]}" = / ]
	[ "${lines[1]}" = "$TEST_DIR/run" ]
}

@test "(exit 3) sets \$? to 3 and the shell goes on" {
	same_as_dash '(exit 3); echo $?'
	expect 0 3
}

@test "nested subshells ((echo a))" {
	same_as_dash '( (echo nested) )'
	expect 0 nested
}

@test "{ } group runs in the current shell: assignments stay" {
	same_as_dash 'X=out; { X=in; }; echo $X'
	expect 0 in
}

@test "{ } group output goes through one pipe" {
	same_as_dash '{ echo a; echo b; } | tr ab AB'
	expect 0 'A
B'
}

@test "{ } group status is its last command's" {
	same_as_dash '{ true; false; }; echo $?'
	expect 0 1
}

@test "{ and } are reserved words only in command position" {
	same_as_dash 'echo { }'
	expect 0 '{ }'
}

@test "{ echo a } without ; before } is a syntax error (} is an argument)" {
	same_as_dash '{ echo a }'
	expect 2 ''
	expect_stderr_prefix 'fdsh: line 1: syntax error:'
}

@test "group and subshell across lines" {
	same_as_dash '{
echo a
(
echo b
)
}'
	expect 0 'a
b'
}

# --- if / while / until / for / case --------------------------------------------------------

@test "if then fi: runs the body when the condition succeeds" {
	same_as_dash 'if true; then echo yes; fi; if false; then echo no; fi'
	expect 0 yes
}

@test "if elif else picks the first true branch" {
	same_as_dash 'if false; then echo 1; elif true; then echo 2; else echo 3; fi
if false; then echo 1; elif false; then echo 2; else echo 3; fi'
	expect 0 '2
3'
}

@test "if with nothing run gives status 0" {
	same_as_dash 'false; if false; then echo no; fi; echo $?'
	expect 0 0
}

@test "if status is the status of the branch that ran" {
	same_as_dash 'if true; then false; fi; echo $?'
	expect 0 1
}

@test "if written over several lines" {
	same_as_dash 'if true
then
	echo multi
else
	echo no
fi'
	expect 0 multi
}

@test "if condition is a list and a pipeline" {
	same_as_dash 'if false; echo x | grep -q x; then echo matched; fi'
	expect 0 matched
}

@test "while runs until the condition fails" {
	same_as_dash 'while [ ! -f f ]; do echo loop; touch f; done; echo end'
	expect 0 'loop
end'
}

@test "while with a false condition never runs, status 0" {
	same_as_dash 'false; while false; do echo no; done; echo $?'
	expect 0 0
}

@test "until runs until the condition succeeds" {
	same_as_dash 'until [ -f f ]; do echo loop; touch f; done'
	expect 0 loop
}

@test "for loops over the words" {
	same_as_dash 'for i in a b c; do echo $i; done'
	expect 0 'a
b
c'
}

@test "for with an empty word list runs nothing, status 0" {
	same_as_dash 'false; for i in; do echo no; done; echo $?'
	expect 0 0
}

@test "for without in loops over the positional parameters" {
	same_as_dash_args 'for i do echo $i; done' name one two
	expect 0 'one
two'
}

@test "for over several lines, in and do on their own lines" {
	same_as_dash 'for i
in x y
do
echo $i
done'
	expect 0 'x
y'
}

@test "case runs the first matching item" {
	same_as_dash 'case b in a) echo A;; b) echo B;; b) echo again;; esac'
	expect 0 B
}

@test "case with | alternatives and (pattern)" {
	same_as_dash 'case y in x|y) echo xy;; esac; case z in (z) echo paren;; esac'
	expect 0 'xy
paren'
}

@test "case pattern * matches anything" {
	same_as_dash 'case abc in a*) echo prefix;; esac; case q in x) echo no;; *) echo default;; esac'
	expect 0 'prefix
default'
}

@test "case with no match gives status 0" {
	same_as_dash 'false; case z in a) echo no;; esac; echo $?'
	expect 0 0
}

@test "case last item without ;; and empty item" {
	same_as_dash 'case q in p) ;; q) echo last
esac'
	expect 0 last
}

@test "case word from a variable; quoted pattern matches literally" {
	same_as_dash 'X=a*; case $X in "a*") echo literal;; esac'
	expect 0 literal
}

@test "case over several lines" {
	same_as_dash 'case x in
	x)
		echo one
		;;
	*)
		echo two
		;;
esac'
	expect 0 one
}

@test "nested compound commands" {
	same_as_dash 'for i in a b; do if [ $i = b ]; then case $i in b) echo found $i;; esac; fi; done'
	expect 0 'found b'
}

@test "reserved words are plain words as arguments" {
	same_as_dash 'echo if then else fi do done case esac while until for in'
	expect 0 'if then else fi do done case esac while until for in'
}

# --- functions ------------------------------------------------------------------------------

@test "function definition and call" {
	same_as_dash 'f() { echo in f; }; f; f'
	expect 0 'in f
in f'
}

@test "function gets its own positional parameters" {
	same_as_dash 'f() { echo $1 $2; }; f one two'
	expect 0 'one two'
}

@test "function status is its last command's" {
	same_as_dash 'f() { false; }; f; echo $?'
	expect 0 1
}

@test "function with a subshell body f() ( ... )" {
	same_as_dash 'X=1; f() ( X=2; echo $X ); f; echo $X'
	expect 0 '2
1'
}

@test "function body over several lines, defined before use" {
	same_as_dash 'greet()
{
	echo hello $1
}
greet world'
	expect 0 'hello world'
}

@test "function definition with a redirection applies it at each call" {
	same_as_dash 'f() { echo x; } > out; f; cat out'
	expect 0 x
}

@test "function in a pipeline" {
	same_as_dash 'f() { echo up; }; f | tr a-z A-Z'
	expect 0 UP
}

# --- syntax errors --------------------------------------------------------------------------

@test "syntax error message: fdsh: line 2: syntax error: unexpected \")\"" {
	fdsh_c 'echo a
)'
	expect_stderr 'fdsh: line 2: syntax error: unexpected ")"'
}

@test "commands before a syntax error on a later line have run, status 2" {
	same_as_dash 'echo a
)
echo b'
	expect 2 a
}

@test "a syntax error on the line skips the whole line" {
	same_as_dash 'echo a; )'
	expect 2 ''
}

@test "missing fi: fdsh: line 1: syntax error: unexpected end of file" {
	fdsh_c 'if true; then echo a'
	expect 2 ''
	expect_stderr 'fdsh: line 1: syntax error: unexpected end of file'
}

@test "missing done is a syntax error, status 2" {
	same_as_dash 'while false; do echo a'
	expect 2 ''
	expect_stderr_prefix 'fdsh: line 1: syntax error:'
}

@test "missing esac is a syntax error, status 2" {
	same_as_dash 'case a in a) echo a;;'
	expect 2 ''
	expect_stderr_prefix 'fdsh: line 1: syntax error:'
}

@test "unclosed ( and { are syntax errors" {
	same_as_dash '( echo a'
	expect 2 ''
	expect_stderr_prefix 'fdsh: line 1: syntax error:'
	same_as_dash '{ echo a;'
	expect 2 ''
	expect_stderr_prefix 'fdsh: line 1: syntax error:'
}

@test "empty subshell ( ) and empty group { } are syntax errors" {
	same_as_dash '( )'
	expect 2 ''
	same_as_dash '{ }'
	expect 2 ''
}

@test "a pipe with nothing before or after it is a syntax error" {
	same_as_dash '| echo a'
	expect 2 ''
	expect_stderr_prefix 'fdsh: line 1: syntax error:'
	same_as_dash 'echo a |'
	expect 2 ''
	expect_stderr_prefix 'fdsh: line 1: syntax error:'
}

@test "&& or || with nothing before it is a syntax error" {
	same_as_dash '&& echo a'
	expect 2 ''
	same_as_dash '|| echo a'
	expect 2 ''
}

@test "a redirection without a target is a syntax error" {
	same_as_dash 'echo a >'
	expect 2 ''
	expect_stderr_prefix 'fdsh: line 1: syntax error:'
	same_as_dash 'cat < ; echo b'
	expect 2 ''
}

@test "then without if, and fi alone, are syntax errors" {
	same_as_dash 'then echo a'
	expect 2 ''
	same_as_dash 'fi'
	expect 2 ''
}

@test "syntax error in a script file reports the file and line" {
	fdsh_file 'echo first
if true; then
echo inside
)
'
	[ "$status" -eq 2 ]
	[ "$output" = first ]
	expect_stderr 'fdsh: s.sh: line 4: syntax error: unexpected ")"'
}

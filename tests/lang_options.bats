#!/usr/bin/env bats
# The shell language, part 5: shell options (set -e -u -x -v -n -C -f -a, set -o) and errors:
# messages with the script name and line, and which errors end a non-interactive shell
# (XCU 2.8.1). Differential against dash; stderr is checked against fdsh's own format.

load test_helper

# --- set -e ---------------------------------------------------------------------------------

@test "set -e: a failing simple command exits with its status" {
	same_as_dash 'set -e; echo a; (exit 3); echo no'
	expect 3 a
}

@test "set -e: no exit in conditions, && || lists except the last, after !" {
	same_as_dash 'set -e; if false; then :; fi; while false; do :; done; until true; do :; done
false || true; false && true; ! true; ! false; true && ! true; echo survived'
	expect 0 survived
}

@test "set -e: the last command of an && list does exit" {
	same_as_dash 'set -e; true && false; echo no'
	expect 1 ''
}

@test "set -e: a function called as a condition runs on past failures" {
	same_as_dash 'set -e; f() { false; echo "after false"; }; if f; then echo then; fi; f || echo or; echo end'
	expect 0 'after false
then
after false
end'
}

@test "set -e: a function called normally exits at its first failure" {
	same_as_dash 'set -e; f() { false; echo no; }; f; echo no'
	expect 1 ''
}

@test "set -e: a failing subshell, group or pipeline exits; a pipeline only by its last command" {
	same_as_dash 'set -e; false | true; echo one; (false); echo no'
	expect 1 one
	same_as_dash 'set -e; { false; }; echo no'
	expect 1 ''
	same_as_dash 'set -e; true | false; echo no'
	expect 1 ''
}

@test "set -e: x=\$(false) exits; echo \$(false) does not" {
	same_as_dash 'set -e; echo $(false) shown; x=$(false); echo no'
	expect 1 'shown'
}

@test "set -e: inside \$( ) the subshell exits at the failure" {
	same_as_dash 'set -e; v=$(echo a; false; echo b) || echo "caught [$v]"; echo end'
	expect 0 'caught [a]
end'
}

@test "set -e: eval false exits; eval with || does not" {
	same_as_dash 'set -e; eval "false || true"; echo yes; eval false; echo no'
	expect 1 yes
}

@test "set -e: a loop body's failure exits, also in for and case" {
	same_as_dash 'set -e; for i in 1 2; do echo $i; false; done; echo no'
	expect 1 1
	same_as_dash 'set -e; case x in x) false;; esac; echo no'
	expect 1 ''
}

@test "set -e: set +e in a function turns it off for good" {
	same_as_dash 'set -e; f() { set +e; false; echo in-f; }; f; false; echo after'
	expect 0 'in-f
after'
}

@test "set -e: a command not found exits with 127" {
	same_as_dash 'set -e; nosuchcmd_zz 2>/dev/null; echo no'
	expect 127 ''
}

# --- set -u ---------------------------------------------------------------------------------

@test "set -u: an unset variable is an error that exits, with the name in the message" {
	same_as_dash 'set -u; x=1; echo $x; echo $y; echo no'
	expect 2 1
	expect_stderr 'fdsh: line 1: y: parameter not set'
}

@test "set -u: \${x-w}, \${x:-w}, \${x+w} are fine; \${#x} and \${x%p} are not" {
	same_as_dash 'set -u; echo ${u-a} ${u:-b} "[${u+c}]"; echo ${#u}; echo no'
	expect 2 'a b []'
	same_as_dash 'set -u; : ${u%x}; echo no'
	expect 2 ''
}

@test "set -u: \$@ and \$* may be empty; \$1 may not" {
	same_as_dash 'set -u; echo "[$@]" "[$*]" $#; echo $1; echo no'
	expect 2 '[] [] 0'
}

@test "set -u: \$! before any background job is an error (dash)" {
	same_as_dash 'set -u; echo $!; echo no'
	expect 2 ''
}

@test "set -u: in a function it exits; in arithmetic an unset name is 0 (dash)" {
	same_as_dash 'set -u; f() { echo "[$1]"; }; f a; f; echo no'
	expect 2 '[a]'
	same_as_dash 'set -u; echo $((nosuch + 1)); echo yes'
	expect 0 '1
yes'
}

# --- set -x ---------------------------------------------------------------------------------

@test "set -x: commands, assignments, expansions and nested commands on stderr with PS4" {
	same_as_dash 'exec 2>&1; set -x; echo a "b c"; x=1 y=$(echo s); f() { echo in; }; f 1; for i in 1; do :; done; set +x; echo quiet'
	expect 0 '+ echo a b c
a b c
+ echo s
+ x=1 y=s
+ f 1
+ echo in
in
+ :
+ set +x
quiet'
}

@test "set -x: PS4 is expanded for every line" {
	same_as_dash 'exec 2>&1; n=0; PS4='"'"'[$n] '"'"'; set -x; n=1; echo a; n=2'
	expect 0 '[1] n=1
[1] echo a
a
[2] n=2'
}

@test "set -x: conditions, case and loops show the commands they run" {
	same_as_dash 'exec 2>&1; set -x; if true; then echo t; fi; while false; do :; done; case a in a) echo c;; esac'
	expect 0 '+ true
+ echo t
t
+ false
+ echo c
c'
}

# --- set -v, set -n -------------------------------------------------------------------------

@test "set -v: the lines of a script are echoed to stderr as they are read" {
	printf 'set -v\necho a\nif true; then\n  echo b\nfi\n# comment\n' >s.sh
	capture _clean_sub "$FDSH" s.sh
	expect 0 'a
b'
	expect_stderr 'echo a
if true; then
  echo b
fi
# comment'
}

@test "set -v: the same lines as dash, interleaved with the output" {
	same_as_dash_file 'exec 2>&1
set -v
echo one
x=$(echo two); echo $x
cat <<EOF
doc
EOF
'
	expect 0 'echo one
one
x=$(echo two); echo $x
two
cat <<EOF
doc
EOF
doc'
}

@test "set -n: a script is read but not run; syntax errors are still found" {
	same_as_dash_file 'set -n
echo no
nosuch_command
exit 3'
	expect 0 ''
	same_as_dash_file 'set -n
if true; then
echo no'
	expect 2 ''
}

# --- set -C, -f, -a, set -o -----------------------------------------------------------------

@test "set -C: > does not overwrite a file; >| and >> do; /dev/null is fine" {
	same_as_dash 'set -C; echo a > f; echo b > f 2>/dev/null; cat f; echo c >| f; echo d >> f; cat f; echo e > /dev/null && echo ok'
	expect 0 'a
c
d
ok'
}

@test "set -f turns globbing off; set +f back on" {
	same_as_dash 'touch a1; set -f; echo a*; set +f; echo a*'
	expect 0 'a*
a1'
}

@test "set -a exports every assignment" {
	same_as_dash 'set -a; x=1; y=$x; sh -c "echo \$x \$y"'
	expect 0 '1 1'
}

@test "set -o NAME and +o NAME; several options at once" {
	same_as_dash 'set -o errexit -o nounset; echo $-; set +o errexit; echo $-; set -o noglob; echo /*'
	expect 0 'ue
u
/*'
}

@test "set -o lists the options in dash's format; set +o as commands" {
	same_as_dash 'set -o | head -4; set +o | sed -n 2,3p'
	expect 0 'Current option settings
errexit         off
noglob          off
ignoreeof       off
set +o noglob
set +o ignoreeof'
}

@test "set with a bad option is an error that exits" {
	same_as_dash 'set -q; echo no'
	expect 2 ''
	same_as_dash 'set -o nosuchoption; echo no'
	expect 2 ''
}

# --- error messages: script name and line ---------------------------------------------------

@test "errors in a script carry the script name and the line number" {
	fdsh_file 'echo start
f() {
  echo in f
  echo ${undefined_var?is missing}
}
f
echo end'
	expect 2 'start
in f'
	expect_stderr 'fdsh: s.sh: line 4: undefined_var: is missing'
}

@test "set -u error in a script: fdsh: script.sh: line N: x: parameter not set" {
	fdsh_file 'set -u
x=1

echo $x $y'
	expect 2 ''
	expect_stderr 'fdsh: s.sh: line 4: y: parameter not set'
}

@test "a command not found reports its line and goes on" {
	fdsh_file 'echo a
for i in 1 2; do
  nosuch_cmd_x
done
echo b'
	expect 0 'a
b'
	expect_stderr 'fdsh: s.sh: line 3: nosuch_cmd_x: not found
fdsh: s.sh: line 3: nosuch_cmd_x: not found'
}

@test "a syntax error in a script exits with 2 after running what came before" {
	same_as_dash_file 'echo before
if true; then
  echo never
fi fi
echo after'
	expect 2 before
}

@test "an error in -c mode reports the line inside the string" {
	same_as_dash 'echo a
echo ${x?unset here}'
	expect 2 a
	expect_stderr 'fdsh: line 2: x: unset here'
}

# --- which errors end a non-interactive shell (XCU 2.8.1) -----------------------------------

@test "special builtin errors exit: shift, set, export, readonly, unset, return, break, exit" {
	for cmd in 'shift 5' 'set -q' 'export 1x' 'readonly a-b' 'unset 2y' 'f() { return x; }; f' \
	           'break 0' 'exit foo' '. /nonexistent/file'; do
		same_as_dash "$cmd; echo no"
		expect 2 ''
	done
}

@test "a regular builtin's error does not exit" {
	same_as_dash 'cd /nonexistent/dir 2>/dev/null; echo went on; test 1 -eq x 2>/dev/null; echo went on'
	expect 0 'went on
went on'
}

@test "an expansion error exits: in a subshell only the subshell" {
	same_as_dash '(echo ${x?}); echo after $?; f() { echo ${y?}; }; f; echo no'
	expect 2 'after 2'
}

@test "an expansion error in a pipeline stage or \$( ) ends only that process" {
	same_as_dash ': ${x?} | cat; echo after $?; v=$(: ${x?}); echo after $?'
	expect 0 'after 0
after 2'
}

@test "an assignment error exits; a redirection error on a regular command does not" {
	same_as_dash 'echo hi > /nonexistent/dir/f; echo went on; readonly r=1; r=2; echo no'
	expect 2 'went on'
}

@test "a redirection error on a special builtin exits (dash's status is 2, fdsh's 1)" {
	fdsh_c ': > /nonexistent/dir/f; echo no'
	expect 1 ''
}

@test "eval with a syntax error exits with 2" {
	same_as_dash 'eval "if then"; echo no'
	expect 2 ''
}

@test "set -e: a subshell in a condition is part of the condition; a group too" {
	same_as_dash 'set -e; (false; echo x) || echo caught; { false; echo y; } || echo caught; echo end'
	expect 0 'x
y
end'
}

@test "set -e: a background job is not a condition" {
	same_as_dash 'set -e; { false; echo no; } & wait $!; echo "status $?"'
	expect 1 ''
}

# --- exit inside trap actions ---------------------------------------------------------------

@test "a plain exit in a trap action keeps \$? from before the trap (XCU exit)" {
	same_as_dash 'trap "false; exit" EXIT; true'
	expect 0 ''
	same_as_dash 'trap "echo t; false; exit" EXIT; (exit 3)'
	expect 3 t
	same_as_dash 'trap "false; exit" USR1; true; kill -USR1 $$; echo no'
	expect 0 ''
	same_as_dash 'trap "exit 4" EXIT; false'
	expect 4 ''
}

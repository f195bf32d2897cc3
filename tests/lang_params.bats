#!/usr/bin/env bats
# The shell language, part 1: variables and parameters (XCU 2.5), differential against dash.
# Special parameters, positional parameters, "$@" and "$*", set --, shift, assignments as
# prefixes of commands, export, readonly, unset, local, PWD/OLDPWD.

load test_helper

# --- special parameters ---------------------------------------------------------------------

@test "\$# and \$@ and \$* with -c arguments" {
	same_as_dash_args 'echo $#; echo "$@"; echo $*; for a; do echo "[$a]"; done' sh a1 'b 2' ''
	expect 0 '3
a1 b 2 
a1 b 2
[a1]
[b 2]
[]'
}

@test "\$0 is the name after -c, or the script path" {
	same_as_dash_args 'echo "$0"' myname
	expect 0 myname
	same_as_dash_file 'echo "$0"; f() { echo "$0"; }; f'
	expect 0 's.sh
s.sh'
}

@test "\$? after true, false, a failed command, exit in a subshell" {
	same_as_dash 'true; echo $?; false; echo $?; (exit 7); echo $?; nosuchcmd_xyz 2>/dev/null; echo $?'
	expect 0 '0
1
7
127'
}

@test "\$\$ is a number, the same in a subshell" {
	same_as_dash 'case $$ in *[!0-9]*) echo bad;; *) echo num;; esac; [ "$$" = "$(echo $$)" ] && echo same'
	expect 0 'num
same'
}

@test "\$! is set by a background command" {
	same_as_dash 'echo "[${!-unset}]"; sleep 0 & case $! in ""|*[!0-9]*) echo bad;; *) echo pid;; esac; wait'
	expect 0 '[unset]
pid'
}

@test "\$- shows option letters in dash's order" {
	same_as_dash 'echo "[$-]"; set -u; echo $-; set -aCefuvxb; echo $-' 
	expect 0 '[]
u
ubaCvxfe'
}

@test "\$- shows s when commands come from stdin" {
	same_as_dash_stdin 'echo $-'
	expect 0 s
}

# --- positional parameters ------------------------------------------------------------------

@test "set -- replaces the parameters; set -- with nothing clears them" {
	same_as_dash 'set -- "a b" c; echo $#: "$1"; set --; echo $#'
	expect 0 '2: a b
0'
}

@test "set -- -x keeps -x as a parameter; set - ends options too" {
	same_as_dash 'set -- -x; echo "$1"; set - a b; echo "$@" $-'
	expect 0 '-x
a b'
}

@test "shift, shift N, shift 0, and shifting too many is an error that exits" {
	same_as_dash 'set -- a b c d; shift; echo "$@"; shift 2; echo "$@"; shift 0; echo $#; shift 2; echo notreached'
	expect 2 'b c d
d
1'
}

@test "\${10} and \$10: two digits need braces" {
	same_as_dash 'set -- 1 2 3 4 5 6 7 8 9 ten eleven; echo $10 ${10} ${11}'
	expect 0 '10 ten eleven'
}

@test "\"\$@\" keeps every parameter as one word, empty ones too" {
	same_as_dash 'set -- "a  b" "" c; for x in "$@"; do echo "[$x]"; done; set -- "$@"; echo $#'
	expect 0 '[a  b]
[]
[c]
3'
}

@test "\"\$@\" with no parameters is no word at all, even next to empty quotes in other words" {
	same_as_dash 'set --; set -- "$@"; echo $#; set -- "$@" ""; echo $#; set --; set -- x"$@"y; echo $# "$1"'
	expect 0 '0
1
1 xy'
}

@test "\"\$@\" with a prefix and suffix attaches them to the first and last words" {
	same_as_dash 'set -- a b; for i in "x$@y"; do echo $i; done; set -- "$@$@"; echo $# "$2"'
	expect 0 'xa
by
3 ba'
}

@test "\"\$*\" joins with the first character of IFS, or nothing when IFS is empty" {
	same_as_dash 'set -- a "b c" d; echo "$*"; IFS=:; echo "$*"; IFS=; echo "$*"; unset IFS; echo "$*"'
	expect 0 'a b c d
a:b c:d
ab cd
a b c d'
}

@test "unquoted \$* and \$@ are split again" {
	same_as_dash 'set -- "a b" "c  d"; for i in $*; do echo "[$i]"; done; for i in $@; do echo "<$i>"; done'
	expect 0 '[a]
[b]
[c]
[d]
<a>
<b>
<c>
<d>'
}

@test "empty parameters vanish from unquoted \$@ and \$*, stay in \"\$@\"" {
	same_as_dash 'set -- "" ""; set -- $@; echo $#; set -- "" ""; set -- $*; echo $#; set -- "" ""; set -- "$*"; echo $#'
	expect 0 '0
0
1'
}

@test "x=\$@ and x=\$* in an assignment join with IFS's first character (dash)" {
	same_as_dash 'set -- "a b" c; x=$@; echo "$x"; IFS=-; x=$*; echo "$x"; x=$@; echo "$x"; x="$@"; echo "$x"'
	expect 0 'a b c
a b-c
a b-c
a b-c'
}

@test "\$@ in a case subject and a here-document joins like \$* (dash)" {
	same_as_dash 'set -- a b; IFS=-; case $@ in a-b) echo joined;; esac; cat <<EOF
$@ $*
EOF'
	expect 0 'joined
a-b a-b'
}

@test "\${#*} and \${#@} are the length of the joined parameters (dash)" {
	same_as_dash 'set -- 1 22 333; echo ${#} ${#*} ${#@}; IFS=; echo ${#*}'
	expect 0 '3 8 8
6'
}

@test "a function has its own parameters; \$0 stays; the caller's come back" {
	same_as_dash_args 'f() { echo "$# $1 $0"; shift; echo "$@"; }; set -- x y; f a b c; echo "$@"' sh
	expect 0 '3 a sh
b c
x y'
}

# --- assignments ----------------------------------------------------------------------------

@test "assignments run left to right: y sees x (x=1 y=\$x)" {
	same_as_dash 'x=1 y=$x; echo $y; a=1; a=2 b=$a; echo $b'
	expect 0 '1
2'
}

@test "prefix assignments are seen by later prefix assignments and exported to the command" {
	same_as_dash 'x=a y=$x sh -c "echo \$x \$y"; echo "[$x][$y]"'
	expect 0 'a a
[][]'
}

@test "a prefix assignment is exported to an external command only" {
	same_as_dash 'x=1 sh -c "echo \$x"; echo "[$x]"; sh -c "echo [\$x]"'
	expect 0 '1
[]
[]'
}

@test "a prefix assignment to a function lasts for the call only" {
	same_as_dash 'f() { echo "in f: $x"; x=changed; }; x=orig; x=tmp f; echo $x'
	expect 0 'in f: tmp
orig'
}

@test "a prefix assignment to a special builtin stays (: and eval)" {
	same_as_dash 'x=1 :; echo $x; y=2 eval "echo \$y"; echo $y'
	expect 0 '1
2
2'
}

@test "PATH=... cmd looks the command up with the new PATH" {
	same_as_dash 'PATH=/nonexistent ls; echo $?; ls / >/dev/null && echo back' 
	expect 0 '127
back'
}

@test "x=\$(false) has the status of the substitution; x=\$(exit 3) too" {
	same_as_dash 'x=$(false); echo $?; x=$(exit 3); echo $?; x=$(true) y=$(exit 4); echo $?'
	expect 0 '1
3
4'
}

@test "an assignment value is not split or globbed; tilde expands after = and :" {
	same_as_dash 'HOME=/h; v="a   b"; x=$v; echo "$x"; y=*; echo "$y"; p=~/a:~/b; echo $p; q=a~; echo $q'
	expect 0 'a   b
*
/h/a:/h/b
a~'
}

# --- export, readonly, unset ----------------------------------------------------------------

@test "export makes variables visible to commands; unset removes them" {
	same_as_dash 'export A=1; B=2; export B; sh -c "echo \$A \$B"; unset A; sh -c "echo [\$A]"'
	expect 0 '1 2
[]'
}

@test "export -p and readonly -p list in a form that can be read back" {
	same_as_dash 'env -i PATH="$PATH" sh -c "export X=\"a b\"; export -p | grep X; readonly R=1; readonly -p | grep R="'
}

@test "assigning to a readonly variable exits a script with status 2" {
	same_as_dash 'readonly R=1; echo before; R=2; echo notreached'
	expect 2 before
}

@test "a readonly variable as a prefix assignment exits too" {
	same_as_dash 'readonly R=1; R=2 true; echo notreached'
	expect 2 ''
	same_as_dash 'readonly R=1; R=2 /bin/true; echo notreached'
	expect 2 ''
}

@test "unset, export, readonly, local of a readonly variable: an error that exits" {
	same_as_dash 'readonly x=1; unset x; echo no'
	expect 2 ''
	same_as_dash 'readonly x=1; export x=2; echo no'
	expect 2 ''
	same_as_dash 'readonly x=1; readonly x=2; echo no'
	expect 2 ''
	same_as_dash 'readonly x=1; f() { local x=2; }; f; echo no'
	expect 2 ''
}

@test "readonly without a value, then export of it, is fine" {
	same_as_dash 'readonly x=1; readonly x; export x; echo $? $x'
	expect 0 '0 1'
}

@test "the loop variable of for cannot be readonly" {
	same_as_dash 'readonly x=1; for x in a; do echo $x; done; echo no'
	expect 2 ''
}

@test "bad variable names for export, readonly, unset: an error that exits" {
	for cmd in 'export 1x=2' 'readonly 1x' 'unset 1x' 'export a-b'; do
		same_as_dash "$cmd; echo no"
		expect 2 ''
	done
}

@test "unset -f removes a function, unset -v a variable; unset of an unset name succeeds" {
	same_as_dash 'f() { echo f; }; unset -f f; f 2>/dev/null; echo $?; x=1; unset -v x; echo "${x-gone}"; unset nosuch; echo $?'
	expect 0 '127
gone
0'
}

@test "an unset variable differs from an empty one" {
	same_as_dash 'x=; echo "${x-unset}" "${x:-empty}"; unset x; echo "${x-unset}"'
	expect 0 ' empty
unset'
}

# --- local ----------------------------------------------------------------------------------

@test "local hides the global inside the function and what it calls" {
	same_as_dash 'f() { local x=in; echo $x; g; }; g() { echo "g sees $x"; }; x=out; f; echo $x'
	expect 0 'in
g sees in
out'
}

@test "local without a value keeps the variable's current value (dash)" {
	same_as_dash 'f() { local x; echo "[${x-unset}]"; x=2; }; x=1; f; echo $x'
	expect 0 '[1]
1'
}

@test "a variable made local in a function and unset is restored after it" {
	same_as_dash 'f() { local x; unset x; echo "[${x-unset}]"; }; x=1; f; echo $x'
	expect 0 '[unset]
1'
}

@test "local IFS changes splitting in the function only" {
	same_as_dash 'f() { local IFS=:; set -- $1; echo $#; }; f a:b:c; x="a b:c"; set -- $x; echo $#'
	expect 0 '3
2'
}

@test "local - restores the options when the function returns" {
	same_as_dash 'f() { local -; set -u; echo "in: $-"; }; f; echo "out: [$-]"'
	expect 0 'in: u
out: []'
}

@test "local outside a function is an error that exits" {
	same_as_dash 'local x; echo no'
	expect 2 ''
}

# --- PWD, OLDPWD, HOME, IFS, PS4 ------------------------------------------------------------

@test "PWD and OLDPWD follow cd; cd - goes back and prints the directory" {
	same_as_dash 'cd /tmp; echo $PWD; cd /; echo $PWD $OLDPWD; cd - ; echo $PWD'
	expect 0 '/tmp
/ /tmp
/tmp
/tmp'
}

@test "PWD is exported and correct at start-up" {
	same_as_dash 'sh -c "echo \$PWD" | grep -c /run; [ "$PWD" = "$(pwd)" ] && echo ok'
	expect 0 '1
ok'
}

@test "IFS, PS4 and OPTIND have their defaults" {
	same_as_dash 'printf "%s" "$IFS" | od -An -c | tr -s " "; echo "$PS4" "$OPTIND"'
}

# --- declaration utilities ------------------------------------------------------------------

@test "export, readonly and local operands NAME=\$x are not split or globbed (dash)" {
	same_as_dash 'x="a  b"; export y=$x; echo "$y"; readonly z=$x; echo "$z"; f() { local w=$x; echo "$w"; }; f; export r=*; echo "$r"'
	expect 0 'a  b
a  b
a  b
*'
}

@test "declaration operands: tilde after = and :, command export, export from a variable" {
	same_as_dash 'HOME=/h; x="a b"; export t=~/q:~/r; echo $t; command export u=$x; echo "$u"; e=export; $e v=$x; echo "$v"'
	expect 0 '/h/q:/h/r
a b
a b'
}

@test "other commands' NAME=\$x arguments are split as usual" {
	same_as_dash 'x="a b"; printf "<%s>" y=$x; echo; set -- export a=$x; echo $#'
	expect 0 '<y=a><b>
3'
}

# --- prefix assignments and special builtins ------------------------------------------------

@test "x=1 exec cmd exports x to cmd; x=1 exec with only redirections keeps x unexported" {
	same_as_dash 'x=1 exec sh -c "echo \$x"'
	expect 0 1
	same_as_dash 'x=1 exec 3>/dev/null; sh -c "echo [\$x]"; echo $x'
	expect 0 '[]
1'
}

@test "prefix assignments stay after special builtins (set, readonly, unset, ., eval), not after others" {
	same_as_dash 'x=5 set -- a; echo $x $1; y=6 readonly r=1; echo $y; z=7 . /dev/null; echo $z; w=8 command true; echo "[$w]"'
	expect 0 '5 a
6
7
[]'
}

@test "export of a local variable lasts for the function only" {
	same_as_dash 'f() { local x=in; sh -c "echo [\$x]"; export x; sh -c "echo [\$x]"; }; x=out; f; sh -c "echo [\$x]"; echo $x'
	expect 0 '[]
[in]
[]
out'
}

@test "LINENO: the line of each command, in functions, \$( ) and a multi-line command's first line" {
	fdsh_file 'echo a $LINENO

f() {
  echo f $LINENO
  echo g $LINENO
}
f
echo "multi
line" $LINENO
x=$(echo $LINENO)
echo sub $x
for i in 1 2; do
  echo loop $LINENO
done
'
	expect 0 'a 1
f 4
g 5
multi
line 8
sub 10
loop 13
loop 13'
}

@test "LINENO: counts the lines of -c; assigning or unsetting makes it ordinary" {
	fdsh_c 'echo $LINENO
echo $LINENO; LINENO=50
echo $LINENO
unset LINENO
echo "[$LINENO]"'
	expect 0 '1
2
50
[]'
}

@test "RANDOM: numbers 0-32767; assigning seeds the sequence; unset makes it ordinary (as bash)" {
	fdsh_c 'a=$RANDOM; b=$RANDOM
case $a$b in *[!0-9]*|"") echo bad;; esac
[ "$a" -le 32767 ] && [ "$b" -le 32767 ] && echo range
RANDOM=42; x="$RANDOM $RANDOM"; RANDOM=42; y="$RANDOM $RANDOM"
[ "$x" = "$y" ] && echo same-seed-same-numbers
[ "${x% *}" != "${x#* }" ] && echo next-differs
unset RANDOM; echo "[$RANDOM]"'
	expect 0 'range
same-seed-same-numbers
next-differs
[]'
}

@test "SECONDS: seconds since start; assigning restarts the count from the value (as bash)" {
	fdsh_c '[ "$SECONDS" -ge 0 ] && [ "$SECONDS" -le 30 ] && echo fresh
SECONDS=100; s=$SECONDS; [ "$s" -ge 100 ] && [ "$s" -le 130 ] && echo from-100
SECONDS=abc; [ "$SECONDS" -le 30 ] && echo junk-is-0'
	expect 0 'fresh
from-100
junk-is-0'
}

@test "dynamic variables: a temporary assignment or a local (plain, starting unset) leaves them dynamic; subshells get new RANDOMs; exports carry the value of the moment" {
	fdsh_c 'LINENO=9 true
echo "line $LINENO"
f() { local LINENO=0 RANDOM; unset RANDOM; }; f
echo "line $LINENO"
[ -n "$RANDOM" ] && echo random-is-back
h() { local RANDOM=5; echo "local $RANDOM $RANDOM"; }; h
k() { local RANDOM LINENO; echo "[$RANDOM$LINENO]"; }; k
a=$(echo $RANDOM); b=$(echo $RANDOM); c=$(echo $RANDOM)
[ "$a$b" != "$b$c" ] && echo subshells-differ
export SECONDS; SECONDS=500; sh -c "echo child \$SECONDS" | sed "s/50[0-9]/500/"'
	expect 0 'line 2
line 4
random-is-back
local 5 5
[]
subshells-differ
child 500'
}

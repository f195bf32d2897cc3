#!/usr/bin/env bats
# The shell language, part 4: compound commands and functions (XCU 2.9.4, 2.9.5):
# if/elif/else, while, until, for, case, break/continue N, functions, return, recursion.
# Differential against dash.

load test_helper

# --- if -------------------------------------------------------------------------------------

@test "if/elif/else picks the first true branch" {
	same_as_dash 'for v in 1 2 3; do if [ $v = 1 ]; then echo one; elif [ $v = 2 ]; then echo two; else echo other; fi; done'
	expect 0 'one
two
other'
}

@test "the status of if: the branch's, or 0 when no branch ran" {
	same_as_dash 'if false; then :; fi; echo $?; if true; then (exit 3); fi; echo $?; if false; then :; else (exit 4); fi; echo $?'
	expect 0 '0
3
4'
}

@test "the condition is a list; its last status decides" {
	same_as_dash 'if false; true; then echo yes; fi; if true; false; then echo no; else echo else; fi'
	expect 0 'yes
else'
}

@test "newlines anywhere in if" {
	same_as_dash 'if
true
then
echo t
elif
false
then
:
fi'
	expect 0 t
}

# --- while and until ------------------------------------------------------------------------

@test "while counts, until counts" {
	same_as_dash 'i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done; until [ $i -eq 0 ]; do i=$((i-1)); done; echo $i'
	expect 0 '1
2
3
0'
}

@test "the status of a loop: the last body's, or 0 when the body never ran" {
	same_as_dash 'while false; do :; done; echo $?; i=0; while [ $i -lt 1 ]; do i=1; (exit 5); done; echo $?'
	expect 0 '0
5'
}

@test "a loop with redirected output and input" {
	same_as_dash 'i=0; while [ $i -lt 2 ]; do echo $i; i=$((i+1)); done > f; cat f; while read -r l; do echo "got $l"; done < f'
	expect 0 '0
1
got 0
got 1'
}

@test "a loop in a pipeline runs in a subshell" {
	same_as_dash 'x=0; printf "a\nb\n" | while read -r l; do x=$l; done; echo "[$x]"'
	expect 0 '[0]'
}

# --- for ------------------------------------------------------------------------------------

@test "for over words, globs and expansions" {
	same_as_dash 'touch f1 f2; for i in a "b c" f* $(echo d e); do echo "[$i]"; done'
	expect 0 '[a]
[b c]
[f1]
[f2]
[d]
[e]'
}

@test "for without in, and for x do, loop over \"\$@\"" {
	same_as_dash_args 'for i; do echo "[$i]"; done; for i do echo "<$i>"; done' sh 'a b' c
	expect 0 '[a b]
[c]
<a b>
<c>'
}

@test "for with an empty list does not run; the status is 0; the variable keeps its value" {
	same_as_dash 'i=old; false; for i in; do echo never; done; echo $? $i; set --; for i in "$@"; do echo never; done'
	expect 0 '0 old'
}

@test "the loop variable keeps the last value; reserved words as loop words" {
	same_as_dash 'for i in do done in; do echo $i; done; echo "last $i"'
	expect 0 'do
done
in
last in'
}

@test "for with the list on the next lines" {
	same_as_dash 'for x in a b
do echo $x; done; for y
in c d; do echo $y; done'
	expect 0 'a
b
c
d'
}

# --- break and continue ---------------------------------------------------------------------

@test "break and continue in one loop" {
	same_as_dash 'for i in 1 2 3 4 5; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done; echo end'
	expect 0 '1
3
end'
}

@test "break 2 and continue 2 leave nested loops" {
	same_as_dash 'for i in 1 2 3; do for j in a b c; do [ $j = b ] && continue 2; [ $i = 3 ] && break 2; echo $i$j; done; done; echo end'
	expect 0 '1a
2a
end'
}

@test "break N beyond the nesting leaves all loops" {
	same_as_dash 'for i in a b; do while :; do break 5; done; echo no; done; echo "$i"'
	expect 0 a
}

@test "break inside a while condition and in a case inside a loop" {
	same_as_dash 'while break; do echo no; done; for i in 1 2 3; do case $i in 2) break;; esac; echo $i; done'
	expect 0 1
}

@test "break 0 is an error that exits; break outside a loop does nothing" {
	same_as_dash 'break; echo still; for i in 1; do break 0; done; echo no'
	expect 2 still
}

@test "continue in until and while" {
	same_as_dash 'i=0; until [ $i -ge 4 ]; do i=$((i+1)); [ $i = 2 ] && continue; echo $i; done'
	expect 0 '1
3
4'
}

@test "break and continue in a function do not reach the caller's loop (dash)" {
	same_as_dash 'f() { break; echo in-f; }; for i in 1 2; do f; echo $i; done; g() { continue; }; for i in 3; do g; echo $i; done'
	expect 0 'in-f
1
in-f
2
3'
}

# --- case -----------------------------------------------------------------------------------

@test "case: the first matching pattern wins; | separates alternatives" {
	same_as_dash 'for w in abc x y zz; do case $w in a*) echo A;; x|y) echo XY;; *) echo other;; x) echo never;; esac; done'
	expect 0 'A
XY
XY
other'
}

@test "case: patterns from variables glob; quoted ones are literal" {
	same_as_dash 'p="a*"; case abc in $p) echo glob;; esac; case "a*" in "$p") echo lit;; esac; case abc in "$p") echo no;; *) echo fallback;; esac'
	expect 0 'glob
lit
fallback'
}

@test "case: escaped and quoted pattern characters" {
	same_as_dash 'case "*" in \*) echo star;; esac; case "a?" in a"?") echo q;; esac; case ab in a\b) echo esc;; esac; case "a\\b" in a\\b) echo bs;; esac'
	expect 0 'star
q
esc
bs'
}

@test "case: bracket expressions: ranges, classes, ! and quoted - ! ] inside" {
	same_as_dash 'for s in a - z "!" "]" b 5 " "; do
	case "$s" in
	[a\-z]) echo "$s: a dash z";;
	["!"5]) echo "$s: bang or 5";;
	[]]) echo "$s: bracket";;
	[[:digit:][:upper:]]) echo "$s: class";;
	[!b]) echo "$s: not b";;
	*) echo "$s: other";;
	esac
done'
	expect 0 'a: a dash z
-: a dash z
z: a dash z
!: bang or 5
]: bracket
b: other
5: bang or 5
 : not b'
}

@test "case: an unclosed [ is literal; a trailing backslash from \$p is itself" {
	same_as_dash 'case "[x" in [x) echo lit;; esac; p="a\\"; case "a\\" in $p) echo bs;; esac; case ab in *[) echo no;; *b) echo star;; esac'
	expect 0 'lit
bs
star'
}

@test "patterns agree with glibc fnmatch on random patterns (C locale)" {
	command -v gcc >/dev/null || skip "no gcc"
	gcc -D_GNU_SOURCE -I"$BATS_TEST_DIRNAME/.." -O2 -o "$TEST_DIR/pattern_diff" \
		"$BATS_TEST_DIRNAME/../fuzz/pattern_diff.c"
	run "$TEST_DIR/pattern_diff" 300000 "$RANDOM"
	[ "$status" = 0 ]
	[ "$output" = "300000 rounds agree" ]
}

@test "case: empty subject, empty pattern, ( before patterns, empty items" {
	same_as_dash 'case "" in "") echo empty;; esac; case x in (x) echo paren;; esac; case x in x) ;; esac; echo $?'
	expect 0 'empty
paren
0'
}

@test "case: the status is the item's, 0 when nothing matched" {
	same_as_dash 'false; case x in y) echo no;; esac; echo $?; case x in x) (exit 3);; esac; echo $?'
	expect 0 '0
3'
}

@test "case: multi-line items, ;; on its own line, last item without ;;" {
	same_as_dash 'case b in
  a)
    echo a
    ;;
  b)
    echo b1
    echo b2
    ;;
  c) echo c
esac'
	expect 0 'b1
b2'
}

@test "case: reserved words as subject and patterns" {
	same_as_dash 'case in in in) echo in;; esac; case do in if|do) echo do;; esac; case x in (esac) echo no;; x) echo x;; esac'
	expect 0 'in
do
x'
}

@test "case: the subject is not split; tilde and parameters expand" {
	same_as_dash 'HOME=/h; x="a  b"; case $x in "a  b") echo kept;; esac; case ~ in /h) echo tilde;; esac'
	expect 0 'kept
tilde'
}

@test "case inside \$( ) with ) patterns" {
	same_as_dash 'x=$(case a in a) echo inner;; esac); echo $x'
	expect 0 inner
}

# --- functions ------------------------------------------------------------------------------

@test "a function: arguments, return status, code after return skipped" {
	same_as_dash 'f() { echo "f: $# $1"; return 3; echo no; }; f a b; echo $?'
	expect 0 'f: 2 a
3'
}

@test "return without a number returns the last status; return in a loop" {
	same_as_dash 'f() { false; return; }; f; echo $?; g() { for i in 1 2 3; do return $i; done; }; g; echo $?'
	expect 0 '1
1'
}

@test "return N is not masked to 8 bits in \$? (dash)" {
	same_as_dash 'f() { return 300; }; f; echo $?'
	expect 0 300
}

@test "return with a bad number is an error that exits" {
	same_as_dash 'f() { return x; }; f; echo no'
	expect 2 ''
}

@test "recursion: factorial with \$( ) and a counter with a global" {
	same_as_dash 'fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1-1))) )); fi; }; fact 10
n=0; f() { n=$((n+1)); [ $n -lt 100 ] && f; }; f; echo $n'
	expect 0 '3628800
100'
}

@test "functions defined inside functions exist after the call" {
	same_as_dash 'f() { g() { echo inner; }; }; g 2>/dev/null; echo $?; f; g'
	expect 0 '127
inner'
}

@test "a later definition replaces the earlier one" {
	same_as_dash 'f() { echo one; }; f() { echo two; }; f'
	expect 0 two
}

@test "a function whose body is a subshell or has a redirection" {
	same_as_dash 'f() ( x=sub; echo $x ); x=main; f; echo $x; g() { echo hidden; } >/dev/null; g; echo shown'
	expect 0 'sub
main
shown'
}

@test "a function body with the brace on the next line" {
	same_as_dash 'f()
{
	echo body
}
f'
	expect 0 body
}

@test "exit in a function leaves the shell" {
	same_as_dash 'f() { exit 5; }; f; echo no'
	expect 5 ''
}

@test "a function's \$@ and shift do not change the caller's" {
	same_as_dash 'f() { shift; echo "$@"; set -- x; echo "$1"; }; set -- a b c; f 1 2 3; echo "$@"'
	expect 0 '2 3
x
a b c'
}

@test "functions and variables share no namespace; a function may be named like a command" {
	same_as_dash 'ls() { echo "my ls"; }; ls; ls=var; echo $ls; unset -f ls; ls -d / >/dev/null && echo real'
	expect 0 'my ls
var
real'
}

@test "a function cannot be named like a special builtin or a non-name (syntax error, dash)" {
	for name in set local exec : a-b 1a; do
		same_as_dash "$name() { echo fn; }; echo no"
		expect 2 ''
	done
}

@test "endless recursion stops at depth 1000 with an error that exits (dash)" {
	same_as_dash 'f() { f; }; f; echo no'
	expect 2 ''
	expect_stderr 'fdsh: line 1: Maximum function recursion depth (1000) reached'
}

# --- lists, subshells, groups ---------------------------------------------------------------

@test "&& and || associate left to right; ! inverts" {
	same_as_dash 'true && echo a || echo b; false && echo c || echo d; ! true; echo $?; ! false; echo $?; false || false && echo e; echo $?'
	expect 0 'a
d
1
0
1'
}

@test "a subshell has its own variables, cwd and exit" {
	same_as_dash 'x=1; (x=2; cd /; echo $x $PWD; exit 3); echo $? $x; [ "$PWD" != / ] && echo here'
	expect 0 '2 /
3 1
here'
}

@test "a group runs in the shell; its status is its last command's" {
	same_as_dash 'x=1; { x=2; false; }; echo $? $x; { echo a; echo b; } | wc -l'
	expect 0 '1 2
2'
}

@test "a pipeline's status is the last command's; ! applies to the whole pipeline" {
	same_as_dash 'false | true; echo $?; true | false; echo $?; ! true | false; echo $?'
	expect 0 '0
1
0'
}

@test "line continuation after && || | and in the middle of words" {
	same_as_dash 'echo a &&
echo b ||
echo c; echo x |
cat; ec\
ho joined'
	expect 0 'a
b
x
joined'
}

@test "! only before a whole pipeline; ! ! and a | ! b are syntax errors (dash)" {
	same_as_dash '! false && echo ok; { ! true; }; echo $?; echo ! in'
	expect 0 'ok
1
! in'
	same_as_dash '! ! true; echo no'
	expect 2 ''
	same_as_dash 'echo a | ! cat; echo no'
	expect 2 ''
}

@test "in where a command should start is a syntax error; in as a name or word is fine" {
	same_as_dash 'case in in in) echo in;; esac; for in in in; do echo $in; done'
	expect 0 'in
in'
	same_as_dash 'in; echo no'
	expect 2 ''
}

# --- dot scripts ----------------------------------------------------------------------------

@test ". file runs in the shell: its variables stay, return ends it with a status" {
	same_as_dash 'printf "x=dotvar\nreturn 3\necho no\n" >d.sh; . ./d.sh; echo "$? $x"'
	expect 0 '3 dotvar'
}

@test ". file ignores further operands: the caller's parameters stay (dash)" {
	same_as_dash 'printf "echo \"\$# \$1\"\n" >d.sh; set -- p q; . ./d.sh a b c; f() { . ./d.sh inner; }; f outer'
	expect 0 '2 p
1 outer'
}

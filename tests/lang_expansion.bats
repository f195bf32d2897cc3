#!/usr/bin/env bats
# The shell language, part 2: parameter expansion in every POSIX form, command substitution
# and arithmetic expansion (XCU 2.6.2-2.6.4), differential against dash.

load test_helper

# --- ${x-w} ${x:-w} ${x=w} ${x:=w} ${x?w} ${x:?w} ${x+w} ${x:+w} ---------------------------

@test "\${x-w} and \${x:-w}: unset, empty and set" {
	same_as_dash 'echo "${u-d1}" "${u:-d2}"; e=; echo "[${e-d3}]" "${e:-d4}"; s=v; echo "${s-d5}" "${s:-d6}"'
	expect 0 'd1 d2
[] d4
v v'
}

@test "\${x+w} and \${x:+w}: unset, empty and set" {
	same_as_dash 'echo "[${u+a1}]" "[${u:+a2}]"; e=; echo "[${e+a3}]" "[${e:+a4}]"; s=v; echo "${s+a5}" "${s:+a6}"'
	expect 0 '[] []
[a3] []
a5 a6'
}

@test "\${x=w} and \${x:=w} assign" {
	same_as_dash 'echo ${a=one} $a; e=; echo "[${e=two}]" "${e:=three}" $e; echo ${a:=four}'
	expect 0 'one one
[] three three
one'
}

@test "\${1=w} cannot assign to a positional parameter: an error" {
	same_as_dash 'echo ${1=x}; echo notreached'
	expect 2 ''
}

@test "\${x?w} and \${x:?w}: message on stderr and exit 2 in a script" {
	same_as_dash 'e=; echo "[${e?no}]"; echo ${e:?is empty}; echo notreached'
	expect 2 '[]'
	expect_stderr 'fdsh: line 1: e: is empty'
	same_as_dash 'echo ${u?}; echo notreached'
	expect 2 ''
	expect_stderr 'fdsh: line 1: u: parameter not set'
}

@test "the word of \${x-w} is expanded only when used" {
	same_as_dash 's=v; echo ${s-$(echo no >&2; echo sub)} ${u-$(echo yes)}; echo ${s+${n=assigned}} $n'
	expect 0 'v yes
assigned assigned'
}

@test "nested expansions in the word: \${a:-\${b:-\${c:-deep}}}" {
	same_as_dash 'echo ${a:-${b:-${c:-deep}}}; b=B; echo ${a:-${b:-${c:-deep}}}; echo "${a:-"${b:-"x y"}"}"'
	expect 0 'deep
B
B'
}

@test "quoting in the word: unquoted, double-quoted, single-quoted" {
	same_as_dash 'v="a  b"; printf "<%s>" ${u-$v} "${u-$v}" ${u-"$v"} ${u-'"'"'$v'"'"'}; echo'
	expect 0 '<a><b><a  b><a  b><$v>'
}

@test "words with spaces: \${x-a b} splits, \"\${x-a b}\" does not" {
	same_as_dash 'printf "<%s>" ${u-a b} "${u-a b}" ${u:-"a b"}; echo'
	expect 0 '<a><b><a b><a b>'
}

@test "backslashes and quotes inside \"\${x-...}\" (dash)" {
	same_as_dash 'echo "${u-\$}" ${u-\$} "${u-\\}" "${u-a\"b}" "${u:-a\}b}" ${u:-a\}b}'
	expect 0 '$ $ \ a"b a}b a}b'
}

@test "a single quote inside \"\${x-...}\" is literal; the first } ends it (dash)" {
	same_as_dash 'echo "${u-'"'"'}'"'"'}"'
	expect 0 "''}"
}

@test "\${x+\"\$@\"} keeps the words; \"\${1+\$@}\" too" {
	same_as_dash 'set -- "a b" c; set -- ${1+"$@"}; echo $#; set -- "${1+$@}"; echo $#; unset u; set -- ${u+"$@"}; echo $#'
	expect 0 '2
2
0'
}

@test "\${v:+\"\$v\"} is one word or none" {
	same_as_dash 'v="a b"; set -- ${v:+"$v"}; echo $#; v=; set -- ${v:+"$v"}; echo $#'
	expect 0 '1
0'
}

# --- ${#x} and the pattern operators ---------------------------------------------------------

@test "\${#x}: length of a variable, a positional parameter, \$#" {
	same_as_dash 'x=hello; echo ${#x}; e=; echo ${#e} ${#u}; set -- abc; echo ${#1} ${#}'
	expect 0 '5
0 0
3 1'
}

@test "\${x#p} \${x##p} \${x%p} \${x%%p} with * patterns" {
	same_as_dash 'x=/a/b/c.tar.gz; echo ${x#*/} ${x##*/} ${x%.*} ${x%%.*}'
	expect 0 'a/b/c.tar.gz c.tar.gz /a/b/c.tar /a/b/c'
}

@test "pattern operators with ? and bracket expressions" {
	same_as_dash 'x=abcabc; echo ${x#?} ${x%?} ${x#[ab]} ${x%[!a]} ${x##*[b]} ${x%%[bc]*}'
	expect 0 'bcabc abcab bcabc abcab c a'
}

@test "a pattern that does not match leaves the value; empty pattern too" {
	same_as_dash 'x=abc; echo ${x#z} ${x%z} ${x#} ${x%} "${x#""}"'
	expect 0 'abc abc abc abc abc'
}

@test "quoted pattern characters are literal: \${x#\"*\"}, \${x%\\*}" {
	same_as_dash 'x="a*b*"; echo "${x#"a*"}" ${x%\*} ${x#a?} "${x%"$u"*}"'
	expect 0 'b* a*b b* a*b*'
}

@test "a pattern from a variable is a pattern unquoted, literal quoted" {
	same_as_dash 'x=a.b.c; p=".*"; echo ${x%$p} ${x%"$p"} ${x%%$p}; q="*"; y="a*b"; echo ${y#$q} "${y#"$q"}" ${y#*"$q"}'
	expect 0 'a.b a.b.c a
a*b a*b b'
}

@test "pattern operators on \$1 and inside double quotes" {
	same_as_dash 'set -- foo.c; echo "${1%.c}.o" "${1#f}"; x="a b"; echo "${x#a }" "${x% b}"'
	expect 0 'foo.o oo.c
b a'
}

@test "\${x%\${x#?}} is the first character" {
	same_as_dash 'x=hello; echo ${x%${x#?}} ${x#${x%?}}'
	expect 0 'h o'
}

@test "a bad substitution is an error" {
	same_as_dash 'echo ${x:}; echo no'
	expect 2 ''
	same_as_dash 'echo ${#x-a}; echo no'
	expect 2 ''
}

@test "set -u: \${x-w}, \${x+w}, \${#x}, \${x%p} on an unset variable" {
	same_as_dash 'set -u; echo ${u-ok} ${u:-ok2} "[${u+set}]"; echo ${#u}; echo notreached'
	expect 2 'ok ok2 []'
}

# --- command substitution -------------------------------------------------------------------

@test "\$( ) removes every trailing newline, keeps inner ones" {
	same_as_dash 'x=$(printf "a\n\nb\n\n\n"); echo "[$x]"; echo "[$(echo; echo)]"'
	expect 0 '[a

b]
[]'
}

@test "\$( ) nested, and inside double quotes with quotes inside" {
	same_as_dash 'echo $(echo $(echo nested)); echo "$(echo "inner \"q\" $(echo deep)")"'
	expect 0 'nested
inner "q" deep'
}

@test "\$( ) with case, a comment, a here-document and parentheses" {
	same_as_dash 'echo $(case a in a) echo case;; esac) $(echo ")") "$(echo "(")"
x=$(cat <<EOF
here $(echo doc)
EOF
); echo "$x"; echo $( echo a # comment )
)'
	expect 0 'case ) (
here doc
a'
}

@test "backquotes: \\\$ \\\` \\\\ are escapes, others stay" {
	same_as_dash 'HOME=/h/x; echo `echo \$HOME | tr / _`; echo `echo \`echo inner\``; printf "%s\n" `printf "%s" a\\\\b` `echo "\q"`'
	expect 0 '_h_x
inner
a\b
\q'
}

@test "backquotes inside double quotes: \\\" is an escape there" {
	same_as_dash 'echo "`echo \"q\"`" "`echo '"'"'a b'"'"'`"'
	expect 0 'q a b'
}

@test "unquoted \$( ) is split and globbed; quoted is not" {
	same_as_dash 'printf "<%s>" $(echo " a  b ") "$(echo " a  b ")"; echo; touch f1 f2; echo $(echo "f*") "$(echo "f*")"'
	expect 0 '<a><b>< a  b >
f1 f2 f*'
}

@test "the status of a command with only assignments is the last substitution's" {
	same_as_dash 'x=$(false); echo $?; x=$(true)$(exit 5); echo $?; $(exit 6); echo $?; `exit 7`; echo $?'
	expect 0 '1
5
6
7'
}

@test "\$( ) runs in a subshell: assignments and cd do not leak" {
	same_as_dash 'x=1; y=$(x=2; cd /; echo $x $PWD); echo $y $x; [ "$PWD" != / ] && echo here'
	expect 0 '2 / 1
here'
}

@test "exit inside \$( ) ends only the substitution" {
	same_as_dash 'x=$(echo a; exit 3; echo b); echo "$x $?"'
	expect 0 'a 3'
}

@test "a long output through \$( ) (no pipe deadlock)" {
	same_as_dash 'x=$(i=0; while [ $i -lt 3000 ]; do echo "line $i"; i=$((i+1)); done); echo "${#x}"'
	expect 0 28889
}

# --- arithmetic expansion -------------------------------------------------------------------

@test "arithmetic: + - * / % and unary operators" {
	same_as_dash 'echo $((1+2*3)) $((7/2)) $((-7/2)) $((7%3)) $((-7%3)) $((- -1)) $((+3)) $((~0)) $((!0)) $((!5))'
	expect 0 '7 3 -3 1 -1 1 3 -1 1 0'
}

@test "arithmetic: shifts, bitwise, comparisons, logical" {
	same_as_dash 'echo $((1<<4)) $((256>>2)) $((5&3)) $((5|3)) $((5^3)) $((1<2)) $((2<=2)) $((3>4)) $((3>=3)) $((1==1)) $((1!=1)) $((1&&0)) $((0||2))'
	expect 0 '16 64 1 7 6 1 1 0 1 1 0 0 1'
}

@test "arithmetic: precedence and associativity" {
	same_as_dash 'echo $((1+(2*3)-4/2%3)) $((2-3-4)) $((64/4/2)) $((1<<2+1)) $((1&3==3)) $((5>3==1)) $((1|2^3&4))'
	expect 0 '5 -5 8 8 1 1 3'
}

@test "arithmetic: ?: nests to the right; only the chosen branch is evaluated" {
	same_as_dash 'echo $((1?2:0?3:4)) $((0?1:0?3:4)); x=0; echo $((1?x=5:(x=6))) $x; echo $((1||1/0)) $((0&&1/0)) $((1?5:1/0))'
	expect 0 '2 4
5 5
1 0 5'
}

@test "arithmetic: every assignment operator" {
	same_as_dash 'x=5; echo $((x+=2)) $((x-=1)) $((x*=2)) $((x/=3)) $((x%=3)) $((x<<=2)) $((x>>=1)) $((x&=6)) $((x|=1)) $((x^=2)) $((x=9)) $x'
	expect 0 '7 6 12 4 1 4 2 2 3 1 9 9'
}

@test "arithmetic: chained assignment a += b += 3" {
	same_as_dash 'a=1 b=2; echo $((a+=b+=3)) $a $b'
	expect 0 '6 6 5'
}

@test "arithmetic: variables with and without \$, recursive names, spaces in values" {
	same_as_dash 'x=3; echo $((x*2)) $(($x*2)); z=" 12 "; echo $((z+1)); echo $((unset_var+1)); y=x; echo $((y+1))'
	expect 2 '6 6
13
1'
}

@test "arithmetic: octal and hex constants and variables" {
	same_as_dash 'echo $((010)) $((0x1f)) $((0X10)); x=012; y=0x10; echo $((x)) $((y))'
	expect 0 '8 31 16
10 16'
}

@test "arithmetic: 64-bit wraparound and saturated constants (dash)" {
	same_as_dash 'echo $((9223372036854775807+1)) $((0x7fffffffffffffff)) $((-9223372036854775808/-1)) $((0xffffffffffffffff))'
	expect 0 '-9223372036854775808 9223372036854775807 9223372036854775807 9223372036854775807'
}

@test "arithmetic: \$( ) and backquotes inside" {
	same_as_dash 'echo $(( $(echo 3) + `echo 4` )) $(( (1) )) $(((1)+1))'
	expect 0 '7 1 2'
}

@test "arithmetic errors exit a script with status 2" {
	for e in '1/0' '1%0' '2+' '(1' 'x' '1 2' '08'; do
		same_as_dash "x=abc; echo \$(($e)); echo notreached"
		expect 2 ''
	done
}

@test "arithmetic error message names the expression" {
	same_as_dash 'echo $((1/0))'
	expect_stderr 'fdsh: line 1: arithmetic expression: division by zero: "1/0"'
}

@test "arithmetic on a readonly variable is an error" {
	same_as_dash 'readonly r=1; echo $((r=2)); echo no'
	expect 2 ''
}

@test "arithmetic: an empty expression is an error (dash)" {
	same_as_dash 'echo $(( )); echo no'
	expect 2 ''
}

# --- $@ and $* with the operators; patterns that take the fast paths -----------------------

@test "\${@-w} and \${*-w}: \$@ and \$* always count as set; the : forms test emptiness (dash)" {
	same_as_dash 'set --; echo "[${@-z}]" "[${*-z}]" "[${@+p}]" "[${@:-x}]" "[${*:+q}]"; set -- ""; echo "[${@:-x}]" "[${@:+p}]"'
	expect 0 '[] [] [p] [x] []
[x] []'
}

@test "case patterns text, text*, *text, *text* and escaped ones match exactly" {
	same_as_dash 'for s in abc xabcx ab "" "a*c" "a\\c"; do r=; case $s in abc) r="$r exact";; esac; case $s in ab*) r="$r prefix";; esac
case $s in *bc) r="$r suffix";; esac; case $s in *bc*) r="$r infix";; esac; case $s in *) r="$r any";; esac
case $s in "a*c") r="$r quoted";; esac; case $s in a\\c) r="$r bs";; esac; case $s in "") r="$r empty";; esac; printf "%s\n" "[$s]$r"; done'
	expect 0 '[abc] exact prefix suffix infix any
[xabcx] infix any
[ab] prefix any
[] any empty
[a*c] any quoted
[a\c] any bs'
}

# --- here-documents -------------------------------------------------------------------------

@test "here-document bodies keep empty lines (regression: an empty line repeated the previous one)" {
	same_as_dash 'cat <<EOF
a

b


c
EOF
cat <<""
x

echo after'
	expect 0 'a

b


c
x
after'
}

@test "here-document expansions: parameters, \$( ), \$(( )), backslashes, quotes stay" {
	same_as_dash 'x="a  b"; cat <<EOF
$x "$x" '"'"'$x'"'"' \$x \\ \` ${x#a} $(echo sub) $((1+2)) back\slash
EOF'
	expect 0 'a  b "a  b" '"'"'a  b'"'"' $x \ `   b sub 3 back\slash'
}

@test "an expansion error in a here-document fails that command only (status 2), as in dash" {
	same_as_dash_file 'set -u
cat <<EOF
${y?oops}
EOF
echo "after $?"
{ cat; } <<EOF
$((1/0))
EOF
echo "after $?"
exec 3<<EOF
$undefined
EOF
echo "not reached"'
	expect 2 'after 2
after 2'
}

@test "\${x%pat} trims the value from before the pattern was expanded, even if that changed x" {
	same_as_dash 'x=abc; echo "${x%$((x=3))}" $x'
	expect 0 'abc 3'
	fdsh_c 'RANDOM=7; a=$RANDOM; RANDOM=7; [ "${RANDOM%$RANDOM}" = "$a" ] && echo first-value'
	expect 0 'first-value'
}

#!/usr/bin/env bats
# The shell language, part 3: field splitting (XCU 2.6.5), pathname expansion (2.6.6),
# quote removal (2.6.7) and tilde expansion (2.6.1): the corner cases where shells differ.
# Differential against dash; `printf "<%s>"` shows every field exactly.

load test_helper

# --- field splitting: default IFS -----------------------------------------------------------

@test "default IFS: runs of blanks, tabs and newlines separate; leading and trailing vanish" {
	same_as_dash 'x=" a  b	c
d "; printf "<%s>" $x; echo; printf "<%s>" "$x"; echo'
	expect 0 '<a><b><c><d>
< a  b	c
d >'
}

@test "a value of only blanks gives no field; inside a word it separates" {
	same_as_dash 'v="   "; set -- $v; echo $#; set -- x${v}y; echo $#; set -- x${v}; echo $#'
	expect 0 '0
2
1'
}

@test "an unquoted empty value vanishes; a quoted one stays" {
	same_as_dash 'e=; set -- $e; echo $#; set -- "$e"; echo $#; set -- $e""; echo $#; set -- ""$e; echo $#; set -- $e $e; echo $#'
	expect 0 '0
1
1
1
0'
}

@test "only the results of expansions are split, never literal text" {
	same_as_dash 'IFS=x; v=axbxc; printf "<%s>" $v axbxc "$v"; echo'
	expect 0 '<a><b><c><axbxc><axbxc>'
}

@test "quoted empty string next to an expansion that begins with a blank" {
	same_as_dash 'x=" a"; set -- ""$x; echo $# "[$1]"; set -- $x""; echo $# "[$1]"'
	expect 0 '2 []
1 [a]'
}

# --- custom IFS -----------------------------------------------------------------------------

@test "IFS=: : every colon ends a field, empty fields are kept, a final one is not" {
	same_as_dash 'IFS=:; x="a::b:"; printf "<%s>" $x; echo; x=":a"; printf "<%s>" $x; echo'
	expect 0 '<a><><b>
<><a>'
}

@test "IFS=: : a lone colon is one empty field, two colons two" {
	same_as_dash 'IFS=:; x=:; set -- $x; echo $#; x=::; set -- $x; echo $#; x=a:; set -- $x; echo $#'
	expect 0 '1
2
1'
}

@test "IFS=\": \": white space around a colon belongs to it" {
	same_as_dash 'IFS=": "; x=" a : b  :c: "; printf "<%s>" $x; echo; x="a : : b"; printf "<%s>" $x; echo'
	expect 0 '<a><b><c>
<a><><b>'
}

@test "IFS=\": \": white space then a colon is one delimiter; leading \" :\" gives an empty field" {
	same_as_dash 'IFS=": "; x="a :b"; printf "<%s>" $x; echo; x=" : a"; printf "<%s>" $x; echo'
	expect 0 '<a><b>
<><a>'
}

@test "delimiters do not join across two expansions (\$x\$y) (dash)" {
	same_as_dash 'IFS=": "; x="a "; y=":b"; printf "<%s>" $x$y; echo; IFS=" :"; x="a:"; y=":b"; printf "<%s>" $x$y; echo'
	expect 0 '<a><><b>
<a><><b>'
}

@test "a field can begin with literal text before a delimiter: b\$x with x=:a" {
	same_as_dash 'IFS=:; x=":a"; printf "<%s>" b$x ""$x; echo'
	expect 0 '<b><a><><a>'
}

@test "IFS made of letters: IFS=a and IFS=n on banana" {
	same_as_dash 'IFS=a; x=banana; printf "<%s>" $x; echo; IFS=n; printf "<%s>" $x; echo'
	expect 0 '<b><n><n>
<ba><a><a>'
}

@test "IFS with a tab only: blanks are ordinary characters" {
	same_as_dash 'IFS="	"; x="a b	c		d"; printf "<%s>" $x; echo'
	expect 0 '<a b><c><d>'
}

@test "empty IFS: no splitting at all, but \$@ still gives separate words" {
	same_as_dash 'IFS=; x="a b  c"; printf "<%s>" $x; echo; set -- "1 2" 3; printf "<%s>" $* $@; echo'
	expect 0 '<a b  c>
<1 2><3><1 2><3>'
}

@test "unset IFS splits as the default" {
	same_as_dash 'unset IFS; x=" a  b "; printf "<%s>" $x; echo "${IFS-unset}"'
	expect 0 '<a><b>unset'
}

@test "IFS also splits the output of \$( ) and \$(( ))" {
	same_as_dash 'IFS=:; printf "<%s>" $(echo a:b::c) $((1)); echo; IFS=1; printf "<%s>" $((213)); echo'
	expect 0 '<a><b><><c><1>
<2><3>'
}

@test "a loop over \$PATH-like lists with IFS=:" {
	same_as_dash 'IFS=:; p=/bin:/usr/bin::/x:; for d in $p; do echo "[$d]"; done'
	expect 0 '[/bin]
[/usr/bin]
[]
[/x]'
}

@test "the word of \${x-word} is split as a whole when unquoted (dash)" {
	same_as_dash 'printf "<%s>" ${u-a b} "${u-a b}" ${u-"a b"} ${u-a "b c"}; echo; IFS=:; printf "<%s>" ${u-a:b}; echo'
	expect 0 '<a><b><a b><a b><a><b c>
<a><b>'
}

@test "assignments, case subjects, here-documents and redirection targets are not split" {
	same_as_dash 'x="a  b"; y=$x; echo "$y"; case $x in "a  b") echo case;; esac; cat <<EOF
$x
EOF
echo hi > $x; cat "a  b"'
	expect 0 'a  b
case
a  b
hi'
}

# --- pathname expansion ---------------------------------------------------------------------

@test "* ? [..] [!..] match; the result is sorted" {
	same_as_dash 'mkdir -p d/sub; touch b1 a2 a1 .hidden; echo *; echo a*; echo ?1; echo [ab]1; echo [!a]1; echo [a-b]2'
	expect 0 'a1 a2 b1 d
a1 a2
a1 b1
a1 b1
b1
a2'
}

@test "hidden files need an explicit dot" {
	same_as_dash 'touch .h1 .h2 v; echo *; echo .h*; echo ?h1; echo [.]h1'
	expect 0 'v
.h1 .h2
?h1
[.]h1'
}

@test "a pattern that matches nothing stays as it is" {
	same_as_dash 'echo z* "z*" [xyz] x?y; echo [; echo a]; echo "[*"'
	expect 0 'z* z* [xyz] x?y
[
a]
[*'
}

@test "quoted or escaped pattern characters do not glob" {
	same_as_dash 'touch a1 a2; echo "a*" '"'"'a*'"'"' a\* a"*" "$u"a*'
	expect 0 'a* a* a* a* a1 a2'
}

@test "patterns in directories: d/*, */, d*/x" {
	same_as_dash 'mkdir -p d/sub; touch d/sub/x d/f; echo d/*; echo */; echo d/*/x; echo */*/?'
	expect 0 'd/f d/sub
d/
d/sub/x
d/sub/x'
}

@test "a glob from a variable expands unquoted, not quoted; set -f turns it off" {
	same_as_dash 'touch a1 a2; p="a*"; echo $p "$p"; set -f; echo $p a*; set +f; echo a[12]'
	expect 0 'a1 a2 a*
a* a*
a1 a2'
}

@test "file names with spaces stay one word each" {
	same_as_dash 'touch "s p" t; for f in *; do echo "[$f]"; done; set -- *; echo $#'
	expect 0 '[s p]
[t]
2'
}

@test "bracket expressions: classes, ranges, ] and - as members" {
	same_as_dash 'case a in [[:alpha:]]) echo alpha;; esac; case 5 in [[:digit:]]) echo digit;; esac; case "]" in []]) echo br;; esac; case - in [a-]) echo dash;; esac; case b in [!]a]) echo notbr;; esac'
	expect 0 'alpha
digit
br
dash
notbr'
}

@test "a backslash in an unquoted variable escapes the next pattern character (dash)" {
	same_as_dash 'touch ab "*"; x="\*"; echo $x; case ab in $x) echo m1;; esac; case "*" in $x) echo m2;; esac'
	expect 0 '\*
m2'
}

# --- quote removal --------------------------------------------------------------------------

@test "adjacent quotes of all kinds form one word" {
	same_as_dash 'printf "<%s>" '"'"'a'"'"'"b"c\d "" '"'"''"'"' x""y; echo'
	expect 0 '<abcd><><><xy>'
}

@test "\$ is literal in single quotes and when escaped" {
	same_as_dash 'x="\$y"; y=1; echo $x "$x" '"'"'$x'"'"' \$x "\$x" "\\$x"'
	expect 0 '$y $y $x $x $x \$y'
}

@test "backslashes: outside quotes, in double quotes (only \$ \` \" \\ newline), in single quotes" {
	same_as_dash 'printf "<%s>" \a\b "\a\$\"\\\`" '"'"'\a\\'"'"' a\\b; echo'
	expect 0 '<ab><\a$"\`><\a\\><a\b>'
}

@test "backslash-newline joins lines outside quotes and in double quotes, not in single" {
	same_as_dash 'echo a\
b "c\
d" '"'"'e\
f'"'"
	expect 0 'ab cd e\
f'
}

@test "quotes inside \$( ) inside double quotes are independent" {
	same_as_dash 'echo "$(echo "a  b")" "$(echo '"'"'c  d'"'"')"'
	expect 0 'a  b c  d'
}

@test "a quoted # and a # inside a word do not start comments" {
	same_as_dash 'echo "a#b" a#b \#c '"'"'#'"'"' x # gone'
	expect 0 'a#b a#b #c # x'
}

@test "braces are literal: {a,b} {} a{b}c" {
	same_as_dash 'echo {a,b} {} { } a{b}c; x=ab; echo ${x}{c}'
	expect 0 '{a,b} {} { } a{b}c
ab{c}'
}

@test "a word that looks like an option from a variable: x=-n; echo \$x a" {
	same_as_dash 'x=-n; echo $x a; echo; y="-e"; printf "%s\n" $y'
	expect 0 'a
-e'
}

# --- tilde ----------------------------------------------------------------------------------

@test "tilde: ~, ~/x, quoted or escaped tildes, tilde inside a word" {
	same_as_dash 'HOME=/h; echo ~ ~/x "~" \~ x~ ~"/q" '"'"'~'"'"'/x'
	expect 0 '/h /h/x ~ ~ x~ ~/q ~/x'
}

@test "tilde in assignments after = and each :" {
	same_as_dash 'HOME=/h; a=~/x:~/y:b~; echo $a; echo a=~/x'
	expect 0 '/h/x:/h/y:b~
a=~/x'
}

@test "~user looks up the user; an unknown user stays" {
	same_as_dash 'echo ~root ~nosuchuser_zz/x'
	expect 0 '/root ~nosuchuser_zz/x'
}

@test "a tilde result is not split or globbed" {
	same_as_dash 'HOME="/a  b*"; printf "<%s>" ~ ~/c; echo'
	expect 0 '</a  b*></a  b*/c>'
}

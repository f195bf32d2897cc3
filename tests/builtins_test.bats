#!/usr/bin/env bats
# test and [: every POSIX operator, the argument-count rules, -a/-o/!/( ), errors (status 2).

load test_helper

# t EXPR...: each line of the script prints the status of one test.
@test "test: no arguments, one argument, empty and non-empty strings" {
	same_as_dash 'test; echo $?; test ""; echo $?; test a; echo $?; test -n; echo $?
test -z; echo $?; test !; echo $?; test "("; echo $?; test ")"; echo $?'
	expect 0 '1
1
0
0
0
0
0
0'
}

@test "test: -n -z = != < > on strings" {
	same_as_dash 'for e in "-n x" "-n \"\"" "-z \"\"" "-z x" "a = a" "a = b" "a != b" "b != b" \
"a \"<\" b" "b \"<\" a" "b \">\" a" "a \">\" b"; do eval "test $e"; echo "$e: $?"; done'
	expect 0 '-n x: 0
-n "": 1
-z "": 0
-z x: 1
a = a: 0
a = b: 1
a != b: 0
b != b: 1
a "<" b: 0
b "<" a: 1
b ">" a: 0
a ">" b: 1'
}

@test "test: integer comparisons, blanks and signs allowed" {
	same_as_dash 'for e in "1 -eq 1" "1 -ne 1" "2 -gt 1" "2 -ge 2" "1 -lt 2" "3 -le 2" \
"\" 1 \" -eq 1" "-1 -lt 0" "+5 -eq 5" "007 -eq 7"; do eval "test $e"; echo "$e: $?"; done'
	expect 0 '1 -eq 1: 0
1 -ne 1: 1
2 -gt 1: 0
2 -ge 2: 0
1 -lt 2: 0
3 -le 2: 1
" 1 " -eq 1: 0
-1 -lt 0: 0
+5 -eq 5: 0
007 -eq 7: 0'
}

@test "test: a bad number is an error with status 2" {
	same_as_dash 'test 1 -eq a; echo $?; test "" -eq 0; echo $?; test 1x -lt 2; echo $?
test 99999999999999999999 -eq 1; echo $?'
	expect 0 '2
2
2
2'
	[[ $stderr == *"test: Illegal number: a"* ]]
}

@test "test: file type and permission operators" {
	same_as_dash 'touch f; mkdir d; ln -s f l; printf x >s; mkfifo p; chmod 0 f
for e in "-e f" "-e nope" "-f f" "-f d" "-d d" "-d f" "-L l" "-h l" "-L f" "-s s" "-s f" \
"-p p" "-p f" "-c /dev/null" "-b /dev/null" "-x d" "-S f" "-O f" "-G f" "-u f" "-g f" "-k f" \
"-t 0" "-t 5"; do eval "test $e"; echo "$e: $?"; done'
	[ "$status" -eq 0 ]
}

@test "test: -r -w -x follow the permission bits" {
	[ "$(id -u)" != 0 ] || skip "root can read anything"
	same_as_dash 'touch f g; chmod 0 f; chmod 755 g
for e in "-r f" "-w f" "-x f" "-r g" "-w g" "-x g"; do eval "test $e"; echo "$e: $?"; done'
	expect 0 '-r f: 1
-w f: 1
-x f: 1
-r g: 0
-w g: 0
-x g: 0'
}

@test "test: -nt -ot -ef" {
	same_as_dash 'touch -d 2020-01-01 old; touch new; ln new hard
for e in "new -nt old" "old -nt new" "old -ot new" "new -ot old" "nope -ot new" \
"new -nt nope" "new -ef hard" "new -ef old" "nope -ef nope"; do eval "test $e"; echo "$e: $?"; done'
	expect 0 'new -nt old: 0
old -nt new: 1
old -ot new: 0
new -ot old: 1
nope -ot new: 1
new -nt nope: 1
new -ef hard: 0
new -ef old: 1
nope -ef nope: 1'
}

@test "test: ! -a -o and parentheses, -a binding tighter than -o" {
	same_as_dash 'for e in "! a" "! \"\"" "a -a b" "a -a \"\"" "\"\" -o b" "\"\" -o \"\"" \
"a -o b -a \"\"" "\\( a -o \"\" \\) -a \"\"" "! \\( a \\) -o b" "\\( a \\)" "\\( \"\" \\)" \
"x -a \\( y -o \"\" \\) -a z" "a -a ! b" "! ! ! a" "! -a b"; do eval "test $e"; echo "$e: $?"; done'
	expect 0 '! a: 1
! "": 0
a -a b: 0
a -a "": 1
"" -o b: 0
"" -o "": 1
a -o b -a "": 0
\( a -o "" \) -a "": 1
! \( a \) -o b: 0
\( a \): 0
\( "" \): 1
x -a \( y -o "" \) -a z: 0
a -a ! b: 1
! ! ! a: 0
! -a b: 2'
}

@test "test: POSIX argument-count rules make operators operands" {
	same_as_dash 'for e in "= = =" "! = =" "-f = -f" "-z = -z -a x" "! -n" "-f" "! -f" \
"\\( = \\)" "\\( ! \\)" "-a" "-o"; do eval "test $e"; echo "$e: $?"; done'
	expect 0 '= = =: 0
! = =: 1
-f = -f: 0
-z = -z -a x: 0
! -n: 1
-f: 0
! -f: 1
\( = \): 1
\( ! \): 0
-a: 0
-o: 0'
}

@test "test: syntax errors give status 2 with dash's messages" {
	same_as_dash 'test a -xx b; echo $?; test a = b c; echo $?; test \( a; echo $?
test a -eq; echo $?; test -n a b; echo $?; test \( a = b; echo $?'
	expect 0 '2
2
2
2
2
2'
	[[ $stderr == *"test: a: unexpected operator"* ]]
	[[ $stderr == *"test: closing paren expected"* ]]
}

@test "[: needs a closing ], otherwise the same as test" {
	same_as_dash '[ a = a ]; echo $?; [ ]; echo $?; [ ! ]; echo $?; [ -n "" -o -z "" ]; echo $?
[ 5 -gt 3 -a 2 -lt 1 ]; echo $?; [ ] ]; echo $?; [ a = a; echo $?; [; echo $?'
	expect 0 '0
1
0
0
1
0
2
2'
	[[ $stderr == *"[: missing ]"* ]]
}

@test "test in conditions and loops of a script" {
	same_as_dash_file 'i=0
while [ $i -lt 5 ]; do
	if [ $((i % 2)) -eq 0 ] && test "$i" != 4; then echo even $i; fi
	i=$((i + 1))
done
[ -d / ] || echo no root'
	expect 0 'even 0
even 2'
}

@test "test is not special: an error does not exit the script" {
	same_as_dash_file 'test 1 -eq x
echo still here $?'
	expect 0 'still here 2'
}

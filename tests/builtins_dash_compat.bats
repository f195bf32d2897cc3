#!/usr/bin/env bats
# Older builtins brought to dash's behaviour: quoting in set/export -p/readonly -p listings,
# cd statuses, break/continue errors ending a script.

load test_helper

@test "export -p, readonly -p and set quote values as dash does" {
	same_as_dash 'export A="it'"'"'s" B= C="a b" D=plain; export -p | grep -E "^export [ABCD]="
readonly R="x y"; readonly -p | grep " R="; X="a'"'"'b" Y=plain; set | grep -E "^[XY]="'
	expect 0 "export A='it'\"'\"'s'
export B=''
export C='a b'
export D='plain'
readonly R='x y'
X='a'\"'\"'b'
Y='plain'"
}

@test "a listing reads back as the same values" {
	same_as_dash 'export V="a '"'"'b'"'"' \$c"; export -p | grep "^export V=" >saved; unset V; . ./saved; echo "$V"'
	expect 0 "a 'b' \$c"
}

@test "cd: failure is status 2; an empty or unset HOME is a no-op" {
	same_as_dash 'cd /nonexistent; echo st=$?; touch f; cd f; echo st=$?; HOME=; cd; echo st=$?; unset HOME; cd; echo st=$?'
	expect 0 'st=2
st=2
st=0
st=0'
}

@test "break and continue with a bad number end a script" {
	same_as_dash_file 'for i in 1; do break 0; done
echo not reached'
	expect 2 ''
	same_as_dash_file 'for i in 1; do continue x; done
echo not reached'
	expect 2 ''
}

@test "echo: \\NNN without a leading 0 is octal too" {
	same_as_dash "echo '\\0101\\101\\x41|\\1010|\\18' | od -An -c"
	[ "${lines[0]}" = '   A   A   \   x   4   1   |   A   0   | 001   8  \n' ]
}

@test "fc and logout outside an interactive login shell are errors with status 1" {
	fdsh_c 'fc -l; echo "st=$?"; logout; echo "st=$?"'
	expect 0 'st=1
st=1'
	[ "$stderr" = "fdsh: line 1: fc: history specification out of range
fdsh: line 1: logout: not login shell: use \`exit'" ]
}

@test "logout in a login shell (-l) leaves it like exit, with the status given" {
	HOME=$TEST_DIR capture _clean_sub "$FDSH" -l -c 'logout 3; echo not-reached' </dev/null
	expect 3 ''
	[ "$stderr" = "" ]
}

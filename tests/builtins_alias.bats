#!/usr/bin/env bats
# alias/unalias and hash: definitions, listings in dash's format and order, errors.

load test_helper

@test "alias: listing all, in dash's order and quoting" {
	same_as_dash 'alias q="it'"'"'s" e= s="a b" a=b=c 1=x; alias'
	expect 0 "e=''
s='a b'
q='it'\"'\"'s'
a='b=c'
1='x'"
}

@test "alias: printing named aliases, an unknown one fails" {
	same_as_dash 'alias q=x e=; alias q e; alias nope; echo st=$?; alias -p; echo st=$?'
	expect 0 "q='x'
e=''
st=1
st=1"
}

@test "alias: defined aliases are used by later commands" {
	same_as_dash_file 'alias say="echo said"
say hello
alias two="echo one; echo"
two three'
	expect 0 'said hello
one
three'
}

@test "unalias: names and -a; an unknown name fails" {
	same_as_dash 'alias a=1 b=2 c=3; unalias a nope; echo st=$?; alias; unalias -a; alias; echo st=$?; unalias; echo st=$?'
	expect 0 "st=1
c='3'
b='2'
st=0
st=0"
}

@test "hash: lists remembered commands in dash's order; -r forgets" {
	same_as_dash 'hash; cat </dev/null; ls >/dev/null; hash; hash -r; hash; echo --; hash cat ls; hash'
	expect 0 '/usr/bin/cat
/usr/bin/ls
--
/usr/bin/cat
/usr/bin/ls'
}

@test "hash: many commands come out in dash's order" {
	same_as_dash 'cat /dev/null; sed q /dev/null; grep -q x /dev/null; sort /dev/null; tr a b </dev/null
head -1 /dev/null; tail -1 /dev/null; uniq /dev/null; cut -c1 /dev/null; id >/dev/null; hash'
	[ "${#lines[@]}" -eq 10 ]
}

@test "hash: builtins and functions are accepted silently; unknown names fail" {
	same_as_dash 'f() { :; }; hash cd f; echo st=$?; hash nope; echo st=$?; hash'
	expect 0 'st=0
st=1'
}

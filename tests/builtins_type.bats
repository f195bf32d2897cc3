#!/usr/bin/env bats
# type and command: aliases, keywords, functions, special and regular builtins, tracked and
# untracked files, not found (127); command -v/-V/-p, bypassing functions, special builtins
# losing their special properties.

load test_helper

@test "type: every kind of name, in dash's words" {
	same_as_dash 'alias ll="ls -l" q="it'"'"'s"; f() { :; }; ls >/dev/null
type ll q if f set cd ls cat /bin/ls; echo st=$?'
	expect 0 "ll is an alias for ls -l
q is an alias for it's
if is a shell keyword
f is a shell function
set is a special shell builtin
cd is a shell builtin
ls is a tracked alias for /usr/bin/ls
cat is /usr/bin/cat
/bin/ls is /bin/ls
st=0"
}

@test "type: every reserved word is a keyword" {
	same_as_dash 'type while do done { } ! in case esac for until then elif else fi'
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 15 ]
}

@test "type: not found is reported on stdout with status 127" {
	same_as_dash 'type nope; echo st=$?; type cd ./nope; echo st=$?; type; echo st=$?'
	expect 0 'nope: not found
st=127
cd is a shell builtin
./nope: not found
st=127
st=0'
}

@test "type: the new builtins are builtins" {
	same_as_dash 'type test [ printf read getopts umask type command alias unalias trap times ulimit'
	[ "$status" -eq 0 ]
}

@test "command -v: what would run; only the first name; nothing and 127 when not found" {
	same_as_dash 'alias ll="ls -l" q="it'"'"'s"; f() { :; }
command -v ll; command -v q; command -v if f set cd cat; command -v /bin/ls; command -v nope; echo st=$?
command -v ./nope; echo st=$?'
	expect 0 "alias ll='ls -l'
alias q='it'\"'\"'s'
if
/bin/ls
st=127
st=127"
}

@test "command -V: like type, for the first name" {
	same_as_dash 'alias ll="ls -l"; f() { :; }; command -V ll f; command -V cd; command -V nope; echo st=$?'
	expect 0 'll is an alias for ls -l
cd is a shell builtin
nope: not found
st=127'
}

@test "command: bypasses functions, finds builtins and programs" {
	same_as_dash 'echo() { printf "fn %s\n" "$*"; }; echo hi; command echo hi; unset -f echo
cat() { echo fn; }; command cat </dev/null; echo st=$?; command true; echo $?; command false; echo $?'
	expect 0 'fn hi
hi
st=0
0
1'
}

@test "command: without a name does nothing; bad options are usage errors" {
	same_as_dash 'command; echo st=$?; command -v; echo st=$?; command -x; echo st=$?'
	expect 0 'st=0
st=0
st=2'
}

@test "command: a special builtin's prefix assignment does not stay" {
	same_as_dash 'x=1; x=2 command :; echo $x; x=3 :; echo $x'
	expect 0 '1
3'
}

@test "command: an error of a special builtin does not end a script" {
	same_as_dash_file 'command . ./nonexistent; echo "still here $?"
command set -o nosuch; echo "after $?"'
	expect 0 'still here 2
after 2'
}

@test "command exec keeps its redirections" {
	same_as_dash 'command exec 3>out; echo to3 >&3; cat out'
	expect 0 to3
}

@test "command -p searches the standard PATH without changing PATH" {
	same_as_dash 'PATH=/nonexistent; command -p ls / >/dev/null; echo st=$?; echo $PATH; command -pv ls
command -p sh -c "echo \$PATH"; command -v ls || echo "no ls on PATH"'
	expect 0 'st=0
/nonexistent
/usr/bin/ls
/nonexistent
no ls on PATH'
	mkdir bin && printf '#!/bin/sh\necho mine-ran\n' >bin/mine && chmod +x bin/mine
	same_as_dash "PATH=$PWD/bin:\$PATH; command -p eval mine; command -p mine 2>/dev/null || echo not-standard"
	expect 0 'mine-ran
not-standard'
	# The commands hashed from $PATH stay.
	same_as_dash 'cat </dev/null; command -p ls / >/dev/null; command -pv true >/dev/null; hash'
	expect 0 '/usr/bin/cat'
}

@test "command: a program not found is 127" {
	same_as_dash 'command nope; echo st=$?'
	expect 0 st=127
}

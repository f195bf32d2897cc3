#!/usr/bin/env bats
# Tab completion (tmux): command names in command position, file names elsewhere with
# quoting, directories ending in /, $VAR names, ~user; completion never runs anything.

load interactive_helper

@test "complete: a builtin name in command position" {
	it_start
	it_type 'histo'
	it_send Tab
	it_wait_last '$ history'
	it_send Enter
	it_wait_match '^ +1  history$'
}

@test "complete: a program from PATH and a function" {
	mkdir bin
	printf '#!/bin/sh\necho ran-prog\n' >bin/zzprogram
	chmod +x bin/zzprogram
	IT_ENV="PATH=$HOME/bin:$PATH" it_start
	it_type 'zzprog'
	it_send Tab
	it_wait_last '$ zzprogram'
	it_send Enter
	it_wait_for 'ran-prog'
	it_run 'zzfunction_one() { echo ran-func; }'
	it_type 'zzfunc'
	it_send Tab
	it_wait_last '$ zzfunction_one'
	it_send Enter
	it_wait_for 'ran-func'
}

@test "complete: an alias name" {
	"$FDSH" -c 'alias a=b' 2>/dev/null || skip "no alias builtin yet"
	it_start
	it_run 'alias zzalias_one="echo ran-alias"'
	it_type 'zzal'
	it_send Tab
	it_wait_last '$ zzalias_one'
	it_send Enter
	it_wait_for 'ran-alias'
}

@test "complete: command position after ; | && and assignments, not after a command" {
	mkdir bin
	printf '#!/bin/sh\n' >bin/zzprogram
	chmod +x bin/zzprogram
	IT_ENV="PATH=$HOME/bin:$PATH" it_start
	it_type 'true; X=1 zzpr'
	it_send Tab
	it_wait_last '$ true; X=1 zzprogram'
	it_send C-u
	it_type 'true | zzpr'
	it_send Tab
	it_wait_last '$ true | zzprogram'
	it_send C-u
	it_type 'echo zzpr'
	it_send Tab
	sleep 0.3
	it_wait_last '$ echo zzpr'
}

@test "complete: file names quote spaces and special characters; directories get a /" {
	mkdir 'my dir' sub
	touch 'my dir/a b.txt' 'x&y;z'
	it_start
	it_type 'echo my'
	it_send Tab
	it_wait_last '$ echo my\ dir/'
	it_send Tab
	it_wait_last '$ echo my\ dir/a\ b.txt'
	it_send Enter
	it_wait_for 'my dir/a b.txt'
	it_type 'echo x'
	it_send Tab
	it_wait_last '$ echo x\&y\;z'
	it_send Enter
	it_wait_for 'x&y;z'
	it_type 'cd su'
	it_send Tab
	it_wait_last '$ cd sub/'
}

@test "complete: inside an opened quote the name is completed in that quote" {
	mkdir 'my dir'
	touch 'my dir/a b.txt'
	it_start
	it_type "ls 'my"
	it_send Tab
	it_wait_last "\$ ls 'my dir/"
	it_send Tab
	it_wait_last "\$ ls 'my dir/a b.txt'"
	it_send C-u
	it_type 'ls "my d'
	it_send Tab
	it_wait_last '$ ls "my dir/'
}

@test "complete: several candidates are listed on a second Tab" {
	touch alpha-one alpha-two
	it_start
	it_type 'ls alp'
	it_send Tab
	it_wait_last '$ ls alpha-'
	it_send C-u
	# Readline lists on the second Tab that finds nothing more to insert.
	it_type 'ls alpha-'
	it_send Tab Tab
	it_wait_match '^alpha-one +alpha-two$'
}

@test "complete: \$VAR names after \$" {
	IT_ENV="ZZVARIABLE=v" it_start
	it_type 'echo $ZZVAR'
	it_send Tab
	it_wait_last '$ echo $ZZVARIABLE'
	it_send Enter
	it_wait_for 'v'
}

@test "complete: ~user and ~/ paths" {
	local user
	user=$(id -un)
	mkdir sub
	it_start
	it_type "echo ~${user:0:${#user}-1}"
	it_send Tab
	it_wait_last "\$ echo ~$user/"
	it_send C-u
	it_type 'ls -d ~/su'
	it_send Tab
	it_wait_last '$ ls -d ~/sub/'
	it_send Enter
	it_wait_for "$HOME/sub/"
}

@test "complete: Tab never runs a command substitution or anything else" {
	it_start
	it_type 'echo $(touch pwned1)'
	it_send Tab Tab
	it_type ' `touch pwned2` $(touch pwned3'
	it_send Tab Tab
	sleep 0.5
	it_send C-u
	it_run 'ls pwned* 2>/dev/null | wc -l'
	it_wait_for 0
	[ ! -e pwned1 ] && [ ! -e pwned2 ] && [ ! -e pwned3 ]
}

#!/usr/bin/env bats
# History at the prompt (tmux): Up/Down, Ctrl-R, the history file across sessions, multi-line
# entries, !-expansion, HISTSIZE/HISTFILESIZE, and the history builtin.

load interactive_helper

@test "history: Up recalls the previous command, Down goes back to the new line" {
	it_start
	it_run 'echo first-cmd'
	it_wait_for 'first-cmd'
	it_run 'echo second-cmd'
	it_wait_for 'second-cmd'
	it_send Up Up
	it_wait_last '$ echo first-cmd'
	it_send Down
	it_wait_last '$ echo second-cmd'
	it_send Down
	it_wait_last '$'
	it_send Up Up Enter
	it_wait_count 'first-cmd' 2
}

@test "history: Ctrl-R finds an earlier command by a substring" {
	it_start
	it_run 'echo needle-one'
	it_run 'echo other'
	it_wait_for 'other'
	it_send C-r
	it_type 'dle-o'
	it_wait_match "^\(reverse-i-search\)\`dle-o': echo needle-one$"
	it_send Enter
	it_wait_count 'needle-one' 2
}

@test "history: kept in ~/.fdsh_history after exit and restart" {
	it_start
	it_run 'echo from-session-one'
	it_wait_for 'from-session-one'
	it_run 'exit'
	it_wait_gone
	grep -qxF 'echo from-session-one' "$HOME/.fdsh_history"
	it_start
	it_send Up Up
	it_wait_last '$ echo from-session-one'
	it_send C-u
	it_run 'history'
	it_wait_for '    1  echo from-session-one'
	it_wait_for '    2  exit'
	it_wait_for '    3  history'
}

@test "history: \$HISTFILE names the file; unset HISTFILE keeps none" {
	IT_ENV="HISTFILE=$HOME/myhist" it_start
	it_run 'echo to-myhist'
	it_wait_for 'to-myhist'
	grep -qxF 'echo to-myhist' "$HOME/myhist"
	it_run 'unset HISTFILE'
	it_run 'echo not-saved'
	it_wait_for 'not-saved'
	! grep -q not-saved "$HOME/myhist"
	[ ! -e "$HOME/.fdsh_history" ]
}

@test "history: a multi-line command is one entry, in the list and in the file" {
	it_start
	it_run 'for i in a b; do'
	it_run 'echo "it=$i"'
	it_run 'done'
	it_wait_for 'it=b'
	it_run 'exit'
	it_wait_gone
	it_start
	it_run 'history'
	it_wait_for '    1  for i in a b; do'
	it_wait_for 'echo "it=$i"'
	it_wait_for '    2  exit'
	it_send C-l
	it_send Up Up Up Enter
	it_wait_for 'it=b'
}

@test "history: two shells at once both append, nothing is lost" {
	it_start
	tmux -L "$IT_SOCK" new-window -t t: -d -n two "env -i HOME='$HOME' PATH='$PATH' TERM=xterm PS1='\$ ' INPUTRC=/dev/null '$FDSH'"
	it_run 'echo one-a'
	tmux -L "$IT_SOCK" send-keys -t t:two -l 'echo two-a'
	tmux -L "$IT_SOCK" send-keys -t t:two Enter
	it_run 'echo one-b'
	it_wait_for 'one-b'
	_it_poll grep -qxF 'echo two-a' "$HOME/.fdsh_history"
	run grep -c '^echo ' "$HOME/.fdsh_history"
	[ "$output" = 3 ]
}

@test "history: !! !n !prefix !-n are expanded and shown before they run" {
	it_start
	it_run 'echo alpha'
	it_run 'echo beta'
	it_wait_for 'beta'
	it_run '!!'
	it_wait_count 'beta' 2
	it_wait_for 'echo beta'
	it_send C-l
	it_run '!1'
	it_wait_for 'echo alpha'
	it_wait_for 'alpha'
	it_send C-l
	it_run '!ech'
	it_wait_for 'echo alpha'
	it_send C-l
	it_run '!-3 more'
	it_wait_for 'echo beta more'
	it_wait_for 'beta more'
}

@test "history: an unknown !event is an error and nothing runs" {
	it_start
	it_run 'echo x; !nosuchevent; echo after'
	it_wait_for 'fdsh: !nosuchevent: event not found'
	it_no_line 'x'
	it_no_line 'after'
	it_wait_last '$'
}

@test "history: ! before = ( space, \$! and single quotes are not expanded" {
	it_start
	it_run 'echo one'
	it_run "echo '!!' [!a] \"\${!-x}\" ! x"
	it_wait_for '!! [!a] x ! x'
}

@test "history: HISTSIZE limits the list, HISTFILESIZE trims the file at exit" {
	IT_ENV="HISTSIZE=3 HISTFILESIZE=4" it_start
	local i
	for i in 1 2 3 4 5 6; do
		it_run "echo n$i"
	done
	it_wait_for n6
	it_send C-l
	it_run 'history'
	it_wait_for '    5  echo n5'
	it_no_line '    4  echo n4'
	it_run 'exit'
	it_wait_gone
	run grep -v '^#' "$HOME/.fdsh_history"
	[ "${lines[*]}" = "echo n5 echo n6 history exit" ]
}

@test "history: the history builtin lists, counts, deletes and clears" {
	it_start
	it_run 'echo a1'
	it_run 'echo a2'
	it_run 'history 2'
	it_wait_for '    2  echo a2'
	it_wait_for '    3  history 2'
	it_no_line '    1  echo a1'
	it_run 'history -d 1'
	it_run 'history -d 99; echo st=$?'
	it_wait_for 'fdsh: history: 99: history position out of range'
	it_wait_for 'st=1'
	it_send C-l
	it_run 'history'
	it_wait_for '    1  echo a2'
	it_run 'history -c'
	it_send C-l
	it_run 'history'
	it_wait_for '    1  history'
	it_no_line '    1  echo a2'
}

@test "history: HISTCONTROL=ignoreboth skips lines with a leading space and repeats" {
	IT_ENV="HISTCONTROL=ignoreboth" it_start
	it_run 'echo kept'
	it_run 'echo kept'
	it_run ' echo secret'
	it_wait_for 'secret'
	it_run 'history'
	it_wait_for '    2  history'
	it_no_line '    3  history'
	! grep -q secret "$HOME/.fdsh_history"
}

@test "history builtin: without a terminal the list is empty; bad options are errors" {
	fdsh_c 'history; echo st=$?'
	expect 0 'st=0'
	fdsh_c 'history -z'
	expect 2 ''
	expect_stderr_prefix 'fdsh: line 1: history: -z: invalid option'
	fdsh_c 'history -s one two; history'
	expect 0 '    1  one two'
}

@test "history builtin: HISTTIMEFORMAT shows when each entry was added" {
	fdsh_c 'history -s one; HISTTIMEFORMAT="[%Y] "; history'
	expect 0 "    1  [$(date +%Y)] one"
}

@test "fc: -l lists (numbers, offsets, prefixes, -n, -r) as bash does" {
	# (The pane shows fc's "N<TAB> command" with the tab expanded to spaces.)
	it_start
	it_run 'echo a'
	it_run 'echo b'
	it_run 'fc -l'
	it_wait_match '^2 +echo b$'
	it_wait_match '^1 +echo a$'
	it_run 'fc -ln -2'
	it_wait_match '^ +fc -l$'
	it_run 'fc -lr ec'
	it_wait_last '$'
	# `fc -lr ec`: from the last command starting with ec (2) to the newest (4), reversed.
	[ "$(it_pane | tail -n 4 | head -n 3 | tr -s ' ')" = $'4 fc -ln -2\n3 fc -l\n2 echo b' ]
}

@test "fc: -s re-runs with old=new; an editor's result runs; both replace fc in the history" {
	IT_ENV="FCEDIT='sed -i s/one/EDITED/'" it_start
	it_run 'echo one'
	it_wait_for 'one'
	it_run 'fc -s one=two'
	it_wait_for 'two'
	it_run 'fc 1'
	it_wait_for 'EDITED'
	it_run 'history'
	it_wait_for '    3  echo EDITED'
	it_wait_for '    2  echo two'
	it_no_line '    2  fc -s one=two'
	# An editor that fails: nothing runs, fc gives its status.
	it_run 'fc -e false 1; echo "st=$?"'
	it_wait_for 'st=1'
	it_wait_last '$'
	[ "$(it_pane | tail -n 3 | head -n 2)" = $'$ fc -e false 1; echo "st=$?"\nst=1' ]
}

@test "fc: a fc line kept out of the history (HISTCONTROL) still means the command before it" {
	IT_ENV="HISTCONTROL=ignorespace" it_start
	it_run 'echo one'
	it_wait_for 'one'
	it_run 'echo two'
	it_wait_for 'two'
	it_run ' fc -s'
	it_wait_count 'two' 2   # its first output, then again after fc showed the command
	it_wait_for 'echo two'
	it_run 'history'
	it_wait_for '    3  echo two'
	it_wait_for '    2  echo two'
	it_wait_for '    1  echo one'
}

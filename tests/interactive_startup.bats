#!/usr/bin/env bats
# Startup and exit of the interactive shell: ~/.fdshrc, $ENV, login profile, -i, Ctrl-D and
# IGNOREEOF, exit; editing modes and ~/.inputrc; --help, --version and the help builtin.

load interactive_helper

@test "startup: Ctrl-D on an empty line exits and says exit" {
	it_start
	it_send C-d
	it_wait_gone
}

@test "startup: Ctrl-D on a line with text deletes a character instead" {
	it_start
	it_type 'echo abcd'
	it_send C-a C-d
	it_wait_last '$ cho abcd'
	it_send C-e C-u
	it_run 'echo still-here'
	it_wait_for 'still-here'
}

@test "startup: IGNOREEOF=2 ignores two Ctrl-D, the third exits" {
	IT_ENV="IGNOREEOF=2" it_start
	it_send C-d
	it_wait_count 'Use "exit" to leave the shell.' 1
	it_send C-d
	it_wait_count 'Use "exit" to leave the shell.' 2
	it_wait_last '$'
	it_send C-d
	it_wait_gone
}

@test "startup: set -o ignoreeof ignores Ctrl-D; exit still leaves" {
	it_start
	it_run 'set -o ignoreeof'
	it_send C-d
	it_wait_for 'Use "exit" to leave the shell.'
	it_run 'exit'
	it_wait_gone
}

@test "startup: exit prints exit and leaves with the given status" {
	IT_STATUS_FILE=$HOME/status it_start
	# The pane stays after the shell so its output can be read.
	tmux -L "$IT_SOCK" set-option -t t remain-on-exit on
	it_run 'exit 3'
	it_wait_file "$HOME/status"
	[ "$(cat "$HOME/status")" = 3 ]
	it_wait_for 'exit'
}

@test "startup: an interactive shell reads ~/.fdshrc" {
	printf 'echo rc-was-read\nRCVAR=from-rc\n' >"$HOME/.fdshrc"
	it_start
	it_wait_for 'rc-was-read'
	it_run 'echo "v=$RCVAR"'
	it_wait_for 'v=from-rc'
}

@test "startup: \$ENV (parameter-expanded) replaces ~/.fdshrc" {
	printf 'echo rc-was-read\n' >"$HOME/.fdshrc"
	printf 'echo env-file-read\n' >"$HOME/envfile"
	IT_ENV="ENV='\$HOME/envfile'" it_start
	it_wait_for 'env-file-read'
	it_no_line 'rc-was-read'
}

@test "startup: fdsh -l reads ~/.fdsh_profile; a plain interactive shell does not" {
	# (PS1 again after /etc/profile, which may set its own.)
	printf 'echo profile-was-read\nPS1="$ "\n' >"$HOME/.fdsh_profile"
	it_start
	it_run 'echo started'
	it_wait_for 'started'
	it_no_line 'profile-was-read'
	tmux -L "$IT_SOCK" kill-server
	it_start -l
	it_wait_for 'profile-was-read'
}

@test "startup: HISTFILE set in ~/.fdshrc is the one used" {
	printf 'HISTFILE=$HOME/rc-history\n' >"$HOME/.fdshrc"
	it_start
	it_run 'echo to-rc-history'
	it_wait_for 'to-rc-history'
	grep -qxF 'echo to-rc-history' "$HOME/rc-history"
	[ ! -e "$HOME/.fdsh_history" ]
}

@test "startup: fdsh -i on a pipe prompts on stderr and runs the commands" {
	capture feed $'echo hi\nexit 3\n' env PS1='P> ' HOME="$HOME" "$FDSH" -i
	expect 3 'hi'
	expect_stderr $'P> P> exit'
}

@test "editing: set -o vi switches to vi keys, set -o emacs back" {
	it_start
	it_run 'set -o vi'
	it_type 'echo abcX'
	# vi: Escape to command mode, x deletes the character under the cursor (the X).
	it_send Escape
	it_send x
	it_wait_last '$ echo abc'
	it_send Enter
	it_wait_for 'abc'
	it_run 'set -o | grep -E "^(vi|emacs) "'
	it_wait_match '^vi +on$'
	it_wait_match '^emacs +off$'
	it_run 'set -o emacs'
	it_type 'cho emacs-again'
	it_send C-a
	it_type 'e'
	it_send Enter
	it_wait_for 'emacs-again'
}

@test "editing: ~/.inputrc is read (bindings and editing-mode)" {
	# The binding goes to the emacs keymap: it comes before the switch to vi.
	printf '"\\C-xq": "echo from-inputrc-macro"\nset editing-mode vi\n' >"$HOME/.inputrc"
	IT_INPUTRC= it_start
	it_run 'set -o | grep -E "^vi "'
	it_wait_match '^vi +on$'
	it_run 'set -o emacs'
	it_send C-x q
	it_wait_last '$ echo from-inputrc-macro'
}

@test "help: fdsh --help and --version" {
	capture "$FDSH" --version
	expect 0 'fdsh 0.1'
	capture "$FDSH" --help
	[ "$status" = 0 ]
	[[ ${lines[0]} == usage:\ fdsh* ]]
}

@test "help builtin: lists every builtin with its usage" {
	fdsh_c 'help'
	[ "$status" = 0 ]
	[[ $output == *$'\n  cd [-L|-P] [dir | -]\n'* ]]
	[[ $output == *$'\n  history '* ]]
	[[ $output == *$'\n  help [-s] [pattern...]\n'* ]]
}

@test "help builtin: help NAME shows usage and description, -s only the usage" {
	fdsh_c 'help cd'
	expect 0 'cd: cd [-L|-P] [dir | -]
    Change the working directory (HOME by default, - for OLDPWD; CDPATH is searched).'
	fdsh_c 'help -s "ex*"'
	expect 0 'exec: exec [command [args...]]
exit: exit [n]
export: export [-p] [name[=value]...]'
}

@test "help builtin: an unknown topic is status 1 with a message" {
	fdsh_c 'help nosuch'
	expect 1 ''
	expect_stderr "fdsh: line 1: help: no help topics match \`nosuch'"
}

@test "editing: set -o vi in ~/.fdshrc starts the shell in vi mode" {
	printf 'set -o vi\n' >"$HOME/.fdshrc"
	it_start
	it_type 'echo abcX'
	it_send Escape
	it_send x
	it_wait_last '$ echo abc'
	it_send Enter
	it_wait_for 'abc'
}

# interactive_helper.bash: drive fdsh through a real terminal (tmux) for the
# tests/interactive_*.bats files.
#
# Each test gets its own tmux server (socket), a private HOME (so history files and
# startup files are the test's own) and a shell started with a known environment.  Every
# wait polls with a deadline; teardown kills the tmux server even when the test failed.

load test_helper

IT_TIMEOUT=${IT_TIMEOUT:-15}  # seconds any single wait may take

setup() {
	fdsh_setup
	command -v tmux >/dev/null 2>&1 || skip "tmux is not installed"
	IT_SOCK=fdsh-it-$$-${BATS_TEST_NUMBER:-0}
	unset TMUX
	export HOME=$TEST_DIR/home
	mkdir -p "$HOME"
	cd "$HOME" || return 1
}

teardown() {
	tmux -L "$IT_SOCK" kill-server >/dev/null 2>&1 || true
	# kill-server can leave the socket file behind.
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$IT_SOCK"
}

# it_start [FDSH ARGS...]: start fdsh in a 100x30 pane with PS1='$ ', PS2='> ', no inputrc,
# and wait for its first prompt.
# Extra environment: IT_ENV (words like VAR=value) is passed to env.
it_start() {
	local cmd="env -i HOME='$HOME' PATH='$PATH' TERM=xterm LANG=C.UTF-8 PS1='\$ ' PS2='> '"
	# IT_INPUTRC: the INPUTRC to use (default /dev/null); empty: none, so ~/.inputrc is read.
	if [ -n "${IT_INPUTRC-/dev/null}" ]; then
		cmd+=" INPUTRC=${IT_INPUTRC-/dev/null}"
	fi
	# IT_STATUS_FILE: run fdsh under sh, which writes fdsh's exit status there (tmux's own
	# "Pane is dead (status N)" is racy: tmux can see the pty close before it reaps the pane).
	if [ -n "${IT_STATUS_FILE:-}" ]; then
		cmd+=" ${IT_ENV:-} sh -c '\"\$0\" \"\$@\"; echo \$? >$IT_STATUS_FILE' '$FDSH'"
	else
		cmd+=" ${IT_ENV:-} '$FDSH'"
	fi
	local a
	for a in "$@"; do
		cmd+=" '$a'"
	done
	(clean_exec tmux -L "$IT_SOCK" -f /dev/null new-session -d -s t -x 100 -y 30 -c "$HOME" "$cmd")
	it_wait_for_prompt
}

# it_wait_for_prompt: wait until the last non-empty line of the pane is the bare prompt.
it_wait_for_prompt() {
	it_wait_last '$'
}

it_send() {
	tmux -L "$IT_SOCK" send-keys -t t "$@"
}

# it_type TEXT: type TEXT literally (no key names).
it_type() {
	tmux -L "$IT_SOCK" send-keys -t t -l -- "$1"
}

# it_run COMMAND: type a command, press Enter.
it_run() {
	it_type "$1"
	it_send Enter
}

# it_pane: the pane's text, trailing blank lines removed.
it_pane() {
	tmux -L "$IT_SOCK" capture-pane -p -t t 2>/dev/null | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
}

_it_fail() {
	echo "$1"
	echo "--- pane:"
	it_pane | sed 's/^/  |/'
	return 1
}

# _it_poll TEST_FUNCTION ARGS...: call it every 50 ms until it succeeds or IT_TIMEOUT passes.
_it_poll() {
	local deadline=$((SECONDS + IT_TIMEOUT))
	while ! "$@"; do
		if [ "$SECONDS" -ge "$deadline" ]; then
			return 1
		fi
		sleep 0.05
	done
}

_it_has_line() { it_pane | grep -qxF -- "$1"; }
_it_has_match() { it_pane | grep -qE -- "$1"; }
_it_last_is() { [ "$(it_pane | tail -n 1 | sed 's/ *$//')" = "$1" ]; }
_it_count_is() { [ "$(it_pane | grep -cxF -- "$1")" -ge "$2" ]; }
_it_fg_is() { [ "$(tmux -L "$IT_SOCK" display-message -p -t t '#{pane_current_command}')" = "$1" ]; }
_it_gone() { ! tmux -L "$IT_SOCK" has-session -t t 2>/dev/null; }

# it_wait_for LINE: wait until some line of the pane is exactly LINE.
it_wait_for() {
	_it_poll _it_has_line "$1" || _it_fail "pane never showed the line: $1"
}

# it_wait_match ERE: wait until some line of the pane matches ERE.
it_wait_match() {
	_it_poll _it_has_match "$1" || _it_fail "pane never matched: $1"
}

# it_wait_last LINE: wait until the last non-empty line is LINE (trailing spaces ignored).
it_wait_last() {
	_it_poll _it_last_is "$1" || _it_fail "last line never became: $1"
}

# it_wait_count LINE N: wait until LINE appears at least N times.
it_wait_count() {
	_it_poll _it_count_is "$1" "$2" || _it_fail "pane never showed $2 times the line: $1"
}

# it_wait_gone: wait until the shell (and so the session) has ended.
it_wait_gone() {
	_it_poll _it_gone || _it_fail "the shell did not exit"
}

# it_no_line LINE: assert no line of the pane is LINE (now).
it_no_line() {
	if _it_has_line "$1"; then
		_it_fail "pane unexpectedly showed the line: $1"
	fi
}

# it_wait_file FILE: wait until FILE exists.
it_wait_file() {
	_it_poll test -e "$1" || _it_fail "file never appeared: $1"
}

# it_wait_fg NAME: wait until the terminal's foreground process group runs NAME (tmux reads
# it with tcgetpgrp), i.e. a job really has the terminal and Ctrl-C/Ctrl-Z will reach it.
it_wait_fg() {
	_it_poll _it_fg_is "$1" || _it_fail "the foreground process never became: $1"
}

_it_enter_shows() {
	tmux -L "$IT_SOCK" send-keys -t t Enter
	sleep 0.1
	_it_has_line "$1"
}

# it_wait_notice LINE: press Enter (new prompts) until a job notice LINE is shown.
it_wait_notice() {
	_it_poll _it_enter_shows "$1" || _it_fail "no prompt ever showed the notice: $1"
}

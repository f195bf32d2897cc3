#!/usr/bin/env bats
# The interactive prompt through a real terminal (tmux): commands typed at PS1, PS1 and PS2
# with bash's escapes and parameter expansion, continuation lines.

load interactive_helper

@test "prompt: a pipeline typed at the prompt runs and the prompt comes back" {
	it_start
	it_run 'echo hello world | tr a-z A-Z | sed s/WORLD/THERE/'
	it_wait_for 'HELLO THERE'
	it_wait_last '$'
}

@test "prompt: \\u \\h \\H \\\$ \\W \\w show user, host, directory" {
	local user host fqdn
	user=$(id -un) host=$(hostname) fqdn=$(hostname)
	host=${host%%.*}
	mkdir -p sub/deeper
	it_start
	it_run "PS1='<\\u|\\h|\\H|\\W|\\w>\\\$ '"
	local sign='$'
	[ "$(id -u)" = 0 ] && sign='#'
	it_wait_last "<$user|$host|$fqdn|~|~>$sign"
	it_run 'cd sub/deeper'
	it_wait_last "<$user|$host|$fqdn|deeper|~/sub/deeper>$sign"
	it_run 'cd /'
	it_wait_last "<$user|$host|$fqdn|/|/>$sign"
}

@test "prompt: \\j counts jobs, \\! is the history number, \\n starts a new line" {
	it_start
	it_run "PS1='j=\\j h=\\!\\n> '"
	it_wait_last '>'
	it_wait_for 'j=0 h=2'
	it_run 'sleep 30 &'
	it_wait_for 'j=1 h=3'
}

@test "prompt: \\t \\d \\A show the time and date" {
	it_start
	it_run "PS1='[\\t][\\A][\\d]\\\$ '"
	it_wait_match '^\[[0-2][0-9]:[0-5][0-9]:[0-5][0-9]\]\[[0-2][0-9]:[0-5][0-9]\]\[(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z][a-z] [0-3][0-9]\][$#]$'
}

@test "prompt: parameter expansion, \$(...) and arithmetic run for each prompt" {
	it_start
	it_run 'n=1; PS1='"'"'[$n $((n * 10)) $(echo sub)] '"'"
	it_wait_last '[1 10 sub]'
	it_run 'n=2'
	it_wait_last '[2 20 sub]'
}

@test "prompt: quotes in PS1 are literal, \\\$ and backslashes are kept" {
	it_start
	it_run "PS1='it'\"'\"'s \"q\" a\\\\b \\\\\$ '"
	it_wait_last "it's \"q\" a\\b \\\$"
}

@test "prompt: a failing expansion in PS1 does not break the shell or \$?" {
	it_start
	it_run 'PS1='"'"'${nosuch?unset} '"'"
	it_wait_match 'nosuch'
	it_run 'false'
	it_run 'echo status=$?'
	it_wait_for 'status=1'
}

@test "prompt: \\[ \\] hide colour codes from readline's idea of the prompt width" {
	it_start
	# Were the 9 bytes of escape codes counted, Ctrl-A would put the cursor 9 columns
	# too far right and the text typed there would land in the middle of the line.
	it_run "PS1='\\[\\e[31m\\]red\\[\\e[0m\\]> '"
	it_wait_last 'red>'
	it_type 'cho abcdefghijklmnopqrstuvwxyz'
	it_send C-a
	it_type 'e'
	it_wait_for 'red> echo abcdefghijklmnopqrstuvwxyz'
	it_send Enter
	it_wait_for 'abcdefghijklmnopqrstuvwxyz'
}

@test "prompt: an open quote continues on PS2 lines" {
	it_start
	it_run 'echo "first'
	it_wait_last '>'
	it_run 'second"'
	it_wait_for '> second"'
	it_wait_for 'second'
	it_wait_for 'first'
}

@test "prompt: a trailing | and && continue on PS2 lines" {
	it_start
	it_run 'echo abc |'
	it_wait_last '>'
	it_run 'tr a-z A-Z &&'
	it_wait_count '>' 1
	it_run 'echo done-ok'
	it_wait_for 'ABC'
	it_wait_for 'done-ok'
}

@test "prompt: a compound command and a here-document continue on PS2 lines" {
	it_start
	it_run 'for i in 1 2; do'
	it_run 'echo "i=$i"'
	it_run 'done'
	it_wait_for 'i=2'
	it_run 'cat <<EOF'
	it_run 'doc line'
	it_run 'EOF'
	it_wait_for 'doc line'
	it_wait_for '> doc line'
}

@test "prompt: PS2 gets escapes and expansion too" {
	it_start
	it_run "PS2='more \$((1+1))> '"
	it_run 'echo "a'
	it_wait_last 'more 2>'
	it_run 'b"'
	it_wait_for 'b'
}

@test "prompt: the prompt goes to stderr, not stdout" {
	it_start
	it_run 'exec 2>/dev/null'
	it_run 'echo visible'
	it_wait_for 'visible'
	it_no_line '$ echo visible'
}

@test "prompt: PROMPT_COMMAND runs before each prompt and keeps \$?" {
	it_start
	it_run 'PROMPT_COMMAND="echo pc-ran; false"'
	it_wait_for 'pc-ran'
	it_run 'echo st=$?'
	it_wait_for 'st=0'
	it_run 'PROMPT_COMMAND="if"'
	it_wait_match 'syntax error'
	it_run 'unset PROMPT_COMMAND; echo alive'
	it_wait_for 'alive'
}

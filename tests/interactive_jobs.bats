#!/usr/bin/env bats
# Job control and signals at the prompt (tmux): Ctrl-C, Ctrl-Z, jobs, fg, bg, job specs,
# kill and wait on jobs, Done notices, terminal modes, stopped jobs at exit.

load interactive_helper

@test "jobs: Ctrl-C at the prompt drops the typed line, gives a new prompt and \$? = 130" {
	it_start
	it_type 'echo never-run'
	it_wait_last '$ echo never-run'
	it_send C-c
	it_wait_for '$ echo never-run^C'
	it_wait_last '$'
	it_run 'echo st=$?'
	it_wait_for 'st=130'
	it_no_line 'never-run'
}

@test "jobs: Ctrl-C on a PS2 line abandons the whole command" {
	it_start
	it_run 'for i in 1; do'
	it_wait_last '>'
	it_send C-c
	it_wait_last '$'
	it_run 'echo next-ok'
	it_wait_for 'next-ok'
}

@test "jobs: Ctrl-C ends a foreground sleep and the rest of its command line; the shell goes on" {
	it_start
	it_run 'sleep 30; echo not-after'
	it_wait_for '$ sleep 30; echo not-after'
	it_wait_fg sleep
	it_send C-c
	it_wait_last '$'
	it_run 'for i in 1 2 3; do sleep 30; done; echo not-after-loop'
	it_wait_fg sleep
	it_send C-c
	it_wait_last '$'
	it_run 'echo st=$?'
	it_wait_for 'st=130'
	it_no_line 'not-after'
	it_no_line 'not-after-loop'
}

@test "jobs: Ctrl-Z stops the job; jobs lists it; bg resumes it; fg brings it back" {
	it_start
	it_run 'sleep 30'
	it_wait_fg sleep
	it_send C-z
	it_wait_for '[1]+  Stopped                 sleep 30'
	it_wait_last '$'
	it_run 'jobs'
	it_wait_count '[1]+  Stopped                 sleep 30' 2
	it_run 'bg'
	it_wait_for '[1]+ sleep 30 &'
	it_run 'jobs'
	it_wait_for '[1]+  Running                 sleep 30 &'
	it_run 'fg %1'
	it_wait_count 'sleep 30' 1
	it_wait_last 'sleep 30'
	it_send C-c
	it_wait_last '$'
	it_send C-l
	it_run 'jobs; echo listed'
	it_wait_for 'listed'
	it_no_line '[1]+  Running                 sleep 30 &'
}

@test "jobs: a stopped pipeline is one job; fg continues every process of it" {
	it_start
	it_run 'sleep 30 | cat'
	it_wait_fg sleep
	it_send C-z
	it_wait_for '[1]+  Stopped                 sleep 30 | cat'
	it_run 'fg'
	it_wait_last 'sleep 30 | cat'
	it_send C-c
	it_wait_last '$'
}

@test "jobs: a background job that finishes is reported as Done before the next prompt" {
	it_start
	# The foreground sleep outlasts the background job: its notice comes before the prompt.
	it_run 'sleep 0.1 &'
	it_wait_match '^\[1\] [0-9]+$'
	it_run 'sleep 1'
	it_wait_for '[1]+  Done                    sleep 0.1'
	it_wait_last '$'
	it_run 'false &'
	it_run 'sleep 1'
	it_wait_for '[1]+  Exit 1                  false'
}

@test "jobs: jobs -l shows pids, jobs -p only pids; %+ %- %1 %name and %?text select jobs" {
	it_start
	it_run 'sleep 31 &'
	it_run 'sleep 32 &'
	it_run 'jobs -l'
	it_wait_match '^\[1\]- [0-9]+ Running                 sleep 31 &$'
	it_wait_match '^\[2\]\+ [0-9]+ Running                 sleep 32 &$'
	it_send C-l
	it_run 'jobs -p %1 | grep -cx "[0-9][0-9]*"'
	it_wait_for 1
	it_run 'jobs %+ %- %sleep\ 31 %?32'
	it_wait_for '[2]+  Running                 sleep 32 &'
	it_wait_for '[1]-  Running                 sleep 31 &'
	it_run 'jobs %sleep'
	it_wait_for 'fdsh: jobs: %sleep: ambiguous job spec'
	it_run 'jobs %9'
	it_wait_for 'fdsh: jobs: %9: no such job'
}

@test "jobs: kill %1 ends a job and it is reported; wait %1 returns its status" {
	it_start
	it_run 'sleep 30 &'
	it_run 'kill %1'
	it_wait_notice '[1]+  Terminated              sleep 30'
	it_run '(sleep 0.3; exit 7) &'
	it_run 'wait %1; echo st=$?'
	it_wait_for 'st=7'
}

@test "jobs: Ctrl-C interrupts the wait builtin; the job keeps running" {
	it_start
	it_run 'sleep 30 &'
	it_run 'wait'
	it_wait_for '$ wait'
	sleep 0.2
	it_send C-c
	it_wait_last '$'
	it_run 'jobs'
	it_wait_for '[1]+  Running                 sleep 30 &'
}

@test "jobs: the terminal modes come back after a job that changed them and was killed" {
	it_start
	it_run 'stty -g >before'
	it_run "'$FDSH' -c 'stty -echo -icanon; sleep 30'"
	sleep 0.5
	it_send C-c
	it_wait_last '$'
	it_run '[ "$(stty -g)" = "$(cat before)" ] && echo same-modes'
	it_wait_for 'same-modes'
}

@test "jobs: exit with a stopped job warns once; the second exit leaves and ends the job" {
	it_start
	it_run 'sleep 30'
	it_wait_fg sleep
	it_send C-z
	it_wait_for '[1]+  Stopped                 sleep 30'
	it_run 'jobs -p >pid'
	it_run 'exit'
	it_wait_for 'There are stopped jobs.'
	it_wait_last '$'
	it_run 'exit'
	it_wait_gone
	local pid
	pid=$(cat pid)
	_it_poll eval "! kill -0 $pid 2>/dev/null"
}

@test "jobs: Ctrl-D with a stopped job warns too, then exits" {
	it_start
	it_run 'sleep 30'
	it_wait_fg sleep
	it_send C-z
	it_wait_for '[1]+  Stopped                 sleep 30'
	it_send C-d
	it_wait_for 'There are stopped jobs.'
	it_send C-d
	it_wait_gone
}

@test "jobs: each foreground job gets the terminal in its own process group" {
	it_start
	it_run 'ps -o pgid= -o tpgid= -p $$ | tr -s " " ; sh -c "ps -o pgid= -o tpgid= -p \$\$" | tr -s " "'
	it_wait_last '$'
	run it_pane
	# The shell's group does not own the terminal while ps runs; the job's group does.
	local shell_line=${lines[1]} job_line=${lines[2]}
	set -- $shell_line
	[ "$1" != "$2" ]
	set -- $job_line
	[ "$1" = "$2" ]
}

@test "jobs: when the terminal hangs up, the shell passes SIGHUP on to its jobs and exits" {
	it_start
	it_run 'sleep 300 & echo $! >pid'
	_it_poll test -s pid
	local pid
	pid=$(cat pid)
	kill -0 "$pid"
	tmux -L "$IT_SOCK" kill-server
	_it_poll eval "! kill -0 $pid 2>/dev/null" || { kill "$pid"; false; }
}

@test "jobs: with set -b a finished job is reported at once, not only at the next prompt" {
	it_start
	it_run 'set -b'
	it_run 'sleep 0.3 &'
	it_type 'echo typed'
	it_wait_for '[1]+  Done                    sleep 0.3'
	it_wait_last '$ echo typed'
	it_send Enter
	it_wait_for 'typed'
}

@test "jobs: kill %n also ends a stopped job; the reason a job stopped is shown" {
	it_start
	it_run 'sleep 30 & echo $! >pid'
	# Stop it only once it runs sleep (before, the child may still ignore SIGTERM).
	_it_poll eval '[ "$(cat /proc/$(cat pid)/comm 2>/dev/null)" = sleep ]'
	it_run 'kill -STOP %1'
	it_wait_notice '[1]+  Stopped (signal)        sleep 30'
	it_run 'kill %1'
	it_wait_notice '[1]+  Terminated              sleep 30'
	it_run 'cat &'
	it_wait_notice '[1]+  Stopped (tty input)     cat'
	it_run 'kill %1'
}

@test "jobs: Ctrl-Z in a loop stops the job and ends the rest of the command line (\$? = 148)" {
	it_start
	it_run 'for i in 1 2 3; do sleep 30; done; echo not-after'
	it_wait_fg sleep
	it_send C-z
	it_wait_for '[1]+  Stopped                 sleep 30'
	it_wait_last '$'
	it_run 'echo st=$?'
	it_wait_for 'st=148'
	it_no_line 'not-after'
	it_run 'kill %1'
}

#!/usr/bin/env fdsh
# trace-pipeline.sh: watch how the shell wires up  echo ... | tr a-z A-Z
#
# Usage:   trace-pipeline.sh
#
# set -o trace prints every pipe, fork, dup2, close, execve and waitpid the
# shell and its children make. Here the trace goes to a temporary file
# (FDSH_TRACEFD=5 names the fd it is written to) and is then shown one
# process at a time, with process IDs replaced by words, because the lines
# of the three processes arrive in an order that changes from run to run.
# Run  fdsh -c 'set -o trace; echo hi | tr a-z A-Z'  to see the raw trace.
#
# What it shows: the shell makes one pipe (fds 3 and 4) and forks once per
# stage. The first child makes the pipe's write end its stdout (dup2(4, 1)),
# the second makes the read end its stdin (dup2(3, 0)); each closes the ends
# it does not use, or the reader would never see end-of-file. echo is a
# builtin, so its child runs it without execve; tr is a program. The shell
# closes both ends and waits for both children.
#
# Expected output (tr found at /usr/bin/tr):
#   HELLO, WORLD
#
#   The shell:
#   [shell] pipe() = [3, 4]
#   [shell] fork() = PID
#   [shell] close(4) = 0
#   [shell] fork() = PID
#   [shell] close(3) = 0
#   [shell] waitpid(PID) = exited 0
#   [shell] waitpid(PID) = exited 0
#
#   The child that runs echo:
#   [child echo] fork() = 0 (child of the shell, to run echo)
#   [child echo] close(3) = 0
#   [child echo] dup2(4, 1) = 1
#   [child echo] close(4) = 0
#
#   The child that runs tr:
#   [child tr] fork() = 0 (child of the shell, to run tr)
#   [child tr] dup2(3, 0) = 0
#   [child tr] close(3) = 0
#   [child tr] execve("/usr/bin/tr", ["tr", "a-z", "A-Z"])

log=$(mktemp) || exit 1
exec 5>"$log"
FDSH_TRACEFD=5
set -o trace
echo 'hello, world' | tr a-z A-Z
set +o trace
exec 5>&-

# normalize: replace the process IDs, which change from run to run.
normalize() {
	sed -e "s/^\[shell $$\]/[shell]/" -e 's/^\[child [0-9]* /[child /' \
	    -e 's/child of [0-9]*/child of the shell/' \
	    -e 's/fork() = [1-9][0-9]*$/fork() = PID/' -e 's/waitpid([0-9]*)/waitpid(PID)/'
}

echo
echo "The shell:"
grep '^\[shell ' "$log" | normalize
for stage in echo tr; do
	echo
	echo "The child that runs $stage:"
	grep "^\[child [0-9]* $stage\]" "$log" | normalize
done
rm -f "$log"

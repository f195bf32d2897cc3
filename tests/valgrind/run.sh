#!/bin/sh
# run.sh SHELL: run every tests/valgrind/*.sh script, and every line of the *.list
# files, as `SHELL -c SCRIPT` under valgrind.  Fails on any invalid read/write or use of uninitialised memory,
# and on any definite leak of the shell process when it exits (-c mode).  Forked
# children are not checked (they _exit with the parent's heap) and exec'd programs
# run natively.  Scripts run in a scratch directory; their output is discarded.
set -u
sh=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail=0
# check NAME SCRIPT: one valgrind run of SCRIPT.
check() {
	log=$scratch/log
	rm -f "$log"
	(cd "$scratch" && timeout 300 valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
		--show-leak-kinds=definite --error-exitcode=99 --child-silent-after-fork=yes \
		--log-file="$log" "$sh" -c "$2" fdsh a1 a2 >/dev/null 2>&1 </dev/null)
	rc=$?
	if [ "$rc" = 99 ] || [ "$rc" = 124 ] || [ -s "$log" ]; then
		echo "FAIL $1 (status $rc)"
		printf '%s\n' "$2" | sed 's/^/  |/'
		cat "$log"
		fail=1
	else
		echo "ok   $1"
	fi
}
# *.sh: one script each.
for script in "$here"/*.sh; do
	[ "$(basename "$script")" = run.sh ] || check "$(basename "$script")" "$(cat "$script")"
done
# *.list: one script per line (\n in a line stands for a newline).
for list in "$here"/*.list; do
	n=0
	while IFS= read -r line; do
		n=$((n + 1))
		check "$(basename "$list"):$n" "$(printf '%b' "$line")"
	done <"$list"
done
exit "$fail"

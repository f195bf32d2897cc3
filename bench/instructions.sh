#!/usr/bin/env bash
# Instruction counts of the in-shell workloads (parse, loop, funcs) under
# valgrind's callgrind, for fdsh and dash: unlike wall-clock times these do
# not move with the machine's load, so they show what the shell itself costs.
#
#   bench/instructions.sh            # sizes: 1/10 of the issue's
#   FDSH=./fdsh BENCH_DIR=bench/build bench/instructions.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
fdsh=$(realpath "${FDSH:-$here/../fdsh}")
dash=${BENCH_DASH:-$(command -v dash)}
dir=${BENCH_DIR:-$here/build}/instructions
mkdir -p "$dir"
command -v valgrind >/dev/null || { echo "bench: valgrind is needed" >&2; exit 2; }

"$here/gen.sh" --quick "$dir" >/dev/null

count() {   # count SHELL SCRIPT: instructions executed by the shell (not children)
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" "$2" 2>&1 >/dev/null |
		awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}

printf '| workload | fdsh instructions | dash instructions | fdsh/dash |\n'
printf '|----------|------------------:|------------------:|----------:|\n'
for w in parse loop funcs; do
	f=$(count "$fdsh" "$dir/$w.sh")
	d=$(count "$dash" "$dir/$w.sh")
	printf '| %-8s | %17s | %17s | %9.3f |\n' "$w" "$f" "$d" "$(echo "$f / $d" | bc -l)"
done

#!/usr/bin/env bash
# bench/nc.sh: the nc benchmark (issue 9). fdsh's built-in nc against socat and ncat
# on the same machine, over loopback:
#   throughput   bytes per second from a client `nc HOST PORT` (stdin: head -c N
#                /dev/zero) to a listener `nc -l PORT` (stdout: /dev/null), each
#                tool talking to itself
#   connections  connections per second of a fork-per-connection echo server:
#                `nc -l -k PORT -e cat`, `socat TCP-LISTEN:PORT,fork EXEC:cat`,
#                `ncat -l -k PORT -e /bin/cat`; the clients (bench/nc_load.c) open
#                NC_CONNS connections from NC_PAR processes (send a line, read
#                the echo, close) and check every echo
# Rounds are interleaved (fdsh, socat, ncat, fdsh, ...); the median is shown and
# fdsh's ratio to the others (above 1: fdsh is faster). Goal: at least socat's
# speed on both.
#
# usage: bench/nc.sh [--quick]
# Environment: FDSH (default ./fdsh), BENCH_RUNS (rounds; 5, quick 3), NC_BYTES
# (bytes per transfer; 1 GiB, quick 128 MiB), NC_CONNS (2000, quick 300), NC_PAR
# (4), BENCH_DIR (bench/build), CC (gcc), BENCH_TIMEOUT (seconds per run; 60).
# Needs socat and ncat for their columns (Debian: apt-get install -y socat ncat);
# a tool that is missing shows "-". Exits 0 once the table is printed, 2 if it
# cannot run.
# The workloads are called by name ("$w" "$t"): shellcheck cannot see that.
# shellcheck disable=SC2317
set -u
cd "$(dirname "$0")/.." || exit 2

quick=0
case ${1-} in
--quick | -q) quick=1 ;;
--help | -h) sed -n '2,/cannot run\.$/p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
"") ;;
*) echo "usage: bench/nc.sh [--quick]" >&2; exit 2 ;;
esac

FDSH=$(realpath "${FDSH:-./fdsh}" 2>/dev/null) || { echo "nc.sh: no fdsh" >&2; exit 2; }
BENCH_DIR=${BENCH_DIR:-bench/build}
ROUNDS=${BENCH_RUNS:-$((quick ? 3 : 5))}
NC_BYTES=${NC_BYTES:-$((quick ? 134217728 : 1073741824))}
NC_CONNS=${NC_CONNS:-$((quick ? 300 : 2000))}
NC_PAR=${NC_PAR:-4}
TMO=${BENCH_TIMEOUT:-60}
[ -x "$FDSH" ] || { echo "nc.sh: $FDSH is not executable (run make)" >&2; exit 2; }

mkdir -p "$BENCH_DIR" || exit 2
LOAD=$BENCH_DIR/nc_load
${CC:-gcc} -O2 -Wall -Wextra -Werror -o "$LOAD" bench/nc_load.c || exit 2

tools=(fdsh)
for t in socat ncat; do
	command -v "$t" >/dev/null && tools+=("$t")
done

SERVER=
cleanup() {
	[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
	SERVER=
}
trap cleanup EXIT

# wait_listen PORT: until something listens on TCP PORT (at most 10 s). Reads
# /proc/net/tcp* instead of connecting, which would use up a one-shot listener.
wait_listen() {
	local hex
	hex=$(printf '%04X' "$1")
	for _ in $(seq 500); do
		grep -qE ":$hex [0-9A-F]+:0000 0A" /proc/net/tcp /proc/net/tcp6 2>/dev/null && return 0
		sleep 0.02
	done
	echo "nc.sh: nothing listens on port $1" >&2
	return 1
}

now_ns() { date +%s%N; }

# throughput TOOL: prints MB/s of one transfer, or "fail".
throughput() {
	local port client t0 t1 rc=0
	port=$("$LOAD" port)
	case $1 in
	fdsh)
		"$FDSH" -c "nc -l 127.0.0.1 $port" >/dev/null </dev/null &
		client=("$FDSH" -c "nc 127.0.0.1 $port") ;;
	socat)
		socat -u "TCP-LISTEN:$port,bind=127.0.0.1,reuseaddr" OPEN:/dev/null </dev/null &
		client=(socat -u - "TCP:127.0.0.1:$port") ;;
	ncat)
		ncat -l 127.0.0.1 "$port" >/dev/null </dev/null &
		client=(ncat 127.0.0.1 "$port") ;;
	esac
	SERVER=$!
	wait_listen "$port" || { cleanup; echo fail; return; }
	t0=$(now_ns)
	head -c "$NC_BYTES" /dev/zero | timeout "$TMO" "${client[@]}" >/dev/null || rc=1
	timeout "$TMO" tail --pid="$SERVER" -f /dev/null || rc=1
	t1=$(now_ns)
	cleanup
	if [ "$rc" != 0 ]; then echo fail; return; fi
	echo $((NC_BYTES * 1000 / (t1 - t0)))
}

# connections TOOL: prints connections/s of the echo server, or "fail".
connections() {
	local port out
	port=$("$LOAD" port)
	case $1 in
	fdsh) "$FDSH" -c "nc -l -k 127.0.0.1 $port -e cat" </dev/null & ;;
	socat) socat "TCP-LISTEN:$port,bind=127.0.0.1,reuseaddr,fork" EXEC:cat </dev/null & ;;
	ncat) ncat -l -k 127.0.0.1 "$port" -e /bin/cat </dev/null & ;;
	esac
	SERVER=$!
	wait_listen "$port" || { cleanup; echo fail; return; }
	out=$(timeout "$TMO" "$LOAD" conns "$port" "$NC_CONNS" "$NC_PAR") || out=fail
	cleanup
	echo "$out"
}

median() {
	local v
	v=$(printf '%s\n' "$@" | grep -v fail | sort -n)
	[ -n "$v" ] || { echo fail; return; }
	awk -v n="$(wc -l <<<"$v")" 'NR == int((n + 1) / 2)' <<<"$v"
}

declare -A res
for w in throughput connections; do
	for t in "${tools[@]}"; do res[$w.$t]=""; done
	for _ in $(seq "$ROUNDS"); do
		for t in "${tools[@]}"; do
			res[$w.$t]+=" $($w "$t")"
		done
		printf '.' >&2
	done
done
echo >&2

ratio() {
	local a=$1 b=$2
	case "$a $b" in *fail* | *-*) echo "-"; return ;; esac
	awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2fx", a / b }'
}

printf 'nc benchmark: %d MiB per transfer; %d connections from %d clients; median of %d rounds\n' \
	$((NC_BYTES / 1048576)) "$NC_CONNS" "$NC_PAR" "$ROUNDS"
printf '%-16s %10s %10s %10s %11s %10s\n' "" fdsh socat ncat fdsh/socat fdsh/ncat
met=1
for w in throughput connections; do
	declare -A m=()
	for t in fdsh socat ncat; do
		m[$t]=-
		# shellcheck disable=SC2086 # one word per round
		[ -n "${res[$w.$t]+x}" ] && m[$t]=$(median ${res[$w.$t]})
	done
	label=$([ "$w" = throughput ] && echo "throughput MB/s" || echo "connections/s")
	rs=$(ratio "${m[fdsh]}" "${m[socat]}")
	printf '%-16s %10s %10s %10s %11s %10s\n' "$label" "${m[fdsh]}" "${m[socat]}" "${m[ncat]}" \
		"$rs" "$(ratio "${m[fdsh]}" "${m[ncat]}")"
	case $rs in -) met=0 ;; *) awk -v r="${rs%x}" 'BEGIN { exit !(r >= 1) }' || met=0 ;; esac
done
if [ "$met" = 1 ]; then
	echo "goal (at least socat's speed on both): met"
else
	echo "goal (at least socat's speed on both): MISSED"
fi
exit 0

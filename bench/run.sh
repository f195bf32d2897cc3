#!/bin/sh
# run.sh: benchmark fdsh against dash, bash and the fork/exec floor (issue 7).
#
#   bench/run.sh [--quick]
#
# Environment:
#   FDSH          shell under test (default ./fdsh, relative to the cwd)
#   BENCH_DASH    dash to compare with (default: dash in PATH)
#   BENCH_BASH    bash to compare with (default: bash in PATH)
#   BENCH_RUNS    hyperfine runs per command (default 10, --quick 5)
#   BENCH_WARMUP  extra hyperfine warm-up runs (default 0; every command is
#                 already run once by the correctness check just before)
#   BENCH_INTERLEAVE  1 (default): RUNS rounds of one hyperfine run per
#                 command, rotating the order, so slow phases of the machine
#                 hit every shell alike; 0: one hyperfine call per workload
#   BENCH_TIMEOUT seconds a single check run may take (default 60, --quick
#                 10; dash needs ~1 s, quick ~0.1 s); slower shells are shown
#                 as ">60s" and not timed
#   BENCH_DIR     build/work/result directory (default bench/build)
#   BENCH_ONLY    space-separated subset of workloads to run
#                 (exec pipe redir parse loop funcs startup throughput memory)
#   CC            C compiler for the floor programs (default gcc)
#   N_EXEC ... THROUGHPUT_BYTES   workload sizes, see gen.sh
#
# Prints one table (medians, ms) with fdsh/dash against the goals of issue 7
# and fdsh/floor for exec, pipe and startup.  Exits 0 whether or not the goals
# are met; exits 2 only when the harness itself cannot run.

# Commands are built as quoted strings and run through eval, which shellcheck
# cannot follow (unused/unassigned/unreachable false positives).
# shellcheck disable=SC2034,SC2154,SC2317,SC1091
set -eu

here=$(cd "$(dirname "$0")" && pwd)

usage() {
	sed -n '2,/^$/p' "$0" | sed '$d; s/^# \{0,1\}//'
	exit "$1"
}
die() {
	echo "bench: $*" >&2
	exit 2
}
note() {
	echo "bench: $*" >&2
}

quick=0
for arg; do
	case $arg in
	--quick|-q) quick=1 ;;
	--help|-h) usage 0 ;;
	*) echo "bench: unknown argument: $arg" >&2; usage 2 ;;
	esac
done

# --- tools and shells ------------------------------------------------------

command -v hyperfine >/dev/null 2>&1 ||
	die "hyperfine not found (Debian: apt-get install -y hyperfine)"

abspath() { # command name or path -> absolute path of an executable
	case $1 in
	*/*) p=$(cd "$(dirname "$1")" 2>/dev/null && pwd)/$(basename "$1") || return 1 ;;
	*) p=$(command -v "$1") || return 1 ;;
	esac
	[ -f "$p" ] && [ -x "$p" ] || return 1
	printf '%s\n' "$p"
}

fdsh_arg=${FDSH:-./fdsh}
fdsh=$(abspath "$fdsh_arg") ||
	die "fdsh not found or not executable: $fdsh_arg (build it, or set FDSH=...)"
dash=$(abspath "${BENCH_DASH:-dash}") || die "dash not found (apt-get install -y dash)"
bash=$(abspath "${BENCH_BASH:-bash}") || die "bash not found"

case $fdsh$dash$bash in
*\'*) die "shell paths must not contain single quotes" ;;
esac

if [ -x /usr/bin/time ]; then
	gnutime=/usr/bin/time
else
	gnutime=
	note "/usr/bin/time not found: no memory row (Debian: apt-get install -y time)"
fi

if [ "$quick" = 1 ]; then
	runs=${BENCH_RUNS:-5}
	mode=quick
else
	runs=${BENCH_RUNS:-10}
	mode=full
fi
warmup=${BENCH_WARMUP:-0}
if [ "$quick" = 1 ]; then tmo=${BENCH_TIMEOUT:-10}; else tmo=${BENCH_TIMEOUT:-60}; fi
interleave=${BENCH_INTERLEAVE:-1}
only=${BENCH_ONLY:-exec pipe redir parse loop funcs startup throughput memory}

bdir=${BENCH_DIR:-$here/build}
mkdir -p "$bdir"
bdir=$(cd "$bdir" && pwd)
work=$bdir/work-$mode
res=$bdir/results-$mode
rm -rf "$res"
mkdir -p "$work" "$res"
log=$res/hyperfine.log
: >"$log"

# --- build the floor programs and generate the workloads -------------------

cc=${CC:-gcc}
for prog in floor_exec floor_pipe; do
	"$cc" -O2 -Wall -Wextra -Werror -o "$bdir/$prog" "$here/$prog.c" ||
		die "cannot build $prog"
done
fexec=$bdir/floor_exec
fpipe=$bdir/floor_pipe

if [ "$quick" = 1 ]; then
	sh "$here/gen.sh" --quick "$work"
else
	sh "$here/gen.sh" "$work"
fi
. "$work/sizes.env"

cd "$work"

load0=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
case ${load0%% *} in
0.[0-4]*|\?) ;;
*) note "load average $load0: the machine is busy, expect noisy results" ;;
esac

# --- helpers ---------------------------------------------------------------

# results file lines: workload name median_s stddev_s   (name "-" value for failures)
data=$res/data
: >"$data"

selected() {
	case " $only " in
	*" $1 "*) return 0 ;;
	esac
	return 1
}

# Correctness check (also the warm-up): run the command once; a failure or
# a timeout excludes that shell from the workload instead of aborting.
check() { # workload name command...
	w=$1 n=$2
	shift 2
	if timeout "$tmo" "$@" </dev/null >"$res/$w.$n.out" 2>"$res/$w.$n.err"; then
		return 0
	else
		st=$?
	fi
	if [ "$st" = 124 ]; then
		note "$w: $n took over ${tmo}s; excluded from $w"
		echo "$w $n slow slow" >>"$data"
		return 1
	fi
	note "$w: $n failed (exit status $st); excluded from $w. stderr:"
	head -5 "$res/$w.$n.err" | sed 's/^/    /' >&2
	echo "$w $n fail fail" >>"$data"
	return 1
}

q() { # quote a path for hyperfine's own word splitting (-N)
	printf "'%s'" "$1"
}

sq() { # quote any string for eval
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# bench WORKLOAD name1 "cmd1" name2 "cmd2" ...  (cmd: pre-quoted string)
bench() {
	w=$1
	shift
	cmds=$res/$w.cmds
	: >"$cmds"
	cnt=0
	while [ $# -ge 2 ]; do
		n=$1 c=$2
		shift 2
		if eval "check \"\$w\" \"\$n\" $c"; then
			printf '%s\t%s\n' "$n" "$(sq "$c")" >>"$cmds"
			cnt=$((cnt + 1))
		fi
	done
	[ "$cnt" -gt 0 ] || return 0
	times=$res/$w.times
	: >"$times"
	if [ "$interleave" = 1 ]; then
		note "$w: $cnt commands x $runs interleaved rounds"
		r=1
		while [ $r -le "$runs" ]; do
			hrun "$w.r$r" 1 "$r" || return 0
			awk -F, 'NR > 1 { print $1, $4 }' "$res/$w.r$r.csv" >>"$times"
			r=$((r + 1))
		done
		if command -v jq >/dev/null 2>&1; then
			jq -s '{results: ([.[].results[]] | group_by(.command)
				| map({command: .[0].command, times: map(.times[0]),
				       exit_codes: map(.exit_codes[0])}))}' \
				"$res/$w".r*.json >"$res/$w.json" 2>>"$log" || :
		fi
	else
		note "$w: $cnt commands x $runs runs"
		hrun "$w" "$runs" 1 || return 0
		jq_times "$res/$w.json" >>"$times"
	fi
	# median and (sample) standard deviation per command, in input order
	awk -v w="$w" '
		!($1 in cnt) { order[++nn] = $1 }
		{ t[$1, ++cnt[$1]] = $2; sum[$1] += $2 }
		END {
			for (i = 1; i <= nn; i++) {
				n = order[i]; k = cnt[n]
				for (a = 1; a <= k; a++) v[a] = t[n, a]
				for (a = 2; a <= k; a++)	# insertion sort
					for (b = a; b > 1 && v[b - 1] > v[b]; b--) {
						x = v[b]; v[b] = v[b - 1]; v[b - 1] = x
					}
				med = (k % 2) ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
				m = sum[n] / k; ss = 0
				for (a = 1; a <= k; a++) ss += (v[a] - m) ^ 2
				sd = k > 1 ? sqrt(ss / (k - 1)) : 0
				printf "%s %s %.9f %.9f\n", w, n, med, sd
			}
		}' "$times" >>"$data"
}

# hrun TAG RUNS ROTATION: one hyperfine invocation over $cmds, starting with
# command number ROTATION (mod count) so that no shell always goes first.
hrun() {
	hargs=$(awk -F '\t' -v r="$3" '
		{ l[NR - 1] = "-n " $1 " " $2 }
		END { for (i = 0; i < NR; i++) printf " %s", l[(i + r - 1) % NR] }' "$cmds")
	# hargs holds single-quoted words: eval splits them back.
	eval "hyperfine -N --runs \"\$2\" --warmup \"\$warmup\" --style basic \
		--export-json \"\$res/\$1.json\" --export-csv \"\$res/\$1.csv\" $hargs" \
		>>"$log" 2>&1 || {
		note "$w: hyperfine failed, see $log"
		return 1
	}
}

# all run times from a hyperfine JSON export, as "command seconds" lines
# (the export is pretty-printed: one key or array element per line)
jq_times() {
	awk '
		/"command":/ { c = $0; sub(/^[^:]*: *"/, "", c); sub(/",? *$/, "", c) }
		/"times":/ { in_t = 1; next }
		in_t && /\]/ { in_t = 0; next }
		in_t { v = $0; gsub(/[ ,]/, "", v); print c, v }' "$1"
}

# --- the workloads ---------------------------------------------------------

F=$(q "$fdsh") D=$(q "$dash") B=$(q "$bash")

for w in exec pipe redir parse loop funcs throughput; do
	selected "$w" || continue
	set -- fdsh "$F $w.sh" dash "$D $w.sh" bash "$B $w.sh"
	case $w in
	exec) set -- "$@" floor-fork "$(q "$fexec") $N_EXEC" \
		floor-vfork "$(q "$fexec") -v $N_EXEC" ;;
	pipe) set -- "$@" floor-fork "$(q "$fpipe") $N_PIPE" \
		floor-vfork "$(q "$fpipe") -v $N_PIPE" ;;
	esac
	bench "$w" "$@"
done

if selected startup; then
	X=$(q "$fexec")
	bench startup \
		fdsh "$X $N_STARTUP $F -c true" \
		dash "$X $N_STARTUP $D -c true" \
		bash "$X $N_STARTUP $B -c true" \
		floor-fork "$X $N_STARTUP /bin/true" \
		floor-vfork "$X -v $N_STARTUP /bin/true"
fi

# memory: peak RSS (KB, /usr/bin/time %M) on parse.sh, median of min(runs, 5).
if selected memory && [ -n "$gnutime" ]; then
	mruns=$runs
	[ "$mruns" -le 5 ] || mruns=5
	note "memory: 3 shells x $mruns runs"
	for n in fdsh dash bash; do
		eval "sh=\$$n"
		: >"$res/memory.$n"
		k=0 ok=1
		while [ $k -lt "$mruns" ]; do
			if ! timeout "$tmo" "$gnutime" -o "$res/memory.$n.one" -f %M \
				"$sh" parse.sh >/dev/null 2>"$res/memory.$n.err"; then
				note "memory: $n failed on parse.sh; excluded"
				ok=0
				break
			fi
			tail -n 1 "$res/memory.$n.one" >>"$res/memory.$n"
			k=$((k + 1))
		done
		if [ $ok = 1 ]; then
			sort -n "$res/memory.$n" | awk -v n="$n" '
				{ v[NR] = $1 }
				END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
				      print "memory", n, m, 0 }' >>"$data"
		else
			echo "memory $n fail fail" >>"$data"
		fi
	done
fi

# --- the table -------------------------------------------------------------

table=$res/table.md
{
	echo "fdsh benchmark ($mode: runs=$runs), $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "machine: $(uname -srm), $(nproc) CPU, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)"
	echo "load average at start: $load0, at end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
	echo "fdsh=$fdsh dash=$dash bash=$bash"
	echo "sizes: exec=$N_EXEC pipe=$N_PIPE redir=$N_REDIR parse=$N_PARSE loop=$N_LOOP funcs=$N_FUNCS startup=$N_STARTUP throughput=$THROUGHPUT_BYTES"
	echo
	awk -v tmo="$tmo" -v order="exec pipe redir parse loop funcs startup throughput memory" '
	{
		w = $1; n = $2
		if (n ~ /^floor-/) {
			if ($3 != "fail" && $3 != "slow" && (!(w in floor) || $3 < floor[w])) {
				floor[w] = $3; fkind[w] = substr(n, 7)
			}
		} else {
			med[w, n] = $3; sd[w, n] = $4
		}
		seen[w] = 1
	}
	function ms(w, n) {
		if (!((w, n) in med)) return "-"
		if (med[w, n] == "fail") return "fail"
		if (med[w, n] == "slow") return ">" tmo "s"
		if (w == "memory") return sprintf("%d KB", med[w, n])
		return sprintf("%.1f", med[w, n] * 1000)
	}
	function have(w, n) { return ((w, n) in med) && med[w, n] != "fail" && med[w, n] != "slow" }
	BEGIN {
		goal["exec"] = 1.00; goal["pipe"] = 1.00; goal["redir"] = 1.00
		goal["loop"] = 1.00; goal["funcs"] = 1.00; goal["parse"] = 0.90
		goal["startup"] = 1.10; goal["memory"] = 2.00
	}
	END {
		printf "| %-10s | %10s | %10s | %10s | %9s | %6s | %-15s | %-6s | %13s | %10s | %10s |\n", \
			"workload", "fdsh", "dash", "bash", "fdsh/dash", "noise", "goal", "result", \
			"floor", "fdsh/floor", "dash/floor"
		printf "|%s|%s:|%s:|%s:|%s:|%s:|%s|%s|%s:|%s:|%s:|\n", "------------", \
			"-----------", "-----------", "-----------", "----------", "-------", \
			"-----------------", "--------", "--------------", "-----------", \
			"-----------"
		nw = split(order, ws, " ")
		for (i = 1; i <= nw; i++) {
			w = ws[i]
			if (!(w in seen)) continue
			ratio = "-"; g = "-"; verdict = ""; noise = "-"
			if (w != "memory" && have(w, "fdsh") && have(w, "dash"))
				noise = 100 * sqrt(sd[w, "fdsh"]^2 + sd[w, "dash"]^2) / med[w, "dash"]
			if (noise != "-") noise = noise > 999 ? ">999%" : sprintf("%.1f%%", noise)
			if (w == "throughput") {
				g = "within noise"
				if (have(w, "fdsh") && have(w, "dash")) {
					# noise: 2 combined standard deviations, at least 5%
					tol = 2 * sqrt(sd[w, "fdsh"]^2 + sd[w, "dash"]^2) / med[w, "dash"]
					if (tol < 0.05) tol = 0.05
					g = sprintf("<= %.2f noise", 1 + tol)
					r = med[w, "fdsh"] / med[w, "dash"]
				}
			} else {
				g = sprintf("<= %.2f", goal[w]); tol = goal[w] - 1
			}
			if (have(w, "fdsh") && have(w, "dash")) {
				r = med[w, "fdsh"] / med[w, "dash"]
				ratio = sprintf("%.3f", r)
				verdict = (r <= 1 + tol + 1e-9) ? "PASS" : "MISS"
			} else if (!have(w, "fdsh")) {
				verdict = "MISS"
			}
			if (verdict == "") verdict = "-"
			fl = "-"; rf = "-"; rd = "-"
			if (w in floor) {
				fl = sprintf("%.1f %s", floor[w] * 1000, fkind[w] == "vfork" ? "vf" : "f")
				if (have(w, "fdsh")) rf = sprintf("%.3f", med[w, "fdsh"] / floor[w])
				if (have(w, "dash")) rd = sprintf("%.3f", med[w, "dash"] / floor[w])
			}
			printf "| %-10s | %10s | %10s | %10s | %9s | %6s | %-15s | %-6s | %13s | %10s | %10s |\n", \
				w, ms(w, "fdsh"), ms(w, "dash"), ms(w, "bash"), ratio, noise, g, verdict, fl, rf, rd
		}
	}' "$data"
	echo
	echo "times: median wall-clock ms (hyperfine -N); memory: median peak RSS on parse."
	echo "noise: sqrt(sd(fdsh)^2 + sd(dash)^2) / median(dash); throughput passes within 2x noise (min 5%)."
	echo "floor: the faster of the fork (f) and vfork (vf) C programs doing the same process work."
} >"$table"

cat "$table"
note "results, JSON and logs in $res"
exit 0

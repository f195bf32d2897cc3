#!/bin/sh
# trace_overhead.sh: what the teaching trace costs when it is off (issue 6).
#
#   bench/trace_overhead.sh [RUNS]
#
# Builds fdsh twice from the working tree into a scratch directory: as usual
# (every pipe/fork/dup2/close/... goes through a t_* wrapper that tests
# trace_on), and with -DFDSH_NO_TRACE (trace_on is the constant false, so the
# wrappers compile to the bare calls). Then times the bench pipe workload
# (N_PIPE lines of `/bin/true | /bin/true | /bin/true | /bin/true`, 500 by
# default) under both with hyperfine, RUNS runs each (default 20).
#
# Measured 2026-11-25 on a loaded 2-core container (load average 8-9),
# 500 lines, 15-20 runs per build, two rounds in opposite orders:
#   round 1: trace off 1.661 s +- 0.111, no trace 1.621 s +- 0.111 (ratio 1.02 +- 0.10)
#   round 2: trace off 1.657 s +- 0.107, no trace 1.679 s +- 0.143 (ratio 0.99 +- 0.11;
#            medians 1.629 s and 1.632 s)
# i.e. within noise: the cost of the wrappers with the trace off is not measurable.
set -eu

runs=${1:-20}
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
work=${BENCH_DIR:-$src/bench/build}/trace_overhead
command -v hyperfine >/dev/null 2>&1 || { echo "hyperfine not found" >&2; exit 2; }

rm -rf "$work"
mkdir -p "$work"
build() { # build NAME EXTRA_CPPFLAGS
	mkdir -p "$work/$1"
	(cd "$src" && tar cf - Makefile ./*.c ./*.h builtins/*.c builtins/*.h) | (cd "$work/$1" && tar xf -)
	make -s -C "$work/$1" CPPFLAGS="-D_GNU_SOURCE -I. $2" fdsh >/dev/null
}
build traced ""
build bare "-DFDSH_NO_TRACE"
N_PIPE=${N_PIPE:-500} sh "$here/gen.sh" "$work/w" >/dev/null
cd "$work/w"
hyperfine -N --warmup 2 --runs "$runs" \
	-n "trace compiled in, off" "$work/traced/fdsh pipe.sh" \
	-n "FDSH_NO_TRACE" "$work/bare/fdsh pipe.sh"

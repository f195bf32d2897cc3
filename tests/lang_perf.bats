#!/usr/bin/env bats
# The shell language, part 6: the interpreter is not much slower than dash on loops of
# builtins (bounds are generous, several times dash's time, so a loaded machine passes).

load test_helper

# time_ms CMD...: run CMD, print its wall time in milliseconds
time_ms() {
	local start end
	start=$(date +%s%N)
	"$@" >/dev/null 2>&1
	end=$(date +%s%N)
	echo $(((end - start) / 1000000))
}

@test "100000 iterations of [ \$i -lt N ] and \$((i+1)) finish in seconds, with the right count" {
	fdsh_c 'i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done; echo $i'
	expect 0 100000
	ms=$(time_ms "$FDSH" -c 'i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done')
	[ "$ms" -lt 5000 ]
}

@test "a growing string, case *text* on it and a split of it stay fast" {
	script='i=0; s=; while [ $i -lt 10000 ]; do s="$s x"; case $s in *xx*) echo bad;; esac; i=$((i+1)); done; set -- $s; echo $#'
	same_as_dash "$script"
	expect 0 10000
	ms=$(time_ms "$FDSH" -c "$script")
	[ "$ms" -lt 8000 ]
}

@test "function calls and parameter expansions in a loop" {
	script='f() { v=${1%%:*}; w=${1#*:}; }; i=0; while [ $i -lt 20000 ]; do f "a:$i"; i=$((i+1)); done; echo $v $w'
	same_as_dash "$script"
	expect 0 'a 19999'
	ms=$(time_ms "$FDSH" -c "$script")
	[ "$ms" -lt 5000 ]
}

#!/usr/bin/env bats
# The shell language, part 6: long loops of builtins, growing strings and function calls
# give dash's results. How fast they run is measured by bench/ (make bench), not here.

load test_helper


@test "100000 iterations of [ \$i -lt N ] and \$((i+1)) give the right count" {
	fdsh_c 'i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done; echo $i'
	expect 0 100000
}

@test "a growing string, case *text* on it and a split of it" {
	script='i=0; s=; while [ $i -lt 10000 ]; do s="$s x"; case $s in *xx*) echo bad;; esac; i=$((i+1)); done; set -- $s; echo $#'
	same_as_dash "$script"
	expect 0 10000
}

@test "function calls and parameter expansions in a loop" {
	script='f() { v=${1%%:*}; w=${1#*:}; }; i=0; while [ $i -lt 20000 ]; do f "a:$i"; i=$((i+1)); done; echo $v $w'
	same_as_dash "$script"
	expect 0 'a 19999'
}

#!/usr/bin/env bats
# getopts: OPTIND/OPTARG, grouped options, option arguments, errors in normal and silent
# (leading ':') mode, "--", explicit arguments, resetting OPTIND=1, functions.

load test_helper

@test "getopts: a loop over grouped options and option arguments" {
	same_as_dash 'while getopts ab:c o -a -b x -c -bY -ac rest; do echo "$o [$OPTARG] $OPTIND"; done
echo "end $o [$OPTARG] $OPTIND"'
	expect 0 'a [] 2
b [x] 4
c [] 5
b [Y] 6
a [] 7
c [] 7
end ? [] 7'
}

@test "getopts: the positional parameters by default; shift past the options" {
	same_as_dash_args 'while getopts vf: o; do case $o in v) echo verbose;; f) echo "file $OPTARG";; esac; done
shift $((OPTIND - 1)); echo "rest: $*"' sh -v -f out.txt -- -x y
	expect 0 'verbose
file out.txt
rest: -x y'
}

@test "getopts: an unknown option gives ? with a message and OPTARG unset" {
	same_as_dash 'set -- -a -x -b; OPTARG=old; while getopts ab o; do echo "$o [${OPTARG-unset}] $OPTIND"; done; echo "end $? $o $OPTIND"'
	expect 0 'a [] 2
? [unset] 3
b [] 4
end 0 ? 4'
	[[ $stderr == *"Illegal option -x"* ]]
}

@test "getopts: silent mode puts the letter in OPTARG, : for a missing argument" {
	same_as_dash 'set -- -a -x -b; while getopts :ab: o; do echo "$o [$OPTARG] $OPTIND"; done; echo "end $o $OPTIND"'
	expect 0 'a [] 2
? [x] 3
: [b] 4
end ? 4'
	expect_stderr ''
}

@test "getopts: a missing option argument in normal mode" {
	same_as_dash 'getopts a: o -a; echo "$? $o [${OPTARG-unset}] $OPTIND"'
	expect 0 '0 ? [unset] 2'
	[[ $stderr == *"No arg for -a option"* ]]
}

@test "getopts: attached and empty option arguments" {
	same_as_dash 'getopts a: o -aval; echo "$o [$OPTARG] $OPTIND"; OPTIND=1
getopts a: o -a ""; echo "$o [$OPTARG] $OPTIND"; OPTIND=1; getopts ab: o -ab; echo "$o [$OPTARG] $OPTIND"'
	expect 0 'a [val] 2
a [] 3
a [] 2'
}

@test "getopts: --, a lone - and a non-option end the options" {
	same_as_dash 'set -- -a -- -b; while getopts ab o; do echo "$o $OPTIND"; done; echo "end $o $OPTIND"
set -- -a - -b; OPTIND=1; while getopts ab o; do echo "$o $OPTIND"; done; echo "end $o $OPTIND"
set -- a -b; OPTIND=1; while getopts ab o; do echo "$o $OPTIND"; done; echo "end $? $o $OPTIND"'
	expect 0 'a 2
end ? 3
a 2
end ? 2
end 0 ? 1'
}

@test "getopts: the end leaves OPTARG alone and returns 1" {
	same_as_dash 'OPTARG=keep; getopts a o; echo "$? $o [$OPTARG] $OPTIND"'
	expect 0 '1 ? [keep] 1'
}

@test "getopts: OPTIND=1 starts over, also inside a group" {
	same_as_dash 'set -- -ab; getopts ab o; echo $o $OPTIND; OPTIND=1; getopts ab o; echo $o $OPTIND
getopts ab o; echo $o $OPTIND; getopts ab o; echo $? $o $OPTIND
for i in 1 2; do OPTIND=1; while getopts xy: o -x -y1; do echo "$i $o $OPTARG"; done; done'
	expect 0 'a 2
a 2
b 2
1 ? 2
1 x 
1 y 1
2 x 
2 y 1'
}

@test "getopts: set -- starts over; a function has its own place" {
	same_as_dash 'set -- -a; getopts a o; echo $o $OPTIND; set -- -b; getopts b o; echo $o $OPTIND
OPTIND=1; f() { getopts ab x -b; echo "f $x $OPTIND"; }; getopts ab x -a -b; echo $x $OPTIND; f; getopts ab x -a -b; echo $x $OPTIND
g() { local OPTIND; while getopts q o "$@"; do echo "in $o"; done; }; g -q; g -q'
	expect 0 'a 2
b 2
a 2
f b 2
b 3
in q
in q'
}

@test "getopts: ':' itself can be an option letter" {
	same_as_dash 'getopts : o -:; echo "$? $o [${OPTARG-unset}] $OPTIND"'
	expect 0 '0 : [] 2'
}

@test "getopts: usage errors give status 2" {
	same_as_dash 'getopts; echo $?; getopts ab; echo $?; getopts a 1x -a; echo $?'
	expect 0 '2
2
2'
}

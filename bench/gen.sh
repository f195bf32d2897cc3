#!/bin/sh
# gen.sh: generate the benchmark workload scripts of issue 7 into DIR.
#
#   bench/gen.sh [--quick] DIR
#
# Sizes are the issue's; --quick divides them (about 1/10) for a smoke run.
# Any size can be overridden from the environment (N_EXEC, N_PIPE, N_REDIR,
# N_PARSE, N_LOOP, N_FUNCS, N_STARTUP, THROUGHPUT_BYTES).
#
# Every script is run as "SHELL script" from inside DIR, prints nothing, and
# exits 0; scripts whose result can be checked cheaply end with a check that
# exits 3 when the shell computed something wrong.  DIR/sizes.env records
# the sizes for run.sh.
set -eu

quick=0
case ${1-} in
--quick|-q) quick=1; shift ;;
esac
if [ $# -ne 1 ]; then
	echo "usage: $0 [--quick] DIR" >&2
	exit 2
fi
dir=$1
mkdir -p "$dir"

if [ "$quick" = 1 ]; then
	: "${N_EXEC:=200}" "${N_PIPE:=50}" "${N_REDIR:=100}" "${N_PARSE:=5000}"
	: "${N_LOOP:=20000}" "${N_FUNCS:=10000}" "${N_STARTUP:=20}"
	: "${THROUGHPUT_BYTES:=64M}"
else
	: "${N_EXEC:=2000}" "${N_PIPE:=500}" "${N_REDIR:=1000}" "${N_PARSE:=50000}"
	: "${N_LOOP:=200000}" "${N_FUNCS:=100000}" "${N_STARTUP:=200}"
	: "${THROUGHPUT_BYTES:=1G}"
fi

# exec: process start-up cost, one external command per line.
awk -v n="$N_EXEC" 'BEGIN { for (i = 0; i < n; i++) print "/bin/true" }' \
	>"$dir/exec.sh"

# pipe: four-stage pipelines of external commands.
awk -v n="$N_PIPE" 'BEGIN {
	for (i = 0; i < n; i++) print "/bin/true | /bin/true | /bin/true | /bin/true"
}' >"$dir/pipe.sh"

# redir: output redirection of a builtin, input+output redirection of an
# external command.
awk -v n="$N_REDIR" 'BEGIN {
	for (i = 0; i < n; i++) { print "echo hello > f"; print "cat < f > /dev/null" }
	print "[ -s f ] || exit 3"
}' >"$dir/redir.sh"

# parse: lexing/parsing/expansion of many distinct lines; nothing forks.
# $HOME stays literal in the script.
awk -v n="$N_PARSE" 'BEGIN {
	for (i = 1; i <= n; i++)
		printf "echo '\''line %d'\'' \"quoted $HOME\" plain > /dev/null\n", i
}' >"$dir/parse.sh"

# loop: builtin test and arithmetic in a while loop, no forks.
cat >"$dir/loop.sh" <<LOOP
i=0
while [ \$i -lt $N_LOOP ]; do
	i=\$((i+1))
done
[ \$i -eq $N_LOOP ] || exit 3
LOOP

# funcs: a function call per iteration using \${x%.*}, case and \$(( )).
# Expected n: +5 when the number ends in 0 or 5, +1 otherwise.
funcs_expect=$(awk -v n="$N_FUNCS" 'BEGIN {
	s = 0
	for (i = 0; i < n; i++) s += (i % 5 == 0) ? 5 : 1
	print s
}')
cat >"$dir/funcs.sh" <<FUNCS
f() {
	base=\${1%.*}
	case \$base in
	*[05]) n=\$((n + 5)) ;;
	file*) n=\$((n + 1)) ;;
	*) n=\$((n + 100)) ;;
	esac
}
i=0
n=0
while [ \$i -lt $N_FUNCS ]; do
	f "file\$i.txt"
	i=\$((i + 1))
done
[ \$n -eq $funcs_expect ] || exit 3
FUNCS

# throughput: the shell only sets up the pipeline; the data never touches it.
cat >"$dir/throughput.sh" <<THRU
head -c $THROUGHPUT_BYTES /dev/zero | cat | cat | cat > /dev/null
THRU

# startup has no script: run.sh starts "SHELL -c true" N_STARTUP times with
# the floor_exec driver.  memory reuses parse.sh.

cat >"$dir/sizes.env" <<SIZES
N_EXEC=$N_EXEC
N_PIPE=$N_PIPE
N_REDIR=$N_REDIR
N_PARSE=$N_PARSE
N_LOOP=$N_LOOP
N_FUNCS=$N_FUNCS
N_STARTUP=$N_STARTUP
THROUGHPUT_BYTES=$THROUGHPUT_BYTES
SIZES

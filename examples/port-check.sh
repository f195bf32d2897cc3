#!/usr/bin/env fdsh
# port-check.sh: which TCP ports accept a connection? (nc -z)
#
# Usage:   port-check.sh HOST PORT...    one line per port: HOST port PORT: open|closed
#          port-check.sh                 a demonstration on a port of its own (below)
# Status:  0 if every port is open, 1 if one is closed.
#
# nc -z connects and closes at once, sending nothing; -w 2 gives up after two
# seconds (a firewall that drops packets would otherwise keep us waiting).
# Without arguments the script listens on a free loopback port itself
# (nc -l -d 3 ... 0 keeps the listening socket on fd 3 and sets NC_PORT),
# checks it, closes fd 3 and checks again.
#
# Expected output (no arguments):
#   a port fdsh listens on: open
#   the same port after exec 3>&-: closed

# check LABEL HOST PORT: print whether HOST:PORT accepts a connection.
check() {
	if nc -z -w 2 "$2" "$3" 2>/dev/null; then
		echo "$1: open"
	else
		echo "$1: closed"
		return 1
	fi
}

if [ $# -ge 2 ]; then
	host=$1
	shift
	status=0
	for port; do
		check "$host port $port" "$host" "$port" || status=1
	done
	exit "$status"
fi

nc -l -d 3 127.0.0.1 0 || exit 1
check "a port fdsh listens on" 127.0.0.1 "$NC_PORT"
exec 3>&-
check "the same port after exec 3>&-" 127.0.0.1 "$NC_PORT"
exit 0

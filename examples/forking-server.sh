#!/usr/bin/env fdsh
# forking-server.sh: a fork-per-connection server written in the shell
#
# Usage:   forking-server.sh [PORT [MAX]]   PORT 7000 by default (0: a free port);
#                                           stop after MAX clients (default: never)
#
# What nc -l -k -e does inside, spelt out with sockets as file descriptors:
#   nc -l -d 3 ... PORT    listen, keeping the listening socket on fd 3
#   nc -a 3 -d 4           wait for a client, accept it onto fd 4 and set
#                          NC_PEER to its address:port
#   ( ... ) <&4 >&4 &      serve it in a child with the socket as stdin/stdout
#   exec 4>&-              the parent closes its copy, so the client sees EOF
#                          when the child ends
# Each client's lines come back numbered with the client's number: an echo
# server with a twist. The listening port and the clients go to stderr.
#
# Expected output: nothing on stdout. On stderr, for example:
#   listening on 127.0.0.1 port 7000
#   client 1 from 127.0.0.1:40312
# and echo-client.sh 127.0.0.1 7000, run as the first client, prints
#   sent 2 lines, the server answered:
#   1: hello
#   1: world

nc -l -d 3 127.0.0.1 "${1:-7000}" || exit 1
echo "listening on 127.0.0.1 port $NC_PORT" >&2
max=${2:-0}
n=0
while [ "$max" -eq 0 ] || [ "$n" -lt "$max" ]; do
	nc -a 3 -d 4 || break
	n=$((n + 1))
	echo "client $n from $NC_PEER" >&2
	# The child needs the client, not the listening socket: close fd 3 in it.
	# It answers line by line, so a client typing by hand sees each reply.
	(
		exec 3>&-
		while IFS= read -r line; do
			echo "$n: $line"
		done
	) <&4 >&4 &
	exec 4>&-
done
exec 3>&-
wait

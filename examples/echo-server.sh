#!/usr/bin/env fdsh
# echo-server.sh: a TCP echo server, one child per client (nc -l -k -e)
#
# Usage:   echo-server.sh [PORT [HOST]]     PORT 7000, HOST 127.0.0.1 by default;
#                                           PORT 0 picks a free port
# Stop it with Ctrl-C (or kill).
#
# nc -l listens, -k goes on accepting clients, and -e cat runs cat in a child
# for each client with the socket as its stdin and stdout, so every byte a
# client sends comes back to it. -v reports on stderr the address listened on
# (with the port chosen, for PORT 0) and every client that connects.
#
# Expected output: nothing on stdout. On stderr, for example:
#   nc: listening on 127.0.0.1:7000
#   nc: connection from 127.0.0.1:40312
# Try it with echo-client.sh 127.0.0.1 7000 in a second terminal.

nc -l -k -v -e cat "${2:-127.0.0.1}" "${1:-7000}"

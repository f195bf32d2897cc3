#!/usr/bin/env fdsh
# echo-client.sh: talk to an echo server through a socket kept on fd 3
#
# Usage:   echo-client.sh [HOST [PORT]]     127.0.0.1 and 7000 by default
# Status:  1 if the server cannot be reached.
#
# nc -d 3 connects and leaves the socket open on fd 3 instead of copying data,
# so the rest is ordinary redirections: write to it with >&3, announce that we
# are done with nc -s 3 (shutdown: the server reads end-of-file and its cat
# ends), then read the replies until the server closes with <&3.
#
# Expected output (with echo-server.sh or forking-server.sh running):
#   sent 2 lines, the server answered:
#   hello
#   world

nc -d 3 "${1:-127.0.0.1}" "${2:-7000}" || exit 1
echo hello >&3
echo world >&3
nc -s 3
echo "sent 2 lines, the server answered:"
cat <&3
exec 3>&-

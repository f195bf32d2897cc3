#!/usr/bin/env python3
"""Load on an echo server (tests/hygiene.bats, issue 8): TOTAL clients, CONC at once,
each sending SIZE random bytes, half-closing and checking the echo byte for byte.
Meanwhile one client connects and never sends, and some reset mid-stream: the others
must not notice.  Prints "ok TOTAL lost=L corrupted=C" (exit 0 only if both are 0).

  load_helper.py PORT TOTAL CONC SIZE
"""
import os
import socket
import struct
import sys
from concurrent.futures import ThreadPoolExecutor

TIMEOUT = 60


def echo_once(port, size):
    data = os.urandom(size)
    c = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
    try:
        c.sendall(data)
        c.shutdown(socket.SHUT_WR)
        got = bytearray()
        while True:
            b = c.recv(65536)
            if not b:
                break
            got += b
    finally:
        c.close()
    if len(got) < len(data):
        return "lost"
    return "ok" if got == data else "corrupted"


def reset_midstream(port, size):
    """Send half, then close with SO_LINGER 0: the server side sees a reset."""
    c = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
    c.sendall(os.urandom(size // 2))
    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    c.close()


def main(argv):
    port, total, conc, size = (int(a) for a in argv[1:5])
    idle = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
    results = {"ok": 0, "lost": 0, "corrupted": 0}
    with ThreadPoolExecutor(max_workers=conc) as pool:
        futures = []
        for i in range(total):
            if i % 100 == 50:
                pool.submit(reset_midstream, port, size)
            futures.append(pool.submit(echo_once, port, size))
        for f in futures:
            try:
                results[f.result()] += 1
            except OSError:
                results["lost"] += 1
    idle.close()
    print("ok %d lost=%d corrupted=%d" % (results["ok"], results["lost"], results["corrupted"]))
    return 0 if results["ok"] == total else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

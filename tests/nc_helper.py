#!/usr/bin/env python3
"""Peers for tests/nc.bats that are not written in fdsh: servers and clients on
loopback built on Python's socket module, so fdsh's nc is checked against a
real other implementation. Every wait is bounded (TIMEOUT seconds).

Servers write their port to PORTFILE once they listen, then serve until killed:
  upper PORTFILE              TCP: read until EOF (half-close), reply upper-cased
  digest PORTFILE             TCP: read until EOF, reply "LENGTH SHA256"
  send PORTFILE FILE          TCP: send FILE, then read until EOF, write it to FILE.in
  reset PORTFILE              TCP: read a line, then reset the connection (RST)
  full PORTFILE               TCP: a listener whose accept queue is full (connects hang)
  udp-upper PORTFILE          UDP: reply to each datagram upper-cased
  unix-upper PATH             Unix stream socket at PATH, as upper
Clients:
  client HOST PORT DATA       send DATA, half-close, print the reply
  unix-client PATH DATA       same over a Unix stream socket
  udp-client PORT DATA        send one datagram, print the reply
  clients PORT N              N clients connect at once, then each sends "client I\\n",
                              half-closes and must read back "CLIENT I\\n"; prints "ok N"
  free-port [udp]             print a port that is free right now
  has-ipv6                    status 0 if ::1 can be bound
"""
import hashlib
import os
import socket
import struct
import sys
import threading

TIMEOUT = 10


def ready(portfile, port):
    tmp = portfile + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % port)
    os.rename(tmp, portfile)


def read_all(c):
    data = b""
    while True:
        d = c.recv(65536)
        if not d:
            return data
        data += d


def tcp_listener(portfile, backlog=64):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0))
    s.listen(backlog)
    return s


def serve(s, portfile, port, handle):
    ready(portfile, port)
    while True:
        c, _ = s.accept()
        c.settimeout(TIMEOUT)
        threading.Thread(target=handle_and_close, args=(c, handle), daemon=True).start()


def handle_and_close(c, handle):
    try:
        handle(c)
    finally:
        c.close()


def upper(c):
    c.sendall(read_all(c).upper())


def digest(c):
    data = read_all(c)
    c.sendall(b"%d %s\n" % (len(data), hashlib.sha256(data).hexdigest().encode()))


def main(argv):
    cmd = argv[1]
    if cmd in ("upper", "digest", "reset", "send"):
        s = tcp_listener(argv[2])
        if cmd == "send":
            path = argv[3]

            def send(c):
                with open(path, "rb") as f:
                    c.sendall(f.read())
                c.shutdown(socket.SHUT_WR)
                with open(path + ".in", "wb") as f:
                    f.write(read_all(c))
            handler = send
        elif cmd == "reset":
            def reset(c):
                c.recv(100)
                c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            handler = reset
        else:
            handler = upper if cmd == "upper" else digest
        serve(s, argv[2], s.getsockname()[1], handler)
    elif cmd == "unix-upper":
        s = socket.socket(socket.AF_UNIX)
        s.bind(argv[2])
        s.listen(16)
        serve(s, argv[2] + ".ready", 0, upper)
    elif cmd == "full":
        s = tcp_listener(argv[2], backlog=0)
        port = s.getsockname()[1]
        held = []
        for _ in range(4):  # more than the queue holds: later SYNs are dropped
            c = socket.socket()
            c.setblocking(False)
            try:
                c.connect(("127.0.0.1", port))
            except BlockingIOError:
                pass
            held.append(c)
        ready(argv[2], port)
        threading.Event().wait(TIMEOUT * 6)
    elif cmd == "udp-upper":
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind(("127.0.0.1", 0))
        ready(argv[2], s.getsockname()[1])
        while True:
            d, a = s.recvfrom(65536)
            s.sendto(d.upper(), a)
    elif cmd in ("client", "unix-client"):
        if cmd == "client":
            c = socket.create_connection((argv[2], int(argv[3])), timeout=TIMEOUT)
            data = argv[4]
        else:
            c = socket.socket(socket.AF_UNIX)
            c.settimeout(TIMEOUT)
            c.connect(argv[2])
            data = argv[3]
        c.sendall(data.encode())
        c.shutdown(socket.SHUT_WR)
        sys.stdout.write(read_all(c).decode())
    elif cmd == "udp-client":
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        u.settimeout(TIMEOUT)
        u.sendto(argv[3].encode(), ("127.0.0.1", int(argv[2])))
        sys.stdout.write(u.recvfrom(65536)[0].decode())
    elif cmd == "clients":
        return clients(int(argv[2]), int(argv[3]))
    elif cmd == "free-port":
        kind = socket.SOCK_DGRAM if argv[2:] == ["udp"] else socket.SOCK_STREAM
        s = socket.socket(socket.AF_INET, kind)
        s.bind(("127.0.0.1", 0))
        print(s.getsockname()[1])
    elif cmd == "has-ipv6":
        try:
            socket.socket(socket.AF_INET6).bind(("::1", 0))
        except OSError:
            return 1
    else:
        print("nc_helper: unknown command " + cmd, file=sys.stderr)
        return 2
    return 0


def clients(port, n):
    """n clients connected at the same time, each must get its own answer."""
    socks = [socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) for _ in range(n)]
    answers = [None] * n

    def talk(i):
        c = socks[i]
        try:
            c.sendall(b"client %d\n" % i)
            c.shutdown(socket.SHUT_WR)
            answers[i] = read_all(c)
        except OSError as e:
            answers[i] = str(e).encode()
        c.close()

    threads = [threading.Thread(target=talk, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(TIMEOUT)
    bad = [(i, a) for i, a in enumerate(answers) if a != b"CLIENT %d\n" % i]
    for i, a in bad:
        print("client %d got %r" % (i, a))
    print("ok %d" % (n - len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

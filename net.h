/* net.h - sockets as file descriptors: resolve, connect, listen, accept, copy.
 *
 * This module knows nothing about the shell (like bash's lib/sh/netopen.c). It is
 * used by builtins/nc.c and by the /dev/tcp and /dev/udp redirections.
 *
 * Conventions:
 * - Functions that open a socket return the fd (>= 0) or -1 with the reason in a
 *   struct net_err, ready to print after "nc: ".
 * - Every fd this module opens is close-on-exec (SOCK_CLOEXEC) unless the caller
 *   sets keep_on_exec: the shell decides which fds its children inherit.
 * - Ports are strings ("7000", "http") so that getaddrinfo can resolve service
 *   names; net_parse_port() checks a numeric port first.
 */
#ifndef FDSH_NET_H
#define FDSH_NET_H

#include <signal.h>
#include <stddef.h>
#include <sys/socket.h>

/* Why a call failed: one line of text plus the errno (or 0 for a resolver error). */
struct net_err {
	char *msg; /* malloc'd "connect to HOST port P: reason"; NULL when no error */
	int code;  /* errno value, or 0 when the resolver failed */
};

/* How to open a socket. Zero-initialised means: any family, TCP, no timeout. */
struct net_opts {
	int family;       /* AF_UNSPEC, AF_INET or AF_INET6 (-4/-6) */
	int udp;          /* nonzero: SOCK_DGRAM instead of SOCK_STREAM (-u) */
	int timeout_ms;   /* connect/accept/first-datagram timeout; <= 0: none */
	int keep_on_exec; /* nonzero: leave FD_CLOEXEC off the new fd */
	/* Waits are done with poll, which a signal always interrupts: if STOP is set
	 * and nonzero after a signal, the call gives up with EINTR; otherwise it
	 * waits on. The caller's handler sets *STOP (SIGINT, SIGTERM). */
	volatile sig_atomic_t *stop;
};

/* Options of the copy loop (see net_copy). */
struct net_copy_opts {
	int idle_ms;     /* end after this long with no data either way; <= 0: never */
	int udp;         /* the socket is a datagram socket: 0 bytes is not EOF, no shutdown */
	int linger_udp;  /* UDP only: after input EOF keep reading until idle_ms */
	volatile sig_atomic_t *stop; /* if set and nonzero after a signal, return */
};

/* A printable address: "127.0.0.1", "::1" or a Unix path, and the port (-1 for Unix). */
struct net_addr {
	char host[1025]; /* NI_MAXHOST: numeric addresses and socket paths fit */
	int port;
};

void net_err_free(struct net_err *err);

/* Parses a decimal port 0..65535 into *port. Returns 0, or -1 if S is not one. */
int net_parse_port(const char *s, int *port);

/* Resolves HOST/PORT and connects to the first address that accepts, each try
 * bounded by opts->timeout_ms. For UDP, "connect" only sets the default peer. */
int net_connect(const char *host, const char *port, const struct net_opts *opts,
		struct net_err *err);

/* Binds and listens on HOST (NULL: every address; IPv6 and IPv4 together when the
 * family is open) and PORT ("0": a free port, see net_local_port). SO_REUSEADDR
 * is set. For UDP the socket is bound only; see net_udp_wait. */
int net_listen(const char *host, const char *port, const struct net_opts *opts,
	       struct net_err *err);

/* Waits for the first datagram on the bound UDP socket FD and connects FD to its
 * sender, so that read and write talk to that peer. Returns 0 or -1. */
int net_udp_wait(int fd, const struct net_opts *opts, struct net_addr *peer,
		 struct net_err *err);

/* Connects to / listens on the Unix-domain stream socket at PATH. */
int net_unix_connect(const char *path, const struct net_opts *opts, struct net_err *err);
int net_unix_listen(const char *path, const struct net_opts *opts, struct net_err *err);

/* Accepts one connection on the listening socket LFD (close-on-exec unless
 * opts->keep_on_exec; opts->timeout_ms and opts->stop bound the wait) and fills
 * PEER if not NULL. Returns the new fd, or -1 with ERR set (code EINTR when
 * stopped, ETIMEDOUT on timeout). */
int net_accept(int lfd, const struct net_opts *opts, struct net_addr *peer,
	       struct net_err *err);

/* Local port of a bound socket (after port 0), or -1. */
int net_local_port(int fd);

/* Address of the peer / of the local end of FD. Returns 0 or -1 (not a socket...). */
int net_peer_addr(int fd, struct net_addr *out);
int net_local_addr(int fd, struct net_addr *out);

/* Formats A as "127.0.0.1:7000", "[::1]:7000" or "/path" into BUF (size >= 1040). */
void net_addr_format(const struct net_addr *a, char *buf, size_t size);

/* Shuts down the write side of socket FD: the peer reads EOF, replies can still
 * be read. Returns 0 or -1 with errno (ENOTSOCK if FD is no socket). */
int net_shutdown_write(int fd);

/* Describes socket FD in one line ("tcp 127.0.0.1:5000 -> 127.0.0.1:7000",
 * "tcp listen 0.0.0.0:7000", "unix /tmp/s"). Returns malloc'd text or NULL when
 * FD is not a socket. */
char *net_describe(int fd);

/* The copy loop of netcat: copies IN to SOCK and SOCK to OUT at the same time
 * with poll. On EOF of IN the write side of SOCK is shut down (half-close) and
 * the reply is still read; ends when both directions are done, after
 * OPTS->idle_ms of silence, or when *OPTS->stop is set after a signal. A reader
 * of OUT that goes away ends it quietly (EPIPE; SIGPIPE is held back), a peer
 * that closed only stops the sending; a reset is an error. IN may be -1.
 * Returns 0, -1 with ERR set ("read from socket: Connection reset by peer"),
 * or -2 when stopped. */
int net_copy(int in, int out, int sock, const struct net_copy_opts *opts,
	     struct net_err *err);

#endif /* FDSH_NET_H */

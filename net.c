/* net.c - sockets as file descriptors. No shell headers here (see net.h); only
 * the teaching trace, which shows each socket call as the other wrappers do:
 *     [shell 4211] connect(3, 127.0.0.1:7000) = -1 ECONNREFUSED (Connection refused) */
#include "net.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "trace.h"

/* Bytes moved per read in the copy loop: large enough that a bulk transfer costs
 * few system calls, small enough to stay in the cache. */
#define NET_BUFSIZE (128 * 1024)
/* The largest payload of one UDP datagram over IPv4. */
#define NET_UDP_MAX 65507

static const struct net_opts default_opts;

/* ---- errors ------------------------------------------------------------- */

void net_err_free(struct net_err *err)
{
	free(err->msg);
	err->msg = NULL;
	err->code = 0;
}

__attribute__((format(printf, 3, 4)))
static void set_err(struct net_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return;
	free(err->msg);
	err->code = code;
	va_start(ap, fmt);
	if (vasprintf(&err->msg, fmt, ap) < 0)
		err->msg = NULL;
	va_end(ap);
}

/* "listen on HOST port P" or "listen on port P" when HOST is NULL (every address). */
static void set_addr_err(struct net_err *err, int code, const char *what,
			 const char *host, const char *port)
{
	if (host)
		set_err(err, code, "%s %s port %s: %s", what, host, port, strerror(code));
	else
		set_err(err, code, "%s port %s: %s", what, port, strerror(code));
}

static void set_gai_err(struct net_err *err, int rc, const char *host, const char *port)
{
	if (rc == EAI_SYSTEM)
		set_err(err, errno, "resolve %s: %s", host ? host : "*", strerror(errno));
	else if (rc == EAI_SERVICE)
		set_err(err, 0, "unknown port %s: %s", port, gai_strerror(rc));
	else
		set_err(err, 0, "unknown host %s: %s", host ? host : "*", gai_strerror(rc));
}

int net_parse_port(const char *s, int *port)
{
	long v = 0;

	if (!*s || strlen(s) > 5)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
	}
	if (v > 65535)
		return -1;
	*port = (int)v;
	return 0;
}

/* ---- waiting ------------------------------------------------------------ */

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

/* Waits until FD has EVENTS, for at most TIMEOUT_MS (<= 0: forever). A signal
 * ends the wait only when *STOP is set. Returns the revents, or -1 with errno
 * ETIMEDOUT or EINTR. */
static int wait_fd(int fd, short events, int timeout_ms, volatile sig_atomic_t *stop)
{
	long deadline = timeout_ms > 0 ? now_ms() + timeout_ms : 0;
	struct pollfd p = { .fd = fd, .events = events };

	for (;;) {
		int left = -1;

		if (deadline) {
			long ms = deadline - now_ms();
			left = ms > 0 ? (int)ms : 0;
		}
		int n = poll(&p, 1, left);
		if (n > 0)
			return p.revents;
		if (n == 0) {
			errno = ETIMEDOUT;
			return -1;
		}
		if (errno != EINTR || (stop && *stop))
			return -1;
	}
}

/* ---- the teaching trace ---------------------------------------------------- */

static void addr_from(struct net_addr *a, const struct sockaddr *sa, socklen_t len);

static void trace_result(const char *call, long r, int err)
{
	if (r < 0)
		trace_note("%s = -1 %s (%s)", call,
			   strerrorname_np(err) ? strerrorname_np(err) : "?", strerror(err));
	else
		trace_note("%s = %ld", call, r);
}

/* "connect(3, 127.0.0.1:7000)", "bind(3, [::]:0)", "connect(3, /tmp/s)" */
static void trace_addr_call(const char *name, int fd, const struct sockaddr *sa,
			    socklen_t len, int r)
{
	int err = errno;
	struct net_addr a;
	char addr[1100], call[1200];

	addr_from(&a, sa, len);
	net_addr_format(&a, addr, sizeof addr);
	snprintf(call, sizeof call, "%s(%d, %s)", name, fd, addr);
	trace_result(call, r, err);
	errno = err;
}

static const char *family_name(int family)
{
	return family == AF_INET ? "AF_INET" : family == AF_INET6 ? "AF_INET6"
	       : family == AF_UNIX ? "AF_UNIX" : "?";
}

static int t_socket(int family, int type, int proto)
{
	int r = socket(family, type, proto);
	if (TRACE_UNLIKELY(trace_on)) {
		int err = errno;
		char call[100];
		snprintf(call, sizeof call, "socket(%s, %s%s)", family_name(family),
			 (type & 0xf) == SOCK_DGRAM ? "SOCK_DGRAM" : "SOCK_STREAM",
			 (type & SOCK_CLOEXEC) ? "|SOCK_CLOEXEC" : "");
		trace_result(call, r, err);
		errno = err;
	}
	return r;
}

static int t_bind(int fd, const struct sockaddr *sa, socklen_t len)
{
	int r = bind(fd, sa, len);
	if (TRACE_UNLIKELY(trace_on))
		trace_addr_call("bind", fd, sa, len, r);
	return r;
}

static int t_listen(int fd, int backlog)
{
	int r = listen(fd, backlog);
	if (TRACE_UNLIKELY(trace_on)) {
		int err = errno;
		char call[64];
		snprintf(call, sizeof call, "listen(%d, %d)", fd, backlog);
		trace_result(call, r, err);
		errno = err;
	}
	return r;
}

static int t_accept4(int lfd, struct sockaddr_storage *ss, socklen_t *len, int flags)
{
	int r = accept4(lfd, (struct sockaddr *)ss, len, flags);
	if (TRACE_UNLIKELY(trace_on)) {
		if (r >= 0)
			trace_addr_call("accept4", lfd, (struct sockaddr *)ss, *len, r);
		else
			trace_result("accept4", r, errno);
	}
	return r;
}

static int t_shutdown_wr(int fd)
{
	int r = shutdown(fd, SHUT_WR);
	if (TRACE_UNLIKELY(trace_on)) {
		int err = errno;
		char call[64];
		snprintf(call, sizeof call, "shutdown(%d, SHUT_WR)", fd);
		trace_result(call, r, err);
		errno = err;
	}
	return r;
}

/* ---- opening sockets ---------------------------------------------------- */

static int new_socket(int family, int type, int proto, const struct net_opts *o)
{
	/* SOCK_CLOEXEC: the shell's children must not inherit a socket they were
	 * not given; the caller dup2s it onto the fd the user asked for. */
	return t_socket(family, type | (o->keep_on_exec ? 0 : SOCK_CLOEXEC), proto);
}

/* connect() that gives up after o->timeout_ms: the socket is made non-blocking,
 * connect starts the handshake, poll waits for it to finish, SO_ERROR tells how. */
static int connect_wait(int fd, const struct sockaddr *sa, socklen_t len,
			const struct net_opts *o)
{
	int flags = fcntl(fd, F_GETFL);
	int rc, soerr = 0;
	socklen_t elen = sizeof soerr;

	if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
		return -1;
	rc = connect(fd, sa, len);
	if (rc < 0 && (errno == EINPROGRESS || errno == EINTR)) {
		if (wait_fd(fd, POLLOUT, o->timeout_ms, o->stop) < 0)
			return -1;
		if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &elen) < 0)
			return -1;
		rc = soerr ? -1 : 0;
		errno = soerr;
	}
	if (TRACE_UNLIKELY(trace_on))
		trace_addr_call("connect", fd, sa, len, rc);
	if (rc == 0 && fcntl(fd, F_SETFL, flags) < 0)
		return -1;
	return rc;
}

static void hints_for(struct addrinfo *h, const struct net_opts *o, int passive)
{
	memset(h, 0, sizeof *h);
	h->ai_family = o->family;
	h->ai_socktype = o->udp ? SOCK_DGRAM : SOCK_STREAM;
	h->ai_protocol = o->udp ? IPPROTO_UDP : IPPROTO_TCP;
	h->ai_flags = passive ? AI_PASSIVE : 0;
}

int net_connect(const char *host, const char *port, const struct net_opts *o,
		struct net_err *err)
{
	struct addrinfo hints, *res, *ai;
	int fd = -1, code = EADDRNOTAVAIL, rc;

	if (!o)
		o = &default_opts;
	hints_for(&hints, o, 0);
	rc = getaddrinfo(host, port, &hints, &res);
	if (rc != 0) {
		set_gai_err(err, rc, host, port);
		return -1;
	}
	/* A name can have several addresses (::1 and 127.0.0.1): try each in turn. */
	for (ai = res; ai; ai = ai->ai_next) {
		fd = new_socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol, o);
		if (fd >= 0 && connect_wait(fd, ai->ai_addr, ai->ai_addrlen, o) == 0)
			break;
		code = errno;
		if (fd >= 0)
			t_close(fd);
		fd = -1;
		if (code == EINTR)
			break;
	}
	freeaddrinfo(res);
	if (fd < 0)
		set_addr_err(err, code, "connect to", host, port);
	return fd;
}

/* Binds (and for TCP listens) on the first address of HOST/PORT that works. */
static int listen_on(const char *host, const char *port, const struct net_opts *o,
		     struct net_err *err)
{
	struct addrinfo hints, *res, *ai;
	int fd = -1, code = EADDRNOTAVAIL, rc, on = 1, off = 0;

	hints_for(&hints, o, 1);
	rc = getaddrinfo(host, port, &hints, &res);
	if (rc != 0) {
		set_gai_err(err, rc, host, port);
		return -1;
	}
	for (ai = res; ai; ai = ai->ai_next) {
		fd = new_socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol, o);
		if (fd < 0) {
			code = errno;
			continue;
		}
		/* SO_REUSEADDR: a server restarted right after it stopped can bind its
		 * port again although old connections are still in TIME_WAIT. (Not for
		 * UDP, where it would let two listeners share a port.) */
		if (!o->udp)
			setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
		/* The IPv6 wildcard also takes IPv4 clients (as ::ffff:a.b.c.d). */
		if (ai->ai_family == AF_INET6 && !host)
			setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
		if (t_bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 &&
		    (o->udp || t_listen(fd, SOMAXCONN) == 0))
			break;
		code = errno;
		t_close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd < 0)
		set_addr_err(err, code, "listen on", host, port);
	return fd;
}

int net_listen(const char *host, const char *port, const struct net_opts *o,
	       struct net_err *err)
{
	struct net_opts inet = o ? *o : default_opts;
	struct net_err err6 = { 0 };
	int fd;

	if (host || inet.family != AF_UNSPEC)
		return listen_on(host, port, &inet, err);
	/* Every address, any family: one dual-stack IPv6 socket if the system has
	 * IPv6, else IPv4 alone. */
	inet.family = AF_INET6;
	fd = listen_on(NULL, port, &inet, &err6);
	if (fd >= 0 || err6.code == EADDRINUSE || err6.code == EACCES) {
		if (err) {
			net_err_free(err);
			*err = err6;
		} else {
			net_err_free(&err6);
		}
		return fd;
	}
	net_err_free(&err6);
	inet.family = AF_INET;
	return listen_on(NULL, port, &inet, err);
}

/* ---- addresses ---------------------------------------------------------- */

/* Fills A from a socket address; IPv4 clients of a dual-stack socket are shown
 * as plain IPv4. */
static void addr_from(struct net_addr *a, const struct sockaddr *sa, socklen_t len)
{
	const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)sa;
	const struct sockaddr_un *su = (const struct sockaddr_un *)sa;
	struct sockaddr_in s4;

	a->host[0] = '\0';
	a->port = -1;
	if (sa->sa_family == AF_UNIX) {
		size_t n = len > offsetof(struct sockaddr_un, sun_path)
				   ? len - offsetof(struct sockaddr_un, sun_path) : 0;
		if (n >= sizeof a->host)
			n = sizeof a->host - 1;
		memcpy(a->host, su->sun_path, n);
		a->host[n] = '\0';
		return;
	}
	if (sa->sa_family == AF_INET6 && IN6_IS_ADDR_V4MAPPED(&s6->sin6_addr)) {
		memset(&s4, 0, sizeof s4);
		s4.sin_family = AF_INET;
		s4.sin_port = s6->sin6_port;
		memcpy(&s4.sin_addr, &s6->sin6_addr.s6_addr[12], 4);
		sa = (const struct sockaddr *)&s4;
		len = sizeof s4;
	}
	if (sa->sa_family != AF_INET && sa->sa_family != AF_INET6)
		return;
	getnameinfo(sa, len, a->host, sizeof a->host, NULL, 0, NI_NUMERICHOST);
	a->port = ntohs(sa->sa_family == AF_INET ? ((const struct sockaddr_in *)sa)->sin_port
						 : ((const struct sockaddr_in6 *)sa)->sin6_port);
}

static int sock_addr(int fd, struct net_addr *out, int peer)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	int rc = peer ? getpeername(fd, (struct sockaddr *)&ss, &len)
		      : getsockname(fd, (struct sockaddr *)&ss, &len);

	if (rc < 0)
		return -1;
	addr_from(out, (struct sockaddr *)&ss, len);
	return 0;
}

int net_peer_addr(int fd, struct net_addr *out)
{
	return sock_addr(fd, out, 1);
}

int net_local_addr(int fd, struct net_addr *out)
{
	return sock_addr(fd, out, 0);
}

int net_local_port(int fd)
{
	struct net_addr a;

	return sock_addr(fd, &a, 0) < 0 ? -1 : a.port;
}

void net_addr_format(const struct net_addr *a, char *buf, size_t size)
{
	if (a->port < 0)
		snprintf(buf, size, "%s", a->host);
	else if (strchr(a->host, ':'))
		snprintf(buf, size, "[%s]:%d", a->host, a->port);
	else
		snprintf(buf, size, "%s:%d", a->host, a->port);
}

/* ---- accepting ---------------------------------------------------------- */

int net_accept(int lfd, const struct net_opts *o, struct net_addr *peer,
	       struct net_err *err)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int fd;

	if (!o)
		o = &default_opts;
	for (;;) {
		/* Wait in poll, not in accept: poll is interrupted by a signal even
		 * when its handler was installed with SA_RESTART. */
		if (wait_fd(lfd, POLLIN, o->timeout_ms, o->stop) < 0)
			break;
		len = sizeof ss;
		fd = t_accept4(lfd, &ss, &len, o->keep_on_exec ? 0 : SOCK_CLOEXEC);
		if (fd >= 0) {
			if (peer)
				addr_from(peer, (struct sockaddr *)&ss, len);
			return fd;
		}
		/* A client that gave up between poll and accept is not our error. */
		if (errno != ECONNABORTED && errno != EINTR && errno != EAGAIN)
			break;
	}
	set_err(err, errno, "accept: %s", strerror(errno));
	return -1;
}

int net_udp_wait(int fd, const struct net_opts *o, struct net_addr *peer,
		 struct net_err *err)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	char c;

	if (!o)
		o = &default_opts;
	if (wait_fd(fd, POLLIN, o->timeout_ms, o->stop) < 0) {
		set_err(err, errno, "receive: %s", strerror(errno));
		return -1;
	}
	/* MSG_PEEK: learn the sender and leave the datagram for the copy loop. */
	if (recvfrom(fd, &c, 1, MSG_PEEK, (struct sockaddr *)&ss, &len) < 0 ||
	    connect(fd, (struct sockaddr *)&ss, len) < 0) {
		set_err(err, errno, "receive: %s", strerror(errno));
		return -1;
	}
	if (peer)
		addr_from(peer, (struct sockaddr *)&ss, len);
	return 0;
}

/* ---- Unix-domain sockets ------------------------------------------------ */

static int unix_socket(const char *path, const struct net_opts *o, struct sockaddr_un *sa,
		       const char *what, struct net_err *err)
{
	int fd;

	memset(sa, 0, sizeof *sa);
	sa->sun_family = AF_UNIX;
	if (strlen(path) >= sizeof sa->sun_path) {
		set_err(err, ENAMETOOLONG, "%s %s: %s", what, path, strerror(ENAMETOOLONG));
		return -1;
	}
	strcpy(sa->sun_path, path);
	fd = new_socket(AF_UNIX, SOCK_STREAM, 0, o ? o : &default_opts);
	if (fd < 0)
		set_err(err, errno, "%s %s: %s", what, path, strerror(errno));
	return fd;
}

int net_unix_connect(const char *path, const struct net_opts *o, struct net_err *err)
{
	struct sockaddr_un sa;
	int fd = unix_socket(path, o, &sa, "connect to", err);

	if (fd < 0)
		return -1;
	int rc = connect(fd, (struct sockaddr *)&sa, sizeof sa);
	if (TRACE_UNLIKELY(trace_on))
		trace_addr_call("connect", fd, (struct sockaddr *)&sa, sizeof sa, rc);
	if (rc < 0) {
		set_err(err, errno, "connect to %s: %s", path, strerror(errno));
		t_close(fd);
		return -1;
	}
	return fd;
}

int net_unix_listen(const char *path, const struct net_opts *o, struct net_err *err)
{
	struct sockaddr_un sa;
	int fd = unix_socket(path, o, &sa, "listen on", err);

	if (fd < 0)
		return -1;
	if (t_bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0 || t_listen(fd, SOMAXCONN) < 0) {
		set_err(err, errno, "listen on %s: %s", path, strerror(errno));
		t_close(fd);
		return -1;
	}
	return fd;
}

/* ---- small things ------------------------------------------------------- */

int net_shutdown_write(int fd)
{
	return t_shutdown_wr(fd);
}

char *net_describe(int fd)
{
	int type, domain, listening = 0, rc;
	socklen_t len = sizeof type;
	struct net_addr local, peer;
	char lbuf[1100], pbuf[1100];
	const char *proto;
	char *out = NULL;

	if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) < 0)
		return NULL;
	len = sizeof domain;
	if (getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &len) < 0)
		domain = AF_UNSPEC;
	len = sizeof listening;
	getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len);
	if (domain == AF_UNIX)
		proto = type == SOCK_STREAM ? "unix" : "unix-dgram";
	else
		proto = type == SOCK_STREAM ? "tcp" : type == SOCK_DGRAM ? "udp" : "socket";
	if (net_local_addr(fd, &local) < 0)
		local.host[0] = '\0', local.port = -1;
	net_addr_format(&local, lbuf, sizeof lbuf);
	if (listening)
		rc = asprintf(&out, "%s listen %s", proto, lbuf);
	else if (net_peer_addr(fd, &peer) == 0) {
		net_addr_format(&peer, pbuf, sizeof pbuf);
		rc = asprintf(&out, "%s %s -> %s", proto, lbuf, pbuf);
	} else
		rc = asprintf(&out, "%s %s", proto, lbuf);
	if (rc < 0)
		out = NULL;
	return out;
}

/* ---- the copy loop ------------------------------------------------------ */

/* One direction of the copy: bytes read from the source wait in BUF until the
 * destination takes them. */
struct copy_half {
	char *buf;
	size_t off, len; /* pending bytes: buf[off .. off+len) */
	int open;        /* the source may still give data */
};

struct copy {
	int in, out, sock;
	const struct net_copy_opts *o;
	struct copy_half up;   /* in -> sock */
	struct copy_half down; /* sock -> out */
	int shut;              /* the write side of sock is shut down */
	int out_ok;            /* the reader of OUT is still there */
	int got_epipe;         /* a write to OUT raised SIGPIPE (blocked) */
	struct net_err *err;
};

/* The peer is gone for good: nothing more can be sent. */
static void peer_gone_for_sending(struct copy *c)
{
	c->up.len = 0;
	c->up.open = 0;
	c->shut = 1;
}

static int copy_read_in(struct copy *c)
{
	size_t cap = c->o->udp ? NET_UDP_MAX : NET_BUFSIZE;
	ssize_t n = read(c->in, c->up.buf, cap);

	if (n > 0) {
		c->up.off = 0;
		c->up.len = (size_t)n;
	} else if (n == 0) {
		c->up.open = 0;
	} else if (errno != EINTR && errno != EAGAIN) {
		set_err(c->err, errno, "read from input: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* Sends what is pending up; the socket is non-blocking, so a full send buffer
 * leaves the rest for the next POLLOUT instead of blocking the other direction. */
static int copy_send(struct copy *c)
{
	while (c->up.len > 0) {
		/* MSG_NOSIGNAL: a peer that went away gives EPIPE, not SIGPIPE. */
		ssize_t n = send(c->sock, c->up.buf + c->up.off, c->up.len, MSG_NOSIGNAL);
		if (n >= 0) {
			c->up.off += (size_t)n;
			c->up.len -= (size_t)n;
		} else if (errno == EAGAIN) {
			return 0;
		} else if (errno == EPIPE) {
			/* The peer closed: nothing more can go there, its data may still come. */
			peer_gone_for_sending(c);
		} else if (errno != EINTR) {
			set_err(c->err, errno, "write to socket: %s", strerror(errno));
			return -1;
		}
	}
	return 0;
}

static int copy_recv(struct copy *c)
{
	ssize_t n = recv(c->sock, c->down.buf, NET_BUFSIZE, 0);

	if (n > 0) {
		c->down.off = 0;
		c->down.len = (size_t)n;
	} else if (n == 0) {
		/* For UDP an empty datagram is just that; for a stream it is EOF. */
		if (!c->o->udp)
			c->down.open = 0;
	} else if (errno != EINTR && errno != EAGAIN) {
		/* ECONNRESET: the peer reset; ECONNREFUSED (UDP): nobody listens. */
		set_err(c->err, errno, "read from socket: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static int copy_write_out(struct copy *c)
{
	while (c->down.len > 0) {
		ssize_t n = write(c->out, c->down.buf + c->down.off, c->down.len);
		if (n >= 0) {
			c->down.off += (size_t)n;
			c->down.len -= (size_t)n;
		} else if (errno == EPIPE) {
			/* The reader went away (head -1): end quietly. */
			c->got_epipe = 1;
			c->out_ok = 0;
			return 0;
		} else if (errno == EAGAIN) {
			return 0;
		} else if (errno != EINTR) {
			set_err(c->err, errno, "write to output: %s", strerror(errno));
			return -1;
		}
	}
	return 0;
}

/* After the input ended and everything was sent: tell the peer (half-close). */
static void copy_maybe_shutdown(struct copy *c)
{
	if (c->shut || c->up.open || c->up.len > 0)
		return;
	if (!c->o->udp)
		t_shutdown_wr(c->sock);
	c->shut = 1;
}

static int copy_done(const struct copy *c)
{
	int sending_done = !c->up.open && c->up.len == 0;
	int receiving_done = !c->down.open && c->down.len == 0;

	if (!c->out_ok || (sending_done && receiving_done))
		return 1;
	/* UDP has no EOF: after the input ends, wait for replies only if asked. */
	return c->o->udp && sending_done && !c->o->linger_udp;
}

static void copy_poll_setup(const struct copy *c, struct pollfd *p)
{
	short sock_ev = 0;

	p[0].fd = c->up.open && c->up.len == 0 ? c->in : -1;
	p[0].events = POLLIN;
	if (c->down.open && c->down.len == 0)
		sock_ev |= POLLIN;
	if (c->up.len > 0)
		sock_ev |= POLLOUT;
	p[1].fd = sock_ev ? c->sock : -1;
	p[1].events = sock_ev;
	p[2].fd = c->down.len > 0 ? c->out : -1;
	p[2].events = POLLOUT;
}

/* One round: act on what poll reported. Returns 0 or -1 (error in c->err). */
static int copy_step(struct copy *c, const struct pollfd *p)
{
	const short any = POLLIN | POLLOUT | POLLHUP | POLLERR;

	if (p[0].revents & POLLNVAL)
		c->up.open = 0;
	else if ((p[0].revents & any) && (copy_read_in(c) < 0 || copy_send(c) < 0))
		return -1;
	if ((p[1].revents & any) && c->up.len > 0 && copy_send(c) < 0)
		return -1;
	if ((p[1].revents & any) && c->down.open && c->down.len == 0 &&
	    (copy_recv(c) < 0 || copy_write_out(c) < 0))
		return -1;
	if (p[2].revents & POLLNVAL)
		c->out_ok = 0;
	else if ((p[2].revents & any) && copy_write_out(c) < 0)
		return -1;
	copy_maybe_shutdown(c);
	return 0;
}

static int copy_loop(struct copy *c)
{
	struct pollfd p[3];

	copy_maybe_shutdown(c);
	while (!copy_done(c)) {
		copy_poll_setup(c, p);
		int n = poll(p, 3, c->o->idle_ms > 0 ? c->o->idle_ms : -1);
		if (n == 0)
			return 0; /* idle timeout: the quiet end of -w */
		if (n < 0) {
			if (errno != EINTR) {
				set_err(c->err, errno, "poll: %s", strerror(errno));
				return -1;
			}
			if (c->o->stop && *c->o->stop)
				return -2;
			continue;
		}
		if (copy_step(c, p) < 0)
			return -1;
	}
	return 0;
}

int net_copy(int in, int out, int sock, const struct net_copy_opts *o,
	     struct net_err *err)
{
	static const struct net_copy_opts none;
	struct copy c = { .in = in, .out = out, .sock = sock, .o = o ? o : &none,
			  .up.open = in >= 0, .down.open = 1, .out_ok = 1, .err = err };
	sigset_t pipe_set, old_mask;
	int flags = fcntl(sock, F_GETFL), rc = -1;

	c.up.buf = malloc(NET_BUFSIZE);
	c.down.buf = malloc(NET_BUFSIZE);
	if (!c.up.buf || !c.down.buf || flags < 0) {
		set_err(err, errno, "copy: %s", strerror(errno));
		goto out;
	}
	/* Writes to OUT may hit a reader that went away; block SIGPIPE so that the
	 * shell running this builtin sees EPIPE instead of dying. */
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	sigprocmask(SIG_BLOCK, &pipe_set, &old_mask);
	fcntl(sock, F_SETFL, flags | O_NONBLOCK);
	rc = copy_loop(&c);
	fcntl(sock, F_SETFL, flags);
	if (c.got_epipe && !sigismember(&old_mask, SIGPIPE)) {
		/* Take the pending SIGPIPE back before unblocking it. */
		struct timespec zero = { 0, 0 };
		sigtimedwait(&pipe_set, NULL, &zero);
	}
	sigprocmask(SIG_SETMASK, &old_mask, NULL);
out:
	free(c.up.buf);
	free(c.down.buf);
	return rc;
}

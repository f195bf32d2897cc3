/* nc - a built-in netcat, and the way scripts get sockets as fds (issue 9).
 *
 *   nc HOST PORT              connect; copy stdin to the socket, the socket to stdout
 *   nc -l [HOST] PORT         listen, accept one client (-k: one after another)
 *   nc -l -k PORT -e CMD      fork-per-connection server: CMD on the socket
 *   nc -d N | -o VAR ...      leave the socket open in the shell instead
 *   nc -a LFD -d N | -o VAR   accept one client from a listening fd
 *   nc -s FD                  shut down the write side of a socket fd
 *   nc                        list the sockets the shell holds
 *
 * The sockets themselves come from net.c, which knows nothing about the shell. */
#include <dirent.h>
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "builtins/builtins.h"
#include "error.h"
#include "exec.h"
#include "jobs.h"
#include "net.h"
#include "redir.h"
#include "shell.h"
#include "trace.h"
#include "trap.h"
#include "vars.h"

/* `nc --help`, and the help text of the builtin table. */
const char builtin_nc_help[] =
	"Netcat built into fdsh; sockets as file descriptors.\n"
	"\n"
	"  nc HOST PORT      connect, then copy stdin to the socket and the socket to\n"
	"                    stdout at the same time. At EOF of stdin the write side is\n"
	"                    shut down (the peer reads EOF) and the reply is still read.\n"
	"  nc -l [HOST] PORT listen (on every address without HOST), accept one client,\n"
	"                    then copy as above. PORT 0 picks a free port (see -v).\n"
	"\n"
	"  -4, -6     use IPv4 / IPv6 only\n"
	"  -l         listen instead of connecting\n"
	"  -k         with -l: after a client, accept the next one\n"
	"  -u         UDP. The client sends each read of stdin as one datagram and ends\n"
	"             at EOF of stdin, or with -w waits that long for replies; the\n"
	"             listener talks to the sender of the first datagram\n"
	"  -U         Unix-domain stream socket: the operand is a PATH\n"
	"  -w SECS    connect timeout, and end after SECS with no data either way;\n"
	"             with -a: give up waiting for a client after SECS\n"
	"  -z         only check that the port accepts a connection (status 0 or 1)\n"
	"  -v         report listening, connections and the port chosen on stderr\n"
	"  -e CMD     run the command line CMD (parsed and run by fdsh) in a child with\n"
	"             the socket on its stdin and stdout, instead of copying.\n"
	"             nc -l -k PORT -e CMD is a fork-per-connection server; the child\n"
	"             finds the client's address:port in NC_PEER\n"
	"  -m MAX     with -l -k -e: serve at most MAX clients at once; the others\n"
	"             wait in the accept queue\n"
	"  -d FD      do not copy: leave the socket (listening with -l) open on fd FD\n"
	"  -o VAR     same on a free fd >= 10, whose number is stored in VAR.\n"
	"             With -l, NC_PORT is set to the port listened on\n"
	"  -a LFD     accept one client on the listening socket LFD into the fd given\n"
	"             by -d or -o, and set NC_PEER to its address:port\n"
	"  -s FD      shut down the write side of socket FD (the peer reads EOF)\n"
	"  nc         with no arguments: list the sockets the shell holds\n"
	"\n"
	"Examples:\n"
	"  printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc localhost 8080\n"
	"  nc -l -k 7000 -e 'tr a-z A-Z'\n"
	"  nc -d 3 127.0.0.1 7000; printf 'ping\\n' >&3; nc -s 3; read reply <&3\n"
	"  nc -l -d 3 7000; while nc -a 3 -d 4; do (handle <&4 >&4) & exec 4>&-; done\n"
	"\n"
	"Status: 0 on success, 1 when a connection fails, 2 on a usage error.\n";

struct nc {
	struct net_opts net;
	int listen, keep, unix, verbose, zero;
	int wait_s;      /* -w, 0: none */
	int max;         /* -m, 0: no bound */
	const char *cmd; /* -e */
	int to_fd;       /* -d, -1: none */
	const char *var; /* -o */
	int accept_fd;   /* -a, -1: none */
	int shut_fd;     /* -s, -1: none */
	const char *host, *port; /* operands; port is the PATH with -U */
};

/* ---- signals: stop cleanly on SIGINT/SIGTERM -------------------------------- */

static volatile sig_atomic_t nc_stop; /* the signal that asked nc to stop, or 0 */

static void nc_on_signal(int sig)
{
	nc_stop = sig;
}

struct nc_sigs {
	struct sigaction old_int, old_term;
};

/* Catch SIGINT and SIGTERM while nc waits (no SA_RESTART: poll returns EINTR).
 * A signal the shell ignores (SIGINT in a background job) stays ignored. */
static void nc_catch(struct nc_sigs *s)
{
	struct sigaction sa = { .sa_handler = nc_on_signal };

	nc_stop = 0;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, NULL, &s->old_int);
	sigaction(SIGTERM, NULL, &s->old_term);
	if (s->old_int.sa_handler != SIG_IGN)
		sigaction(SIGINT, &sa, NULL);
	if (s->old_term.sa_handler != SIG_IGN)
		sigaction(SIGTERM, &sa, NULL);
}

static void nc_uncatch(const struct nc_sigs *s)
{
	sigaction(SIGINT, &s->old_int, NULL);
	sigaction(SIGTERM, &s->old_term, NULL);
}

/* After cleaning up, the signal goes to whoever had it before: it kills a
 * shell that does not catch it, runs a trap, or is the interactive shell's.
 * If the shell lives on, nc's status is 128+SIG as for a killed command. */
static int nc_stopped_status(const struct nc_sigs *s)
{
	int sig = nc_stop;

	nc_uncatch(s);
	raise(sig);
	return 128 + sig;
}

/* ---- parsing -------------------------------------------------------------- */

static int nc_usage_error(const char *fmt, const char *arg)
{
	char *msg;

	if (asprintf(&msg, fmt, arg) >= 0) {
		sh_warn("nc: %s", msg);
		free(msg);
	}
	return builtin_usage("nc");
}

static void nc_print_help(void)
{
	printf("usage: %s\n\n%s", builtin_find("nc")->usage, builtin_nc_help);
}

/* A bad value (not a usage error): one line, status 2. */
static int nc_bad(const char *what, const char *arg)
{
	sh_warn("nc: %s: %s", what, arg);
	return 2;
}

/* A decimal number 0..MAX, all of S. */
static int parse_num(const char *s, long max, int *out)
{
	char *end;
	long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*end || errno || v > max)
		return -1;
	*out = (int)v;
	return 0;
}

/* Takes the argument of option C: the rest of the word or the next word. */
static int nc_optarg(struct nc *nc, char c, const char *arg)
{
	int ok = 0;

	switch (c) {
	case 'w':
		ok = parse_num(arg, 86400 * 365, &nc->wait_s) == 0 && nc->wait_s > 0;
		return ok ? 0 : nc_bad("invalid timeout", arg);
	case 'm':
		ok = parse_num(arg, 1000000, &nc->max) == 0 && nc->max > 0;
		return ok ? 0 : nc_bad("invalid maximum", arg);
	case 'e':
		nc->cmd = arg;
		return 0;
	case 'o':
		nc->var = arg;
		return 0;
	}
	int *fd = c == 'd' ? &nc->to_fd : c == 'a' ? &nc->accept_fd : &nc->shut_fd;
	return parse_num(arg, 1 << 30, fd) == 0 ? 0 : nc_bad("invalid fd", arg);
}

static int nc_flag(struct nc *nc, char c)
{
	switch (c) {
	case '4': nc->net.family = AF_INET; break;
	case '6': nc->net.family = AF_INET6; break;
	case 'l': nc->listen = 1; break;
	case 'k': nc->keep = 1; break;
	case 'u': nc->net.udp = 1; break;
	case 'U': nc->unix = 1; break;
	case 'v': nc->verbose = 1; break;
	case 'z': nc->zero = 1; break;
	default: return -1;
	}
	return 0;
}

/* Options may come before or after the operands (nc -l 7000 -e cat). */
static int nc_parse(struct nc *nc, int argc, char **argv)
{
	const char *operands[2];
	int n = 0, i, options_done = 0;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!options_done && strcmp(a, "--help") == 0) {
			nc_print_help();
			return -1;
		}
		if (!options_done && strcmp(a, "--") == 0) {
			options_done = 1;
			continue;
		}
		if (options_done || a[0] != '-' || a[1] == '\0') {
			if (n == 2 || (n == 1 && nc->unix))
				return nc_usage_error("too many operands: %s", a);
			operands[n++] = a;
			continue;
		}
		for (const char *p = a + 1; *p; p++) {
			char opt[3] = { '-', *p, '\0' };
			if (nc_flag(nc, *p) == 0)
				continue;
			if (!strchr("wmedoas", *p))
				return nc_usage_error("%s: invalid option", opt);
			const char *arg = p[1] ? p + 1 : argv[++i];
			if (!arg)
				return nc_usage_error("option requires an argument: %s", opt);
			if (nc_optarg(nc, *p, arg) != 0)
				return 2;
			break;
		}
	}
	if (n == 2)
		nc->host = operands[0];
	if (n >= 1)
		nc->port = operands[n - 1];
	return 0;
}

/* PORT is a number 0..65535 (0 only to listen) or a service name ("http"). */
static int nc_check_port(const struct nc *nc)
{
	int port;

	if (net_parse_port(nc->port, &port) == 0)
		return port == 0 && !nc->listen ? nc_bad("invalid port", nc->port) : 0;
	if (strspn(nc->port, "0123456789") == strlen(nc->port) ||
	    !getservbyname(nc->port, nc->net.udp ? "udp" : "tcp"))
		return nc_bad("invalid port", nc->port);
	return 0;
}

static int valid_name(const char *s)
{
	if (!(*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return 0;
	return strspn(s, "_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
	       == strlen(s);
}

/* The option combinations that make no sense, each with its own message. */
static int nc_check(struct nc *nc)
{
	int keeps = nc->to_fd >= 0 || nc->var;

	if (nc->var && !valid_name(nc->var))
		return nc_bad("invalid variable name", nc->var);
	if (nc->to_fd >= 0 && nc->var)
		return nc_usage_error("%s", "-d and -o cannot be used together");
	if (nc->shut_fd >= 0)
		return nc->port || nc->listen || nc->accept_fd >= 0 || keeps
			? nc_usage_error("%s", "-s takes only an fd") : 0;
	if (nc->accept_fd >= 0)
		return nc->port || nc->listen || !keeps
			? nc_usage_error("%s", "-a needs -d FD or -o VAR and no operands") : 0;
	if (!nc->port)
		return nc_usage_error("%s", nc->unix ? "missing path" : "missing port");
	if (!nc->host && !nc->listen && !nc->unix)
		return nc_usage_error("%s", "missing host");
	if (nc->keep && !nc->listen)
		return nc_usage_error("%s", "-k needs -l");
	if (nc->max && !(nc->cmd && nc->listen && nc->keep))
		return nc_usage_error("%s", "-m needs -l -k -e");
	if (nc->cmd && (keeps || nc->zero))
		return nc_usage_error("%s", "-e cannot be used with -d, -o or -z");
	if (nc->zero && (nc->listen || keeps))
		return nc_usage_error("%s", "-z cannot be used with -l, -d or -o");
	if (nc->unix && (nc->net.udp || nc->net.family != AF_UNSPEC || nc->host))
		return nc_usage_error("%s", "-U takes one PATH and no -u, -4, -6");
	if (nc->net.udp && (nc->cmd || nc->keep))
		return nc_usage_error("%s", "-u cannot be used with -e or -k");
	if (nc->keep && keeps)
		return nc_usage_error("%s", "-k cannot be used with -d or -o");
	return nc->unix ? 0 : nc_check_port(nc);
}

/* ---- reporting ------------------------------------------------------------- */

/* -v: "nc: listening on [::]:41234", "nc: connection from 127.0.0.1:55860". */
static void nc_report(const struct nc *nc, const char *what, const struct net_addr *a)
{
	char buf[1100];

	if (!nc->verbose)
		return;
	net_addr_format(a, buf, sizeof buf);
	fprintf(stderr, "nc: %s %s\n", what, buf);
}

static void nc_report_fd(const struct nc *nc, const char *what, int fd, int peer)
{
	struct net_addr a;

	if (nc->verbose && (peer ? net_peer_addr(fd, &a) : net_local_addr(fd, &a)) == 0)
		nc_report(nc, what, &a);
}

static int nc_fail(struct net_err *err)
{
	if (err->code == EINTR && nc_stop) {
		net_err_free(err);
		return 1; /* stopped by a signal: the caller reports the status */
	}
	sh_warn("nc: %s", err->msg ? err->msg : strerror(err->code));
	net_err_free(err);
	return 1;
}

/* ---- sockets left open in the shell (-d, -o, -a) ------------------------- */

/* Returns var_set's result: -1 after it said why (a read-only variable). */
static int set_int_var(const char *name, int value)
{
	char num[16];

	snprintf(num, sizeof num, "%d", value);
	return var_set(name, num, 0);
}

/* Moves FD (close-on-exec, as net.c made it) to where the user asked: fd N, or
 * a free fd >= 10 whose number goes into VAR. The copy is not close-on-exec:
 * children inherit it like any fd the user opened. */
static int nc_place(const struct nc *nc, int fd)
{
	int to;

	if (nc->to_fd == fd) {
		to = fcntl(fd, F_SETFD, 0) < 0 ? -1 : fd;
	} else if (nc->to_fd >= 0) {
		redir_claim_fd(nc->to_fd); /* the script being read may sit there */
		to = t_dup2(fd, nc->to_fd); /* onto the fd the user named */
	} else {
		to = fcntl(fd, F_DUPFD, 10); /* lowest free fd >= 10, out of the user's way */
	}
	if (to < 0) {
		sh_warn_errno("nc: fd %d", nc->to_fd >= 0 ? nc->to_fd : 10);
		t_close(fd);
		return 1;
	}
	if (to != fd)
		t_close(fd); /* the socket lives on in its new place only */
	if (nc->var && set_int_var(nc->var, to) < 0) {
		t_close(to);
		return 1;
	}
	return 0;
}

/* nc -a LFD (-d N | -o VAR): accept one client on a listening fd. */
static int nc_accept_into(const struct nc *nc)
{
	struct net_opts o = nc->net;
	struct net_err err = { 0 };
	struct net_addr peer;
	char buf[1100];
	int fd;

	o.timeout_ms = nc->wait_s * 1000;
	o.stop = &nc_stop;
	fd = net_accept(nc->accept_fd, &o, &peer, &err);
	if (fd < 0)
		return nc_fail(&err);
	net_addr_format(&peer, buf, sizeof buf);
	var_set("NC_PEER", buf, 0);
	nc_report(nc, "connection from", &peer);
	return nc_place(nc, fd);
}

/* nc -s FD: the peer reads EOF, the reply can still be read from FD. */
static int nc_shutdown(const struct nc *nc)
{
	if (net_shutdown_write(nc->shut_fd) < 0) {
		sh_warn_errno("nc: -s %d", nc->shut_fd);
		return 1;
	}
	return 0;
}

/* nc with no arguments: "3: tcp 127.0.0.1:5000 -> 127.0.0.1:7000" per socket. */
static int nc_list(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	int max = 1023, fd;

	if (d) {
		for (max = 0; (e = readdir(d));)
			if (atoi(e->d_name) > max)
				max = atoi(e->d_name);
		closedir(d);
	}
	for (fd = 0; fd <= max; fd++) {
		char *what = net_describe(fd);
		if (what)
			printf("%d: %s\n", fd, what);
		free(what);
	}
	fflush(stdout);
	return 0;
}

/* ---- the copy loop and -e children ------------------------------------------ */

static int nc_copy(const struct nc *nc, int fd)
{
	struct net_copy_opts co = {
		.idle_ms = nc->wait_s * 1000, .udp = nc->net.udp,
		.linger_udp = nc->listen || nc->wait_s > 0, .stop = &nc_stop,
	};
	struct net_err err = { 0 };
	int rc;

	fflush(stdout); /* what the shell printed before comes first */
	rc = net_copy(0, 1, fd, &co, &err);
	return rc == -1 ? nc_fail(&err) : rc == -2 ? 1 : 0;
}

/* The children of nc -e: pids, and a pidfd for each so that poll wakes the
 * server when one ends (the shell may reap it first; the pidfd still tells). */
struct nc_kids {
	pid_t *pid;
	int *pidfd;      /* -1 where pidfd_open is not supported */
	struct pollfd *pfd; /* [0] the listening socket, then one per child */
	int n, cap;
};

static void kids_close_fds(struct nc_kids *k)
{
	for (int i = 0; i < k->n; i++)
		if (k->pidfd[i] >= 0)
			close(k->pidfd[i]);
}

/* In a child of nc: serve the one client on CFD with the command line, exit. */
static _Noreturn void nc_child(const struct nc *nc, int cfd, int lfd, struct nc_kids *k,
			       const struct nc_sigs *s, const struct net_addr *peer)
{
	char buf[1100];

	/* As every child of the shell (exec.c): default signals, no jobs of the
	 * parent, not interactive. */
	nc_uncatch(s);
	trace_child("nc -e");
	exec_child_setup();
	if (lfd >= 0)
		t_close(lfd); /* only the parent accepts: the child is no server */
	if (k)
		kids_close_fds(k); /* the siblings are the parent's business */
	/* The socket becomes stdin and stdout of the command: no relay through
	 * pipes, the command reads and writes the client directly. */
	t_dup2(cfd, 0);
	t_dup2(cfd, 1);
	if (cfd > 1)
		t_close(cfd);
	if (peer) {
		net_addr_format(peer, buf, sizeof buf);
		var_set("NC_PEER", buf, V_EXPORT);
	}
	child_exit(eval_string(nc->cmd, EV_EXIT));
}

static pid_t nc_spawn(const struct nc *nc, int cfd, int lfd, struct nc_kids *k,
		      const struct nc_sigs *s, const struct net_addr *peer)
{
	pid_t pid;

	fflush(stdout); /* or the child would print the shell's buffer again */
	fflush(stderr);
	pid = t_fork(); /* one process per client: a crash hurts only that client */
	if (pid >= 0) {
		/* Each child leads its own process group, so that stopping the server
		 * can end the child together with the commands it started. (Both
		 * sides call setpgid: whichever runs first wins the race.) */
		t_setpgid(pid, 0);
	}
	if (pid == 0)
		nc_child(nc, cfd, lfd, k, s, peer);
	if (pid < 0)
		sh_warn_errno("nc: fork");
	return pid;
}

/* Sends SIG to the process group of child PID (see nc_spawn), or to PID alone. */
static void kill_child(pid_t pid, int sig)
{
	if (t_kill(-pid, sig) < 0)
		t_kill(pid, sig);
}

/* The status of a child as $? would show it. */
static int wait_status(int st)
{
	return WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : 1;
}

/* Waits for one child; a stop signal passes SIGTERM on to it. */
static int nc_wait_child(pid_t pid)
{
	int st = 0, killed = 0;

	for (;;) {
		pid_t r = t_waitpid(pid, &st, 0);
		if (r == pid)
			return wait_status(st);
		if (r < 0 && errno != EINTR)
			return 0; /* reaped by someone else: status unknown */
		if (nc_stop && !killed) {
			kill_child(pid, SIGTERM);
			killed = 1;
		}
	}
}

/* -e without -k: the socket goes to one child, nc waits for it. */
static int nc_run_one(const struct nc *nc, int cfd, const struct nc_sigs *s,
		      const struct net_addr *peer)
{
	pid_t pid = nc_spawn(nc, cfd, -1, NULL, s, peer);

	t_close(cfd); /* the child has it on 0 and 1; nc itself does not talk */
	return pid < 0 ? 1 : nc_wait_child(pid);
}

/* ---- the fork-per-connection server (-l -k -e) --------------------------- */

static int kids_add(struct nc_kids *k, pid_t pid)
{
	if (k->n == k->cap) {
		int cap = k->cap ? 2 * k->cap : 16;
		pid_t *p = realloc(k->pid, cap * sizeof *p);
		if (p)
			k->pid = p;
		int *f = realloc(k->pidfd, cap * sizeof *f);
		if (f)
			k->pidfd = f;
		struct pollfd *q = realloc(k->pfd, (cap + 1) * sizeof *q);
		if (q)
			k->pfd = q;
		if (!p || !f || !q)
			return -1;
		k->cap = cap;
	}
	k->pid[k->n] = pid;
	/* A pidfd becomes readable when the child ends; it is close-on-exec. */
	k->pidfd[k->n] = (int)syscall(SYS_pidfd_open, pid, 0);
	k->n++;
	return 0;
}

static void kids_remove(struct nc_kids *k, int i)
{
	if (k->pidfd[i] >= 0)
		close(k->pidfd[i]);
	k->n--;
	k->pid[i] = k->pid[k->n];
	k->pidfd[i] = k->pidfd[k->n];
}

/* Collects the children that ended (as they end: no zombies pile up). */
static void kids_reap(struct nc_kids *k)
{
	int st;

	for (int i = k->n - 1; i >= 0; i--) {
		pid_t r = t_waitpid(k->pid[i], &st, WNOHANG);
		if (r == k->pid[i] || (r < 0 && errno == ECHILD))
			kids_remove(k, i);
	}
}

/* Stopping: SIGTERM to the children still serving, SIGKILL after 2 seconds. */
static void kids_stop(struct nc_kids *k)
{
	for (int i = 0; i < k->n; i++)
		kill_child(k->pid[i], SIGTERM);
	for (int tries = 0; k->n > 0 && tries < 200; tries++) {
		kids_reap(k);
		if (k->n > 0)
			poll(NULL, 0, 10);
	}
	for (int i = 0; i < k->n; i++)
		kill_child(k->pid[i], SIGKILL);
	while (k->n > 0) {
		t_waitpid(k->pid[0], &(int){ 0 }, 0);
		kids_remove(k, 0);
	}
	free(k->pid);
	free(k->pidfd);
	free(k->pfd);
}

/* Waits until a client knocks (when there is room) or a child ends. Returns 1
 * when the listening socket is ready, 0 otherwise. */
static int kids_wait(const struct nc *nc, struct nc_kids *k, int lfd)
{
	int room = !nc->max || k->n < nc->max, all_pidfds = 1;

	k->pfd[0] = (struct pollfd){ .fd = room ? lfd : -1, .events = POLLIN };
	for (int i = 0; i < k->n; i++) {
		k->pfd[i + 1] = (struct pollfd){ .fd = k->pidfd[i], .events = POLLIN };
		all_pidfds &= k->pidfd[i] >= 0;
	}
	/* Without pidfds, look for ended children every 50 ms. */
	if (poll(k->pfd, k->n + 1, all_pidfds ? -1 : 50) <= 0)
		return 0;
	return (k->pfd[0].revents & (POLLIN | POLLERR | POLLHUP)) != 0;
}

static int nc_server(const struct nc *nc, int lfd, const struct nc_sigs *s)
{
	struct nc_kids k = { 0 };
	struct net_opts o = nc->net;
	int rc = 0;

	o.stop = &nc_stop;
	k.pfd = malloc(sizeof *k.pfd);
	while (k.pfd && !nc_stop) {
		kids_reap(&k);
		if (!kids_wait(nc, &k, lfd))
			continue;
		struct net_err err = { 0 };
		struct net_addr peer;
		int cfd = net_accept(lfd, &o, &peer, &err);
		if (cfd < 0) {
			rc = nc_fail(&err);
			break;
		}
		nc_report(nc, "connection from", &peer);
		pid_t pid = nc_spawn(nc, cfd, lfd, &k, s, &peer);
		t_close(cfd); /* the child talks to the client; the parent listens on */
		if (pid > 0 && kids_add(&k, pid) < 0)
			t_waitpid(pid, &(int){ 0 }, 0);
	}
	kids_stop(&k);
	return rc;
}

/* ---- netcat mode ------------------------------------------------------------- */

/* One client on a connected socket: -e child or the copy loop. */
static int nc_talk(const struct nc *nc, int fd, const struct nc_sigs *s,
		   const struct net_addr *peer)
{
	int rc;

	if (nc->cmd)
		return nc_run_one(nc, fd, s, peer);
	rc = nc_copy(nc, fd);
	t_close(fd);
	return rc;
}

/* nc -l: accept one client (-k: one after another) and talk to it. */
static int nc_accept_loop(const struct nc *nc, int lfd, const struct nc_sigs *s)
{
	struct net_opts o = nc->net;
	struct net_addr peer;
	int rc = 0;

	o.stop = &nc_stop;
	if (nc->net.udp) {
		struct net_err err = { 0 };
		if (net_udp_wait(lfd, &o, &peer, &err) < 0)
			return nc_fail(&err);
		nc_report(nc, "connection from", &peer);
		return nc_copy(nc, lfd);
	}
	do {
		struct net_err err = { 0 };
		int cfd = net_accept(lfd, &o, &peer, &err);
		if (cfd < 0)
			return nc_fail(&err);
		nc_report(nc, "connection from", &peer);
		rc = nc_talk(nc, cfd, s, &peer);
	} while (nc->keep && !nc_stop);
	return rc;
}

static int nc_listen(const struct nc *nc, const struct nc_sigs *s)
{
	struct net_err err = { 0 };
	int lfd = nc->unix ? net_unix_listen(nc->port, &nc->net, &err)
			   : net_listen(nc->host, nc->port, &nc->net, &err);
	int rc;

	if (lfd < 0)
		return nc_fail(&err);
	nc_report_fd(nc, "listening on", lfd, 0);
	if (nc->to_fd >= 0 || nc->var) {
		if (!nc->unix)
			set_int_var("NC_PORT", net_local_port(lfd));
		return nc_place(nc, lfd);
	}
	if (nc->cmd && nc->keep)
		rc = nc_server(nc, lfd, s);
	else
		rc = nc_accept_loop(nc, lfd, s);
	t_close(lfd);
	if (nc->unix)
		unlink(nc->port); /* the socket file nc made */
	return rc;
}

static int nc_connect(const struct nc *nc, const struct nc_sigs *s)
{
	struct net_opts o = nc->net;
	struct net_err err = { 0 };
	int fd;

	o.timeout_ms = nc->wait_s * 1000;
	o.stop = &nc_stop;
	fd = nc->unix ? net_unix_connect(nc->port, &o, &err)
		      : net_connect(nc->host, nc->port, &o, &err);
	if (fd < 0)
		return nc_fail(&err);
	nc_report_fd(nc, "connected to", fd, 1);
	if (nc->zero) {
		t_close(fd);
		return 0;
	}
	if (nc->to_fd >= 0 || nc->var)
		return nc_place(nc, fd);
	return nc_talk(nc, fd, s, NULL);
}

int builtin_nc(int argc, char **argv)
{
	struct nc nc = { .to_fd = -1, .accept_fd = -1, .shut_fd = -1 };
	struct nc_sigs sigs;
	int rc;

	if (argc == 1)
		return nc_list();
	rc = nc_parse(&nc, argc, argv);
	if (rc < 0)
		return 0; /* --help */
	if (rc > 0 || nc_check(&nc) != 0)
		return 2;
	if (nc.shut_fd >= 0)
		return nc_shutdown(&nc);
	nc_catch(&sigs);
	if (nc.accept_fd >= 0)
		rc = nc_accept_into(&nc);
	else if (nc.listen)
		rc = nc_listen(&nc, &sigs);
	else
		rc = nc_connect(&nc, &sigs);
	if (nc_stop)
		return nc_stopped_status(&sigs);
	nc_uncatch(&sigs);
	return rc;
}

/* nc_load: the client side of the nc benchmark (bench/nc.sh).
 *
 *   nc_load conns PORT N P   N connections to 127.0.0.1:PORT from P processes at
 *                            once; each sends "ping\n", reads the echo back and
 *                            closes. Prints connections/second.
 *   nc_load port             prints a TCP port that is free right now
 *
 * A small C client, so that the clients cost little next to the servers
 * measured (fork + exec of cat per connection). Exits 1 if any echo is wrong. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static struct sockaddr_in loopback(int port)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((unsigned short)port) };
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return sa;
}

/* One connection: 0 if the server echoed "ping\n". No half-close: ncat -e
 * drops a connection whose client half-closes before the reply. */
static int one(int port)
{
	struct sockaddr_in sa = loopback(port);
	char buf[64];
	size_t got = 0;
	ssize_t n;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0 ||
	    write(fd, "ping\n", 5) != 5) {
		perror("nc_load");
		return 1;
	}
	while (got < 5 && (n = read(fd, buf + got, sizeof buf - got)) > 0)
		got += (size_t)n;
	close(fd);
	return !(got == 5 && memcmp(buf, "ping\n", 5) == 0);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int conns(int port, int n, int par)
{
	double t0 = now();
	int bad = 0, st;

	for (int w = 0; w < par; w++) {
		pid_t pid = fork();
		if (pid == 0) {
			int fails = 0;
			for (int i = w; i < n; i += par)
				fails += one(port);
			_exit(fails > 0);
		}
		if (pid < 0) {
			perror("fork");
			return 1;
		}
	}
	while (wait(&st) > 0)
		bad |= !WIFEXITED(st) || WEXITSTATUS(st) != 0;
	printf("%.0f\n", n / (now() - t0));
	return bad;
}

static int free_port(void)
{
	struct sockaddr_in sa = loopback(0);
	socklen_t len = sizeof sa;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0 ||
	    getsockname(fd, (struct sockaddr *)&sa, &len) < 0)
		return 1;
	printf("%d\n", ntohs(sa.sin_port));
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 5 && strcmp(argv[1], "conns") == 0)
		return conns(atoi(argv[2]), atoi(argv[3]), atoi(argv[4]));
	if (argc == 2 && strcmp(argv[1], "port") == 0)
		return free_port();
	fprintf(stderr, "usage: nc_load conns PORT N P | nc_load port\n");
	return 2;
}

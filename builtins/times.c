/* times: user and system CPU time of the shell, then of its children. */
#include <stdio.h>
#include <sys/times.h>
#include <unistd.h>

#include "builtins/builtins.h"

static void print_pair(clock_t user, clock_t sys, long hz)
{
	printf("%ldm%fs %ldm%fs\n", (long)(user / hz / 60), (double)(user % (hz * 60)) / (double)hz,
	       (long)(sys / hz / 60), (double)(sys % (hz * 60)) / (double)hz);
}

int builtin_times(int argc, char **argv)
{
	(void)argc, (void)argv;
	struct tms t;
	long hz = sysconf(_SC_CLK_TCK);
	times(&t);
	print_pair(t.tms_utime, t.tms_stime, hz);
	print_pair(t.tms_cutime, t.tms_cstime, hz);
	return 0;
}

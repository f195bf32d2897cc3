/* Differential check of fdsh's pattern_match (its byte matcher where it takes it) against glibc's fnmatch(3) in
 * the C locale: random patterns and subjects over an alphabet rich in the
 * characters that matter (* ? [ ] ! ^ - \ : . =, class names).
 * Usage: pattern_diff [ROUNDS [SEED]]; prints the first disagreement, exits 1. */
#include "../pattern.c"

#include <stdio.h>

void *xmalloc(size_t n)
{
	return malloc(n);
}

static const char *const pieces[] = {
	"a", "b", "c", "-", "*", "?", "[", "]", "!", "^", "\\", ":", ".", "=",
	"[:alpha:]", "[:digit:]", "[:space:]", "[:nope:]", "[.a.]", "[=b=]", "z", " ", "1",
};

static void random_text(char *buf, size_t cap, bool pattern)
{
	size_t n = 0, k = (size_t)(rand() % 9);
	const size_t npieces = sizeof pieces / sizeof *pieces;
	for (size_t i = 0; i < k; i++) {
		const char *piece = pattern ? pieces[rand() % npieces] : pieces[rand() % 14];
		size_t len = strlen(piece);
		if (n + len + 1 >= cap)
			break;
		memcpy(buf + n, piece, len);
		n += len;
	}
	buf[n] = '\0';
}

int main(int argc, char **argv)
{
	long rounds = argc > 1 ? atol(argv[1]) : 1000000;
	srand(argc > 2 ? (unsigned)atoi(argv[2]) : 1);
	char pat[64], s[64];
	for (long i = 0; i < rounds; i++) {
		random_text(pat, sizeof pat, true);
		random_text(s, sizeof s, false);
		/* A trailing lone backslash is where fdsh follows dash, not glibc. */
		size_t n = strlen(pat), bs = 0;
		while (bs < n && pat[n - 1 - bs] == '\\')
			bs++;
		if (bs % 2)
			strcpy(pat + n, "a");
		bool want = fnmatch(pat, s, 0) == 0;
		bool got = pattern_match(pat, s);
		if (want != got) {
			printf("pattern '%s' subject '%s': fnmatch %d, fdsh %d\n", pat, s, want, got);
			return 1;
		}
	}
	printf("%ld rounds agree\n", rounds);
	return 0;
}

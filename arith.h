/* Arithmetic expansion $(( )) (XCU 2.6.4): the C operators POSIX lists,
 * on intmax_t, with variables and assignment operators. */
#ifndef FDSH_ARITH_H
#define FDSH_ARITH_H

#include <stdbool.h>
#include <stdint.h>

/* A plain decimal at *sp: an optional '-' and 1 to 18 digits, so it cannot
 * overflow; *sp is moved past it. false, *sp unchanged, for anything else:
 * callers then take the general path (strtoimax). Loops count with numbers
 * like these, and strtoimax's locale handling costs more than the rest. */
bool decimal_fast(const char **sp, intmax_t *out);

/* Decimal text of v in buf (at least 24 bytes); returns buf. Arithmetic
 * results are formatted in every loop iteration, so no printf here. */
char *arith_format(intmax_t v, char *buf);

/* Evaluate; a syntax error or division by zero is a shell error (status 2). */
intmax_t arith_eval(const char *expr);

#endif

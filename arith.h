/* Arithmetic expansion $(( )) (XCU 2.6.4): the C operators POSIX lists,
 * on intmax_t, with variables and assignment operators. */
#ifndef FDSH_ARITH_H
#define FDSH_ARITH_H

#include <stdint.h>

/* Evaluate; a syntax error or division by zero is a shell error (status 2). */
intmax_t arith_eval(const char *expr);

#endif

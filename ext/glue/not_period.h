/*
** glue/not_period.h -- messages for values that are not periods but
** look like something else a period column is often given (not_period.c).
*/
#ifndef TRADESTAT_NOT_PERIOD_H
#define TRADESTAT_NOT_PERIOD_H

#include "glue/glue.h"

/* For a number (type SQLITE_INTEGER or SQLITE_FLOAT, value d, shown as
** zRepr) that is not a period: the message naming what it likely is (a
** month number, a count of days, a YYYYMMDD day, a time), or NULL when
** it is none of them (or on no memory). */
char *ts_number_message(int type, double d, const char *zRepr);
/* The same for TEXT v that is the digits of such a number (a whole
** REAL written as text included); NULL when it is not. */
char *ts_text_digits_message(sqlite3_value *v, const char *zRepr);

#endif /* TRADESTAT_NOT_PERIOD_H */

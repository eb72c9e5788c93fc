/*
** fuzz_period.c -- libFuzzer harness for the pure period parser and the
** number reader.
**
** Contract (each violated invariant traps, so libFuzzer reports it):
**  1. ts_period_parse() never reads outside [data, data+size) (the input is
**     copied into an exact-size buffer, so ASan sees any overrun).
**  2. A parsed period formats to a canonical label that parses back to the
**     same kind, year, position and day.
**  3. ordinal <-> period round-trips; shifting by n and back by -n returns
**     the period; the prior year is one year earlier; the year fraction is
**     in (0, 1]; start <= end; rolling up to year gives the same year.
**  4. ts_number_from_text() never reads past the input, and an integer it
**     returns re-reads as the same integer.
*/
#include "glue/glue.h"
#include "core/series.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(x)                \
  do {                          \
    if (!(x)) __builtin_trap(); \
  } while (0)

static void check_period(const ts_period *p) {
  char buf[TS_PERIOD_LABEL_MAX];
  ts_period q;
  ts_period_format(p, buf);
  CHECK(ts_period_parse(buf, -1, &q) == 0);
  CHECK(q.kind == p->kind && q.year == p->year && q.sub == p->sub && q.day == p->day);
  int64_t ord = ts_period_ordinal(p);
  CHECK(ts_period_from_ordinal(p->kind, ord, &q) == 0);
  CHECK(ts_period_ordinal(&q) == ord);
  for (int64_t n = -25; n <= 25; n += 7) {
    ts_period s, back;
    if (ts_period_shift(p, n, &s) == 0) {
      CHECK(ts_period_ordinal(&s) == ord + n);
      CHECK(ts_period_shift(&s, -n, &back) == 0 && ts_period_ordinal(&back) == ord);
    }
  }
  if (ts_period_prior_year(p, &q) == 0) CHECK(q.year == p->year - 1 && q.kind == p->kind);
  double f = ts_period_year_fraction(p);
  CHECK(f > 0 && f <= 1);
  ts_period a, b;
  ts_period_start(p, &a);
  ts_period_end(p, &b);
  CHECK(ts_period_ordinal(&a) <= ts_period_ordinal(&b));
  CHECK(ts_period_rollup(p, TS_KIND_YEAR, &q) == 0 && q.year == p->year);
  CHECK(ts_period_position(p) >= 1 && ts_period_position(p) <= ts_periods_in_year(p));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > 4096) return 0;
  char *z = malloc(size ? size : 1);
  if (z == NULL) return 0;
  memcpy(z, data, size);
  ts_period p;
  if (ts_period_parse(z, (int)size, &p) == 0) check_period(&p);
  ts_number n;
  if (ts_number_from_text(z, (int)size, &n) == TS_NUMBER_OK && n.is_int) {
    char buf[32];
    snprintf(buf, sizeof(buf), "%lld", (long long)n.i);
    ts_number m;
    CHECK(ts_number_from_text(buf, -1, &m) == TS_NUMBER_OK && m.is_int && m.i == n.i);
  }
  if (size >= 8) {
    int64_t v;
    memcpy(&v, data, 8);
    if (ts_period_from_int(v, &p) == 0) check_period(&p);
  }
  free(z);
  return 0;
}

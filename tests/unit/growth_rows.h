/*
** growth_rows.h -- one check shared by the growth engine's unit tests:
** two ts_growth_row values are the same bit for bit (the running forms
** must agree exactly with the one-shot ts_growth_at).  Include after
** <cmocka.h> and "core/series.h".
*/
#ifndef TRADESTAT_TEST_GROWTH_ROWS_H
#define TRADESTAT_TEST_GROWTH_ROWS_H

/* with_ytd = 0 compares only the year-over-year part. */
static void assert_same_growth_row(const ts_growth_row *a, const ts_growth_row *b, int with_ytd) {
  assert_int_equal(a->prior_index, b->prior_index);
  assert_int_equal(a->growth_ok, b->growth_ok);
  if (a->growth_ok) assert_memory_equal(&a->growth, &b->growth, sizeof(double));
  if (!with_ytd) return;
  assert_int_equal(a->ytd_ok, b->ytd_ok);
  if (a->ytd_ok) {
    assert_int_equal(a->ytd.is_int, b->ytd.is_int);
    assert_int_equal(a->ytd.i, b->ytd.i);
    assert_memory_equal(&a->ytd.d, &b->ytd.d, sizeof(double));
  }
  assert_int_equal(a->prior_ytd_ok, b->prior_ytd_ok);
  if (a->prior_ytd_ok) assert_memory_equal(&a->prior_ytd.d, &b->prior_ytd.d, sizeof(double));
  assert_int_equal(a->ytd_growth_ok, b->ytd_growth_ok);
  if (a->ytd_growth_ok) assert_memory_equal(&a->ytd_growth, &b->ytd_growth, sizeof(double));
  assert_ptr_equal(a->note, b->note);
}

#endif

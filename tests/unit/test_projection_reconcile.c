/*
** test_projection_reconcile.c -- reconcile= read from its text, and the
** bottom-up sum over grids and backtests written by hand
** (projection/projection_reconcile.h).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "projection/projection_reconcile.h"

static char *by2[] = {"product", "region"};

static void test_parse(void **state) {
  (void)state;
  ts_recon_spec *p = NULL;
  char *zErr = NULL;
  assert_int_equal(ts_recon_parse("m", " Region = Total , product='All, goods'", by2, 2, &p, &zErr),
                   SQLITE_OK);
  assert_null(zErr);
  assert_int_equal(p->n, 2);
  assert_int_equal(p->col[0], 1);
  assert_string_equal(p->label[0], "Total");
  assert_int_equal(p->col[1], 0);
  assert_string_equal(p->label[1], "All, goods");
  ts_recon_spec_free(p);
}

static void expect_error(const char *zValue, int nBy, const char *zMessage) {
  ts_recon_spec *p = NULL;
  char *zErr = NULL;
  assert_int_equal(ts_recon_parse("m", zValue, by2, nBy, &p, &zErr), SQLITE_ERROR);
  assert_null(p);
  assert_non_null(zErr);
  assert_string_equal(zErr, zMessage);
  sqlite3_free(zErr);
}

static void test_parse_errors(void **state) {
  (void)state;
  const char *zForm =
      "m: reconcile= must be by columns with the labels of their totals, like 'region=Total': ";
  char buf[256];
  snprintf(buf, sizeof(buf), "%s'region'", zForm);
  expect_error("region", 2, buf);
  snprintf(buf, sizeof(buf), "%s'region=Total,'", zForm);
  expect_error("region=Total,", 2, buf);
  snprintf(buf, sizeof(buf), "%s'=Total'", zForm);
  expect_error("=Total", 2, buf);
  expect_error("flow=Total", 2,
               "m: reconcile= names \"flow\", which is not a by column (by: product, region): "
               "'flow=Total'");
  expect_error("region=a, REGION=b", 2,
               "m: reconcile= names the by column \"REGION\" twice: 'region=a, REGION=b'");
  expect_error("region=a", 0,
               "m: reconcile= needs by columns (the hierarchy is in them): 'region=a'");
}

/* A quarterly grid of 2 years from 2020 (NAN: a gap) and its backtest of
** method snaive in the column ts_recon_bottom_up reads, written by hand. */
typedef struct hand_series {
  double value[8];
  unsigned char present[8];
  ts_proj_grid g;
  ts_proj_cell cells[2 * TS_PROJ_N_CELLS];
} hand_series;

static void hand_init(hand_series *h, const double *v, double proj2021, int ok2021) {
  memset(h, 0, sizeof(*h));
  for (int i = 0; i < 8; i++) {
    h->present[i] = !isnan(v[i]);
    h->value[i] = isnan(v[i]) ? 0 : v[i];
  }
  h->g.periods_per_year = 4;
  h->g.first_year = 2020;
  h->g.n_years = 2;
  h->g.value = h->value;
  h->g.present = h->present;
  ts_proj_cell *c = &h->cells[1 * TS_PROJ_N_CELLS + TS_PROJ_SNAIVE];
  c->ok = ok2021;
  c->value = proj2021;
  c->note = ok2021 ? NULL : "prior year's remaining periods missing";
  h->cells[TS_PROJ_SNAIVE].note = "prior year's remaining periods missing";
}

static ts_recon_part part_of(hand_series *h, const char *name, int k) {
  ts_recon_part p = {&h->g, k, h->cells, name};
  return p;
}

/* 2021 from Q2: total ytd 30 + 50 = 80; parts north (ytd 20 + 30 = 50,
** projection 130: rest 80) and south (ytd 10 + 20 = 30, projection 55:
** rest 25): reconciled 80 + 80 + 25 = 185.  2020 has no part projection. */
static void test_bottom_up_sum(void **state) {
  (void)state;
  hand_series total, north, south;
  hand_init(&total, (double[]){10, 20, 30, 40, 30, 50, NAN, NAN}, 999, 1);
  hand_init(&north, (double[]){5, 10, 20, 25, 20, 30, NAN, NAN}, 130, 1);
  hand_init(&south, (double[]){5, 10, 10, 15, 10, 20, NAN, NAN}, 55, 1);
  ts_recon_part parts[2] = {part_of(&north, "north", 2), part_of(&south, "south", 2)};
  ts_proj_cell out[2 * TS_PROJ_N_CELLS];
  ts_recon_notes notes = {0};
  assert_int_equal(ts_recon_bottom_up(&total.g, 2, parts, 2, TS_PROJ_SNAIVE, out, &notes),
                   SQLITE_OK);
  const ts_proj_cell *c = &out[1 * TS_PROJ_N_CELLS + TS_RECON_COLUMN];
  assert_true(c->ok);
  assert_float_equal(c->value, 185, 1e-12);
  assert_non_null(c->detail);
  c = &out[0 * TS_PROJ_N_CELLS + TS_RECON_COLUMN];
  assert_false(c->ok);
  assert_string_equal(c->note,
                      "not reconciled: part 'north' has no projection (prior year's "
                      "remaining periods missing)");
  ts_recon_notes_free(&notes);
}

/* The known year (k = P): the reconciled total is the total's own. */
static void test_bottom_up_known_year(void **state) {
  (void)state;
  hand_series total, north, south;
  hand_init(&total, (double[]){10, 20, 30, 40, 30, 50, 60, 70}, 0, 0);
  hand_init(&north, (double[]){5, 10, 20, 25, 20, 30, 40, 40}, 130, 1);
  hand_init(&south, (double[]){5, 10, 10, 15, 10, 20, 20, 30}, 80, 1);
  ts_recon_part parts[2] = {part_of(&north, "north", 4), part_of(&south, "south", 4)};
  ts_proj_cell out[2 * TS_PROJ_N_CELLS];
  ts_recon_notes notes = {0};
  assert_int_equal(ts_recon_bottom_up(&total.g, 4, parts, 2, TS_PROJ_SNAIVE, out, &notes),
                   SQLITE_OK);
  assert_true(out[TS_PROJ_N_CELLS + TS_RECON_COLUMN].ok);
  assert_float_equal(out[TS_PROJ_N_CELLS + TS_RECON_COLUMN].value, 210, 1e-12);
  ts_recon_notes_free(&notes);
}

/* Within 1 % the source's own difference stays in the year-to-date;
** beyond it the parts do not make up the total. */
static void test_bottom_up_tolerance(void **state) {
  (void)state;
  hand_series total, north;
  ts_proj_cell out[2 * TS_PROJ_N_CELLS];
  ts_recon_notes notes = {0};
  /* total ytd 100, the part's 99.5: reconciled 100 + (150 - 99.5) */
  hand_init(&total, (double[]){1, 1, 1, 1, 50, 50, NAN, NAN}, 0, 0);
  hand_init(&north, (double[]){1, 1, 1, 1, 49.5, 50, NAN, NAN}, 150, 1);
  ts_recon_part parts[1] = {part_of(&north, "north", 2)};
  assert_int_equal(ts_recon_bottom_up(&total.g, 2, parts, 1, TS_PROJ_SNAIVE, out, &notes),
                   SQLITE_OK);
  assert_true(out[TS_PROJ_N_CELLS + TS_RECON_COLUMN].ok);
  assert_float_equal(out[TS_PROJ_N_CELLS + TS_RECON_COLUMN].value, 150.5, 1e-12);
  /* the part's ytd 98: 2 % off */
  north.value[4] = 48;
  assert_int_equal(ts_recon_bottom_up(&total.g, 2, parts, 1, TS_PROJ_SNAIVE, out, &notes),
                   SQLITE_OK);
  assert_false(out[TS_PROJ_N_CELLS + TS_RECON_COLUMN].ok);
  assert_string_equal(out[TS_PROJ_N_CELLS + TS_RECON_COLUMN].note,
                      "not reconciled: its parts' year-to-date (98.0) is not its own (100.0) "
                      "within 1 %");
  ts_recon_notes_free(&notes);
}

/* A series with no observation by (2021, Q2) is not a part yet; one with
** an incomplete year-to-date blocks the total; one projected from another
** point too; a total with an incomplete year-to-date is not reconciled. */
static void test_bottom_up_parts(void **state) {
  (void)state;
  hand_series total, north, late, gap;
  ts_proj_cell out[2 * TS_PROJ_N_CELLS];
  ts_recon_notes notes = {0};
  hand_init(&total, (double[]){1, 1, 1, 1, 30, 50, NAN, NAN}, 0, 0);
  hand_init(&north, (double[]){1, 1, 1, 1, 30, 50, NAN, NAN}, 120, 1);
  hand_init(&late, (double[]){NAN, NAN, NAN, NAN, NAN, NAN, 5, NAN}, 0, 0);
  ts_recon_part parts[2] = {part_of(&north, "north", 2), part_of(&late, "late", 2)};
  assert_int_equal(ts_recon_bottom_up(&total.g, 2, parts, 2, TS_PROJ_SNAIVE, out, &notes),
                   SQLITE_OK);
  assert_true(out[TS_PROJ_N_CELLS + TS_RECON_COLUMN].ok);
  assert_float_equal(out[TS_PROJ_N_CELLS + TS_RECON_COLUMN].value, 120, 1e-12);
  /* no part with data by 2020-Q2 but north: its 2020 has no projection */
  assert_false(out[TS_RECON_COLUMN].ok);

  hand_init(&gap, (double[]){1, 1, 1, 1, NAN, 0, NAN, NAN}, 0, 0);
  gap.cells[TS_PROJ_N_CELLS + TS_PROJ_SNAIVE].note = "incomplete year-to-date";
  parts[1] = part_of(&gap, "gap", 2);
  assert_int_equal(ts_recon_bottom_up(&total.g, 2, parts, 2, TS_PROJ_SNAIVE, out, &notes),
                   SQLITE_OK);
  assert_false(out[TS_PROJ_N_CELLS + TS_RECON_COLUMN].ok);
  assert_string_equal(out[TS_PROJ_N_CELLS + TS_RECON_COLUMN].note,
                      "not reconciled: part 'gap' has no projection (incomplete year-to-date)");

  parts[1] = part_of(&north, "other", 3);
  assert_int_equal(ts_recon_bottom_up(&total.g, 2, parts, 2, TS_PROJ_SNAIVE, out, &notes),
                   SQLITE_OK);
  assert_string_equal(out[TS_PROJ_N_CELLS + TS_RECON_COLUMN].note,
                      "not reconciled: part 'other' is projected from another point of the year");

  total.present[5] = 0;
  assert_int_equal(ts_recon_bottom_up(&total.g, 2, parts, 1, TS_PROJ_SNAIVE, out, &notes),
                   SQLITE_OK);
  assert_string_equal(out[TS_PROJ_N_CELLS + TS_RECON_COLUMN].note, "incomplete year-to-date");
  assert_int_equal(ts_recon_bottom_up(&total.g, 2, parts, 0, TS_PROJ_SNAIVE, out, &notes),
                   SQLITE_OK);
  assert_string_equal(out[0 * TS_PROJ_N_CELLS + TS_RECON_COLUMN].note,
                      "not reconciled: none of its parts has data yet");
  ts_recon_notes_free(&notes);
}

/* A part with a negative value may project a negative rest; the total,
** with none, is never projected below its year-to-date. */
static void test_bottom_up_floor(void **state) {
  (void)state;
  hand_series total, up, down;
  ts_proj_cell out[2 * TS_PROJ_N_CELLS];
  ts_recon_notes notes = {0};
  hand_init(&total, (double[]){1, 1, 1, 1, 10, 10, NAN, NAN}, 0, 0);
  hand_init(&up, (double[]){1, 1, 1, 1, 15, 15, NAN, NAN}, 31, 1);
  hand_init(&down, (double[]){1, 1, -1, 1, -5, -5, NAN, NAN}, -20, 1);
  ts_recon_part parts[2] = {part_of(&up, "up", 2), part_of(&down, "down", 2)};
  assert_int_equal(ts_recon_bottom_up(&total.g, 2, parts, 2, TS_PROJ_SNAIVE, out, &notes),
                   SQLITE_OK);
  /* 20 + (31 - 30) + (-20 + 10) = 11 < 20: raised to 20 */
  assert_true(out[TS_PROJ_N_CELLS + TS_RECON_COLUMN].ok);
  assert_float_equal(out[TS_PROJ_N_CELLS + TS_RECON_COLUMN].value, 20, 1e-12);
  ts_recon_notes_free(&notes);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_parse),
      cmocka_unit_test(test_parse_errors),
      cmocka_unit_test(test_bottom_up_sum),
      cmocka_unit_test(test_bottom_up_known_year),
      cmocka_unit_test(test_bottom_up_tolerance),
      cmocka_unit_test(test_bottom_up_parts),
      cmocka_unit_test(test_bottom_up_floor),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

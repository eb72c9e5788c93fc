/*
** vtab/series_plan.c -- the query plan of the series virtual tables:
** which constraints xBestIndex hands to xFilter (the TS_PLAN_* codes in
** idxStr / idxNum, series_source.h) and how xFilter turns them back into
** the pushdown (ts_pushdown): series-column equalities, and the exact
** range of years a period or year bound can be satisfied in.
*/
#include "vtab/series_source.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- xBestIndex / xFilter ------------------------------------------ */

static char plan_op(unsigned char op) {
  switch (op) {
    case SQLITE_INDEX_CONSTRAINT_EQ: return TS_PLAN_OP_EQ;
    case SQLITE_INDEX_CONSTRAINT_LT: return TS_PLAN_OP_LT;
    case SQLITE_INDEX_CONSTRAINT_LE: return TS_PLAN_OP_LE;
    case SQLITE_INDEX_CONSTRAINT_GT: return TS_PLAN_OP_GT;
    case SQLITE_INDEX_CONSTRAINT_GE: return TS_PLAN_OP_GE;
    default: return 0;
  }
}

/* Whether constraint i compares with BINARY (a COLLATE clause, or the
** collation of a column on the other side, may say otherwise). */
static int binary_collation(sqlite3_index_info *info, int i) {
  if (sqlite3_libversion_number() < 3022000) return 0;
  const char *zColl = sqlite3_vtab_collation(info, i);
  return zColl == NULL || sqlite3_stricmp(zColl, "BINARY") == 0;
}

/* The first SQLite release known to carry its fix "Do not attempt the
** OR-optimization on conjuncts that contain COLLATE" (trunk, 2026-05-18).
** Before it, SQLite makes  k = 'b' OR k = 'a' COLLATE NOCASE  an IN term
** k IN ('b', 'a') compared under the column's own collation: the branch's
** COLLATE is gone, sqlite3_vtab_collation() says the column's, and the
** table, reading only the rows that IN keeps, lost the series 'A' (SQLite
** re-checks the OR on the rows returned, but cannot bring back a row that
** was never read).  No release number carrying the fix could be pinned
** from its release notes, so none is trusted: the value stays above
** every release (docs/design.md, "Pushdown never changes the answer"). */
#define OR_IN_FIXED_RELEASE 99999999

/* Whether constraint i (an equality on a series or period column) may be
** such an IN and is not taken: SQLite then tests the original WHERE on
** every row.  On a series column the IN is taken as one list and read as
** ranges that hold every row any of SQLite's own collations keeps
** (in_list_pushable, series_query.c), never cut to the list under the
** column's collation; on the period column it is not taken.  Before 3.38
** an IN is offered as an = one value at a time and cannot be told from
** one, so no equality is taken there. */
static int maybe_or_in(sqlite3_index_info *info, int i, int series) {
  int version = sqlite3_libversion_number();
  if (version >= OR_IN_FIXED_RELEASE) return 0;
  if (version < 3038000) return 1;
  return !series && sqlite3_vtab_in(info, i, -1);
}

/* Whether the right-hand side of constraint i is a value written in the
** SQL (so it has no affinity); parameters, columns and subqueries are not
** known here and may carry numeric affinity. */
static int literal_text(sqlite3_index_info *info, int i) {
  sqlite3_value *v = NULL;
  if (sqlite3_libversion_number() < 3038000) return 0;
  return sqlite3_vtab_rhs_value(info, i, &v) == SQLITE_OK && v != NULL &&
         sqlite3_value_type(v) == SQLITE_TEXT;
}

int ts_source_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info, int nSeries, int iPeriod,
                         int year_integer, int iFirstArg, int nArg, int nRequired) {
  char tokens[2 * 64 + 1];
  int nTok = 0, nArgv = 0;
  double cost = 1e6;
  unsigned seenArg = 0;
  for (int i = 0; i < info->nConstraint && nTok < 64; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    char kind = 0, code = 0;
    if (c->iColumn >= iFirstArg && c->iColumn < iFirstArg + nArg) {
      if (c->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
      if (!c->usable) return SQLITE_CONSTRAINT; /* needs its argument value */
      if (seenArg & (1u << (c->iColumn - iFirstArg))) continue;
      seenArg |= 1u << (c->iColumn - iFirstArg);
      kind = TS_PLAN_ARG, code = (char)('a' + c->iColumn - iFirstArg);
      info->aConstraintUsage[i].omit = 1;
    } else if (!c->usable || !binary_collation(info, i)) {
      continue;
    } else if (c->op == SQLITE_INDEX_CONSTRAINT_EQ &&
               ((c->iColumn >= 0 && c->iColumn < nSeries) || c->iColumn == iPeriod) &&
               maybe_or_in(info, i, c->iColumn >= 0 && c->iColumn < nSeries)) {
      continue;
    } else if (c->iColumn >= 0 && c->iColumn < nSeries && c->op == SQLITE_INDEX_CONSTRAINT_EQ) {
      /* An IN is taken as one list (SQLite then checks the IN itself,
      ** and the query's own WHERE: maybe_or_in).
      ** Looped one value at a time, SQLite's check of each row compared
      ** the column with the value without the affinity of the IN's right
      ** side: '01' IN (SELECT 1), true on any table, was false here. */
      int whole_in = sqlite3_libversion_number() >= 3038000 && sqlite3_vtab_in(info, i, -1);
      if (whole_in) sqlite3_vtab_in(info, i, 1);
      kind = whole_in ? TS_PLAN_BY_IN : TS_PLAN_BY, code = (char)('a' + c->iColumn);
      cost /= 20;
    } else if (c->iColumn == iPeriod && (code = plan_op(c->op)) != 0) {
      kind = literal_text(info, i) ? TS_PLAN_PERIOD_LITERAL : TS_PLAN_PERIOD;
      cost /= 2;
    } else {
      continue;
    }
    tokens[2 * nTok] = kind;
    tokens[2 * nTok + 1] = code;
    nTok++;
    info->aConstraintUsage[i].argvIndex = ++nArgv;
  }
  /* missing arguments are reported by xFilter, by name.  An optional
  ** argument the statement reads (colUsed) but this plan does not give,
  ** while it gives every required one: the call runs with it left out,
  ** and its column shows NULL.  SQLite offers such a plan for an OR whose
  ** branches each give the arguments (WHERE ... AND ((method_name =
  ** 'theta' AND ...) OR (method_name = 'avg_share' AND ...))): the
  ** arguments outside the OR as one scan, each branch's re-checked on
  ** NULL, which no row passes -- an empty answer where each branch alone
  ** has rows.  SQLite prices the branches of the multi-index OR, which
  ** gives each its arguments when it runs, on the branch's own terms
  ** (without the required arguments outside the OR), so pricing the
  ** first plan far above them makes SQLite take the OR.  It still runs
  ** where nothing else can: SELECT options FROM yoy_growth('t', 'v', 'p'),
  ** whose options column is NULL, as the call gives none. */
  int required = 1, unread = 0;
  for (int k = 0; k < nArg; k++) {
    int col = iFirstArg + k;
    sqlite3_uint64 bit = (sqlite3_uint64)1 << (col < 63 ? col : 63);
    if (k < nRequired && !(seenArg & (1u << k))) required = 0;
    if (k >= nRequired && !(seenArg & (1u << k)) && (info->colUsed & bit)) unread = 1;
  }
  if (required && unread) cost *= 1e6;
  tokens[2 * nTok] = 0;
  info->idxNum = year_integer ? TS_PLAN_YEAR_INTEGER : 0;
  info->idxStr = sqlite3_mprintf("%s", tokens);
  if (info->idxStr == NULL) return SQLITE_NOMEM;
  info->needToFreeIdxStr = 1;
  info->estimatedCost = cost;
  info->estimatedRows = (sqlite3_int64)(cost > 1 ? cost : 1);
  (void)vtab;
  return SQLITE_OK;
}

/* ---- which years can satisfy a period bound ----------------------------
** SQLite compares the table's own value with the bound's, by its rules:
** the `period` column is TEXT, so a bound without affinity (a literal, a
** parameter) is compared as text with the canonical labels; a bound with
** numeric affinity (an INTEGER column, CAST(.. AS INTEGER), a subquery on
** such a column) turns the year labels ('2023') into integers instead,
** which are below every text and compare with numbers as numbers.  The
** `year INTEGER` column of annual_projection applies numeric affinity to
** the bound.  A bound is turned into the years [lo, hi] that every row it
** can keep lies in, taking the union over the readings it may have; a
** bound that cannot be narrowed leaves the years open. */

typedef struct year_range {
  int lo, hi; /* 1..9999; lo > hi: no year (no row can match) */
} year_range;

#define YEAR_MIN 1
#define YEAR_MAX 9999

static const year_range all_years = {YEAR_MIN, YEAR_MAX};
static const year_range no_year = {YEAR_MAX, YEAR_MIN - 1};

static int range_empty(year_range r) { return r.lo > r.hi; }

static year_range range_union(year_range a, year_range b) {
  if (range_empty(a)) return b;
  if (range_empty(b)) return a;
  year_range r = {a.lo < b.lo ? a.lo : b.lo, a.hi > b.hi ? a.hi : b.hi};
  return r;
}

/* memcmp order (BINARY) of the label "yyyy" + zSuffix against z[0..n). */
static int label_cmp(int year, const char *zSuffix, const char *z, int n) {
  char buf[16];
  int len = snprintf(buf, sizeof(buf), "%04d%s", year, zSuffix);
  int m = len < n ? len : n;
  int c = memcmp(buf, z, (size_t)m);
  return c ? c : len - n;
}

/* Smallest year in [lo, hi] whose label passes, or hi + 1; the test is
** false then true as the year grows. */
static int first_year(int lo, int hi, int (*pass)(int, const char *, int, char), const char *z,
                      int n, char op) {
  while (lo <= hi) {
    int mid = lo + (hi - lo) / 2;
    if (pass(mid, z, n, op))
      hi = mid - 1;
    else
      lo = mid + 1;
  }
  return lo;
}

/* Every canonical label of a year y lies in ["yyyy", "yyyy-Q4"]: 'Q' sorts
** after 'H' and the digits of months and days. */
static int upper_beyond(int y, const char *z, int n, char op) {
  /* true when even the smallest label of year y fails  label op z (op < or <=) */
  int c = label_cmp(y, "", z, n);
  return op == TS_PLAN_OP_LT ? c >= 0 : c > 0;
}

static int lower_reached(int y, const char *z, int n, char op) {
  /* true when the largest label of year y passes  label op z (op > or >=) */
  int c = label_cmp(y, "-Q4", z, n);
  return op == TS_PLAN_OP_GT ? c > 0 : c >= 0;
}

/* Years of the canonical labels L with  L op z  in BINARY text order. */
static year_range text_years(const char *z, int n, char op) {
  for (int i = 0; i < n; i++)
    if ((unsigned char)z[i] >= 0x80) return all_years; /* UTF-16 databases order them apart */
  year_range r = all_years;
  if (op == TS_PLAN_OP_LT || op == TS_PLAN_OP_LE || op == TS_PLAN_OP_EQ)
    r.hi = first_year(YEAR_MIN, YEAR_MAX, upper_beyond, z, n,
                      op == TS_PLAN_OP_EQ ? TS_PLAN_OP_LE : op) -
           1;
  if (op == TS_PLAN_OP_GT || op == TS_PLAN_OP_GE || op == TS_PLAN_OP_EQ)
    r.lo = first_year(YEAR_MIN, YEAR_MAX, lower_reached, z, n,
                      op == TS_PLAN_OP_EQ ? TS_PLAN_OP_GE : op);
  return r;
}

/* Integers y in 1..9999 with  y op v  (v a number). */
static year_range number_years(sqlite3_value *v, char op) {
  year_range r = all_years;
  double d = sqlite3_value_double(v);
  if (sqlite3_value_type(v) == SQLITE_INTEGER) {
    sqlite3_int64 i = sqlite3_value_int64(v);
    d = i < -1000000 ? -1e6 : i > 1000000 ? 1e6 : (double)i;
  }
  if (d != d) return no_year; /* NaN compares like NULL */
  if (d < -1e6) d = -1e6;
  if (d > 1e6) d = 1e6;
  int fl = (int)floor(d), ce = (int)ceil(d);
  switch (op) {
    case TS_PLAN_OP_EQ: r.lo = ce, r.hi = fl; break; /* empty unless d is whole */
    case TS_PLAN_OP_LT: r.hi = ce - 1; break;
    case TS_PLAN_OP_LE: r.hi = fl; break;
    case TS_PLAN_OP_GT: r.lo = fl + 1; break;
    case TS_PLAN_OP_GE: r.lo = ce; break;
  }
  if (r.lo < YEAR_MIN) r.lo = YEAR_MIN;
  if (r.hi > YEAR_MAX) r.hi = YEAR_MAX;
  return r;
}

/* `year INTEGER` op v: numeric affinity is applied to v, then an integer
** is below every text and BLOB. */
static year_range year_column_years(sqlite3_value *v, char op) {
  sqlite3_value *w = sqlite3_value_dup(v);
  year_range r = all_years;
  if (w == NULL) return all_years;
  int type = sqlite3_value_numeric_type(w);
  if (type == SQLITE_NULL)
    r = no_year;
  else if (type == SQLITE_INTEGER || type == SQLITE_FLOAT)
    r = number_years(w, op);
  else
    r = (op == TS_PLAN_OP_LT || op == TS_PLAN_OP_LE) ? all_years : no_year;
  sqlite3_value_free(w);
  return r;
}

/* `period TEXT` op v, over every reading of v's affinity (see above). */
static year_range period_column_years(sqlite3_value *v, char op, int literal) {
  int lower_side = op == TS_PLAN_OP_LT || op == TS_PLAN_OP_LE;
  switch (sqlite3_value_type(v)) {
    case SQLITE_NULL: return no_year;
    case SQLITE_BLOB: return lower_side ? all_years : no_year; /* text < BLOB */
    case SQLITE_TEXT: {
      /* With numeric affinity the year labels become integers, which are
      ** below any text: they all pass < and <=. */
      if (lower_side && !literal) return all_years;
      const char *z = (const char *)sqlite3_value_text(v);
      if (z == NULL) return all_years;
      return text_years(z, sqlite3_value_bytes(v), op);
    }
    default: {
      /* As text (no affinity: v becomes text) or as a number (numeric
      ** affinity: year labels become integers, other labels stay text and
      ** are above every number, so they all pass > and >=). */
      if (op == TS_PLAN_OP_GT || op == TS_PLAN_OP_GE) return all_years;
      year_range as_number = number_years(v, op);
      sqlite3_value *w = sqlite3_value_dup(v);
      if (w == NULL) return all_years;
      const char *z = (const char *)sqlite3_value_text(w); /* SQLite's own text */
      year_range as_text = z ? text_years(z, sqlite3_value_bytes(w), op) : all_years;
      sqlite3_value_free(w);
      return range_union(as_text, as_number);
    }
  }
}

void ts_source_decode(int idxNum, const char *idxStr, int argc, sqlite3_value **argv,
                      int history_years, ts_pushdown *pd, sqlite3_value **apArg, int nArg) {
  year_range want = all_years;
  memset(pd, 0, sizeof(*pd));
  for (int k = 0; k < nArg; k++) apArg[k] = NULL;
  for (int i = 0; idxStr && idxStr[2 * i] && i < argc; i++) {
    char kind = idxStr[2 * i], code = idxStr[2 * i + 1];
    if (kind == TS_PLAN_ARG && code - 'a' < nArg) {
      apArg[code - 'a'] = argv[i];
    } else if (kind == TS_PLAN_BY && code - 'a' < TS_MAX_BY) {
      if (pd->apByEq[code - 'a'] == NULL) pd->apByEq[code - 'a'] = argv[i];
    } else if (kind == TS_PLAN_BY_IN && code - 'a' < TS_MAX_BY) {
      if (pd->apByIn[code - 'a'] == NULL) pd->apByIn[code - 'a'] = argv[i];
    } else if (kind == TS_PLAN_PERIOD || kind == TS_PLAN_PERIOD_LITERAL) {
      year_range r = (idxNum & TS_PLAN_YEAR_INTEGER)
                         ? year_column_years(argv[i], code)
                         : period_column_years(argv[i], code, kind == TS_PLAN_PERIOD_LITERAL);
      if (r.lo > want.lo) want.lo = r.lo;
      if (r.hi < want.hi) want.hi = r.hi;
    }
  }
  if (range_empty(want)) {
    pd->empty = 1;
    return;
  }
  if (want.lo > YEAR_MIN) {
    pd->out_year_lo = want.lo;
    pd->year_lo = history_years < 0 ? 0 : want.lo - history_years;
    if (pd->year_lo < 0) pd->year_lo = 0;
  }
  if (want.hi < YEAR_MAX) pd->out_year_hi = pd->year_hi = want.hi;
}

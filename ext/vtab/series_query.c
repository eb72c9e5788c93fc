/*
** vtab/series_query.c -- the one query on the source that every series
** virtual table reads (series_scan_open.c opens it, series_scan.c reads
** its rows): its text with what is pushed into it, the values bound into
** it, the rows of earlier years it keeps with grain=, and the query that
** tells whether two keys are one series.
**
** Contract:
**  1. Identifiers given by the user are only ever quoted with "%w"
**     (series_source.c, contract 1).
**  2. Pushdown never changes the answer: a WHERE on the table returns
**     exactly the rows (and values) the same WHERE returns on a
**     materialized copy of the unfiltered table.  So what is pushed only
**     narrows what is read, always to a superset of what SQLite keeps,
**     and nothing but the hidden arguments is marked omit (SQLite
**     re-checks every constraint on the table's own output):
**       - only constraints compared with BINARY collation are used;
**       - a by-column equality is bound into the source query only when
**         the source column's affinity keeps every value SQLite may find
**         equal (by_value_pushable);
**       - a period/year bound becomes the years its matches can lie in,
**         by SQLite's comparison rules for the table's own column (TEXT
**         labels, or annual_projection's INTEGER year) over every affinity
**         the bound may carry (ts_source_decode), widened by the history
**         the statistic needs; on a TEXT source column only labels whose
**         first four characters are digits (hence their year) are
**         dropped outside those years; a module whose rows depend on later
**         years (annual_projection without through=) keeps them;
**       - a bound no row can meet reads nothing.
**     A statement that writes the source reads it as it was before its
**     first write (ts_pushdown.snapshot, series_vtab.c).
**  3. The query reads the source in one pass, ordered by the series
**     columns then the period (series_scan.c, item 1); series are
**     grouped as GROUP BY groups them (ts_same_key_sql, series_scan.c
**     item 5).
**
** The query plan (idxNum bits, idxStr tokens) is written by
** ts_source_best_index and read by ts_source_decode with the named codes
** of series_source.h (TS_PLAN_*).
*/
#include "vtab/series_query.h"

#include <string.h>

/* ---- the source query ---------------------------------------------- */

/* The affinity of a declared type, by SQLite's rules: 'T' TEXT, 'N' a
** numeric one (INTEGER, REAL, NUMERIC), 'B' none (BLOB, no type, an
** expression of a view). */
static char type_affinity(const char *zType) {
  if (zType == NULL || zType[0] == 0) return 'B';
  char up[64];
  int n = 0;
  for (; zType[n] && n < 63; n++)
    up[n] = (char)(zType[n] >= 'a' && zType[n] <= 'z' ? zType[n] - 32 : zType[n]);
  up[n] = 0;
  if (strstr(up, "INT")) return 'N';
  if (strstr(up, "CHAR") || strstr(up, "CLOB") || strstr(up, "TEXT")) return 'T';
  if (strstr(up, "BLOB")) return 'B';
  return 'N';
}

void ts_source_affinities(sqlite3 *db, const ts_source_spec *spec, const char *zFrom, char *aAff) {
  sqlite3_str *s = sqlite3_str_new(db);
  sqlite3_str_appendall(s, "SELECT ");
  for (int i = 0; i < spec->nBy; i++) sqlite3_str_appendf(s, "s.\"%w\", ", spec->azBy[i]);
  sqlite3_str_appendf(s, "s.\"%w\" FROM %s LIMIT 0", spec->zPeriod, zFrom);
  char *zSql = sqlite3_str_finish(s);
  sqlite3_stmt *stmt = NULL;
  for (int i = 0; i <= spec->nBy; i++) aAff[i] = 'B';
  if (zSql && sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) == SQLITE_OK) {
    for (int i = 0; i <= spec->nBy; i++) aAff[i] = type_affinity(sqlite3_column_decltype(stmt, i));
  }
  sqlite3_finalize(stmt);
  sqlite3_free(zSql);
}

/* Whether  s.col = ?v  in the source keeps every row whose series value K
** the table shows and SQLite finds equal to v.  SQLite may apply the
** affinity of v's side to K (TEXT: 5 = '5'; numeric: '05' = 5): a numeric
** v needs a source column that cannot hold numeric-looking text, and a
** numeric-looking text v one whose numbers become text or are converted
** back by the comparison. */
static int by_value_pushable(sqlite3_value *v, char affinity) {
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
    case SQLITE_FLOAT: return affinity == 'N';
    case SQLITE_TEXT: {
      if (affinity != 'B') return 1;
      sqlite3_value *w = sqlite3_value_dup(v);
      int type = w ? sqlite3_value_numeric_type(w) : SQLITE_INTEGER;
      sqlite3_value_free(w);
      return type == SQLITE_TEXT;
    }
    default: return 1; /* NULL matches nothing; a BLOB only itself */
  }
}

/* Whether the connection knows no collation but SQLite's own three
** (PRAGMA collation_list): then a comparison written in the query can
** only be BINARY, NOCASE or RTRIM. */
static int builtin_collations_only(sqlite3 *db) {
  sqlite3_stmt *stmt = NULL;
  int only = sqlite3_prepare_v2(db,
                                "SELECT count(*) = 0 FROM pragma_collation_list WHERE name NOT IN "
                                "('BINARY', 'NOCASE', 'RTRIM') COLLATE NOCASE",
                                -1, &stmt, NULL) == SQLITE_OK &&
             sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_int(stmt, 0);
  sqlite3_finalize(stmt);
  return only;
}

/* Series column i's IN list read as ranges (at most TS_MAX_IN_PUSHED
** of them), when it can be: their count, else 0, and the list is left
** to SQLite's own check, which then reads every row.  SQLite before its
** fix of 2026-05-18 makes  k = 'b' OR k = 'a' COLLATE NOCASE  the IN  k
** IN ('b', 'a')  under the column's own collation (ts_source_best_index),
** so the rows the IN keeps are not all the rows the query keeps: each
** value is read as the rows equal to it under BINARY, NOCASE and RTRIM
** at once, and SQLite checks the query's own WHERE on the rows read.
** Such a row is the value's text with its trailing spaces trimmed, in
** any case of its ASCII letters, followed by spaces: under a NOCASE
** column one range, [t, t || '!') (t the trimmed text in lower case:
** trailing spaces sort before '!'); under BINARY or RTRIM one range per
** case variant of t (at most 2^VARIANT_LETTERS), or, for more letters,
** the one range from t in upper case to t in lower case || '!', which
** holds every variant among others.  Only TEXT values of a TEXT column
** under one of those three collations, with no other collation on the
** connection (a branch of the OR could name it; the sqlite3 shell
** registers 'decimal' and 'uint', so there the list is left to SQLite);
** NULL matches nothing.  Read with sqlite3_vtab_in_first/next, so only
** while xFilter runs (ts_scan_open binds them there). */
#define TS_MAX_IN_PUSHED 256
#define VARIANT_LETTERS  6

/* The trimmed text of v and its count of ASCII letters; NULL: v is no
** TEXT (or no memory: *pn is then -1). */
static const unsigned char *trimmed_text(sqlite3_value *v, int *pn, int *pLetters) {
  *pn = 0;
  *pLetters = 0;
  if (sqlite3_value_type(v) != SQLITE_TEXT) return NULL;
  const unsigned char *z = sqlite3_value_text(v);
  int n = sqlite3_value_bytes(v);
  if (z == NULL) {
    *pn = -1;
    return NULL;
  }
  while (n > 0 && z[n - 1] == ' ') n--;
  for (int k = 0; k < n; k++) *pLetters += (z[k] | 32) >= 'a' && (z[k] | 32) <= 'z';
  *pn = n;
  return z;
}

/* How many ranges read value v (see above). */
static int ranges_of(sqlite3_value *v, int nocase) {
  int n, letters;
  if (trimmed_text(v, &n, &letters) == NULL) return 0; /* NULL: none */
  return nocase || letters > VARIANT_LETTERS ? 1 : 1 << letters;
}

static int in_list_pushable(sqlite3 *db, sqlite3_value *pList, char affinity, const char *zColl) {
  int nocase = zColl && sqlite3_stricmp(zColl, "NOCASE") == 0;
  if (affinity != 'T' || (zColl && !nocase && sqlite3_stricmp(zColl, "RTRIM") != 0)) return 0;
  sqlite3_value *v = NULL;
  int n = 0;
  int rc = sqlite3_vtab_in_first(pList, &v);
  for (; rc == SQLITE_OK && v; rc = sqlite3_vtab_in_next(pList, &v)) {
    int type = sqlite3_value_type(v);
    if (type != SQLITE_TEXT && type != SQLITE_NULL) return 0;
    if ((n += ranges_of(v, nocase)) > TS_MAX_IN_PUSHED) return 0;
  }
  return rc == SQLITE_DONE && n > 0 && builtin_collations_only(db) ? n : 0;
}

/* Binds the ranges of value v (ranges_of) from *piBind on, two
** parameters a range. */
static int bind_ranges(sqlite3_stmt *stmt, int *piBind, sqlite3_value *v, int nocase) {
  int n, letters, rc = SQLITE_OK;
  const unsigned char *z = trimmed_text(v, &n, &letters);
  if (z == NULL) return n < 0 ? SQLITE_NOMEM : SQLITE_OK;
  int wide = !nocase && letters > VARIANT_LETTERS, count = ranges_of(v, nocase);
  for (int variant = 0; variant < count && rc == SQLITE_OK; variant++) {
    char *zLo = sqlite3_malloc64((sqlite3_uint64)n + 1),
         *zHi = sqlite3_malloc64((sqlite3_uint64)n + 2);
    if (zLo == NULL || zHi == NULL) {
      sqlite3_free(zLo);
      sqlite3_free(zHi);
      return SQLITE_NOMEM;
    }
    for (int k = 0, bit = 0; k < n; k++) {
      unsigned char c = z[k], lower = (c >= 'A' && c <= 'Z') ? c + 32 : c;
      unsigned char upper = (c >= 'a' && c <= 'z') ? c - 32 : c;
      if (lower == upper) { /* no letter */
        zLo[k] = zHi[k] = (char)c;
      } else if (nocase) {
        zLo[k] = zHi[k] = (char)lower;
      } else if (wide) {
        zLo[k] = (char)upper, zHi[k] = (char)lower;
      } else {
        zLo[k] = zHi[k] = (char)((variant >> bit++) & 1 ? upper : lower);
      }
    }
    zHi[n] = '!';
    rc = sqlite3_bind_text(stmt, (*piBind)++, zLo, n, sqlite3_free);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(stmt, (*piBind)++, zHi, n + 1, sqlite3_free);
    else
      sqlite3_free(zHi);
  }
  return rc;
}

int ts_source_bind(sqlite3_stmt *stmt, const ts_source_spec *spec, const ts_pushdown *pd,
                   const int *aBound) {
  int rc = SQLITE_OK, iBind = 1;
  for (int i = 0; pd && i < spec->nBy && rc == SQLITE_OK; i++) {
    if (aBound[i] && pd->apByEq[i]) {
      rc = sqlite3_bind_value(stmt, iBind++, pd->apByEq[i]);
    } else if (aBound[i]) { /* the same list, in the same order, as ranges */
      int nocase = spec->azByColl[i] && sqlite3_stricmp(spec->azByColl[i], "NOCASE") == 0;
      sqlite3_value *v = NULL;
      int rc2 = sqlite3_vtab_in_first(pd->apByIn[i], &v);
      for (; rc2 == SQLITE_OK && v && rc == SQLITE_OK;
           rc2 = sqlite3_vtab_in_next(pd->apByIn[i], &v))
        rc = bind_ranges(stmt, &iBind, v, nocase);
      if (rc == SQLITE_OK && rc2 != SQLITE_DONE) rc = rc2;
    }
  }
  return rc;
}

/* Builds the query text (series_query.h). */
static char *scan_query(sqlite3 *db, const ts_source_spec *spec, const ts_pushdown *pd,
                        const char *zFrom, const char *aAff, int *aBound, int with_preliminary,
                        int sorted, int bound);

char *ts_scan_query(sqlite3 *db, const ts_source_spec *spec, const ts_pushdown *pd,
                    const char *zFrom, const char *aAff, int *aBound, int with_preliminary,
                    int sorted) {
  return scan_query(db, spec, pd, zFrom, aAff, aBound, with_preliminary, sorted, 0);
}

char *ts_scan_query_bound(sqlite3 *db, const ts_source_spec *spec, const ts_pushdown *pd,
                          const char *zFrom, const char *aAff, int *aBound, int with_preliminary,
                          int bound) {
  return scan_query(db, spec, pd, zFrom, aAff, aBound, with_preliminary, 0, bound);
}

static char *scan_query(sqlite3 *db, const ts_source_spec *spec, const ts_pushdown *pd,
                        const char *zFrom, const char *aAff, int *aBound, int with_preliminary,
                        int sorted, int bound) {
  sqlite3_str *s = sqlite3_str_new(db);
  sqlite3_str_appendall(s, "SELECT ");
  for (int i = 0; i < spec->nBy; i++) sqlite3_str_appendf(s, "s.\"%w\", ", spec->azBy[i]);
  sqlite3_str_appendf(s, "s.\"%w\", s.\"%w\"", spec->zPeriod, spec->azValue[0]);
  if (spec->nValue == 2)
    sqlite3_str_appendf(s, ", s.\"%w\"", spec->azValue[1]);
  else if (spec->zFlow)
    sqlite3_str_appendf(s, ", s.\"%w\"", spec->zFlow);
  if (with_preliminary) sqlite3_str_appendall(s, ", s.\"preliminary\"");
  sqlite3_str_appendf(s, " FROM %s WHERE 1", zFrom);
  for (int i = 0; i < spec->nBy; i++) {
    aBound[i] = 0;
    if (pd && pd->apByEq[i]) {
      aBound[i] = by_value_pushable(pd->apByEq[i], aAff[i]);
      if (aBound[i]) sqlite3_str_appendf(s, " AND s.\"%w\" = ?", spec->azBy[i]);
    } else if (pd && pd->apByIn[i] &&
               (aBound[i] = in_list_pushable(db, pd->apByIn[i], aAff[i], spec->azByColl[i])) > 0) {
      /* likelihood(): with the values bound, SQLite 3.40 priced these
      ** ranges as a large part of the table and walked the whole index for
      ** its order (25 ms for 180 of 120,000 rows; 1 ms searched) */
      sqlite3_str_appendall(s, " AND (");
      for (int k = 0; k < aBound[i]; k++)
        sqlite3_str_appendf(s, "%slikelihood(s.\"%w\" >= ?, 0.001) AND s.\"%w\" < ?",
                            k ? " OR " : "", spec->azBy[i], spec->azBy[i]);
      sqlite3_str_appendall(s, ")");
    }
  }
  /* Years, only on a TEXT column: a label whose first four characters
  ** are digits is of that year (period.c reads the year there whenever it
  ** can), so such a text outside ['lo', 'hi+1') is of another year.
  ** Every other row is kept: leading white space, month names first
  ** ('Jan 2016'), '2Q2023', and numbers a view may give. */
  /* With grain=, the rows before the years read are read too, but only
  ** to learn whether a series has a figure before them (ts_early_row):
  ** the series' own first day (series_extent.h) is then the same as a
  ** read of every year finds. */
  int lo = pd && spec->grain == TS_KIND_NONE ? pd->year_lo : 0;
  if (pd && (lo > 0 || pd->year_hi > 0) && aAff[spec->nBy] == 'T') {
    sqlite3_str_appendall(s, " AND NOT ((0");
    if (lo > 0) sqlite3_str_appendf(s, " OR s.\"%w\" < '%04d' COLLATE BINARY", spec->zPeriod, lo);
    if (pd->year_hi > 0 && pd->year_hi < 9999)
      sqlite3_str_appendf(s, " OR s.\"%w\" >= '%04d' COLLATE BINARY", spec->zPeriod,
                          pd->year_hi + 1);
    sqlite3_str_appendf(s,
                        ") AND typeof(s.\"%w\") = 'text' AND s.\"%w\" GLOB "
                        "'[0-9][0-9][0-9][0-9]*')",
                        spec->zPeriod, spec->zPeriod);
  }
  /* A statement that writes the source reads it as it was: no row above
  ** the rowid it had when the cursor first read it. */
  if (pd && pd->has_max_rowid) sqlite3_str_appendf(s, " AND s._rowid_ <= %lld", pd->max_rowid);
  /* The skip walk's seek (series_skip.c): the rows from a point of the
  ** ORDER BY on, compared with the columns' own collations as it sorts. */
  if (bound) {
    sqlite3_str_appendall(s, " AND (");
    for (int i = 0; i < spec->nBy; i++) sqlite3_str_appendf(s, "s.\"%w\", ", spec->azBy[i]);
    sqlite3_str_appendf(s, "s.\"%w\") >= (", spec->zPeriod);
    for (int i = 0; i < spec->nBy; i++) sqlite3_str_appendall(s, "?, ");
    sqlite3_str_appendall(s, "?)");
  }
  /* grain= reads event-level rows (days rolled up to months), and such
  ** tables are stored in time order: walking an index on the series
  ** columns then fetches one table page per row, while a sort reads the
  ** table in order (measured: 10 M transactions, index walk 1.34 s vs
  ** sort 1.02 s at a tenth of the data).  SQLite's planner does not see
  ** that order, so a unary + on the ORDER BY terms tells it not to use an
  ** index for them.  The sorter keeps a bounded buffer and spills to temp
  ** files, so memory still holds one series, not the source.  A snapshot
  ** (the statement writes) sorts too: the sorter reads every row before
  ** the first one is returned, so rows the statement inserts meanwhile
  ** are never seen. */
  const char *zNoIndex = sorted || spec->grain != TS_KIND_NONE || (pd && pd->snapshot) ? "+" : "";
  sqlite3_str_appendall(s, " ORDER BY ");
  for (int i = 0; i < spec->nBy; i++)
    sqlite3_str_appendf(s, "%ss.\"%w\", ", zNoIndex, spec->azBy[i]);
  sqlite3_str_appendf(s, "%ss.\"%w\"", zNoIndex, spec->zPeriod);
  /* The sorted read that replaces a watched walk (see "index walk or
  ** sort") breaks ties as the walked index does, by rowid, so rows of one
  ** series and period (the two flows of long trade data) come in the same
  ** order and the series shows the same first row's key either way. */
  if (sorted && ts_source_max_rowid(db, spec, &(sqlite3_int64){0}))
    sqlite3_str_appendall(s, ", s._rowid_");
  return sqlite3_str_finish(s);
}

/* The rows the query's year filter would drop below lo, which with
** grain= it keeps for the scan to read (ts_early_lo, series_source.h). */
int ts_early_lo(const ts_source_spec *spec, const ts_pushdown *pd, const char *aAff) {
  if (spec->grain == TS_KIND_NONE || pd == NULL || aAff[spec->nBy] != 'T') return 0;
  return pd->year_lo > 0 ? pd->year_lo : 0;
}

int ts_early_row(sqlite3_value *v, int lo) {
  if (lo <= 0 || sqlite3_value_type(v) != SQLITE_TEXT || sqlite3_value_bytes(v) < 4) return 0;
  const unsigned char *z = sqlite3_value_text(v);
  int year = 0;
  for (int i = 0; z && i < 4; i++) {
    if (z[i] < '0' || z[i] > '9') return 0;
    year = year * 10 + (z[i] - '0');
  }
  return z && year < lo;
}

/* Series are grouped as GROUP BY groups: two keys are one series when
** SQLite compares them equal with the by column's own collation (NOCASE,
** RTRIM, one the application registered) and across storage classes
** (INTEGER 1 and REAL 1.0).  The collation is the column's wherever it
** comes from (table, view, expression), so SQLite is asked:
**
**   SELECT (+k0 IS ?3) AND (+k1 IS ?4) FROM
**     (SELECT s."a" AS k0, s."b" AS k1 FROM src AS s WHERE 0
**      UNION ALL SELECT ?1, ?2)
**
** The leftmost arm gives k0.. the columns' collations and reads no row;
** ?1.. hold the series' key, ?n+1.. the row's.  Unary + drops the
** column's affinity, not its collation: GROUP BY converts no value.  IS
** makes NULL keys one series, as GROUP BY does.  The source query's
** ORDER BY uses the same collations, so a series' rows are adjacent. */
char *ts_same_key_sql(sqlite3 *db, const ts_source_spec *spec, int n) {
  char *zFrom = ts_source_sql_name(spec);
  if (zFrom == NULL) return NULL;
  sqlite3_str *s = sqlite3_str_new(db);
  sqlite3_str_appendall(s, "SELECT ");
  for (int i = 0; i < n; i++)
    sqlite3_str_appendf(s, "%s(+k%d IS ?%d)", i ? " AND " : "", i, n + i + 1);
  sqlite3_str_appendall(s, " FROM (SELECT ");
  for (int i = 0; i < n; i++)
    sqlite3_str_appendf(s, "%ss.\"%w\" AS k%d", i ? ", " : "", spec->azBy[i], i);
  sqlite3_str_appendf(s, " FROM %s WHERE 0 UNION ALL SELECT ", zFrom);
  for (int i = 0; i < n; i++) sqlite3_str_appendf(s, "%s?%d", i ? ", " : "", i + 1);
  sqlite3_str_appendall(s, ")");
  sqlite3_free(zFrom);
  return sqlite3_str_finish(s);
}

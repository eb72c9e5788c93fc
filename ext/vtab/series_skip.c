/*
** vtab/series_skip.c -- the skip walk: a streaming read bounded by years
** that seeks past the years it leaves out instead of reading them.
**
** The source query pushes a year bound as a filter no index serves
** (series_source.c: a label such as '2Q2024' or 'Jan 2024' sorts apart
** from its year, so every row is tested), so a read of the latest two
** years of a long series still steps through every row.  Where an index
** on the series columns then the period orders the source
** (ts_skip_servable), the walk reads that order itself and skips:
**
**   - the query has no year filter; each row is kept or dropped here by
**     the filter's own rule (a TEXT period whose first four characters
**     are digits is of that year, every other row is kept);
**   - a dropped row 'abcd...' of a year below the bound starts a run of
**     rows of its series whose periods all begin with 'abc' and a digit
**     up to the bound: the walk seeks past it, to the first row at or
**     after (series, min('abc:', lower bound)) -- ':' follows '9' -- so a
**     series of 25 years of months costs three seeks (one per decade)
**     instead of 276 rows; above the upper bound, to (series, 'abc:');
**   - the seek is the same query with a row-value bound,
**     (s.k1, ..., s.period) >= (?, ..., ?), which compares with the
**     columns' own collations as the ORDER BY sorts, so the rows after
**     the bound come in the order the walk would have met them; a series
**     with a NULL key (a row value with a NULL compares as NULL) is
**     stepped through without seeks.
**
** So the rows kept are exactly the filtered query's, in its order, and
** what a series is made of, its errors and its first row are the same.
** Under NOCASE or RTRIM the rows that sort between 'abcd' and 'abc:'
** still begin with 'abc' and a digit (digits, ':' and the letters' folds
** are apart), so the runs skipped are the same; another collation is not
** walked (ts_skip_servable).
*/
#include "vtab/series_scan.h"

#include <string.h>

/* The collation of index column zCol of table zTable: 1 when it is the
** column's own declared one (BINARY when none), so ORDER BY on the column
** walks the index. */
static int same_collation(sqlite3 *db, const ts_source_spec *spec, const char *zCol,
                          const char *zIndexColl, int period) {
  const char *zColl = NULL;
  if (sqlite3_table_column_metadata(db, spec->zSchema, spec->zTable, zCol, NULL, &zColl, NULL, NULL,
                                    NULL) != SQLITE_OK)
    return 0;
  if (zColl == NULL) zColl = "BINARY";
  if (zIndexColl == NULL || sqlite3_stricmp(zColl, zIndexColl) != 0) return 0;
  return !period || sqlite3_stricmp(zColl, "BINARY") == 0 ||
         sqlite3_stricmp(zColl, "NOCASE") == 0 || sqlite3_stricmp(zColl, "RTRIM") == 0;
}

/* Whether index zIndex's first key columns are spec's by columns then
** its period, each collated as its column and ascending. */
static int index_fits(sqlite3 *db, const ts_source_spec *spec, const char *zIndex) {
  char *zSql = spec->zSchema ? sqlite3_mprintf(
                                   "SELECT name, coll, desc FROM \"%w\".pragma_index_xinfo(?1)"
                                   " WHERE key ORDER BY seqno",
                                   spec->zSchema)
                             : sqlite3_mprintf(
                                   "SELECT name, coll, desc FROM pragma_index_xinfo(?1)"
                                   " WHERE key ORDER BY seqno");
  sqlite3_stmt *stmt = NULL;
  int n = 0, ok = zSql && sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) == SQLITE_OK &&
                  sqlite3_bind_text(stmt, 1, zIndex, -1, SQLITE_STATIC) == SQLITE_OK;
  sqlite3_free(zSql);
  while (ok && n <= spec->nBy && sqlite3_step(stmt) == SQLITE_ROW) {
    const char *zName = (const char *)sqlite3_column_text(stmt, 0);
    const char *zColl = (const char *)sqlite3_column_text(stmt, 1);
    const char *zWant = n < spec->nBy ? spec->azBy[n] : spec->zPeriod;
    /* a DESC column cannot give the walk's ascending order: SQLite sorts
    ** what each seek reads (3.5 x the read of every year, 9 x the walk) */
    ok = zName && sqlite3_stricmp(zName, zWant) == 0 && sqlite3_column_int(stmt, 2) == 0 &&
         same_collation(db, spec, zWant, zColl, n == spec->nBy);
    n++;
  }
  sqlite3_finalize(stmt);
  return ok && n == spec->nBy + 1;
}

int ts_source_one_spelling(sqlite3 *db, const ts_source_spec *spec) {
  if (spec == NULL || spec->zTable == NULL) return 0;
  for (int i = 0; i < spec->nBy; i++) {
    const char *zType = NULL, *zColl = NULL;
    if (sqlite3_table_column_metadata(db, spec->zSchema, spec->zTable, spec->azBy[i], &zType,
                                      &zColl, NULL, NULL, NULL) != SQLITE_OK)
      return 0;
    if (zColl && sqlite3_stricmp(zColl, "BINARY") != 0) return 0;
    /* the affinity of the declared type (the rules of SQLite's
    ** "Determination Of Column Affinity"): none only for BLOB or no type */
    int has = 0;
    for (const char *z = zType; z && *z; z++) {
      static const char *const azHint[] = {"INT", "CHAR", "CLOB", "TEXT", "REAL", "FLOA", "DOUB"};
      for (size_t k = 0; k < sizeof(azHint) / sizeof(azHint[0]); k++)
        has |= sqlite3_strnicmp(z, azHint[k], (int)strlen(azHint[k])) == 0;
    }
    int blob = 0;
    for (const char *z = zType; z && *z; z++) blob |= sqlite3_strnicmp(z, "BLOB", 4) == 0;
    /* no hint and not BLOB (or empty): NUMERIC, an affinity too */
    if (zType == NULL || zType[0] == 0 || (blob && !has)) return 0;
  }
  return 1;
}

int ts_skip_servable(sqlite3 *db, const ts_source_spec *spec) {
  if (spec == NULL || spec->grain != TS_KIND_NONE) return 0;
  /* An ordinary table with a TEXT period column (the year filter is
  ** pushed only on one) */
  const char *zType = NULL;
  if (sqlite3_table_column_metadata(db, spec->zSchema, spec->zTable, spec->zPeriod, &zType, NULL,
                                    NULL, NULL, NULL) != SQLITE_OK ||
      zType == NULL || sqlite3_stricmp(zType, "TEXT") != 0)
    return 0;
  char *zSql = spec->zSchema
                   ? sqlite3_mprintf(
                         "SELECT name FROM \"%w\".pragma_index_list(?1) WHERE NOT partial"
                         " AND (SELECT type FROM \"%w\".sqlite_schema WHERE name = ?1)"
                         " = 'table'",
                         spec->zSchema, spec->zSchema)
                   : sqlite3_mprintf("SELECT name FROM pragma_index_list(?1) WHERE NOT partial");
  sqlite3_stmt *stmt = NULL;
  int found = 0;
  if (zSql && sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_bind_text(stmt, 1, spec->zTable, -1, SQLITE_STATIC) == SQLITE_OK) {
    while (!found && sqlite3_step(stmt) == SQLITE_ROW) {
      const char *zIndex = (const char *)sqlite3_column_text(stmt, 0);
      char *zCopy = zIndex ? sqlite3_mprintf("%s", zIndex) : NULL;
      if (zCopy) found = index_fits(db, spec, zCopy);
      sqlite3_free(zCopy);
    }
  }
  sqlite3_finalize(stmt);
  sqlite3_free(zSql);
  return found;
}

/* The year of a TEXT period whose first four bytes are digits, else -1
** (the year filter keeps such a row whatever the bound). */
static int label_year(sqlite3_value *v) {
  if (sqlite3_value_type(v) != SQLITE_TEXT) return -1;
  const unsigned char *z = sqlite3_value_text(v);
  if (z == NULL || sqlite3_value_bytes(v) < 4) return -1;
  int year = 0;
  for (int i = 0; i < 4; i++) {
    if (z[i] < '0' || z[i] > '9') return -1;
    year = year * 10 + (z[i] - '0');
  }
  return year;
}

int ts_skip_open(ts_scan *scan, const ts_pushdown *pd, const char *zFrom, const int *aBound) {
  int aB[TS_MAX_BY];
  ts_pushdown plain = *pd;
  plain.year_lo = plain.year_hi = 0;
  char *zSql = ts_scan_query_bound(scan->db, scan->spec, &plain, zFrom, scan->aAff, aB,
                                   scan->iPreliminary >= 0, 1);
  int rc = zSql ? ts_keep_prepare(scan->keep, scan->db, zSql, &scan->skip_stmt) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  if (rc == SQLITE_OK) rc = ts_source_bind(scan->skip_stmt, scan->spec, pd, aBound);
  if (rc != SQLITE_OK) return rc;
  scan->skip_lo = pd->year_lo;
  scan->skip_hi = pd->year_hi > 0 && pd->year_hi < 9999 ? pd->year_hi : 0;
  scan->skip_first = sqlite3_bind_parameter_count(scan->skip_stmt) - scan->spec->nBy;
  /* The by columns collated BINARY (ts_skip_servable checked the
  ** source is a table whose index collates each as declared). */
  for (int i = 0; i < scan->spec->nBy; i++) {
    const char *zColl = NULL;
    scan->skip_binary[i] = sqlite3_table_column_metadata(
                               scan->db, scan->spec->zSchema, scan->spec->zTable,
                               scan->spec->azBy[i], NULL, &zColl, NULL, NULL, NULL) == SQLITE_OK &&
                           (zColl == NULL || sqlite3_stricmp(zColl, "BINARY") == 0);
  }
  scan->skipping = 1;
  return SQLITE_OK;
}

/* Keeps the current row's key in skip_key (copied only when it is not
** the one kept already: the seeks of one series bind the same key). */
static int keep_key(ts_scan *scan) {
  for (int i = 0; i < scan->spec->nBy; i++) {
    sqlite3_value *v = sqlite3_column_value(scan->stmt, i), *k = scan->skip_key[i];
    int type = sqlite3_value_type(v), n = sqlite3_value_bytes(v);
    if (k && sqlite3_value_type(k) == type && sqlite3_value_bytes(k) == n) {
      if (type == SQLITE_INTEGER && sqlite3_value_int64(k) == sqlite3_value_int64(v)) continue;
      if (type == SQLITE_TEXT &&
          memcmp(sqlite3_value_text(k), sqlite3_value_text(v), (size_t)n) == 0)
        continue;
    }
    sqlite3_value_free(k);
    scan->skip_key[i] = sqlite3_value_dup(v);
    if (scan->skip_key[i] == NULL) return SQLITE_NOMEM;
  }
  return SQLITE_OK;
}

/* Binds kept key value k at parameter i, without a copy (skip_key lives
** as long as the scan). */
static int bind_key(sqlite3_stmt *stmt, int i, sqlite3_value *k) {
  switch (sqlite3_value_type(k)) {
    case SQLITE_INTEGER: return sqlite3_bind_int64(stmt, i, sqlite3_value_int64(k));
    case SQLITE_TEXT:
      return sqlite3_bind_text(stmt, i, (const char *)sqlite3_value_text(k), sqlite3_value_bytes(k),
                               SQLITE_STATIC);
    default: return sqlite3_bind_value(stmt, i, k);
  }
}

/* Seeks past the run of the current row (its series, period 'abc' and a
** digit) up to zTo.  Returns SQLITE_OK, or an error of a bind. */
static int seek_past(ts_scan *scan, const char *zTo) {
  int n = scan->spec->nBy;
  int rc = keep_key(scan);
  sqlite3_stmt *to = scan->skip_stmt;
  if (scan->stmt != to) {
    /* from the plain walk to the bounded one, for good */
    scan->skip_plain = scan->stmt;
    sqlite3_reset(scan->skip_plain);
    scan->stmt = to;
  }
  sqlite3_reset(to);
  for (int i = 0; i < n && rc == SQLITE_OK; i++)
    rc = bind_key(to, scan->skip_first + i, scan->skip_key[i]);
  if (rc == SQLITE_OK) rc = sqlite3_bind_text(to, scan->skip_first + n, zTo, -1, SQLITE_TRANSIENT);
  return rc;
}

void ts_skip_close(ts_scan *scan) {
  for (int i = 0; i < TS_MAX_BY; i++) sqlite3_value_free(scan->skip_key[i]);
}

/* Whether the current row's key is surely not the series' key: in a
** column that compares with BINARY, two TEXT or two INTEGER values that
** differ are two groups (GROUP BY's rule), no need to ask SQLite. */
int ts_skip_other_key(const ts_scan *scan) {
  if (!scan->skipping) return 0;
  for (int i = 0; i < scan->spec->nBy; i++) {
    if (!scan->skip_binary[i]) continue;
    sqlite3_value *v = sqlite3_column_value(scan->stmt, i);
    int type = sqlite3_value_type(v);
    if (type != scan->aKey[i].type) continue;
    if (type == SQLITE_INTEGER && sqlite3_value_int64(v) != scan->aKey[i].i) return 1;
    if (type == SQLITE_TEXT) {
      int n = sqlite3_value_bytes(v);
      const unsigned char *z = sqlite3_value_text(v);
      if (z && (n != scan->aKey[i].n || memcmp(z, scan->aKey[i].z, (size_t)n) != 0)) return 1;
    }
  }
  return 0;
}

int ts_skip_step(ts_scan *scan) {
  if (!scan->skipping) return sqlite3_step(scan->stmt);
  scan->skip_period = NULL;
  int n = scan->spec->nBy;
  for (;;) {
    int rc = sqlite3_step(scan->stmt);
    if (rc != SQLITE_ROW) return rc;
    sqlite3_value *period = sqlite3_column_value(scan->stmt, n);
    int year = label_year(period);
    int below = scan->skip_lo > 0 && year >= 0 && year < scan->skip_lo;
    int above = scan->skip_hi > 0 && year > scan->skip_hi;
    if (!below && !above) {
      scan->skip_period = period; /* the row's, until the next step */
      return SQLITE_ROW;
    }
    scan->nSkipped++;
    int keyed = 1;
    for (int i = 0; i < n; i++) keyed &= sqlite3_column_type(scan->stmt, i) != SQLITE_NULL;
    if (!keyed) continue; /* a NULL key: stepped through */
    const unsigned char *z = sqlite3_column_text(scan->stmt, n);
    if (z == NULL) return SQLITE_NOMEM;
    char zTo[5] = {(char)z[0], (char)z[1], (char)z[2], ':', 0};
    char zLo[8];
    sqlite3_snprintf(sizeof(zLo), zLo, "%04d", scan->skip_lo);
    if (below && memcmp(zLo, zTo, 4) < 0) memcpy(zTo, zLo, 5);
    rc = seek_past(scan, zTo);
    if (rc != SQLITE_OK) return rc;
  }
}

/*
** vtab/series_skip.c -- the skip walk: a streaming read bounded by years
** that seeks past the years it leaves out instead of reading them.
**
** The source query pushes a year bound as a filter no index serves
** (series_query.c: a label such as '2Q2024' or 'Jan 2024' sorts apart
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
**     after (series, min('abc:', lower bound)) -- ':' follows '9' --, a
**     seek a decade instead of a row a period; above the upper bound, to
**     (series, 'abc:');
**   - the seek is the same query with a row-value bound,
**     (s.k1, ..., s.period) >= (?, ..., ?), which compares with the
**     columns' own collations as the ORDER BY sorts, so the rows after
**     the bound come in the order the walk would have met them; a series
**     with a NULL key (a row value with a NULL compares as NULL) is
**     stepped through without seeks;
**   - from a row of a decade that ends below the lower bound, one seek
**     passes that decade and the next ones left out (up to TS_SKIP_GAPS):
**     what lies between two such decades, such as ['200:', '2010'), is a
**     gap of labels the filter keeps, and the seek's LIMIT is 0 when an
**     EXISTS finds a row of the series in one (seek_decades), so the walk
**     then seeks one decade as above and meets it.  A series of 25 years
**     of months costs one seek (and two EXISTS probes of the index) where
**     it cost three restarts of the statement, each with its reset, its
**     binds and the row it landed on.  A query with pushed values (WHERE
**     k = ?) seeks a decade at a time (the gap seeks bind none).
**
** So the rows kept are exactly the filtered query's, in its order, and
** what a series is made of, its errors and its first row are the same.
** Under NOCASE or RTRIM the rows that sort between 'abcd' and 'abc:'
** still begin with 'abc' and a digit (digits, ':' and the letters' folds
** are apart), so the runs skipped are the same, and so are the gaps (a
** bound of digits and ':' compares with a label alike under the three);
** another collation is not walked (ts_skip_servable).
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
  sqlite3_snprintf(sizeof(scan->skip_lo_text), scan->skip_lo_text, "%04d", scan->skip_lo);
  scan->skip_first = sqlite3_bind_parameter_count(scan->skip_stmt) - scan->spec->nBy;
  /* The gap seeks bind only the bound: a query with pushed values (WHERE
  ** partner = ?) seeks one decade at a time, as before. */
  scan->skip_gap_off = scan->skip_first != 1;
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

/* The text of skip_stmt that also asks that m gaps hold no row:
**   ... ORDER BY ... LIMIT CASE WHEN EXISTS (SELECT 1 FROM src AS s
**     WHERE s.k1 = ?K1 AND ... AND s.period >= ?A AND s.period < ?B)
**     OR EXISTS (...) THEN 0 ELSE -1 END
** a gap an EXISTS, the key's parameters skip_stmt's own, the gaps' after
** its last.  SQLite evaluates a LIMIT once, before the first row: a gap
** holding a row makes it 0 (no row at all), else the rows are
** skip_stmt's, for one more opcode a row.  NULL: no memory. */
static char *gap_sql(ts_scan *scan, int m) {
  const ts_source_spec *spec = scan->spec;
  char *zFrom = ts_source_sql_name(spec);
  if (zFrom == NULL) return NULL;
  int nParam = sqlite3_bind_parameter_count(scan->skip_stmt);
  sqlite3_str *s = sqlite3_str_new(scan->db);
  sqlite3_str_appendf(s, "%s LIMIT CASE WHEN ", sqlite3_sql(scan->skip_stmt));
  for (int j = 0; j < m; j++) {
    sqlite3_str_appendf(s, "%sEXISTS (SELECT 1 FROM %s WHERE", j ? " OR " : "", zFrom);
    for (int i = 0; i < spec->nBy; i++)
      sqlite3_str_appendf(s, " s.\"%w\" = ?%d AND", spec->azBy[i], scan->skip_first + i);
    sqlite3_str_appendf(s, " s.\"%w\" >= ?%d AND s.\"%w\" < ?%d)", spec->zPeriod,
                        nParam + 2 * j + 1, spec->zPeriod, nParam + 2 * j + 2);
  }
  sqlite3_str_appendall(s, " THEN 0 ELSE -1 END");
  sqlite3_free(zFrom);
  return sqlite3_str_finish(s);
}

/* skip_gap[m-1], prepared when first needed (it binds the key and the
** bounds only: skip_gap_off when the query pushes values); NULL when
** SQLite refuses its text: the plain seek then serves, as it always
** could. */
static int gap_stmt(ts_scan *scan, int m, sqlite3_stmt **ppStmt) {
  *ppStmt = scan->skip_gap[m - 1];
  if (*ppStmt || scan->skip_gap_off) return SQLITE_OK;
  char *zSql = gap_sql(scan, m);
  if (zSql == NULL) return SQLITE_NOMEM;
  sqlite3_stmt *stmt = NULL;
  int rc = ts_keep_prepare(scan->keep, scan->db, zSql, &stmt);
  sqlite3_free(zSql);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    if (rc == SQLITE_NOMEM) return rc;
    scan->skip_gap_off = 1; /* SQLite refused the text: never asked again */
    return SQLITE_OK;
  }
  scan->skip_gap[m - 1] = *ppStmt = stmt;
  return SQLITE_OK;
}

/* Keeps the current row's key in skip_key (copied only when it is not
** the one kept already: the seeks of one series bind the same key);
** *pKeyed 0, and nothing kept, when a by column is NULL. */
static int keep_key(ts_scan *scan, int *pKeyed) {
  int n = scan->spec->nBy;
  sqlite3_value *av[TS_MAX_BY];
  *pKeyed = 1;
  for (int i = 0; i < n; i++) {
    av[i] = sqlite3_column_value(scan->stmt, i);
    if (sqlite3_value_type(av[i]) == SQLITE_NULL) {
      *pKeyed = 0;
      return SQLITE_OK;
    }
  }
  for (int i = 0; i < n; i++) {
    sqlite3_value *v = av[i], *k = scan->skip_key[i];
    int type = sqlite3_value_type(v), nv = sqlite3_value_bytes(v);
    if (k && sqlite3_value_type(k) == type && sqlite3_value_bytes(k) == nv) {
      if (type == SQLITE_INTEGER && sqlite3_value_int64(k) == sqlite3_value_int64(v)) continue;
      if (type == SQLITE_TEXT &&
          memcmp(sqlite3_value_text(k), sqlite3_value_text(v), (size_t)nv) == 0)
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

/* Whether stmt is one of the walk's seeks (skip_stmt or a gap seek). */
static int is_seek(const ts_scan *scan, const sqlite3_stmt *stmt) {
  if (stmt == scan->skip_stmt) return 1;
  for (int m = 0; m < TS_SKIP_GAPS; m++)
    if (stmt == scan->skip_gap[m]) return 1;
  return 0;
}

/* Makes seek statement to the walk's, reset, with the kept key bound and
** zTo (which outlives the binding: scan's own buffers) as the bound. */
static int seek_from_key(ts_scan *scan, sqlite3_stmt *to, const char *zTo) {
  int n = scan->spec->nBy, rc = SQLITE_OK;
  if (scan->stmt != to) {
    /* from the plain walk to the bounded ones, for good */
    if (!is_seek(scan, scan->stmt)) scan->skip_plain = scan->stmt;
    sqlite3_reset(scan->stmt);
    scan->stmt = to;
  }
  sqlite3_reset(to);
  for (int i = 0; i < n && rc == SQLITE_OK; i++)
    rc = bind_key(to, scan->skip_first + i, scan->skip_key[i]);
  if (rc == SQLITE_OK) rc = sqlite3_bind_text(to, scan->skip_first + n, zTo, -1, SQLITE_STATIC);
  return rc;
}

/* The plain seek: past the run of the kept key's row (its series, period
** 'abc' and a digit) up to skip_to. */
static int seek_past(ts_scan *scan) {
  scan->skip_gap_pending = 0;
  return seek_from_key(scan, scan->skip_stmt, scan->skip_to);
}

/* z: decade p (0..999) as three digits, then c ("%03d%c", no printf:
** two a seek). */
static void decade_text(char *z, int p, char c) {
  z[0] = (char)('0' + p / 100), z[1] = (char)('0' + p / 10 % 10), z[2] = (char)('0' + p % 10);
  z[3] = c, z[4] = 0;
}

/* The seek from a row 'abcd' of a year below skip_lo past the decades
** left out: the row's, and the next ones while they end before skip_lo,
** up to TS_SKIP_GAPS of them.  From '2001-01' with skip_lo 2023 it seeks
** to '2023'; the rows it passes are the years 2001..2022, and the gaps
** ['200:', '2010') and ['201:', '2020'), where only labels whose fourth
** character is not a digit sort, which the filter keeps.  The statement
** returns no row unless each gap holds no row of the series (gap_sql),
** and then its rows are exactly those the plain seeks, one a decade,
** would have met.  *pDone 0: no decade can be passed this way (the
** plain seek serves). */
static int seek_decades(ts_scan *scan, const unsigned char *z, int *pDone) {
  int lo = scan->skip_lo, p = (z[0] - '0') * 100 + (z[1] - '0') * 10 + (z[2] - '0'), m = 0;
  *pDone = 0;
  if (scan->skip_gap_off || (p + 1) * 10 > lo) return SQLITE_OK; /* lo is in this decade */
  while (m < TS_SKIP_GAPS && (p + 1) * 10 <= lo) {
    decade_text(scan->skip_gap_text[2 * m], p, ':');
    decade_text(scan->skip_gap_text[2 * m + 1], p + 1, '0');
    m++, p++;
  }
  /* from skip_lo, or from the next decade left out when there are more */
  const char *zTo = (p + 1) * 10 <= lo ? scan->skip_gap_text[2 * m - 1] : scan->skip_lo_text;
  sqlite3_stmt *to = NULL;
  int rc = gap_stmt(scan, m, &to);
  if (rc != SQLITE_OK || to == NULL) return rc;
  rc = seek_from_key(scan, to, zTo);
  int nParam = sqlite3_bind_parameter_count(scan->skip_stmt);
  for (int j = 0; j < 2 * m && rc == SQLITE_OK; j++)
    rc = sqlite3_bind_text(to, nParam + j + 1, scan->skip_gap_text[j], -1, SQLITE_STATIC);
  scan->skip_gap_pending = 1;
  *pDone = 1;
  return rc;
}

void ts_skip_close(ts_scan *scan) {
  for (int i = 0; i < TS_MAX_BY; i++) sqlite3_value_free(scan->skip_key[i]);
  /* scan->stmt was given back already (ts_scan_close) */
  for (int m = 0; m < TS_SKIP_GAPS; m++)
    if (scan->skip_gap[m] != scan->stmt)
      ts_keep_return(scan->keep, scan->keep_epoch, scan->skip_gap[m]);
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
    if (rc == SQLITE_DONE && scan->skip_gap_pending) {
      /* a gap holds a row (or nothing follows): seek one decade instead */
      rc = seek_past(scan);
      if (rc != SQLITE_OK) return rc;
      continue;
    }
    scan->skip_gap_pending = 0;
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
    rc = keep_key(scan, &keyed);
    if (rc != SQLITE_OK) return rc;
    if (!keyed) continue;                                /* a NULL key: stepped through */
    const unsigned char *z = sqlite3_value_text(period); /* TEXT: label_year read it */
    if (z == NULL) return SQLITE_NOMEM;
    char *zTo = scan->skip_to;
    zTo[0] = (char)z[0], zTo[1] = (char)z[1], zTo[2] = (char)z[2], zTo[3] = ':', zTo[4] = 0;
    int done = 0;
    if (below && memcmp(scan->skip_lo_text, zTo, 4) < 0)
      memcpy(zTo, scan->skip_lo_text, 5);
    else if (below)
      rc = seek_decades(scan, z, &done);
    if (rc == SQLITE_OK && !done) rc = seek_past(scan);
    if (rc != SQLITE_OK) return rc;
  }
}

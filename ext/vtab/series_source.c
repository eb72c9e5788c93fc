/*
** vtab/series_source.c -- the checked source that every series virtual
** table reads: the table or view and the columns named there (else a
** message says what is), the by columns' affinities and collations, and
** its highest rowid (what a statement that writes reads up to).  The one
** query on the source is built in series_query.c, its rows read in
** series_scan.c.
**
** Contract:
**  1. Identifiers given by the user are only ever quoted with "%w"; the
**     source may be `schema.table`; quotes ("x", 'x', [x], `x`) around a
**     name or a part are removed first.
*/
#include "vtab/series_source.h"

#include <string.h>

/* Prepares "SELECT <zCols> FROM <source> LIMIT 0"; returns its code. */
static int try_select(sqlite3 *db, const char *zCols, const char *zFrom) {
  char *zSql = sqlite3_mprintf("SELECT %s FROM %s LIMIT 0", zCols, zFrom);
  if (zSql == NULL) return SQLITE_NOMEM;
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL);
  sqlite3_finalize(stmt);
  sqlite3_free(zSql);
  return rc;
}

int ts_source_has_column(sqlite3 *db, const char *zSchema, const char *zTable, const char *zCol) {
  sqlite3_stmt *stmt = NULL;
  int found = 0;
  if (sqlite3_prepare_v2(db,
                         "SELECT 1 FROM pragma_table_xinfo(?1, ?2) WHERE name = ?3 COLLATE NOCASE",
                         -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_bind_text(stmt, 1, zTable, -1, SQLITE_STATIC) == SQLITE_OK &&
      sqlite3_bind_text(stmt, 2, zSchema, -1, SQLITE_STATIC) == SQLITE_OK &&
      sqlite3_bind_text(stmt, 3, zCol, -1, SQLITE_STATIC) == SQLITE_OK)
    found = sqlite3_step(stmt) == SQLITE_ROW;
  sqlite3_finalize(stmt);
  return found;
}

/* Is every letter of `a` in `b`, in order (amt in amount), case aside? */
static int is_subsequence(const char *a, const char *b) {
  for (; *a && *b; b++)
    if (sqlite3_strnicmp(a, b, 1) == 0) a++;
  return *a == 0;
}

/* " (did you mean \"amount\"? columns: period, flow, amount)": the
** source's columns and the closest to the name given; NULL when they
** cannot be read.  The list stops after 20 names. */
static char *column_hint(sqlite3 *db, const char *zFrom, const char *zCol) {
  char *zSql = sqlite3_mprintf("SELECT * FROM %s LIMIT 0", zFrom);
  sqlite3_stmt *stmt = NULL;
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return NULL;
  }
  int n = sqlite3_column_count(stmt), best = -1, best_d = 1 << 30;
  sqlite3_str *list = sqlite3_str_new(db);
  for (int i = 0; i < n; i++) {
    const char *zName = sqlite3_column_name(stmt, i);
    if (zName == NULL) continue;
    int d = ts_edit_distance(zCol, zName, 1);
    /* The distance reads TS_EDIT_MAX bytes of each name, so the third is
    ** of that much too: a 10 kB name was "close" to every column. */
    int len = (int)strlen(zCol) < TS_EDIT_MAX ? (int)strlen(zCol) : TS_EDIT_MAX;
    int close = d <= (len + 2) / 3 || is_subsequence(zCol, zName);
    if (close && d < best_d) best = i, best_d = d;
    if (i < 20) { /* each name cut like the one asked for */
      char *zShownName = ts_name_shown(zName);
      sqlite3_str_appendf(list, "%s%s", i ? ", " : "", zShownName ? zShownName : "?");
      sqlite3_free(zShownName);
    }
  }
  if (n > 20) sqlite3_str_appendf(list, ", ... (%d in all)", n);
  char *zList = sqlite3_str_finish(list);
  /* A suggestion only when it is close: at most a third of the name
  ** differs, or the name is an abbreviation of it. */
  char *zHint = NULL;
  char *zBest = best >= 0 ? ts_name_shown(sqlite3_column_name(stmt, best)) : NULL;
  if (zList && zBest)
    zHint = sqlite3_mprintf(" (did you mean \"%s\"? columns: %s)", zBest, zList);
  else if (zList)
    zHint = sqlite3_mprintf(" (columns: %s)", zList);
  sqlite3_free(zList);
  sqlite3_free(zBest);
  sqlite3_finalize(stmt);
  return zHint;
}

static int check_column(sqlite3 *db, const ts_source_spec *spec, const char *zFrom,
                        const char *zShown, const char *zCol, char **pzErr) {
  if (zCol == NULL) return SQLITE_OK;
  char *zQuoted = sqlite3_mprintf("s.\"%w\"", zCol);
  if (zQuoted == NULL) return SQLITE_NOMEM;
  int rc = try_select(db, zQuoted, zFrom);
  sqlite3_free(zQuoted);
  if (rc == SQLITE_NOMEM) return rc;
  if (rc != SQLITE_OK) {
    char *zHint = column_hint(db, zFrom, zCol);
    char *zColShown = ts_name_shown(zCol); /* a 10 kB name: cut */
    *pzErr = zColShown ? sqlite3_mprintf("%s: no such column \"%s\" in \"%s\"%s", spec->zModule,
                                         zColShown, zShown, zHint ? zHint : "")
                       : NULL;
    sqlite3_free(zColShown);
    sqlite3_free(zHint);
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  return SQLITE_OK;
}

/* Is SQLite's message "no such table: [schema.]T" about the source T
** itself (not about a table a source view reads)? */
static int names_missing_source(const char *zMsg, const ts_source_spec *spec) {
  static const char zPrefix[] = "no such table: ";
  int n = (int)sizeof(zPrefix) - 1;
  if (zMsg == NULL || sqlite3_strnicmp(zMsg, zPrefix, n) != 0) return 0;
  const char *zName = zMsg + n, *zDot = strrchr(zName, '.');
  if (zDot && sqlite3_stricmp(zDot + 1, spec->zTable) == 0) return 1;
  return sqlite3_stricmp(zName, spec->zTable) == 0;
}

int ts_source_check(sqlite3 *db, const ts_source_spec *spec, char **pzErr) {
  char *zFrom = ts_source_sql_name(spec);
  char *zShown = ts_source_display_name(spec);
  int rc = (zFrom && zShown) ? try_select(db, "1", zFrom) : SQLITE_NOMEM;
  /* A source that exists but cannot be read (a view over a DIRECTONLY
  ** table, or over a table since dropped) says why, in SQLite's words:
  ** "no such table" would deny a view that .schema shows. */
  if (rc != SQLITE_OK && rc != SQLITE_NOMEM && !names_missing_source(sqlite3_errmsg(db), spec)) {
    *pzErr =
        sqlite3_mprintf("%s: cannot read \"%s\": %s", spec->zModule, zShown, sqlite3_errmsg(db));
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  } else if (rc != SQLITE_OK && rc != SQLITE_NOMEM) {
    /* Bound to the table's own schema (bind_own_schema, series_vtab.c)
    ** while another schema has the name: say so, or the message would
    ** deny a table that SELECT * FROM t finds. */
    char *zElsewhere = spec->schema_implied ? sqlite3_mprintf("\"%w\" AS s", spec->zTable) : NULL;
    int elsewhere = zElsewhere && try_select(db, "1", zElsewhere) == SQLITE_OK;
    sqlite3_free(zElsewhere);
    if (elsewhere)
      *pzErr = sqlite3_mprintf(
          "%s: no such table \"%s\" in schema \"%s\" (an unqualified source="
          " names a table of the virtual table's own schema; another schema's"
          " is schema.%s)",
          spec->zModule, zShown, spec->zSchema, zShown);
    else
      *pzErr = sqlite3_mprintf("%s: no such table \"%s\"", spec->zModule, zShown);
    rc = SQLITE_ERROR;
  }
  const char *azCol[4 + TS_MAX_BY] = {spec->zPeriod, spec->azValue[0], spec->azValue[1],
                                      spec->zFlow};
  for (int i = 0; i < spec->nBy; i++) azCol[4 + i] = spec->azBy[i];
  for (int i = 0; rc == SQLITE_OK && i < 4 + spec->nBy; i++) {
    rc = check_column(db, spec, zFrom, zShown, azCol[i], pzErr);
  }
  sqlite3_free(zFrom);
  sqlite3_free(zShown);
  return rc;
}

/* The affinity SQLite gives a column of declared type zType, as the name
** to declare it with; NULL for none (BLOB, no type, a view's expression). */
static const char *affinity_name(const char *zType) {
  if (zType == NULL || zType[0] == 0) return NULL;
  static const struct {
    const char *zPart, *zAffinity;
  } aRule[] = {{"INT", "INTEGER"}, {"CHAR", "TEXT"}, {"CLOB", "TEXT"}, {"TEXT", "TEXT"},
               {"BLOB", NULL},     {"REAL", "REAL"}, {"FLOA", "REAL"}, {"DOUB", "REAL"}};
  size_t n = strlen(zType);
  for (size_t k = 0; k < sizeof(aRule) / sizeof(aRule[0]); k++) {
    size_t m = strlen(aRule[k].zPart);
    for (size_t i = 0; i + m <= n; i++)
      if (sqlite3_strnicmp(zType + i, aRule[k].zPart, (int)m) == 0) return aRule[k].zAffinity;
  }
  return "NUMERIC";
}

/* A column of the source with no declared type (a view's expression:
** `k COLLATE RTRIM` keeps k's affinity, `CAST(k AS TEXT)` has TEXT, a
** compound's column its first arm's) has an affinity all the same, which
** SQLite compares the view's column with.  Told on values, no row read,
** by comparisons whose answer does not depend on whether SQLite also
** gives the compound's second arm the first arm's affinity (3.40 does):
** c < 9 for the TEXT '10' holds only under TEXT (the 9 becomes '9', and
** '10' sorts first); c = '1' for the INTEGER 1 holds under a numeric
** affinity (the '1' becomes 1), not under none.  BINARY is asked for, so
** the column's own collation plays no part.  NULL for none (or a source
** the probe cannot read). */
static int probed_affinity(sqlite3 *db, const char *zFrom, const char *zCol, const char **pzAff) {
  *pzAff = NULL;
  char *zSql = sqlite3_mprintf(
      "SELECT (SELECT c < 9 COLLATE BINARY FROM (SELECT s.\"%w\" AS c FROM %s WHERE 0 "
      "UNION ALL SELECT '10')), (SELECT c = '1' COLLATE BINARY FROM (SELECT s.\"%w\" AS c "
      "FROM %s WHERE 0 UNION ALL SELECT 1))",
      zCol, zFrom, zCol, zFrom);
  if (zSql == NULL) return SQLITE_NOMEM;
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL);
  sqlite3_free(zSql);
  if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    rc = SQLITE_OK;
    if (sqlite3_column_int(stmt, 0))
      *pzAff = "TEXT";
    else if (sqlite3_column_int(stmt, 1))
      *pzAff = "NUMERIC";
  }
  sqlite3_finalize(stmt);
  return (rc & 0xff) == SQLITE_NOMEM ? SQLITE_NOMEM : SQLITE_OK;
}

/* The by columns' affinities, from the declared types a query on the
** source reports (a view's direct column references included).  Before,
** the series columns had no affinity: WHERE code = 2 on a TEXT column
** holding '2' found nothing, and an INTEGER column's WHERE s < '2' kept
** every row, where the same WHERE on the source (or on a GROUP BY view of
** it) compares with the column's affinity. */
static int source_by_affinities(sqlite3 *db, ts_source_spec *spec) {
  for (int i = 0; i < spec->nBy; i++) spec->azByAff[i] = NULL;
  if (spec->nBy == 0) return SQLITE_OK;
  char *zFrom = ts_source_sql_name(spec);
  if (zFrom == NULL) return SQLITE_NOMEM;
  sqlite3_str *s = sqlite3_str_new(db);
  sqlite3_str_appendall(s, "SELECT ");
  for (int i = 0; i < spec->nBy; i++)
    sqlite3_str_appendf(s, "%ss.\"%w\"", i ? ", " : "", spec->azBy[i]);
  sqlite3_str_appendf(s, " FROM %s LIMIT 0", zFrom);
  sqlite3_free(zFrom);
  char *zSql = sqlite3_str_finish(s);
  if (zSql == NULL) return SQLITE_NOMEM;
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL);
  sqlite3_free(zSql);
  int untyped = 0;
  if (rc == SQLITE_OK)
    for (int i = 0; i < spec->nBy; i++) {
      const char *zType = sqlite3_column_decltype(stmt, i);
      spec->azByAff[i] = affinity_name(zType);
      untyped |= (zType == NULL) << i;
    }
  sqlite3_finalize(stmt);
  /* A source that cannot be read (gone, altered) leaves no affinity: the
  ** query on it says what is missing. */
  if (rc != SQLITE_OK) return rc == SQLITE_NOMEM ? rc : SQLITE_OK;
  if (untyped == 0) return SQLITE_OK;
  if ((zFrom = ts_source_sql_name(spec)) == NULL) return SQLITE_NOMEM;
  for (int i = 0; rc == SQLITE_OK && i < spec->nBy; i++)
    if (untyped & (1 << i)) rc = probed_affinity(db, zFrom, spec->azBy[i], &spec->azByAff[i]);
  sqlite3_free(zFrom);
  return rc;
}

/* A view's column has no collation by name, but compares with one: its
** left-most SELECT gives it to a compound's column, which a comparison
** then uses (the trick open_same_key relies on).  Probed on values, no
** row read: NOCASE folds ASCII case only, RTRIM ignores trailing spaces,
** BINARY neither.  Any other answer is another collation (an
** application's): NULL, the column stays BINARY, as before. */
static int view_collation(sqlite3 *db, const char *zFrom, const char *zCol, const char **pzColl) {
  *pzColl = NULL;
  char *zSql = sqlite3_mprintf(
      "SELECT c = 'A', c = 'a ', c = 'b', c < 'B', c = 'a-', "
      "(SELECT d = '\xC3\x89' FROM (SELECT s.\"%w\" AS d FROM %s WHERE 0 UNION ALL SELECT "
      "'\xC3\xA9')) FROM (SELECT s.\"%w\" AS c FROM %s WHERE 0 UNION ALL SELECT 'a')",
      zCol, zFrom, zCol, zFrom);
  if (zSql == NULL) return SQLITE_NOMEM;
  sqlite3_stmt *stmt = NULL;
  char sig[7] = "??????";
  int rc = sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    rc = SQLITE_OK;
    for (int k = 0; k < 6; k++)
      sig[k] = sqlite3_column_type(stmt, k) == SQLITE_INTEGER
                   ? (char)('0' + (sqlite3_column_int(stmt, k) != 0))
                   : '?';
  }
  sqlite3_finalize(stmt);
  sqlite3_free(zSql);
  if ((rc & 0xff) == SQLITE_NOMEM) return SQLITE_NOMEM;
  if (strcmp(sig, "100100") == 0) *pzColl = "NOCASE";
  if (strcmp(sig, "010000") == 0) *pzColl = "RTRIM";
  return SQLITE_OK; /* a source that cannot be read: no collation */
}

/* The loadable module asks SQLite whether it has column metadata; a
** static build needs sqlite3_table_column_metadata at link time unless
** built with -DTRADESTAT_NO_COLUMN_METADATA (then columns are BINARY). */
int ts_source_collations(sqlite3 *db, ts_source_spec *spec) {
  if (source_by_affinities(db, spec) == SQLITE_NOMEM) return SQLITE_NOMEM;
#if defined(SQLITE_CORE) && defined(TRADESTAT_NO_COLUMN_METADATA)
  (void)db, (void)spec;
  return SQLITE_OK;
#endif
  if (!sqlite3_compileoption_used("ENABLE_COLUMN_METADATA")) return SQLITE_OK;
  for (int i = 0; i < spec->nBy; i++) {
    const char *zColl = NULL;
    sqlite3_free(spec->azByColl[i]);
    spec->azByColl[i] = NULL;
    if (sqlite3_table_column_metadata(db, spec->zSchema, spec->zTable, spec->azBy[i], NULL, &zColl,
                                      NULL, NULL, NULL) != SQLITE_OK) {
      /* A view (or a source that cannot be read: the probe fails). */
      char *zFrom = ts_source_sql_name(spec);
      if (zFrom == NULL) return SQLITE_NOMEM;
      const char *zFound = NULL;
      int rc = view_collation(db, zFrom, spec->azBy[i], &zFound);
      sqlite3_free(zFrom);
      if (rc != SQLITE_OK) return rc;
      if (zFound && (spec->azByColl[i] = sqlite3_mprintf("%s", zFound)) == NULL)
        return SQLITE_NOMEM;
      continue;
    }
    if (zColl == NULL || sqlite3_stricmp(zColl, "BINARY") == 0) continue;
    /* An application collation not registered on this connection: the
    ** column stays BINARY and the scan reports the missing collation. */
    char *zTry = sqlite3_mprintf("SELECT 'x' < 'y' COLLATE \"%w\"", zColl);
    if (zTry == NULL) return SQLITE_NOMEM;
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(db, zTry, -1, &stmt, NULL);
    sqlite3_finalize(stmt);
    sqlite3_free(zTry);
    if (rc == SQLITE_NOMEM) return rc;
    if (rc != SQLITE_OK) continue;
    spec->azByColl[i] = sqlite3_mprintf("%s", zColl);
    if (spec->azByColl[i] == NULL) return SQLITE_NOMEM;
  }
  return SQLITE_OK;
}

/* ---- statements that write while the source is read ----------------- */

/* Whether name resolves, in the source table, to its rowid (or its
** INTEGER PRIMARY KEY alias). */
static int rowid_name(sqlite3 *db, const ts_source_spec *spec, const char *zName) {
  const char *zType = NULL, *zColl = NULL;
  int notnull = 0, pk = 0, autoinc = 0;
  int rc = sqlite3_table_column_metadata(db, spec->zSchema, spec->zTable, zName, &zType, &zColl,
                                         &notnull, &pk, &autoinc);
  return rc == SQLITE_OK && pk && zType && sqlite3_stricmp(zType, "INTEGER") == 0;
}

int ts_source_max_rowid(sqlite3 *db, const ts_source_spec *spec, sqlite3_int64 *pMax) {
  /* A WITHOUT ROWID table may name a column "rowid", but not all three. */
  if (!rowid_name(db, spec, "rowid") || !rowid_name(db, spec, "_rowid_") ||
      !rowid_name(db, spec, "oid"))
    return 0;
  char *zFrom = ts_source_sql_name(spec);
  char *zSql = zFrom ? sqlite3_mprintf("SELECT max(s._rowid_) FROM %s", zFrom) : NULL;
  sqlite3_stmt *stmt = NULL;
  int found = 0;
  if (zSql && sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    *pMax = sqlite3_column_int64(stmt, 0);
    found = 1;
  }
  sqlite3_finalize(stmt);
  sqlite3_free(zSql);
  sqlite3_free(zFrom);
  return found;
}

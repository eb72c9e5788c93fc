/*
** vtab/series_vtab_out.c -- what a series table's cursor shows (the
** sqlite3_module in series_vtab.c points its xColumn and xRowid here):
** the series columns (the table-valued form's several series columns as
** one JSON array), the hidden argument columns, a module's result columns
** handed to its xResult, the row's rowid, and for the modules' rows which
** points of a series are rows (the asked-for years) and a period's label
** as the result.
*/
#include "vtab/series_vtab.h"

#if defined(__GNUC__) || defined(__clang__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

/* The table-valued form's one `series` column when several series
** columns were named: the key as a JSON array ('["China","x",2023]'),
** each value typed as SQLite holds it (json_extract(series, '$[1]')). */
static void result_key_array(sqlite3_context *ctx, const ts_series_cursor *cur, int nBy) {
  const ts_series *s = cur->series;
  sqlite3_str *str = sqlite3_str_new(NULL);
  sqlite3_str_appendchar(str, 1, '[');
  for (int i = 0; i < nBy; i++) {
    ts_key_value kv;
    if (!ts_key_shown(cur, i, &kv)) {
      sqlite3_value *v = s->apKey[i];
      memset(&kv, 0, sizeof(kv));
      kv.type = v ? sqlite3_value_type(v) : SQLITE_NULL;
      if (kv.type == SQLITE_INTEGER) kv.i = sqlite3_value_int64(v);
      if (kv.type == SQLITE_FLOAT) kv.d = sqlite3_value_double(v);
      if (kv.type == SQLITE_BLOB) kv.z = sqlite3_value_blob(v);
      if (kv.type == SQLITE_TEXT) kv.z = sqlite3_value_text(v);
      if (kv.z) kv.n = sqlite3_value_bytes(v);
    }
    if (i) sqlite3_str_appendchar(str, 1, ',');
    switch (kv.type) {
      case SQLITE_INTEGER: sqlite3_str_appendf(str, "%lld", kv.i); break;
      case SQLITE_FLOAT: sqlite3_str_appendf(str, "%!.17g", kv.d); break;
      case SQLITE_NULL: sqlite3_str_appendall(str, "null"); break;
      case SQLITE_BLOB: { /* {"blob":"00ff"}: an object, which no TEXT key (a JSON
                           ** string) spells, so GROUP BY series keeps them apart */
        const unsigned char *p = kv.z;
        sqlite3_str_appendall(str, "{\"blob\":\"");
        for (int k = 0; k < kv.n; k++) sqlite3_str_appendf(str, "%02x", p[k]);
        sqlite3_str_appendall(str, "\"}");
        break;
      }
      default: { /* TEXT, every byte: 'a' || char(0) || 'b' is not 'a' */
        const unsigned char *z = kv.z;
        sqlite3_str_appendchar(str, 1, '"');
        for (int k = 0; k < kv.n; k++) {
          if (z[k] == '"' || z[k] == '\\')
            sqlite3_str_appendf(str, "\\%c", z[k]);
          else if (z[k] < 0x20)
            sqlite3_str_appendf(str, "\\u%04x", z[k]);
          else
            sqlite3_str_appendchar(str, 1, (char)z[k]);
        }
        sqlite3_str_appendchar(str, 1, '"');
        break;
      }
    }
  }
  sqlite3_str_appendchar(str, 1, ']');
  int n = sqlite3_str_length(str);
  char *z = sqlite3_str_finish(str);
  if (z == NULL)
    sqlite3_result_error_nomem(ctx);
  else
    sqlite3_result_text(ctx, z, n, sqlite3_free);
}

/* A series column or a hidden argument column (series_column's other
** columns), out of line so the result columns' way stays short. */
static NOINLINE void key_or_argument_column(ts_series_cursor *cur, sqlite3_context *ctx, int iCol) {
  ts_series_vtab *vtab = (ts_series_vtab *)cur->base.pVtab;
  const ts_series_module *m = vtab->module;
  if (iCol < vtab->nSeries && vtab->table_valued && cur->spec->nBy > 1) {
    result_key_array(ctx, cur, cur->spec->nBy);
  } else if (iCol < vtab->nSeries) {
    ts_key_value kv;
    sqlite3_value *key = cur->series->apKey[iCol];
    if (ts_key_shown(cur, iCol, &kv)) {
      if (kv.type == SQLITE_INTEGER) sqlite3_result_int64(ctx, kv.i);
      if (kv.type == SQLITE_FLOAT) sqlite3_result_double(ctx, kv.d);
      if (kv.type == SQLITE_TEXT) sqlite3_result_text(ctx, kv.z, kv.n, SQLITE_TRANSIENT);
      if (kv.type == SQLITE_BLOB) sqlite3_result_blob(ctx, kv.z, kv.n, SQLITE_TRANSIENT);
    } else if (key) {
      sqlite3_result_value(ctx, key);
    }
  } else {
    int k = iCol - vtab->nSeries - m->nResult;
    if (k < m->nArg && cur->apArg[k]) sqlite3_result_value(ctx, cur->apArg[k]);
  }
}

/* Called once per column read of every row (twice a row for
** count(growth), sum(growth)): a module's result column first. */
int ts_series_xcolumn(sqlite3_vtab_cursor *pCursor, sqlite3_context *ctx, int iCol) {
  ts_series_cursor *cur = (ts_series_cursor *)pCursor;
  ts_series_vtab *vtab = (ts_series_vtab *)pCursor->pVtab;
  const ts_series_module *m = vtab->module;
  if (iCol >= vtab->nSeries && iCol < vtab->nSeries + m->nResult) {
    vtab->busy++; /* share, the pool: a second read of the source */
    m->xResult(cur, ctx, iCol - vtab->nSeries);
    vtab->busy--;
  } else {
    key_or_argument_column(cur, ctx, iCol);
  }
  return SQLITE_OK;
}

int ts_series_xrowid(sqlite3_vtab_cursor *pCursor, sqlite3_int64 *pRowid) {
  const ts_series_cursor *cur = (const ts_series_cursor *)pCursor;
  *pRowid = ts_series_rowid(cur);
  return SQLITE_OK;
}

int ts_series_wants_year(const ts_series_cursor *cur, int year) {
  return !(cur->out_lo && year < cur->out_lo) && !(cur->out_hi && year > cur->out_hi);
}

/* Whether a point of a kind with per_year periods a year (> 0) is a row:
** a valid ordinal, in ts_period_from_ordinal's range, of an asked-for
** year (the year is ordinal / per_year, so the period is not built). */
static inline int point_is_row(const ts_series_cursor *cur, int64_t ord, int per_year) {
  return ord >= per_year && ord <= (int64_t)9999 * per_year + (per_year - 1) &&
         ts_series_wants_year(cur, (int)(ord / per_year));
}

int ts_series_next_point(const ts_series_cursor *cur, int *pi) {
  const ts_series *s = cur->series;
  int per_year = ts_period_steps_per_year(s->kind);
  if (per_year > 0) {
    while (++*pi < s->nPoint)
      if (point_is_row(cur, s->aPoint[*pi].ordinal, per_year)) return 1;
    return 0;
  }
  while (++*pi < s->nPoint) {
    ts_period p;
    if (ts_period_from_ordinal(s->kind, s->aPoint[*pi].ordinal, &p) == 0 &&
        ts_series_wants_year(cur, p.year))
      return 1;
  }
  return 0;
}

/* The rows of a series are an interval of ordinals (valid range, asked-for
** years) and its points are sorted by ordinal, so they are one run of
** indexes: trimmed from both ends here, once per series. */
int ts_series_point_span(const ts_series_cursor *cur, int *pFirst, int *pEnd) {
  const ts_series *s = cur->series;
  int per_year = ts_period_steps_per_year(s->kind);
  if (per_year <= 0) return 0;
  int first = 0, end = s->nPoint;
  while (first < end && !point_is_row(cur, s->aPoint[first].ordinal, per_year)) first++;
  while (end > first && !point_is_row(cur, s->aPoint[end - 1].ordinal, per_year)) end--;
  *pFirst = first;
  *pEnd = end;
  return 1;
}

void ts_series_result_period(sqlite3_context *ctx, ts_period_kind kind, int64_t ordinal) {
  ts_period p;
  char buf[TS_PERIOD_LABEL_MAX];
  if (ts_period_from_ordinal(kind, ordinal, &p)) return;
  ts_period_format(&p, buf);
  sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

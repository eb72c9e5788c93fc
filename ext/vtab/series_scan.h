/*
** vtab/series_scan.h -- private to ext/vtab/: the streaming scan's state
** and what its files share: series_scan_open.c (the scan opened and
** closed), series_scan.c (the query's rows made into series),
** series_walk.c (the watched index walk, which may replace the query by a
** sorted read in the middle of a scan) and series_skip.c (the skip walk).
*/
#ifndef TRADESTAT_SERIES_SCAN_H
#define TRADESTAT_SERIES_SCAN_H

#include "vtab/series_source.h"
#include "vtab/series_query.h"
#include "vtab/series_extent.h"
#include "vtab/series_hash.h"
#include "vtab/series_store.h"

/* ---- statements kept between filters (series_keep.c) ---------------- */
#define TS_SKIP_GAPS 4 /* decades a seek of the skip walk passes at most */
/* the ordered query, the same-key test, a sorted read or the skip walk's
** seek, and the skip walk's seeks past gaps (series_skip.c) */
#define TS_KEEP_STMTS 6
/* At the start of a scan: whether kept statements may serve spec's source
** now.  Drops every kept statement when the source's schema cookie moved
** or cannot be read; 0 also for k NULL. */
int ts_keep_check(ts_scan_keep *k, sqlite3 *db, const ts_source_spec *spec, unsigned *pEpoch);
/* A statement of text zSql: the kept one of that exact text (taken out
** of the keep), else newly prepared.  Returns the prepare's code. */
int ts_keep_prepare(ts_scan_keep *k, sqlite3 *db, const char *zSql, sqlite3_stmt **ppStmt);
/* Gives stmt back: reset, unbound and kept (the oldest kept one is
** finalized); finalized instead when k is NULL or not usable, or the
** keep was flushed since the scan's check (*pEpoch then: epoch). */
void ts_keep_return(ts_scan_keep *k, unsigned epoch, sqlite3_stmt *stmt);
/* What the plan of query zSql says for the watched walk (series_walk.c),
** kept like the statements: 1 and *pWalk when known for that text. */
int ts_keep_walk(ts_scan_keep *k, const char *zSql, int *pWalk);
void ts_keep_set_walk(ts_scan_keep *k, const char *zSql, int walk);

struct ts_scan {
  sqlite3 *db;
  const ts_source_spec *spec;
  sqlite3_stmt *stmt;
  /* "Is this row's key the series' key?" asked of SQLite, with the by
  ** columns' own collations (see open_same_key); NULL without by. */
  sqlite3_stmt *same;
  int same_bound; /* same holds the series' key in ?1..?n */
  int positioned; /* stmt is on the first row of the next series */
  int done;
  ts_series cur;
  /* cur.apKey[i] as plain C values, so each row's series check reads only
  ** the new row through the API (the row's own values, once each); keys
  ** identical in type and bytes are the same series without asking. */
  struct {
    int type;
    sqlite3_int64 i;
    double d;
    const void *z; /* TEXT/BLOB bytes, owned by cur.apKey[i] */
    int n;
  } aKey[TS_MAX_BY];
  int unsorted;
  ts_period first_period;        /* first period of cur (as read), for messages */
  ts_hash *hash;                 /* the hash path's whole result (series_hash.c); NULL: stream */
  const ts_series_store *replay; /* non-NULL: hand out these instead */
  int iReplay;
  const ts_series *last; /* the series last handed out */
  int iPreliminary;      /* query column of the source's preliminary flag, or -1 */
  int whole;             /* nothing pushed narrowed the read (ts_scan_held) */
  /* Watching an index walk that seeks into the table for every row (see
  ** ts_walk_watch): switch to zSortSql, the same query read in storage order
  ** and sorted, when the walk misses the page cache too often. */
  int watch;                  /* 1: the walk is watched */
  char *zSortSql;             /* the sorted query's text (watch only) */
  sqlite3_int64 miss0;        /* the connection's page cache misses at the start */
  sqlite3_int64 nRow;         /* rows read since the start */
  sqlite3_int64 nSeriesTaken; /* series begun (handed out, or all NULL) */
  /* The last TEXT period label parsed and what it parsed to: rows of one
  ** period often follow each other (two flows, many rows of a day), and
  ** equal bytes parse the same.  nLabel 0: none kept. */
  int nLabel;
  char zLabel[32];
  ts_period label_period;
  ts_day_extent extent; /* days the source holds, for roll-ups of days */
  int early_lo;         /* rows of years before it only mark their series (ts_early_lo) */
  /* The cursor's kept statements (series_keep.c): stmt, same and a sorted
  ** read are taken from it and given back to it; NULL: none kept. */
  ts_scan_keep *keep;
  unsigned keep_epoch;
  char aAff[TS_MAX_BY + 1]; /* affinities of the by columns and the period */
  /* The skip walk (series_skip.c): stmt reads without the year filter,
  ** rows are kept by it here, and a run of a left-out year is passed by
  ** skip_stmt, the same query from a row-value bound (parameters
  ** skip_first .. skip_first + nBy); once used it is stmt, and the plain
  ** query skip_plain. */
  int skipping;
  int skip_lo, skip_hi; /* the years kept (0: open) */
  sqlite3_stmt *skip_stmt;
  sqlite3_stmt *skip_plain;
  int skip_first;
  /* The kept row's period as ts_skip_step read it (NULL: read it): one
  ** read of the column a row, not two. */
  sqlite3_value *skip_period;
  sqlite3_int64 nSkipped;               /* rows of left-out years met (each then passed) */
  sqlite3_value *skip_key[TS_MAX_BY];   /* the key last bound to skip_stmt */
  unsigned char skip_binary[TS_MAX_BY]; /* by column i compares with BINARY */
  /* The seek past several decades at once (series_skip.c): skip_gap[m-1]
  ** is skip_stmt that also asks that m gaps between them hold no row
  ** (prepared when first needed); skip_gap_pending: stmt is one, not yet
  ** stepped, and skip_to what a plain seek from the same row binds. */
  sqlite3_stmt *skip_gap[TS_SKIP_GAPS];
  int skip_gap_off; /* 1: the gap seek's text cannot be made (never tried again) */
  int skip_gap_pending;
  char skip_lo_text[8];                        /* skip_lo as the bound's text, '%04d' */
  char skip_to[8];                             /* a plain seek's bound (bound SQLITE_STATIC) */
  char skip_gap_text[2 * TS_SKIP_GAPS + 1][8]; /* a gap seek's bounds (the same) */
};

/* series_skip.c: prepares skip_stmt and starts skipping (pd's years);
** stmt must be the query without its year filter. */
int ts_skip_open(ts_scan *scan, const ts_pushdown *pd, const char *zFrom, const int *aBound);
/* The next row the year filter keeps, as sqlite3_step returns. */
int ts_skip_step(ts_scan *scan);
/* Whether the current row surely starts another series (ts_scan_new_series
** then asks SQLite nothing); 0 when not skipping. */
int ts_skip_other_key(const ts_scan *scan);
void ts_skip_close(ts_scan *scan);
/* Takes the current row's key as the series' key (and binds it into the
** same-key test). */
int ts_scan_take_keys(ts_scan *scan);
/* Frees the series' key values (ts_scan_take_keys copies them; the scan's
** close frees the last). */
static inline void ts_series_clear_keys(ts_series *s) {
  for (int i = 0; i < TS_MAX_BY; i++) {
    sqlite3_value_free(s->apKey[i]);
    s->apKey[i] = NULL;
  }
}
/* *pNew: whether the current row starts a new series. */
int ts_scan_new_series(ts_scan *scan, int *pNew, char **pzErr);
/* The error of a failed step, module-prefixed in *pzErr; returns rc. */
int ts_scan_step_error(ts_scan *scan, int rc, char **pzErr);

/* series_scan_errors.c: each sets *pzErr to the message (naming the
** module, source, column, series and period) and returns SQLITE_ERROR,
** or SQLITE_NOMEM.  The current row's period is not one (zWhat: why, as
** ts_value_period says it); value column zCol of the row of period p is
** not a number (zWhat); a point of slot has more than one row without
** grain=; a point holds rows of kinds k1 and k2 (0-based) that share a
** month; v is no flow label of either side. */
int ts_scan_period_error(ts_scan *scan, const char *zWhat, char **pzErr);
int ts_scan_value_error(ts_scan *scan, int iCol, const char *zCol, const char *zWhat,
                        const ts_period *p, char **pzErr);
int ts_scan_duplicate_error(ts_scan *scan, const ts_point *pt, int slot, char **pzErr);
int ts_scan_overlap_error(ts_scan *scan, const ts_point *pt, int slot, int k1, int k2,
                          char **pzErr);
int ts_scan_flow_error(ts_scan *scan, sqlite3_value *v, char **pzErr);

/* series_walk.c.  At ts_scan_open, after the query is prepared and bound:
** whether the streaming read is a watched walk (then zSortSql is set). */
int ts_walk_watch(ts_scan *scan, const ts_pushdown *pd, const int *aBound, const char *zFrom);
/* At a series boundary of a watched walk: judges the last window of rows
** and, when the walk misses the cache too often, continues sorted. */
int ts_walk_judge(ts_scan *scan, char **pzErr);

#endif /* TRADESTAT_SERIES_SCAN_H */

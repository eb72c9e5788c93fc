/*
** vtab/series_hash.c -- the hash-aggregating scan path (series_hash.h).
**
** Contract:
**  1. The source query is the streaming path's own text and bindings
**     with its ORDER BY cut off: the same rows, the same pushdown, read
**     once in whatever order SQLite finds cheapest (a sequential table
**     scan when nothing narrows it), never an index walk for the order.
**     Its rows reach ts_hash_add_row as the arguments of a function of
**     the query itself, in one sqlite3_step (series_hash_pass.c), or,
**     when that function cannot be had, stepped out one by one.
**  2. Each row is read by the streaming path's rules (series_scan.c
**     contract 2-3): NULL period or value skips it (a NULL value with
**     no_figure_points leaves its period a point of no rows; a NULL day
**     of a roll-up marks its point HS_NO_FIGURE), the period is rolled
**     up to grain=, the flow label picks the slot, values are summed with
**     ts_sum into one point per (series, period), and each slot records
**     the months of its period each kind of row covered.
**  3. Series are kept apart by their key's exact type and bytes.  After
**     the pass the distinct keys are sorted as SQLite's ORDER BY on the
**     by columns sorts them: NULL, numbers (INTEGER and REAL compared by
**     value), TEXT by the column's collation, BLOB.  Only BINARY, NOCASE
**     and RTRIM can be compared here, so a by column with another
**     collation, or one whose collation is not known (a view), is
**     streamed.  Two keys that compare equal (1 and 1.0, 'a' and 'A'
**     under NOCASE) are one series in GROUP BY terms: the query is
**     streamed, which shows the first row's spelling.
**  4. Everything the streaming path reports as an error (a bad period,
**     value or flow label, mixed period kinds, two rows of a period
**     without grain=, rows of two kinds sharing a month) sends the query
**     to the streaming path, which reports it with its own message.
**  5. A REAL sum is Neumaier-compensated (ts_sum), whose last bit could
**     depend on the order of the rows.  Each slot records the largest
**     magnitude and the lowest set bit of its inputs; when the bound of
**     ts_hash_sum_is_order_free() holds, every partial sum and compensation is
**     exact and the result is the correctly rounded exact sum in any
**     order, so it equals the streaming path's.  When it does not hold,
**     the query is streamed.
**  6. Memory: every table, point, key and copy is counted (ts_hash_alloc,
**     series_hash_plan.c); beyond TS_HASH_MEMORY_CAP the pass stops and
**     the query is streamed.
**     Nothing is shown before the pass ends, so no choice ever changes an
**     answer or fails a query the streaming path answers.
**
** How a row finds its series (the key encoding, the table of series, the
** order of keys) is in series_hash_key.c, compact points in
** series_hash_compact.c, how the pass reads the source (the function of
** the pass query, or rows stepped out) in series_hash_pass.c, what
** happens after the pass (items 4 to 6 judged, the series ordered and
** handed out) in series_hash_emit.c; their shared types in
** series_hash_int.h.  Choosing the path -- scan=auto's rule and its
** probes of the source, what they learnt kept by the table, the plan
** letter of EXPLAIN QUERY PLAN, the names scan= takes -- with the memory
** counted against the cap and the count of each path taken is in
** series_hash_plan.c.
*/
#include "vtab/series_hash_int.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* ---- the source query, unordered ----------------------------------- */

/* The source query without its ORDER BY: the text up to the first
** " ORDER BY " outside quotes.  NULL when there is none or no memory. */
static char *unordered_sql(const char *zSql) {
  char quote = 0;
  for (int i = sql_next_unquoted(zSql, 0, &quote); zSql[i];
       i = sql_next_unquoted(zSql, i + 1, &quote)) {
    if (zSql[i] == ' ' && sqlite3_strnicmp(zSql + i, " ORDER BY ", 10) == 0)
      return sqlite3_mprintf("%.*s", i, zSql);
  }
  return NULL;
}

/* ---- reading rows -------------------------------------------------- */

/* Makes ordinal fall inside series s's direct index; 1: memory. */
static int cover_ordinal(ts_hash *h, hseries *s, int64_t ordinal) {
  int held = s->aIdx != NULL;
  if (held && ordinal >= s->lo && ordinal - s->lo < (int64_t)s->nIdx) return 0;
  int64_t n, newLo;
  cover_span(s, held, ordinal, 2 * (int64_t)s->nIdx, &n, &newLo);
  if (n < 16) n = 16;
  if (n > (int64_t)MAX_SERIES_INDEX) {
    h->over = 1;
    return 1;
  }
  uint32_t *a = ts_hash_alloc(h, (sqlite3_uint64)n * sizeof(uint32_t));
  if (a == NULL) return 1;
  memset(a, 0, (size_t)n * sizeof(uint32_t));
  if (held) {
    memcpy(a + (s->lo - newLo), s->aIdx, (size_t)s->nIdx * sizeof(uint32_t));
    h->mem -= (sqlite3_int64)s->nIdx * (sqlite3_int64)sizeof(uint32_t);
    sqlite3_free(s->aIdx);
  }
  s->aIdx = a;
  s->lo = newLo;
  s->nIdx = (uint32_t)n;
  return 0;
}

static hslot *find_point(ts_hash *h, uint32_t sid, int64_t ordinal) {
  hseries *s = &h->aSeries[sid];
  if (!(s->aIdx && ordinal >= s->lo && ordinal - s->lo < (int64_t)s->nIdx) &&
      cover_ordinal(h, s, ordinal))
    return NULL;
  uint32_t *pIdx = &s->aIdx[ordinal - s->lo];
  if (*pIdx) return point_at(h, *pIdx - 1);
  uint32_t idx = h->nPoint;
  if (idx == UINT32_MAX - 1) return NULL;
  if ((idx & (CHUNK - 1)) == 0) {
    uint32_t nChunk = h->nChunk;
    if (ts_hash_grow(h, (void **)&h->apChunk, &nChunk, idx / CHUNK + 1, sizeof(char *)))
      return NULL;
    h->nChunk = nChunk;
    h->apChunk[idx / CHUNK] = ts_hash_alloc(h, (sqlite3_uint64)CHUNK * h->szPoint);
    if (h->apChunk[idx / CHUNK] == NULL) return NULL;
  }
  h->nPoint++;
  hslot *pt = point_at(h, idx);
  memset(pt, 0, h->szPoint); /* each slot's sum 0, as an INTEGER or a REAL sum */
  for (int k = 0; k < h->nSlot; k++) {
    pt[k].emax = HS_EMAX_NONE;
    pt[k].lmin = HS_LMIN_NONE;
  }
  s->nPoint++;
  *pIdx = idx + 1;
  return pt;
}

/* Widens the days the rows read hold by period p (parsed labels only: a
** label equal to the row before's adds nothing new). */
static void note_days(ts_hash *h, const ts_period *p) {
  ts_period d;
  ts_period_start(p, &d);
  int64_t a = ts_period_ordinal(&d);
  ts_period_end(p, &d);
  int64_t b = ts_period_ordinal(&d);
  if (!h->days_any || a < h->days_first) h->days_first = a;
  if (!h->days_any || b > h->days_last) h->days_last = b;
  h->days_any = 1;
  if (!h->spec->day_whole_after || h->ends_failed) return;
  if (h->nEnd > 0 && h->aEnd[h->nEnd - 1] == b) return;
  if (h->nEnd == h->nEndAlloc) {
    int n = h->nEndAlloc ? 2 * h->nEndAlloc : 256;
    int64_t *aNew = sqlite3_realloc64(h->aEnd, sizeof(int64_t) * (sqlite3_uint64)n);
    if (aNew == NULL) {
      h->ends_failed = 1; /* the extent reads them (series_day_extent.c) */
      return;
    }
    h->aEnd = aNew;
    h->nEndAlloc = n;
  }
  h->aEnd[h->nEnd++] = b;
}

int ts_hash_days(const ts_hash *h, int64_t *pFirst, int64_t *pLast) {
  *pFirst = h->days_first;
  *pLast = h->days_last;
  return h->days_any;
}

int ts_hash_day_ends(ts_hash *h, int64_t **paEnd, int *pnEnd) {
  if (!h->spec->day_whole_after || h->ends_failed) return 0;
  *paEnd = h->aEnd;
  *pnEnd = h->nEnd;
  h->aEnd = NULL;
  h->nEnd = h->nEndAlloc = 0;
  return 1;
}

/* The period of the current row into h->last (p, orig, ordinal, cover,
** skip for NULL): 0 read, 1 an error the streaming path reports.
** Adjacent rows of one period are parsed once. */
int ts_hash_row_period(ts_hash *h, sqlite3_value *v) {
  int type = sqlite3_value_type(v);
  const char *z = NULL;
  int n = 0;
  sqlite3_int64 iv = 0;
  double dv = 0;
  if (type == SQLITE_TEXT) {
    z = (const char *)sqlite3_value_text(v);
    n = sqlite3_value_bytes(v);
    if (z == NULL) return 1;
    if (h->last.valid && h->last.type == SQLITE_TEXT && n == h->last.n &&
        bytes_equal(z, h->last.z, n))
      return 0;
  } else if (type == SQLITE_INTEGER) {
    iv = sqlite3_value_int64(v);
    if (h->last.valid && h->last.type == type && iv == h->last.i) return 0;
  } else if (type == SQLITE_FLOAT) {
    dv = sqlite3_value_double(v);
    if (h->last.valid && h->last.type == type && memcmp(&dv, &h->last.d, sizeof(double)) == 0)
      return 0;
  } else if (type == SQLITE_NULL) {
    if (h->last.valid && h->last.type == type) return 0;
  }
  h->last.valid = 0;
  ts_period p, orig;
  memset(&p, 0, sizeof(p));
  int rc;
  if (type == SQLITE_TEXT && ts_period_parse(z, n, &p) == 0) {
    rc = 0; /* ts_value_period's reading of a label, without its second look */
  } else {
    char *zWhat = NULL;
    rc = ts_value_period(v, &p, &zWhat);
    sqlite3_free(zWhat);
    if (rc == 2) return 1;
  }
  orig = p;
  h->last.skip = rc == 1;
  if (!h->last.skip) {
    h->last.mday =
        h->spec->grain != TS_KIND_NONE && orig.kind == TS_KIND_DAY ? (unsigned)orig.day : 0;
    if (h->spec->grain != TS_KIND_NONE) {
      if (ts_period_rollup(&orig, h->spec->grain, &p)) return 1;
      h->last.days_noted = 0; /* by the first row of the label with a figure (add_value) */
      int first, count, pfirst, pcount;
      ts_period_month_span(&orig, &first, &count);
      ts_period_month_span(&p, &pfirst, &pcount);
      unsigned months = ((1u << count) - 1) << (first - pfirst);
      if (months >> HS_COVER_BITS) return 1; /* a point spans 12 months at most */
      if (orig.kind == TS_KIND_YEAR)
        h->last.cover = HS_COVER_YEAR;
      else
        h->last.cover = (uint64_t)months << (HS_COVER_BITS * (orig.kind - 1));
      if (orig.kind == TS_KIND_DAY && TS_DAY_IS_LATE(&orig))
        h->last.cover |= HS_DAY_LATE; /* an event: ts_days_check */
      if (orig.kind == TS_KIND_DAY && TS_DAY_IS_EARLY(&orig)) h->last.cover |= HS_DAY_EARLY;
      h->last.first_day = ts_period_first_day(&orig);
      if (orig.kind == TS_KIND_DAY) h->last.cover |= HS_WEEKDAY(ts_day_weekday(h->last.first_day));
    }
    h->last.ordinal = ts_period_ordinal(&p);
  }
  h->last.p = p, h->last.orig = orig;
  h->last.valid = type != SQLITE_BLOB && !(type == SQLITE_TEXT && n > (int)sizeof(h->last.z));
  if (h->last.valid) {
    h->last.type = type, h->last.n = n, h->last.i = iv, h->last.d = dv;
    if (n) memcpy(h->last.z, z, (size_t)n);
  }
  return 0;
}

/* Records input x's magnitude and lowest set bit (ts_hash_sum_is_order_free),
** read from the IEEE 754 fields: |x| < 2^emax, x a multiple of 2^lmin. */
static void track_bits(hslot *sl, const ts_number *x) {
  if (x->is_int) {
    if (x->i == 0) return;
    /* frexp((double)i)'s exponent: the bit length of |i|, read without
    ** the conversion when (double)i is exact (53 bits or fewer) */
    uint64_t u = x->i < 0 ? 0 - (uint64_t)x->i : (uint64_t)x->i;
    int e = 64 - leading_zeros(u);
    if (e > 53) frexp((double)x->i, &e);
    if (e + 1 > sl->emax) sl->emax = e + 1; /* (double)i may round up */
    if (sl->lmin > 0) sl->lmin = 0;
    return;
  }
  uint64_t bits;
  memcpy(&bits, &x->d, sizeof(bits));
  int ex = (int)((bits >> 52) & 0x7ff);
  uint64_t mant = bits & (((uint64_t)1 << 52) - 1);
  int e, low;
  if (ex == 0x7ff) {
    sl->emax = HS_EMAX_INF; /* inf or NaN: never order-free */
    return;
  }
  if (ex == 0) {
    if (mant == 0) return; /* zero */
    low = -1074 + trailing_zeros(mant);
    e = -1022; /* subnormal: below 2^-1022 */
  } else {
    mant |= (uint64_t)1 << 52;
    low = ex - 1075 + trailing_zeros(mant);
    e = ex - 1022;
  }
  if (e > sl->emax) sl->emax = e;
  if (low < sl->lmin) sl->lmin = low;
}

/* Whether a slot's ts_sum_value() is the same for every order of adding
** its inputs (and of merging partial sums of them).  Every input is a
** multiple of 2^lmin below 2^emax in magnitude; with A additions every
** partial sum is below A 2^emax and every rounding error, a multiple of
** 2^lmin, below A 2^emax 2^-53.  The compensation sums at most A such
** errors: when A^2 2^emax 2^-53 < 2^(lmin+53) it holds each partial sum
** exactly, so the result is fl(exact sum) whatever the order -- as long
** as no partial sum can leave the doubles: A 2^emax must stay below
** 2^1023.  Without that bound, 2^24 inputs of 2047 x 2^989 (each below
** 2^1000) overflowed the hash path's sum, which showed 1.56e305 where
** the streaming path, whose second sum keeps the overflow, gives NULL
** (the exact total, 1.8e308, is no double). */
int ts_hash_sum_is_order_free(const hslot *sl, const ts_sum *sum) {
  if (sum->n_real == 0 || sum->count < 2) return 1;
  if (sl->emax > 1000) return 0;
  sqlite3_int64 adds = 2 * sum->count + 4;
  int logA = 0;
  while (((sqlite3_int64)1 << logA) < adds) logA++;
  if (sl->emax + logA > 1022) return 0;
  return sl->emax + 2 * logA - sl->lmin <= 104;
}

/* slot_add's way for a slot's first REAL, or an input of the kind the
** slot has not held (its whole ts_sum to the spill from then on), or a
** spilled slot.  GIVE_UP: memory. */
static NOINLINE verdict slot_add_other(ts_hash *h, hslot *sl, const ts_number *x) {
  if (sl->bits & HS_SPILL) {
    ts_sum_add(&h->aSpill[sl->n], x);
    return GO_ON;
  }
  if (sl->n == 0) { /* the first input: a REAL (an INTEGER takes slot_add's way) */
    sl->bits |= HS_REAL;
    ts_sum sum; /* its exact sum is neither read nor written for a REAL */
    sum.s = sum.c = sum.bs = sum.bc = 0;
    sum.count = sum.n_real = 0;
    ts_sum_add(&sum, x);
    sl->u.r.s = sum.s, sl->u.r.c = sum.c;
    sl->n = 1;
    return GO_ON;
  }
  if (ts_hash_grow(h, (void **)&h->aSpill, &h->nSpillAlloc, h->nSpill + 1, sizeof(ts_sum)))
    return GIVE_UP;
  ts_sum *sum = &h->aSpill[h->nSpill];
  slot_sum(h, sl, sum);
  ts_sum_add(sum, x);
  sl->bits |= HS_SPILL;
  sl->n = h->nSpill++;
  return GO_ON;
}

/* Adds x to a slot as ts_sum_add adds it to the slot's ts_sum: an
** INTEGER to the exact sum (an empty slot's sum is 0 as either kind), a
** REAL by ts_sum_add itself on the slot's sum and compensation.  GIVE_UP:
** memory, or 2^32 - 1 inputs in one point. */
static inline verdict slot_add(ts_hash *h, hslot *sl, const ts_number *x) {
  if (sl->n == UINT32_MAX - 1) return GIVE_UP;
  if (x->is_int) {
    if (sl->bits & (HS_REAL | HS_SPILL)) return slot_add_other(h, sl, x);
    sl->u.exact = ts_i128_add(sl->u.exact, ts_i128_from_i64(x->i));
  } else {
    /* an empty slot is not HS_REAL: its first REAL takes the other way */
    if ((sl->bits & (HS_REAL | HS_SPILL)) != HS_REAL) return slot_add_other(h, sl, x);
    /* its exact sum is neither read nor written for a REAL; a big part
    ** (an overflowing partial sum) is not kept: such inputs (|x| >= 2^1022)
    ** make the slot's emax too large to be order-free, and the hash path
    ** gives way (ts_hash_sum_is_order_free) */
    ts_sum sum;
    sum.s = sl->u.r.s, sum.c = sl->u.r.c, sum.bs = sum.bc = 0;
    sum.count = sum.n_real = sl->n;
    ts_sum_add(&sum, x);
    sl->u.r.s = sum.s, sl->u.r.c = sum.c;
  }
  sl->n++;
  return GO_ON;
}

/* A value of the current row as ts_value_number reads it: GO_ON with
** *n, GIVE_UP for what it reports as an error, and -1 for NULL (the row
** is skipped). */
int ts_hash_row_number(sqlite3_value *v, ts_number *n) {
  ts_number_status st;
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER: /* most values: read in place */
      n->is_int = 1;
      n->i = sqlite3_value_int64(v);
      n->d = (double)n->i;
      return GO_ON;
    case SQLITE_FLOAT: st = ts_number_from_double(sqlite3_value_double(v), n); break;
    case SQLITE_NULL: return -1;
    case SQLITE_TEXT: {
      const char *z = (const char *)sqlite3_value_text(v);
      if (z == NULL) return GIVE_UP; /* out of memory */
      st = ts_number_from_text(z, sqlite3_value_bytes(v), n);
      break;
    }
    default: return GIVE_UP; /* a BLOB is not a number */
  }
  if (st == TS_NUMBER_NULL) return -1;
  return st == TS_NUMBER_OK ? GO_ON : GIVE_UP;
}

/* Adds value v of the current row (aCol; period h->last) to slot of the
** point. */
static verdict add_value(ts_hash *h, sqlite3_value *const *aCol, sqlite3_value *v, uint32_t sid,
                         int slot) {
  ts_number n;
  int r = ts_hash_row_number(v, &n);
  if (r < 0) {
    /* its period, as a point of no rows (compact: marked apart), with
    ** no_figure_points; a day of a roll-up without its figure marks its
    ** point, as the streaming path does (ts_series_drop_unknown_days) */
    int unknown_day = h->spec->grain != TS_KIND_NONE && h->last.orig.kind == TS_KIND_DAY;
    if (!h->spec->no_figure_points && !unknown_day) return GO_ON;
    if (h->compact) return add_compact_nofig(h, sid, h->last.ordinal); /* no grain= */
    hslot *pt = find_point(h, sid, h->last.ordinal);
    if (pt == NULL) return GIVE_UP;
    if (unknown_day) pt[slot].bits |= HS_NO_FIGURE;
    return GO_ON;
  }
  if (r != GO_ON) return GIVE_UP;
  /* the days the source holds: rows with a figure (series_day_extent.c) */
  if (!h->last.days_noted && h->spec->grain != TS_KIND_NONE) {
    note_days(h, &h->last.orig);
    h->last.days_noted = 1;
  }
  int prelim = h->last.orig.preliminary ||
               (h->iPreliminary >= 0 && ts_value_is_preliminary(aCol[h->iPreliminary]));
  if (h->compact) return add_compact(h, sid, h->last.ordinal, &n, prelim);
  hslot *pt = find_point(h, sid, h->last.ordinal);
  if (pt == NULL) return GIVE_UP;
  hslot *sl = &pt[slot];
  if (slot_add(h, sl, &n) != GO_ON) return GIVE_UP;
  track_bits(sl, &n);
  if (prelim) sl->bits |= HS_PRELIM;
  sl->bits |= h->last.cover; /* 0 without grain= */
  if (h->last.mday && sl->mday != h->last.mday) sl->mday = ts_mday_join(sl->mday, h->last.mday);
  if (h->spec->grain != TS_KIND_NONE && h->last.first_day < h->aFirstDay[2 * sid + slot])
    h->aFirstDay[2 * sid + slot] = h->last.first_day;
  return GO_ON;
}

/* The value slot of a flow label (ts_source_flow_slot), the last label
** of each slot remembered: -1 if neither. */
static int row_flow_slot(ts_hash *h, const char *z, int n) {
  for (int k = 0; k < 2; k++)
    if (h->flow[k].n == n && bytes_equal(z, h->flow[k].z, n)) return k;
  int slot = ts_source_flow_slot(h->spec, z, n);
  if (slot >= 0 && n <= (int)sizeof(h->flow[slot].z)) {
    memcpy(h->flow[slot].z, z, (size_t)n);
    h->flow[slot].n = n;
  }
  return slot;
}

/* The days of an early row's period (a TEXT label), noted as
** series_day_extent.c's read of the source notes them: a pass that kept the
** rows of every year holds the source's days then (ts_hash_days).  The
** label is read as ts_value_period reads it; one it does not read says
** nothing.  GIVE_UP for memory. */
static verdict early_days(ts_hash *h, sqlite3_value *v) {
  const char *z = (const char *)sqlite3_value_text(v);
  int n = sqlite3_value_bytes(v);
  if (z == NULL) return GIVE_UP;
  if (n == h->early.n && bytes_equal(z, h->early.z, n)) return GO_ON;
  ts_period p;
  char *zWhat = NULL;
  if (ts_value_period(v, &p, &zWhat) == 0) note_days(h, &p);
  sqlite3_free(zWhat);
  if (n <= (int)sizeof(h->early.z)) {
    memcpy(h->early.z, z, (size_t)n);
    h->early.n = n;
  }
  return GO_ON;
}

/* A row of a year before those the query asks for (ts_early_row), as the
** streaming path's early_row reads it: no point, nothing reported, but a
** figure in it says its series' days begin before the years read. */
static verdict early_row(ts_hash *h, sqlite3_value *const *aCol, uint32_t sid) {
  const ts_source_spec *spec = h->spec;
  int64_t *first = &h->aFirstDay[2 * sid];
  int iValue = spec->nBy + 1, slot = 0, figure = 0;
  ts_number n;
  if (spec->nValue == 2) {
    for (int k = 0; k < 2; k++)
      if (ts_hash_row_number(aCol[iValue + k], &n) == GO_ON)
        first[k] = TS_FIRST_DAY_EARLIER, figure = 1;
  } else {
    int side = 1;
    if (spec->zFlow) {
      sqlite3_value *flow = aCol[iValue + 1];
      const char *z = (const char *)sqlite3_value_text(flow);
      if (sqlite3_value_type(flow) == SQLITE_NULL)
        side = 0;
      else if (z == NULL)
        return GIVE_UP;
      else if ((slot = row_flow_slot(h, z, sqlite3_value_bytes(flow))) < 0)
        side = 0;
    }
    if (side && ts_hash_row_number(aCol[iValue], &n) == GO_ON)
      first[slot] = TS_FIRST_DAY_EARLIER, figure = 1;
  }
  /* the days the source holds: rows with a figure (series_day_extent.c) */
  return figure ? early_days(h, aCol[spec->nBy]) : GO_ON;
}

/* One row of the source query, its columns in aCol (series columns,
** period, value, second value or flow, preliminary). */
verdict ts_hash_add_row(ts_hash *h, sqlite3_value *const *aCol) {
  if (h->fast) return ts_hash_add_row_fast(h, aCol);
  const ts_source_spec *spec = h->spec;
  sqlite3_int64 sid = find_series(h, aCol);
  if (sid < 0) return GIVE_UP;
  if (h->early_lo && ts_early_row(aCol[spec->nBy], h->early_lo))
    return early_row(h, aCol, (uint32_t)sid);
  if (ts_hash_row_period(h, aCol[spec->nBy])) return GIVE_UP;
  if (h->last.skip) return GO_ON;
  hseries *s = &h->aSeries[sid];
  if (s->kind == TS_KIND_NONE)
    s->kind = h->last.p.kind;
  else if (s->kind != (int)h->last.p.kind)
    return GIVE_UP; /* mixed kinds: an error */
  int iValue = spec->nBy + 1;
  if (spec->nValue == 2) {
    if (add_value(h, aCol, aCol[iValue], (uint32_t)sid, 0) != GO_ON) return GIVE_UP;
    return add_value(h, aCol, aCol[iValue + 1], (uint32_t)sid, 1);
  }
  int slot = 0;
  if (spec->zFlow) {
    sqlite3_value *flow = aCol[iValue + 1];
    if (sqlite3_value_type(flow) == SQLITE_NULL) return GO_ON;
    const char *z = (const char *)sqlite3_value_text(flow);
    if (z == NULL) return GIVE_UP;
    slot = row_flow_slot(h, z, sqlite3_value_bytes(flow));
    if (slot < 0) return GIVE_UP;
  }
  return add_value(h, aCol, aCol[iValue], (uint32_t)sid, slot);
}

/* ---- the pass ------------------------------------------------------ */

int ts_hash_open(sqlite3 *db, const ts_source_spec *spec, const ts_pushdown *pd, const int *aBound,
                 int early_lo, sqlite3_stmt **pOrdered, ts_hash **ppHash, char **pzErr) {
  *ppHash = NULL;
  sqlite3_stmt *ordered = *pOrdered;
  int aColl[TS_MAX_BY];
  int mode = spec->scan;
  /* the probes, fresh for this filter: where the pass statement is kept */
  ts_probes *probes = NULL;
  if (mode == TS_SCAN_STREAM || (mode == TS_SCAN_AUTO && !ts_hash_auto_wants_hash(db, spec, pd)) ||
      !ts_hash_keys_probe(db, spec, aColl, &probes)) {
    /* The streaming path's order (index walk or sort) is series_scan.c's. */
    ts_hash_count_path(N_STREAM);
    return SQLITE_OK;
  }
  char *zSql = unordered_sql(sqlite3_sql(ordered));
  ts_hash *h = zSql ? sqlite3_malloc64(sizeof(ts_hash)) : NULL;
  sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_NOMEM, pass = 0, nOrdered = sqlite3_bind_parameter_count(ordered);
  unsigned gen = 0;
  if (h) {
    memset(h, 0, sizeof(*h));
    do sqlite3_randomness(sizeof(h->token), &h->token);
    while (h->token == 0);
    /* the query's columns (series_scan_open.c's source query): the series
    ** columns, the period, the value, the second value or the flow, and
    ** the source's "preliminary" column when it has one */
    const char *azCol[TS_MAX_BY + 4];
    int nCol = sqlite3_column_count(ordered), n = 0;
    for (int i = 0; i < spec->nBy; i++) azCol[n++] = spec->azBy[i];
    azCol[n++] = spec->zPeriod;
    azCol[n++] = spec->azValue[0];
    if (spec->nValue == 2 || spec->zFlow)
      azCol[n++] = spec->nValue == 2 ? spec->azValue[1] : spec->zFlow;
    if (nCol > n) azCol[n++] = "preliminary";
    h->iFirst = nCol == n ? ts_hash_pass_first(db, spec, probes, azCol, n) : 0;
    stmt = ts_hash_pass_take(db, probes, zSql, nOrdered, &h->iFirst, &gen);
    pass = stmt != NULL;
    rc = pass ? SQLITE_OK : sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL);
  }
  sqlite3_free(zSql);
  /* the source's values bound as the streaming query's; the pass's token
  ** after them */
  if (rc != SQLITE_OK || (!pass && sqlite3_bind_parameter_count(stmt) != nOrdered) ||
      ts_source_bind(stmt, spec, pd, aBound) != SQLITE_OK ||
      (pass && sqlite3_bind_int64(stmt, nOrdered + 1, h->token) != SQLITE_OK)) {
    sqlite3_free(h);
    if (pass)
      ts_hash_pass_give_back(probes, gen, stmt, 0);
    else
      sqlite3_finalize(stmt);
    ts_hash_count_path(N_STREAM);
    return SQLITE_OK; /* nothing was read: the streaming path answers */
  }
  h->db = db;
  h->spec = spec;
  h->nSlot = spec->nValue == 2 || spec->zFlow ? 2 : 1;
  /* Compact pages hold a value for every point with a figure, and mark
  ** the points of no rows (no_figure_points) apart. */
  h->compact = h->nSlot == 1 && spec->grain == TS_KIND_NONE;
  /* The streaming query ends with the source's "preliminary" column when
  ** it has one (series_scan_open.c): the same column here. */
  int nRead = spec->nBy + 2 + (spec->nValue == 2 || spec->zFlow ? 1 : 0);
  h->nCol = sqlite3_column_count(ordered);
  h->iPreliminary = h->nCol > nRead ? nRead : -1;
  memcpy(h->aColl, aColl, sizeof(aColl));
  h->szPoint = (size_t)h->nSlot * sizeof(hslot);
  h->pool[0].size = sizeof(cp_narrow);
  h->pool[1].size = sizeof(cp_wide);
  h->mem = (sqlite3_int64)sizeof(ts_hash);
  h->lastSid = -1;
  h->early_lo = early_lo;
  h->fast = h->compact && h->iPreliminary < 0 && !early_lo;
  h->early.n = -1;
  sqlite3_randomness(sizeof(h->seed), &h->seed);
  h->flow[0].n = h->flow[1].n = -1;
  int give_up = 0;
  rc = pass ? ts_hash_run_pass(h, stmt, &give_up) : ts_hash_step_rows(h, stmt, &give_up);
  if (rc == SQLITE_DONE && !give_up) give_up = ts_hash_points_check(h) || ts_hash_order_series(h);
  if (rc == SQLITE_DONE && !give_up) ts_hash_release_pass_tables(h);
  sqlite3_reset(stmt);
  /* the pass statement kept for the next filter, reset (no read held),
  ** unless the source failed */
  if (pass)
    ts_hash_pass_give_back(probes, gen, stmt, rc == SQLITE_DONE);
  else
    sqlite3_finalize(stmt);
  if (rc != SQLITE_DONE) {
    /* The source failed (I/O, interrupt, locked): so would the stream. */
    if (rc != SQLITE_NOMEM) *pzErr = ts_prefixed_error(spec->zModule, sqlite3_errmsg(db));
    ts_hash_close(h);
    return rc;
  }
  if (give_up) {
    ts_hash_count_path(h->over ? N_FALLBACK_MEMORY : N_FALLBACK_DATA);
    ts_hash_close(h);
    return SQLITE_OK;
  }
  ts_hash_count_path(N_HASH);
  *ppHash = h;
  return SQLITE_OK;
}

/*
** vtab/series_hash_int.h -- private to ext/vtab/: the hash path's tables
** and what its six files share.
**
**   series_hash.c          the pass, points with summing slots
**   series_hash_emit.c     after the pass: the streaming path's verdict,
**                          the order of the series, handing them out
**   series_hash_key.c      how a row finds its series: the key encoding,
**                          the table of series, SQLite's order of keys
**   series_hash_compact.c  compact points: a point is its row's value, in
**                          pages of 64 periods of a series
**   series_hash_pass.c     the pass's read of the source: the function of
**                          the pass query inside SQLite, or rows stepped
**   series_hash_plan.c     (the choice of path, series_hash_plan.h) the
**                          memory counted against the cap, the count of
**                          each path taken
**
** The small helpers every file needs are static inline here, so the split
** adds no call a row beyond the one into each file's entry point.
*/
#ifndef TRADESTAT_SERIES_HASH_INT_H
#define TRADESTAT_SERIES_HASH_INT_H

#include "vtab/series_hash.h"
#include "vtab/series_hash_plan.h"
#include "core/core.h"

#include <stdint.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif
/* For the per-row helpers below: gcc -O2 left row_matches and add_compact
** out of line in add_row_fast, a call and the reloads of h's fields a
** row each. */
#if defined(__GNUC__) || defined(__clang__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

/* ---- the tables ---------------------------------------------------- */

/* One value slot of one point while the source is read: 32 bytes, a
** point is its nSlot slots (its series and ordinal are where its series'
** direct index holds it).  The slot is the ts_sum the streaming path
** would hold, kept by its one kind of input: while every input is an
** INTEGER only the exact sum is held, while every input is a REAL only
** the compensated sum (ts_sum_add touches nothing else for either kind);
** a point whose inputs are both holds its whole ts_sum in the spill
** (ts_hash.aSpill).  A ts_sum and the rest as separate fields took 80
** bytes a point, which put 40 M transactions rolled to months (960,000
** points) past the memory cap. */
typedef struct hslot {
  union {
    ts_int128 exact; /* INTEGER inputs */
    struct {
      double s, c; /* REAL inputs: Neumaier sum and compensation */
    } r;
  } u;
  /* Months of the point each kind of period covered, 12 bits a kind (kind
  ** k at bit 12 (k - 1)), and the flags HS_*. */
  uint64_t bits;
  uint32_t n;           /* inputs; with HS_SPILL, the index of its ts_sum in aSpill */
  signed int emax : 12; /* every input |x| < 2^emax (HS_EMAX_NONE: none yet) */
  signed int lmin : 12; /* every input is a multiple of 2^lmin */
  unsigned mday : 8;    /* grain=: ts_point.mday of its day rows with a figure */
} hslot;

/* emax and lmin before any input, and emax after an infinity or NaN:
** the ends of 12 bits, past any double's exponent (-1074 .. 1024). */
#define HS_EMAX_NONE (-2048)
#define HS_EMAX_INF  2047
#define HS_LMIN_NONE 2047

_Static_assert(sizeof(hslot) == 32, "a summing slot is 32 bytes (docs/design.md)");

#define HS_COVER_BITS 12
/* A year row covers all 12 months of its point (grain=year, the only
** roll-up it fits): its kind keeps bit 0 alone (slot_cover widens it),
** which frees bits 1 and 2 for HS_DAY_LATE and HS_DAY_EARLY. */
#define HS_COVER_YEAR ((uint64_t)1)
/* grain=: a day row with a figure falls after its month's first
** TS_DAY_START_GRACE days (TS_INCOMPLETE_DAY_LATE) */
#define HS_DAY_LATE ((uint64_t)1 << 1)
/* grain=: a day row with a figure falls before its month's last
** TS_DAY_START_GRACE days (TS_INCOMPLETE_DAY_EARLY) */
#define HS_DAY_EARLY ((uint64_t)1 << 2)
/* grain=: the weekdays of its day rows with a figure (bit w of the seven:
** ts_day_weekday w), in bits 3 to 9, free in a year's cover as above */
#define HS_WEEKDAY_SHIFT 3
#define HS_WEEKDAY(w)    ((uint64_t)1 << (HS_WEEKDAY_SHIFT + (w)))
_Static_assert(HS_WEEKDAY_SHIFT + 7 <= HS_COVER_BITS, "the weekdays lie in a year's cover");
#define HS_PRELIM    ((uint64_t)1 << 60) /* a row summed into it is preliminary */
#define HS_REAL      ((uint64_t)1 << 61) /* its inputs are REALs (else INTEGERs) */
#define HS_SPILL     ((uint64_t)1 << 62) /* both: its ts_sum is aSpill[n] */
#define HS_NO_FIGURE ((uint64_t)1 << 63) /* grain=: a day row of it had no figure */

/* A key column of a series as the sort compares it (decode_key). */
typedef struct hkey {
  int type;
  sqlite3_int64 i;
  double d;
  const unsigned char *z;
  int n;
} hkey;

/* A series: its points are found by period ordinal in a direct index
** (periods of a series are dense small integers), so a row costs one
** probe of a small table, not a probe of one table of every point. */
typedef struct hseries {
  uint64_t hash;
  /* The key as rows are matched with it: row_key's encoding, zero-padded
  ** to whole 8-byte words, in the arena (nEnc: its unpadded length). */
  const unsigned char *zEnc;
  uint32_t nEnc;
  uint32_t next; /* sid + 1 of the series of the row after its last row; 0: none */
  int kind;      /* ts_period_kind of its rows after roll-up; 0: none yet */
  uint32_t nPoint;
  int64_t lo;    /* the ordinal of aIdx[0]; compact points: the page of apPage[0] */
  uint32_t nIdx; /* entries of aIdx or apPage */
  /* Compact points (ts_hash.compact): whether the pages are wide */
  unsigned char wide;
  /* The direct index: aIdx[k] the point index + 1 of ordinal lo + k (0:
  ** none).  Compact points: the page table instead, apPage[k] the page of
  ** ordinals 64 (lo + k) ... 64 (lo + k) + 63, NULL while none of them
  ** has a point. */
  uint32_t *aIdx;
  void **apPage;
} hseries;

/* A row reads its series' record: one cache line (a first day per slot
** in it cost the pass of 2 M transactions to months 10-20 %). */
_Static_assert(sizeof(hseries) <= 64, "a series record fits a cache line");

/* A page of compact points: 64 consecutive ordinals of one series.
** Narrow while every value of the series is an INTEGER that fits 32 bits
** (the benchmark's amounts, most counts, money in whole units): 4.375
** bytes a point.  Wide (64-bit values: an integer, or a REAL's bits) from
** the series' first REAL or wider integer on: 8.5 bytes.  Pages are
** fixed-size cells of large chunks and never move, so a series that
** grows costs no copy of its points and no block of the allocator's
** (only its page table, 8 bytes a page, is reallocated), and a gap of 64
** periods or more costs nothing. */
typedef struct cp_narrow {
  uint64_t present, prelim;
  uint64_t nofig; /* a row of the period without a figure (no_figure_points) */
  int32_t v[64];
} cp_narrow;
typedef struct cp_wide {
  uint64_t present, prelim, isint, nofig;
  uint64_t v[64]; /* an INTEGER, or a REAL's bits */
} cp_wide;

/* The page number of an ordinal (floor division by 64) and its place. */
static inline int64_t cp_page_of(int64_t ordinal) { return (ordinal - (ordinal & 63)) / 64; }

/* Cells of one size, cut from chunks of about 64 KiB; freed cells (a
** series' narrow pages when it widens) are reused first. */
typedef struct cp_pool {
  size_t size; /* bytes a cell */
  char *chunk; /* the chunk being cut */
  size_t left; /* cells left in it */
  void *freed; /* freed cells, linked through their first word */
} cp_pool;

#define CHUNK_BITS 12
#define CHUNK      ((uint32_t)1 << CHUNK_BITS)

struct ts_hash {
  sqlite3 *db;
  const ts_source_spec *spec;
  int nSlot;
  /* Without grain= and with one value slot every point is one row (a
  ** second is an error the streaming path reports), so a point is its
  ** row's value: 4.375 bytes in the series' own pages (8.5 once the
  ** series holds a REAL or an integer beyond 32 bits) instead of a
  ** summing slot in a chunk (2.4 M points: about 11 MB instead of
  ** 190 MB; 9.6 M fit the memory cap). */
  int compact;
  /* compact, without a "preliminary" column or early rows: each row takes
  ** add_row_fast's way */
  int fast;
  uint64_t seed;    /* hash_words' start, random per pass */
  int iPreliminary; /* query column of the source's preliminary flag, or -1 */
  int nCol;         /* columns of the source query */
  /* the pass inside SQLite (series_hash_pass.c): its token, and whether it was
  ** stopped (the hash path gives way) */
  sqlite3_int64 token;
  sqlite3_value **argvSeen;           /* the pass query's argument array that held it */
  int iFirst;                         /* the query column the pass query reads first */
  sqlite3_value *aArg[TS_MAX_BY + 4]; /* the query columns, in argvSeen */
  int stopped;
  int finalSeen; /* tradestat_scan_row's final call ended this pass's query */
  int aColl[TS_MAX_BY];
  sqlite3_int64 mem; /* bytes held, against TS_HASH_MEMORY_CAP */
  int over;          /* the cap was reached */
  /* series: nSeries records (their keys: encodings in the arena) */
  hseries *aSeries;
  uint32_t nSeries, nSeriesAlloc;
  /* grain=: ts_series.first_day of series sid's value slot k at
  ** aFirstDay[2 sid + k], as the streaming path keeps it (apart from
  ** hseries, which it would push past a cache line) */
  int64_t *aFirstDay;
  uint32_t nFirstDayAlloc;
  /* A series' key values are made from its encoding only when it is
  ** handed out (series_keys): a copy of each key value per series, held
  ** from the pass to the end, cost about as much as the points of a
  ** 300-period series.  keyStmt: "SELECT ?1, ..."; walkKey: the values
  ** of the series each walk (0 ts_hash_next, 1 ts_hash_series_at) holds. */
  sqlite3_stmt *keyStmt;
  sqlite3_value *walkKey[2][TS_MAX_BY];
  uint32_t *aSeriesSlot; /* open addressing: sid + 1, 0 empty */
  /* the key bytes of every series, copied side by side into chunks that
  ** never move, so a row's key check reads one place, not one copy of
  ** SQLite's per column */
  unsigned char **apArena;
  uint32_t nArena, nArenaAlloc;
  size_t arenaUsed, arenaSize; /* in apArena[nArena - 1] */
  uint32_t nSeriesSlot;
  /* compact points: pages narrow [0] and wide [1], their chunks */
  cp_pool pool[2];
  char **apPageChunk;
  uint32_t nPageChunk, nPageChunkAlloc;
  /* points (nSlot slots each) in chunks of CHUNK entries of szPoint
  ** bytes; the whole ts_sum of a slot with both kinds of input */
  char **apChunk;
  uint32_t nChunk, nPoint;
  size_t szPoint;
  ts_sum *aSpill;
  uint32_t nSpill, nSpillAlloc;
  /* The current row's key encoding (row_key), zero-padded to whole
  ** words, and the series of the row before (find_series). */
  unsigned char *zRow;
  uint32_t nRowAlloc;
  int lastSid;  /* the row before's series; -1: none */
  int guessHit; /* the row before was the series expected (find_series) */
  /* the period of the row before (rows of one period are often adjacent),
  ** with what every row of it needs: its ordinal after roll-up and the
  ** months of that period the label covers (add_value) */
  struct {
    int valid, type, n, skip;
    int days_noted; /* grain=: its days are in the extent (a row of it had a figure) */
    sqlite3_int64 i;
    double d;
    char z[32];
    ts_period p, orig;
    int64_t ordinal;
    uint64_t cover;    /* in hslot.bits' place for the label's kind */
    int64_t first_day; /* grain=: the first day of the label's period */
    unsigned mday;     /* grain=: its day of the month, for a day (else 0) */
  } last;
  int early_lo; /* rows of years before it only mark their series (ts_early_lo) */
  struct {
    int n; /* -1: none */
    char z[32];
  } early; /* the last such row's period label, its days noted */
  /* the last flow label read for each value slot (trimmed and compared
  ** case-insensitively by ts_source_flow_slot; the same bytes again are
  ** the same slot) */
  struct {
    int n;
    char z[32];
  } flow[2];
  /* With grain=: the first and last day of every period read (the days
  ** the rows read hold; series_extent.h). */
  int days_any;
  int64_t days_first, days_last;
  /* With spec->day_whole_after too: those periods' last days, in the
  ** order read (consecutive repeats once), for the extent's end days;
  ** ends_failed: out of memory, the extent reads them itself. */
  int64_t *aEnd;
  int nEnd, nEndAlloc, ends_failed;
  /* emission */
  uint32_t *aOrder; /* sids in key order */
  uint32_t iNext;
  ts_series cur;
};

/* ---- reading rows -------------------------------------------------- */

typedef enum { GO_ON, GIVE_UP } verdict;

/* Largest direct index of one series (entries); a wider spread of
** periods in one series gives up (the streaming path holds it sorted). */
#define MAX_SERIES_INDEX ((uint32_t)1 << 22)

/* The entries series s's direct index (or page table: ordinal is then a
** page number) takes to hold ordinal, and its new first ordinal, given
** n entries of room at least: *pN, *pLo. */
static inline void cover_span(const hseries *s, int held, int64_t ordinal, int64_t n, int64_t *pN,
                              int64_t *pLo) {
  int64_t lo = held ? (ordinal < s->lo ? ordinal : s->lo) : ordinal;
  int64_t hi = held ? (ordinal >= s->lo + s->nIdx ? ordinal + 1 : s->lo + s->nIdx) : ordinal + 1;
  if (n < hi - lo) n = hi - lo;
  *pN = n;
  /* growing down keeps the old end, so the old entries move by n - nIdx */
  *pLo = held && ordinal < s->lo ? hi - n : lo;
}

/* Makes ordinal fall inside series s's direct index; 1: memory. */
/* Loads 8 bytes (any alignment). */
static inline uint64_t load64(const unsigned char *z) {
  uint64_t w;
  memcpy(&w, z, 8);
  return w;
}

/* Words of two zero-padded encodings equal (nWord of them). */
static inline int words_equal(const unsigned char *a, const unsigned char *b, uint32_t nWord) {
  for (uint32_t k = 0; k < nWord; k++)
    if (load64(a + 8 * k) != load64(b + 8 * k)) return 0;
  return 1;
}

/* Bytes equal, for short labels without a call.  Shortest first: key
** columns of two to six bytes (country, category, flow) are the usual
** case, and each length class takes one or two tests to reach. */
static ALWAYS_INLINE int bytes_equal(const char *a, const char *b, int n) {
  if (n < 4) {
    if (n < 2) return n == 0 || a[0] == b[0];
    uint16_t a0, b0, a1, b1;
    memcpy(&a0, a, 2), memcpy(&b0, b, 2);
    memcpy(&a1, a + n - 2, 2), memcpy(&b1, b + n - 2, 2);
    return a0 == b0 && a1 == b1;
  }
  if (n < 8) {
    uint32_t a0, b0, a1, b1;
    memcpy(&a0, a, 4), memcpy(&b0, b, 4);
    memcpy(&a1, a + n - 4, 4), memcpy(&b1, b + n - 4, 4);
    return a0 == b0 && a1 == b1;
  }
  if (n <= 16) /* two overlapping words: every byte once or twice */
    return load64((const unsigned char *)a) == load64((const unsigned char *)b) &&
           load64((const unsigned char *)a + n - 8) == load64((const unsigned char *)b + n - 8);
  return memcmp(a, b, (size_t)n) == 0;
}

/* The index of the first character of zSql at or after i that lies
** outside quotes ("..", '..', `..`, [..]), *pQuote holding the quote open
** at i (0: none) and left holding the one open there; the index of the
** terminating NUL when there is none.  A doubled quote closes and opens
** again, so it stays inside.  The source query's text is read with it
** (unordered_sql, pass_sql): the names in it are the user's, quoted. */
static inline int sql_next_unquoted(const char *zSql, int i, char *pQuote) {
  for (; zSql[i]; i++) {
    char c = zSql[i];
    if (*pQuote) {
      if (c == *pQuote) *pQuote = 0;
    } else if (c == '"' || c == '\'' || c == '`' || c == '[') {
      *pQuote = c == '[' ? ']' : c;
    } else {
      break;
    }
  }
  return i;
}

/* Leading zero bits of a nonzero 64-bit word. */
static inline int leading_zeros(uint64_t x) {
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_clzll(x);
#else
  int n = 0;
  while (!(x & ((uint64_t)1 << 63))) x <<= 1, n++;
  return n;
#endif
}

/* Trailing zero bits of a nonzero 64-bit word. */
static inline int trailing_zeros(uint64_t x) {
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_ctzll(x);
#else
  int n = 0;
  while ((x & 1) == 0) x >>= 1, n++;
  return n;
#endif
}

/* series_hash_plan.c: memory counted against TS_HASH_MEMORY_CAP (NULL or
** 1 once the cap is reached: ts_hash.over) */
void *ts_hash_alloc(ts_hash *h, sqlite3_uint64 n);
int ts_hash_grow(ts_hash *h, void **pa, uint32_t *pnAlloc, uint32_t nNeed, size_t sz);
/* series_hash_plan.c: the path a scan took (ts_hash_open) counted, for
** ts_hash_counts. */
enum { N_HASH, N_STREAM, N_FALLBACK_MEMORY, N_FALLBACK_DATA };
void ts_hash_count_path(int i);
/* series_hash.c: one row of the source query into h, its columns in aCol
** (series columns, period, value, second value or flow, preliminary);
** GIVE_UP when the streaming path must answer. */
verdict ts_hash_add_row(ts_hash *h, sqlite3_value *const *aCol);
/* series_hash.c: whether slot sl's sum (as ts_sum) is the same in every
** order of its inputs, and every partial sum a double; 0: the hash path
** gives way.  Also for tests/unit/test_fast_paths.c. */
int ts_hash_sum_is_order_free(const hslot *sl, const ts_sum *sum);

/* series_hash_pass.c: the pass statement of the unordered source query
** zUnordered (its nOrdered values as ?1 .. ?nOrdered, the token ?nOrdered+1),
** taken from p's keep (p NULL: none) or prepared, the function registered
** when the connection has none of that name; NULL when it cannot be (then
** rows are stepped).  *piFirst: the query column the pass query is to
** read first in (ts_hash_pass_first: the one stored last), the one it
** reads first out (0: the query's own order).  *pGen: the keep's
** generation, for giving it back.
** ts_hash_pass_give_back keeps it (reset and unbound) when keep is set and
** the keep is of the same generation, else finalizes it.  Every row read
** into h through the pass statement, or the unordered query stepped out:
** SQLITE_DONE (*pGiveUp set when the hash path gives way) or the source's
** error. */
sqlite3_stmt *ts_hash_pass_take(sqlite3 *db, ts_probes *p, const char *zUnordered, int nOrdered,
                                int *piFirst, unsigned *pGen);
int ts_hash_pass_first(sqlite3 *db, const ts_source_spec *spec, ts_probes *p,
                       const char *const *azCol, int nCol);
void ts_hash_pass_give_back(ts_probes *p, unsigned gen, sqlite3_stmt *stmt, int keep);
int ts_hash_run_pass(ts_hash *h, sqlite3_stmt *pass, int *pGiveUp);
int ts_hash_step_rows(ts_hash *h, sqlite3_stmt *stmt, int *pGiveUp);

/* series_hash_key.c: the series of the current row read whole and
** probed in the table (find_series below tries the expected one first),
** -1 for memory; the key column at *pp of a series' encoding; two series
** as ORDER BY on the by columns compares them; a stable sort by it. */
sqlite3_int64 ts_hash_probe_series(ts_hash *h, sqlite3_value *const *aCol, uint32_t guess);
void ts_hash_decode_key(const unsigned char **pp, hkey *k);
int ts_hash_series_compare(const ts_hash *h, uint32_t a, uint32_t b);
void ts_hash_sort_series(const ts_hash *h, uint32_t *a, uint32_t *tmp, uint32_t n);

/* series_hash_compact.c: page number pg made to fall inside series s's
** page table, a new empty page, a series' pages widened to 64 bits (1 or
** NULL: memory); series hs's points, in ordinal order, into s (room for
** hs->nPoint made by the caller). */
int ts_hash_cover_page(ts_hash *h, hseries *s, int64_t pg);
void *ts_hash_cp_page_new(ts_hash *h, int wide);
int ts_hash_cp_widen(ts_hash *h, hseries *s);
void ts_hash_compact_points(const hseries *hs, ts_series *s);

/* ---- per row, inline: the expected series, a compact point --------- */

/* Type bytes of row_key's encoding (never 0, the padding). */
enum { ENC_NULL = 1, ENC_INT, ENC_REAL, ENC_TEXT, ENC_BLOB };

/* row_matches from column i on, at byte p of z: every storage class. */
static NOINLINE int row_matches_from(sqlite3_value *const *aCol, int i, int nBy,
                                     const unsigned char *z, uint32_t p) {
  for (; i < nBy; i++) {
    switch (sqlite3_value_type(aCol[i])) {
      case SQLITE_TEXT:
      case SQLITE_BLOB: {
        int blob = sqlite3_value_type(aCol[i]) == SQLITE_BLOB;
        if (z[p] != (blob ? ENC_BLOB : ENC_TEXT)) return 0;
        uint32_t len;
        memcpy(&len, z + p + 1, 4);
        int nv = sqlite3_value_bytes(aCol[i]);
        if (len != (uint32_t)nv) return 0;
        const void *v = blob ? sqlite3_value_blob(aCol[i]) : sqlite3_value_text(aCol[i]);
        if ((v == NULL && nv > 0) || !bytes_equal((const char *)z + p + 5, (const char *)v, nv))
          return 0;
        p += 5 + len;
        break;
      }
      case SQLITE_INTEGER: {
        sqlite3_int64 iv = sqlite3_value_int64(aCol[i]);
        uint64_t w;
        memcpy(&w, &iv, 8);
        if (z[p] != ENC_INT || load64(z + p + 1) != w) return 0;
        p += 9;
        break;
      }
      case SQLITE_FLOAT: {
        double d = sqlite3_value_double(aCol[i]);
        uint64_t w;
        memcpy(&w, &d, 8);
        if (z[p] != ENC_REAL || load64(z + p + 1) != w) return 0;
        p += 9;
        break;
      }
      default:
        if (z[p] != ENC_NULL) return 0;
        p += 1;
        break;
    }
  }
  return 1; /* nBy columns equal, each self-delimiting: the whole encodings are */
}

/* Whether the current row's series columns (aCol) hold the key encoded
** in z (a series' whole encoding), read and compared column by column up
** to the first difference: find_series' check of the expected series,
** without filling a rowkey first.  The values are read as read_row_key
** reads them, so a match here is one there; a TEXT or BLOB that cannot
** be had (memory) is no match, and read_row_key then reports it.  The
** usual key column, a TEXT, straight: its length (a UTF-8 database's
** TEXT, read without conversion) against the series' before its bytes
** are asked for, so a miss of another length costs one call less.  Out
** of line, so that nothing of the row's caller is saved and restored
** around each of its calls into SQLite. */
static NOINLINE int row_matches(sqlite3_value *const *aCol, int nBy, const unsigned char *z) {
  const unsigned char *z0 = z;
  for (int i = 0; i < nBy; i++) {
    sqlite3_value *v = aCol[i];
    if (sqlite3_value_type(v) != SQLITE_TEXT || *z != ENC_TEXT)
      return row_matches_from(aCol, i, nBy, z0, (uint32_t)(z - z0));
    uint32_t len;
    memcpy(&len, z + 1, 4);
    if ((uint32_t)sqlite3_value_bytes(v) != len) return 0;
    const char *t = (const char *)sqlite3_value_text(v);
    if ((t == NULL && len > 0) || !bytes_equal((const char *)z + 5, t, (int)len)) return 0;
    z += 5 + len;
  }
  return 1;
}

/* The series of the current row (its series columns in aCol): its sid,
** or -1 (memory).  Tried first, without hashing: the series that came
** after the row before's series last time (rows of one series together,
** or series in the same order period after period, as tables appended
** one period at a time hold them).  After a row that was its expected
** series that check reads the row's values straight (row_matches: a
** miss then reads them again); after one that was not, as rows in no
** such order mostly are not, the key read once for the probe serves it
** too.  Either way the sid is the one of the row's key. */
static ALWAYS_INLINE sqlite3_int64 find_series(ts_hash *h, sqlite3_value *const *aCol) {
  uint32_t guess = h->lastSid >= 0 ? h->aSeries[h->lastSid].next : 0;
  sqlite3_int64 sid;
  if (guess && h->guessHit && row_matches(aCol, h->spec->nBy, h->aSeries[guess - 1].zEnc))
    sid = guess - 1;
  else if ((sid = ts_hash_probe_series(h, aCol, h->guessHit ? 0 : guess)) < 0)
    return -1;
  h->guessHit = guess && sid == (sqlite3_int64)guess - 1;
  if (h->lastSid >= 0) h->aSeries[h->lastSid].next = (uint32_t)sid + 1;
  h->lastSid = (int)sid;
  return sid;
}

/* The page of compact points holding ordinal in series s, made where
** missing; NULL (give up the hash) where it cannot be. */
static ALWAYS_INLINE void **compact_page(ts_hash *h, hseries *s, int64_t ordinal) {
  int64_t pg = cp_page_of(ordinal);
  if (!(s->apPage && pg >= s->lo && pg - s->lo < (int64_t)s->nIdx) && ts_hash_cover_page(h, s, pg))
    return NULL;
  void **slot = &s->apPage[pg - s->lo];
  if (*slot == NULL && (*slot = ts_hash_cp_page_new(h, s->wide)) == NULL) return NULL;
  return slot;
}

/* A compact point (ts_hash.compact): the row's value, once.  A second
** row of the point is the streaming path's duplicate error. */
static ALWAYS_INLINE verdict add_compact(ts_hash *h, uint32_t sid, int64_t ordinal,
                                         const ts_number *n, int prelim) {
  hseries *s = &h->aSeries[sid];
  void **slot = compact_page(h, s, ordinal);
  if (slot == NULL) return GIVE_UP;
  int j = (int)(ordinal & 63);
  uint64_t bit = (uint64_t)1 << j;
  if (!s->wide) {
    cp_narrow *p = *slot;
    if (p->present & bit) return GIVE_UP;
    if (n->is_int && n->i >= INT32_MIN && n->i <= INT32_MAX) {
      p->v[j] = (int32_t)n->i;
      p->present |= bit;
      if (prelim) p->prelim |= bit;
      if (!(p->nofig & bit)) s->nPoint++, h->nPoint++;
      return GO_ON;
    }
    if (ts_hash_cp_widen(h, s)) return GIVE_UP; /* 64-bit values from now on */
  }
  cp_wide *p = *slot;
  if (p->present & bit) return GIVE_UP;
  if (n->is_int) {
    p->v[j] = (uint64_t)n->i;
    p->isint |= bit;
  } else {
    memcpy(&p->v[j], &n->d, sizeof(p->v[j]));
  }
  p->present |= bit;
  if (prelim) p->prelim |= bit;
  if (!(p->nofig & bit)) s->nPoint++, h->nPoint++;
  return GO_ON;
}

/* A row without a figure at ordinal, with no_figure_points: its period a
** point of no rows (the slots' way: a point found, nothing added), unless
** a row with a figure made it a point already; no duplicate (a figure's
** second row is one, as in the slots' points_check). */
static inline verdict add_compact_nofig(ts_hash *h, uint32_t sid, int64_t ordinal) {
  hseries *s = &h->aSeries[sid];
  void **slot = compact_page(h, s, ordinal);
  if (slot == NULL) return GIVE_UP;
  uint64_t bit = (uint64_t)1 << (ordinal & 63);
  uint64_t *nofig = s->wide ? &((cp_wide *)*slot)->nofig : &((cp_narrow *)*slot)->nofig;
  uint64_t present = s->wide ? ((cp_wide *)*slot)->present : ((cp_narrow *)*slot)->present;
  if (!((*nofig | present) & bit)) s->nPoint++, h->nPoint++;
  *nofig |= bit;
  return GO_ON;
}

/* series_hash.c: the period of the current row into h->last (0 read, 1
** an error the streaming path reports); a value as ts_value_number reads
** it (GO_ON with *n, GIVE_UP for an error, -1 for NULL). */
int ts_hash_row_period(ts_hash *h, sqlite3_value *v);
int ts_hash_row_number(sqlite3_value *v, ts_number *n);

/* The slots of point idx. */
static inline hslot *point_at(const ts_hash *h, uint32_t idx) {
  return (hslot *)(h->apChunk[idx >> CHUNK_BITS] + (size_t)(idx & (CHUNK - 1)) * h->szPoint);
}

/* The ts_sum of a slot, as ts_sum_add would have made it from the same
** inputs in the same order. */
static inline void slot_sum(const ts_hash *h, const hslot *sl, ts_sum *out) {
  if (sl->bits & HS_SPILL) {
    *out = h->aSpill[sl->n];
    return;
  }
  ts_sum_init(out);
  out->count = sl->n;
  if (sl->bits & HS_REAL) {
    out->n_real = sl->n;
    out->s = sl->u.r.s;
    out->c = sl->u.r.c;
  } else {
    out->exact = sl->u.exact;
  }
}

/* The months kind k (1 .. TS_KIND_DAY) covered of a slot's point. */
static inline unsigned slot_cover(const hslot *sl, int k) {
  if (k == TS_KIND_YEAR) return (sl->bits & HS_COVER_YEAR) ? (1u << HS_COVER_BITS) - 1 : 0;
  return (unsigned)(sl->bits >> (HS_COVER_BITS * (k - 1))) & ((1u << HS_COVER_BITS) - 1);
}

/* series_hash_emit.c, after the pass (contract items 4 to 6 of
** series_hash.c): 0 when the streaming path would give every point the
** same answer, 1 when it would report an error or might round otherwise;
** the series sorted as the streaming path reads them (SQLITE_OK or
** SQLITE_NOMEM); the pass's own tables freed. */
int ts_hash_points_check(const ts_hash *h);
int ts_hash_order_series(ts_hash *h);
void ts_hash_release_pass_tables(ts_hash *h);

/* ts_hash_add_row for compact points without a "preliminary" column
** (ts_hash.fast), inline in the pass's function (series_hash_pass.c)
** and ts_hash_add_row: the same steps in the same order, each row's usual
** case -- a TEXT period equal to the row before's, an INTEGER value --
** read with the fewest calls; anything else the general way. */
static ALWAYS_INLINE verdict ts_hash_add_row_fast(ts_hash *h, sqlite3_value *const *aCol) {
  int nBy = h->spec->nBy;
  sqlite3_int64 sid = find_series(h, aCol);
  if (sid < 0) return GIVE_UP;
  sqlite3_value *pv = aCol[nBy];
  int same = 0;
  if (h->last.valid && h->last.type == SQLITE_TEXT && sqlite3_value_type(pv) == SQLITE_TEXT) {
    const char *z = (const char *)sqlite3_value_text(pv);
    int n = sqlite3_value_bytes(pv);
    same = z != NULL && n == h->last.n && bytes_equal(z, h->last.z, n);
  }
  if (!same && ts_hash_row_period(h, pv)) return GIVE_UP;
  if (h->last.skip) return GO_ON;
  hseries *s = &h->aSeries[sid];
  if (s->kind != (int)h->last.p.kind) {
    if (s->kind != TS_KIND_NONE) return GIVE_UP; /* mixed kinds: an error */
    s->kind = h->last.p.kind;
  }
  sqlite3_value *v = aCol[nBy + 1];
  ts_number n;
  if (sqlite3_value_type(v) == SQLITE_INTEGER) {
    n.is_int = 1;
    n.i = sqlite3_value_int64(v);
  } else {
    int r = ts_hash_row_number(v, &n);
    if (r < 0 && h->spec->no_figure_points)
      return add_compact_nofig(h, (uint32_t)sid, h->last.ordinal);
    if (r != GO_ON) return r < 0 ? GO_ON : GIVE_UP;
  }
  return add_compact(h, (uint32_t)sid, h->last.ordinal, &n, h->last.orig.preliminary);
}

#endif /* TRADESTAT_SERIES_HASH_INT_H */

/*
** vtab/series_hash_key.c -- how a row of the hash path's pass finds its
** series, and the order the series are handed out in (series_hash.c,
** contract 3).
**
** Each series is kept by its key's exact type and bytes: row_key's
** encoding, copied once into an arena, with its hash in an open-addressed
** table.  A row is checked first against the series that followed the
** row before's series last time (rows of one series together, or series
** in the same order period after period), then hashed.  After the pass
** the encodings are sorted as SQLite's ORDER BY on the by columns sorts
** the values (BINARY, NOCASE, RTRIM).
*/
#include "vtab/series_hash_int.h"

#include <stdint.h>
#include <string.h>

/* A zero-padded encoding hashed a word at a time (keys are short), from
** the pass's random seed: each step can be undone, so from a known start
** a table of keys built to share one hash would make every probe walk
** them all (80,000 crafted BLOB keys: 7.3 s against 0.87 s). */
static inline uint64_t hash_words(uint64_t seed, const unsigned char *z, uint32_t n) {
  uint64_t h = seed ^ 0xcbf29ce484222325ULL ^ ((uint64_t)n * 0x9e3779b97f4a7c15ULL);
  for (uint32_t k = 0; k < (n + 7) / 8; k++) {
    h = (h ^ load64(z + 8 * k)) * 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
  }
  return ts_mix64(h); /* the table uses the low bits: spread every input bit */
}

/* ---- SQLite's ordering of keys ------------------------------------- */

static int type_class(int type) {
  switch (type) {
    case SQLITE_NULL: return 0;
    case SQLITE_INTEGER:
    case SQLITE_FLOAT: return 1;
    case SQLITE_TEXT: return 2;
    default: return 3;
  }
}

/* INTEGER i against REAL r, exactly (as sqlite3IntFloatCompare). */
static int int_float_compare(sqlite3_int64 i, double r) {
  if (r < -9223372036854775808.0) return 1;
  if (r >= 9223372036854775808.0) return -1;
  sqlite3_int64 y = (sqlite3_int64)r;
  if (i < y) return -1;
  if (i > y) return 1;
  double s = (double)i;
  if (s < r) return -1;
  if (s > r) return 1;
  return 0;
}

static int bytes_compare(const unsigned char *a, int na, const unsigned char *b, int nb) {
  int n = na < nb ? na : nb;
  int r = n > 0 ? memcmp(a, b, (size_t)n) : 0;
  return r ? r : na - nb;
}

/* Two key values as ORDER BY compares them, with collation coll. */
static int key_compare(const hkey *a, const hkey *b, int coll) {
  int ca = type_class(a->type), cb = type_class(b->type);
  if (ca != cb) return ca - cb;
  switch (ca) {
    case 0: return 0;
    case 1:
      if (a->type == SQLITE_INTEGER && b->type == SQLITE_INTEGER)
        return a->i < b->i ? -1 : a->i > b->i;
      if (a->type == SQLITE_FLOAT && b->type == SQLITE_FLOAT) return a->d < b->d ? -1 : a->d > b->d;
      if (a->type == SQLITE_INTEGER) return int_float_compare(a->i, b->d);
      return -int_float_compare(b->i, a->d);
    case 2: {
      int na = a->n, nb = b->n;
      if (coll == COLL_NOCASE) {
        int n = na < nb ? na : nb;
        int r = sqlite3_strnicmp((const char *)a->z, (const char *)b->z, n);
        return r ? r : na - nb;
      }
      if (coll == COLL_RTRIM) {
        while (na > 0 && a->z[na - 1] == ' ') na--;
        while (nb > 0 && b->z[nb - 1] == ' ') nb--;
      }
      return bytes_compare(a->z, na, b->z, nb);
    }
    default: return bytes_compare(a->z, a->n, b->z, b->n);
  }
}

static int rehash_series(ts_hash *h) {
  uint32_t n = h->nSeriesSlot ? h->nSeriesSlot * 2 : 256;
  uint32_t *a = ts_hash_alloc(h, (sqlite3_uint64)n * sizeof(uint32_t));
  if (a == NULL) return 1;
  memset(a, 0, (size_t)n * sizeof(uint32_t));
  for (uint32_t s = 0; s < h->nSeries; s++) {
    uint32_t j = (uint32_t)h->aSeries[s].hash & (n - 1);
    while (a[j]) j = (j + 1) & (n - 1);
    a[j] = s + 1;
  }
  h->mem -= (sqlite3_int64)h->nSeriesSlot * (sqlite3_int64)sizeof(uint32_t);
  sqlite3_free(h->aSeriesSlot);
  h->aSeriesSlot = a;
  h->nSeriesSlot = n;
  return 0;
}

#define ARENA_CHUNK ((size_t)1 << 16)

/* n bytes copied into the key arena; NULL: memory. */
static const unsigned char *arena_copy(ts_hash *h, const unsigned char *z, int n) {
  if (h->nArena == 0 || h->arenaUsed + (size_t)n > h->arenaSize) {
    size_t sz = (size_t)n > ARENA_CHUNK ? (size_t)n : ARENA_CHUNK;
    if (ts_hash_grow(h, (void **)&h->apArena, &h->nArenaAlloc, h->nArena + 1,
                     sizeof(unsigned char *)))
      return NULL;
    unsigned char *c = ts_hash_alloc(h, sz);
    if (c == NULL) return NULL;
    h->apArena[h->nArena++] = c;
    h->arenaUsed = 0, h->arenaSize = sz;
  }
  unsigned char *out = h->apArena[h->nArena - 1] + h->arenaUsed;
  if (n > 0) memcpy(out, z, (size_t)n);
  h->arenaUsed += (size_t)n;
  return out;
}

/* Copies n bytes; short runs by overlapping words, without a call. */
static inline void copy_short(unsigned char *d, const unsigned char *z, uint32_t n) {
  if (n >= 8 && n <= 16) {
    uint64_t a = load64(z), b = load64(z + n - 8);
    memcpy(d, &a, 8);
    memcpy(d + n - 8, &b, 8);
  } else if (n >= 4 && n < 8) {
    uint32_t a, b;
    memcpy(&a, z, 4);
    memcpy(&b, z + n - 4, 4);
    memcpy(d, &a, 4);
    memcpy(d + n - 4, &b, 4);
  } else if (n >= 2 && n < 4) {
    uint16_t a, b;
    memcpy(&a, z, 2);
    memcpy(&b, z + n - 2, 2);
    memcpy(d, &a, 2);
    memcpy(d + n - 2, &b, 2);
  } else if (n < 2) {
    if (n == 1) d[0] = z[0];
  } else {
    memcpy(d, z, n);
  }
}

#define ROW_KEY_FAILED UINT32_MAX

/* The series columns of the current row as read once: type, and the
** bytes of a TEXT or BLOB, the value of an INTEGER or REAL (in bits). */
typedef struct rowkey {
  int at[TS_MAX_BY], an[TS_MAX_BY];
  const unsigned char *az[TS_MAX_BY];
  uint64_t av[TS_MAX_BY];
  uint32_t n; /* the length of their encoding (row_key) */
} rowkey;

/* Reads the series columns of the current row (aCol) into *k; 1 when a
** TEXT or BLOB cannot be had (memory). */
static int read_row_key(sqlite3_value *const *aCol, int nBy, rowkey *k) {
  uint32_t n = 0;
  for (int i = 0; i < nBy; i++) {
    int t = sqlite3_value_type(aCol[i]);
    k->at[i] = t;
    if (t == SQLITE_TEXT || t == SQLITE_BLOB) {
      k->az[i] = t == SQLITE_TEXT ? sqlite3_value_text(aCol[i]) : sqlite3_value_blob(aCol[i]);
      k->an[i] = sqlite3_value_bytes(aCol[i]);
      if (k->az[i] == NULL && k->an[i] > 0) return 1;
      n += 5 + (uint32_t)k->an[i];
    } else if (t == SQLITE_INTEGER) {
      sqlite3_int64 v = sqlite3_value_int64(aCol[i]);
      memcpy(&k->av[i], &v, 8);
      n += 9;
    } else if (t == SQLITE_FLOAT) {
      double d = sqlite3_value_double(aCol[i]);
      memcpy(&k->av[i], &d, 8);
      n += 9;
    } else {
      n += 1;
    }
  }
  k->n = n;
  return 0;
}

/* Whether the row's key k is the one encoded in z (nEnc bytes, row_key's
** encoding), compared column by column without encoding k. */
static inline int key_matches(const rowkey *k, int nBy, const unsigned char *z, uint32_t nEnc) {
  if (k->n != nEnc) return 0;
  uint32_t p = 0;
  for (int i = 0; i < nBy; i++) {
    switch (k->at[i]) {
      case SQLITE_INTEGER:
      case SQLITE_FLOAT:
        if (z[p] != (k->at[i] == SQLITE_INTEGER ? ENC_INT : ENC_REAL) ||
            load64(z + p + 1) != k->av[i])
          return 0;
        p += 9;
        break;
      case SQLITE_TEXT:
      case SQLITE_BLOB: {
        uint32_t len;
        memcpy(&len, z + p + 1, 4);
        if (z[p] != (k->at[i] == SQLITE_TEXT ? ENC_TEXT : ENC_BLOB) || len != (uint32_t)k->an[i] ||
            !bytes_equal((const char *)z + p + 5, (const char *)k->az[i], (int)len))
          return 0;
        p += 5 + len;
        break;
      }
      default:
        if (z[p] != ENC_NULL) return 0;
        p += 1;
        break;
    }
  }
  return 1;
}

/* Encodes the row's key k into h->zRow: per column a type byte, then an
** INTEGER's or a REAL's 8 bytes, or a TEXT's or a BLOB's 4-byte length
** and bytes; zero-padded to whole words.  With a fixed number of columns
** the encoding is self-delimiting, so two rows' encodings are equal
** exactly when their keys are identical in type and bytes (a REAL in
** bits: -0.0 is not 0.0).  Keys GROUP BY would call equal without being
** identical (1 and 1.0, 'a' and 'A' under NOCASE) are two series here,
** and order_series finds them.  Returns 1 on failure (memory). */
static int row_key(ts_hash *h, const rowkey *k, int nBy) {
  if (k->n + 8 > h->nRowAlloc && ts_hash_grow(h, (void **)&h->zRow, &h->nRowAlloc, k->n + 8, 1))
    return 1;
  unsigned char *z = h->zRow;
  uint32_t p = 0;
  for (int i = 0; i < nBy; i++) {
    switch (k->at[i]) {
      case SQLITE_INTEGER:
      case SQLITE_FLOAT:
        z[p] = k->at[i] == SQLITE_INTEGER ? ENC_INT : ENC_REAL;
        memcpy(z + p + 1, &k->av[i], 8);
        p += 9;
        break;
      case SQLITE_TEXT:
      case SQLITE_BLOB: {
        uint32_t len = (uint32_t)k->an[i];
        z[p] = k->at[i] == SQLITE_TEXT ? ENC_TEXT : ENC_BLOB;
        memcpy(z + p + 1, &len, 4);
        copy_short(z + p + 5, k->az[i], len);
        p += 5 + len;
        break;
      }
      default: z[p++] = ENC_NULL; break;
    }
  }
  memset(z + p, 0, 8); /* the padding (zRow has 8 bytes to spare) */
  return 0;
}

/* A new series of the current row's key (encoded in h->zRow, n bytes,
** hash hv, to go in slot j of the table): its sid, or -1 (memory). */
static sqlite3_int64 new_series(ts_hash *h, uint32_t n, uint64_t hv, uint32_t j) {
  uint32_t s = h->nSeries;
  if (ts_hash_grow(h, (void **)&h->aSeries, &h->nSeriesAlloc, s + 1, sizeof(hseries))) return -1;
  h->nSeries++;
  memset(&h->aSeries[s], 0, sizeof(hseries));
  h->aSeries[s].hash = hv;
  h->aSeries[s].nEnc = n;
  if (ts_hash_grow(h, (void **)&h->aFirstDay, &h->nFirstDayAlloc, 2 * s + 2, sizeof(int64_t)))
    return -1;
  h->aFirstDay[2 * s] = h->aFirstDay[2 * s + 1] = TS_FIRST_DAY_NONE;
  h->aSeries[s].zEnc = arena_copy(h, h->zRow, (int)((n + 7) & ~7u));
  if (h->aSeries[s].zEnc == NULL) return -1;
  if ((uint64_t)h->nSeries * 2 > h->nSeriesSlot) {
    if (rehash_series(h)) return -1;
  } else {
    h->aSeriesSlot[j] = s + 1;
  }
  return s;
}

/* The series of the current row's key (its series columns in aCol),
** read whole: guess (0: none) when the row is that series, else the one
** of that key in the table, made if new; -1 (memory).  Out of line: the
** rows in series order (find_series) rarely come here. */
sqlite3_int64 ts_hash_probe_series(ts_hash *h, sqlite3_value *const *aCol, uint32_t guess) {
  int nBy = h->spec->nBy;
  rowkey k;
  if (read_row_key(aCol, nBy, &k)) return -1;
  if (guess && key_matches(&k, nBy, h->aSeries[guess - 1].zEnc, h->aSeries[guess - 1].nEnc))
    return guess - 1;
  if (row_key(h, &k, nBy)) return -1;
  uint32_t n = k.n, nWord = (n + 7) / 8;
  uint64_t hv = hash_words(h->seed, h->zRow, n);
  if (h->nSeriesSlot == 0 && rehash_series(h)) return -1;
  uint32_t mask = h->nSeriesSlot - 1, j = (uint32_t)hv & mask;
  for (; h->aSeriesSlot[j]; j = (j + 1) & mask) {
    const hseries *s = &h->aSeries[h->aSeriesSlot[j] - 1];
    if (s->hash == hv && s->nEnc == n && words_equal(s->zEnc, h->zRow, nWord)) break;
  }
  return h->aSeriesSlot[j] ? h->aSeriesSlot[j] - 1 : new_series(h, n, hv, j);
}

/* The key column at *pp of an encoding (row_key's) into *k, *pp moved
** past it; TEXT and BLOB bytes point into the encoding. */
void ts_hash_decode_key(const unsigned char **pp, hkey *k) {
  const unsigned char *z = *pp;
  uint32_t len;
  k->i = 0, k->d = 0, k->z = NULL, k->n = 0;
  switch (z[0]) {
    case ENC_INT:
      k->type = SQLITE_INTEGER;
      memcpy(&k->i, z + 1, 8);
      *pp = z + 9;
      break;
    case ENC_REAL:
      k->type = SQLITE_FLOAT;
      memcpy(&k->d, z + 1, 8);
      *pp = z + 9;
      break;
    case ENC_TEXT:
    case ENC_BLOB:
      k->type = z[0] == ENC_TEXT ? SQLITE_TEXT : SQLITE_BLOB;
      memcpy(&len, z + 1, 4);
      k->z = z + 5;
      k->n = (int)len;
      *pp = z + 5 + len;
      break;
    default:
      k->type = SQLITE_NULL;
      *pp = z + 1;
      break;
  }
}

int ts_hash_series_compare(const ts_hash *h, uint32_t a, uint32_t b) {
  const unsigned char *pa = h->aSeries[a].zEnc, *pb = h->aSeries[b].zEnc;
  for (int i = 0; i < h->spec->nBy; i++) {
    hkey ka, kb;
    ts_hash_decode_key(&pa, &ka);
    ts_hash_decode_key(&pb, &kb);
    int r = key_compare(&ka, &kb, h->aColl[i]);
    if (r) return r;
  }
  return 0;
}

/* Stable bottom-up merge sort of a[0..n) by key (tmp: n elements). */
void ts_hash_sort_series(const ts_hash *h, uint32_t *a, uint32_t *tmp, uint32_t n) {
  for (uint32_t w = 1; w < n; w *= 2) {
    for (uint32_t lo = 0; lo < n; lo += 2 * w) {
      uint32_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
      uint32_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi)
        tmp[k++] = ts_hash_series_compare(h, a[j], a[i]) < 0 ? a[j++] : a[i++];
      while (i < mid) tmp[k++] = a[i++];
      while (j < hi) tmp[k++] = a[j++];
    }
    memcpy(a, tmp, (size_t)n * sizeof(uint32_t));
  }
}

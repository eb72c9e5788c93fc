/*
** vtab/series_rowid.c -- row identity for xRowid.
**
** xRowid must give a row the same rowid in every xFilter of a cursor and
** two rows different ones: SQLite's multi-index OR (WHERE a = 1 OR b = 2)
** filters the cursor once per branch and drops a row whose rowid an
** earlier branch returned.  A row is its series and its period: each
** distinct series key gets an id on first sight (kept by the table, as
** SQLite opens a new cursor for each branch), and rowid = id * 2^22 + period ordinal (days: offset to be
** positive; every ordinal of years 1..9999 is below 2^22). */
#include "vtab/series_vtab.h"

#define ROWID_ORDINAL_BITS   22
#define ROWID_ORDINAL_OFFSET 719163 /* days from 0001-01-01 to 1970-01-01, + 1 */

typedef struct ts_key_ids ts_key_ids;
struct ts_key_ids {
  int nBy;
  sqlite3_value **apKey; /* nBy values per id, id-1 = index / nBy */
  sqlite3_uint64 *aHash; /* per id */
  int n, nAlloc;
  int *aSlot; /* open addressing: id, 0 empty */
  int nSlot;
};

void ts_key_ids_free(struct ts_key_ids *k) {
  if (k == NULL) return;
  for (int i = 0; i < k->n * k->nBy; i++) sqlite3_value_free(k->apKey[i]);
  sqlite3_free(k->apKey);
  sqlite3_free(k->aHash);
  sqlite3_free(k->aSlot);
  sqlite3_free(k);
}

static sqlite3_uint64 hash_bytes(sqlite3_uint64 h, const void *p, int n) {
  const unsigned char *z = p;
  for (int i = 0; i < n; i++) h = (h ^ z[i]) * 1099511628211ULL;
  return h;
}

/* The series keys are equal as the scan groups them: same type, same
** value (bytes for TEXT and BLOB). */
static sqlite3_uint64 key_hash(sqlite3_value *const *ap, int nBy) {
  sqlite3_uint64 h = 14695981039346656037ULL;
  for (int i = 0; i < nBy; i++) {
    sqlite3_value *v = ap[i];
    int type = v ? sqlite3_value_type(v) : SQLITE_NULL;
    h = hash_bytes(h, &type, sizeof(type));
    if (type == SQLITE_INTEGER) {
      sqlite3_int64 x = sqlite3_value_int64(v);
      h = hash_bytes(h, &x, sizeof(x));
    } else if (type == SQLITE_FLOAT) {
      double d = sqlite3_value_double(v);
      h = hash_bytes(h, &d, sizeof(d));
    } else if (type == SQLITE_TEXT || type == SQLITE_BLOB) {
      const void *z =
          type == SQLITE_TEXT ? (const void *)sqlite3_value_text(v) : sqlite3_value_blob(v);
      h = hash_bytes(h, z, sqlite3_value_bytes(v));
    }
  }
  return h;
}

int ts_key_same_bytes(sqlite3_value *a, sqlite3_value *b) {
  int ta = a ? sqlite3_value_type(a) : SQLITE_NULL, tb = b ? sqlite3_value_type(b) : SQLITE_NULL;
  if (ta != tb) return 0;
  switch (ta) {
    case SQLITE_NULL: return 1;
    case SQLITE_INTEGER: return sqlite3_value_int64(a) == sqlite3_value_int64(b);
    case SQLITE_FLOAT: return sqlite3_value_double(a) == sqlite3_value_double(b);
    default: {
      const void *za =
          ta == SQLITE_TEXT ? (const void *)sqlite3_value_text(a) : sqlite3_value_blob(a);
      const void *zb =
          ta == SQLITE_TEXT ? (const void *)sqlite3_value_text(b) : sqlite3_value_blob(b);
      int n = sqlite3_value_bytes(a);
      return n == sqlite3_value_bytes(b) && (n == 0 || memcmp(za, zb, (size_t)n) == 0);
    }
  }
}

static int key_ids_grow(ts_key_ids *k) {
  int nSlot = k->nSlot ? k->nSlot * 2 : 64;
  int *aSlot = sqlite3_malloc64(sizeof(int) * (sqlite3_uint64)nSlot);
  if (aSlot == NULL) return SQLITE_NOMEM;
  memset(aSlot, 0, sizeof(int) * (size_t)nSlot);
  for (int id = 1; id <= k->n; id++) {
    int j = (int)(k->aHash[id - 1] & (sqlite3_uint64)(nSlot - 1));
    while (aSlot[j]) j = (j + 1) & (nSlot - 1);
    aSlot[j] = id;
  }
  sqlite3_free(k->aSlot);
  k->aSlot = aSlot;
  k->nSlot = nSlot;
  return SQLITE_OK;
}

/* The id of the current series' key, adding it when new.  The ids live
** as long as the table (a cursor lives for one branch of an OR only);
** keys are compared over all TS_MAX_BY slots (unused ones are NULL), as a
** table-valued call may name any number of series columns. */
int ts_series_key_id(ts_series_cursor *cur, int nBy, sqlite3_int64 *pId) {
  ts_series_vtab *vtab = (ts_series_vtab *)cur->base.pVtab;
  ts_key_ids *k = vtab->key_ids;
  sqlite3_value *const *ap = cur->series->apKey;
  if (k == NULL) {
    k = vtab->key_ids = sqlite3_malloc64(sizeof(*k));
    if (k == NULL) return SQLITE_NOMEM;
    memset(k, 0, sizeof(*k));
    k->nBy = nBy;
  }
  if (2 * (k->n + 1) > k->nSlot && key_ids_grow(k) != SQLITE_OK) return SQLITE_NOMEM;
  sqlite3_uint64 h = key_hash(ap, nBy);
  int j = (int)(h & (sqlite3_uint64)(k->nSlot - 1));
  for (; k->aSlot[j]; j = (j + 1) & (k->nSlot - 1)) {
    int id = k->aSlot[j], i = 0;
    if (k->aHash[id - 1] != h) continue;
    while (i < nBy && ts_key_same_bytes(k->apKey[(id - 1) * nBy + i], ap[i])) i++;
    if (i == nBy) {
      *pId = id;
      return SQLITE_OK;
    }
  }
  if (k->n == k->nAlloc) {
    int nNew = k->nAlloc ? k->nAlloc * 2 : 32;
    sqlite3_value **a =
        sqlite3_realloc64(k->apKey, sizeof(*a) * (sqlite3_uint64)nNew * (nBy ? nBy : 1));
    if (a == NULL) return SQLITE_NOMEM;
    k->apKey = a;
    sqlite3_uint64 *aH = sqlite3_realloc64(k->aHash, sizeof(*aH) * (sqlite3_uint64)nNew);
    if (aH == NULL) return SQLITE_NOMEM;
    k->aHash = aH;
    k->nAlloc = nNew;
  }
  for (int i = 0; i < nBy; i++) {
    sqlite3_value *v = NULL;
    if (ap[i] && (v = sqlite3_value_dup(ap[i])) == NULL) {
      for (int x = 0; x < i; x++) sqlite3_value_free(k->apKey[k->n * nBy + x]);
      return SQLITE_NOMEM;
    }
    k->apKey[k->n * nBy + i] = v;
  }
  k->aHash[k->n] = h;
  k->n++;
  k->aSlot[j] = k->n;
  *pId = k->n;
  return SQLITE_OK;
}

sqlite3_int64 ts_series_rowid(const ts_series_cursor *cur) {
  return (cur->series_id << ROWID_ORDINAL_BITS) + cur->row_key + ROWID_ORDINAL_OFFSET;
}

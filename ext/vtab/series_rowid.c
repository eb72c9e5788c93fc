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
#include "vtab/series_rowid_int.h"

#define ROWID_ORDINAL_BITS   22
#define ROWID_ORDINAL_OFFSET 719163 /* days from 0001-01-01 to 1970-01-01, + 1 */

#define KEY_CHUNK ((size_t)1 << 16)
/* ENC_CLASS: a TEXT folded by an application's collation, its class id */
enum { ENC_NULL = 1, ENC_INT, ENC_REAL, ENC_TEXT, ENC_BLOB, ENC_CLASS };

void ts_key_ids_free(struct ts_key_ids *k) {
  if (k == NULL) return;
  for (int i = 0; i < k->nChunk; i++) sqlite3_free(k->apChunk[i]);
  sqlite3_free(k->apChunk);
  sqlite3_free(k->azKey);
  sqlite3_free(k->azShow);
  sqlite3_free(k->aShowGen);
  sqlite3_free(k->zFoldTag);
  sqlite3_free(k->aHash);
  sqlite3_free(k->aSlot);
  sqlite3_free(k->zEnc);
  for (int i = 0; i < VERSION_SLOTS; i++) {
    sqlite3_finalize(k->apVersion[i]);
    sqlite3_free(k->azVersionSchema[i]);
  }
  for (int i = 0; i < TS_MAX_BY; i++) {
    sqlite3_free(k->azAppColl[i]);
    ts_classes_clear(&k->aClasses[i]);
  }
  sqlite3_finalize(k->pDatabases);
  sqlite3_free(k);
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

/* Room for n bytes of encoding in k->zEnc; 1: memory. */
static int enc_room(ts_key_ids *k, size_t n) {
  if (n <= k->nEncAlloc) return 0;
  size_t nNew = k->nEncAlloc ? 2 * k->nEncAlloc : 256;
  while (nNew < n) nNew *= 2;
  unsigned char *z = sqlite3_realloc64(k->zEnc, nNew);
  if (z == NULL) return 1;
  k->zEnc = z;
  k->nEncAlloc = nNew;
  return 0;
}

/* How a key column is folded so that keys one series holds (the scan
** groups them as GROUP BY does) are one encoding: ASCII case (NOCASE) or
** trailing spaces (RTRIM) of a TEXT, and a REAL that equals an INTEGER
** (1.0 and 1, -0.0 and 0) under any collation. */
enum { FOLD_NONE, FOLD_NUMBER, FOLD_NOCASE, FOLD_RTRIM, FOLD_APP };

static int fold_of(const ts_source_spec *spec, int i) {
  const char *z = i < spec->nBy ? spec->azByColl[i] : NULL;
  if (z == NULL || sqlite3_stricmp(z, "BINARY") == 0) return FOLD_NUMBER;
  if (sqlite3_stricmp(z, "NOCASE") == 0) return FOLD_NOCASE;
  if (sqlite3_stricmp(z, "RTRIM") == 0) return FOLD_RTRIM;
  /* The application's (registered: series_source.c names no other): a
  ** TEXT is folded to its class, which SQLite finds (ts_class_of).  Before,
  ** such a column was folded as BINARY: 'Korea' and 'KO-REA' of one
  ** series read in two filters (period IN (...), an OR's branches) were
  ** two ids, two spellings and two rowids, and GROUP BY series split the
  ** series where plain GROUP BY has one group. */
  return FOLD_APP;
}

static unsigned char *chunk_reserve(ts_key_ids *k, size_t n);

/* Where a class's value is kept (ts_class_of): in the chunks, beside the
** keys, which never move. */
static unsigned char *keep_class(void *pArg, size_t n) { return chunk_reserve(pArg, n); }

/* The key (nBy values, NULL pointers for unused slots) encoded into
** k->zEnc after 4 bytes left for its length: *pn the encoding's bytes
** (without them).  With aFold, each column folded as it says (the
** series' identity; a FOLD_APP column's TEXT by its class under
** azColl[i], asked of db), else as it is (the key as shown).  An SQLite
** error code: memory (a TEXT or BLOB that cannot be had), or ts_class_of's. */
static int key_encode(sqlite3 *db, ts_key_ids *k, sqlite3_value *const *ap, int nBy,
                      const int *aFold, char *const *azColl, uint32_t *pn) {
  size_t p = 4;
  for (int i = 0; i < nBy; i++) {
    sqlite3_value *v = ap[i];
    int type = v ? sqlite3_value_type(v) : SQLITE_NULL;
    int fold = aFold ? aFold[i] : FOLD_NONE;
    const void *z = NULL;
    uint32_t len = 0;
    if (type == SQLITE_TEXT || type == SQLITE_BLOB) {
      z = type == SQLITE_TEXT ? (const void *)sqlite3_value_text(v) : sqlite3_value_blob(v);
      len = (uint32_t)sqlite3_value_bytes(v);
      if (z == NULL && len > 0) return SQLITE_NOMEM;
    }
    if (type == SQLITE_TEXT && fold == FOLD_APP && azColl[i] != NULL) {
      uint32_t id;
      int rc = ts_class_of(db, &k->aClasses[i], &k->nClass, azColl[i], z, len, keep_class, k, &id);
      if (rc != SQLITE_OK) return rc;
      if (enc_room(k, p + 5)) return SQLITE_NOMEM;
      k->zEnc[p] = ENC_CLASS;
      memcpy(k->zEnc + p + 1, &id, 4);
      p += 5;
      continue;
    }
    if (enc_room(k, p + 9 + len)) return SQLITE_NOMEM;
    unsigned char *d = k->zEnc + p;
    if (type == SQLITE_FLOAT && fold != FOLD_NONE) {
      double x = sqlite3_value_double(v);
      /* an integral REAL inside the 64-bit range is that INTEGER's series */
      if (x >= -9223372036854775808.0 && x < 9223372036854775808.0 && x == (double)(int64_t)x)
        type = SQLITE_INTEGER;
    }
    if (type == SQLITE_INTEGER) {
      sqlite3_int64 x = v && sqlite3_value_type(v) == SQLITE_FLOAT
                            ? (sqlite3_int64)sqlite3_value_double(v)
                            : sqlite3_value_int64(v);
      d[0] = ENC_INT;
      memcpy(d + 1, &x, 8);
      p += 9;
    } else if (type == SQLITE_FLOAT) {
      double x = sqlite3_value_double(v);
      d[0] = ENC_REAL;
      memcpy(d + 1, &x, 8);
      p += 9;
    } else if (z != NULL || type == SQLITE_TEXT || type == SQLITE_BLOB) {
      if (type == SQLITE_TEXT && fold == FOLD_RTRIM)
        while (len > 0 && ((const char *)z)[len - 1] == ' ') len--;
      d[0] = type == SQLITE_TEXT ? ENC_TEXT : ENC_BLOB;
      memcpy(d + 1, &len, 4);
      if (len) memcpy(d + 5, z, len);
      if (type == SQLITE_TEXT && fold == FOLD_NOCASE)
        for (uint32_t j = 0; j < len; j++)
          if (d[5 + j] >= 'A' && d[5 + j] <= 'Z') d[5 + j] = (unsigned char)(d[5 + j] + 32);
      p += 5 + len;
    } else {
      d[0] = ENC_NULL;
      p += 1;
    }
  }
  uint32_t n = (uint32_t)(p - 4);
  memcpy(k->zEnc, &n, 4);
  *pn = n;
  return 0;
}

/* Room for n bytes in the chunks, which never move; NULL: memory. */
static unsigned char *chunk_reserve(ts_key_ids *k, size_t n) {
  if (k->nChunk == 0 || k->used + n > k->size) {
    if (k->nChunk == k->nChunkAlloc) {
      int nNew = k->nChunkAlloc ? 2 * k->nChunkAlloc : 16;
      unsigned char **a = sqlite3_realloc64(k->apChunk, sizeof(*a) * (sqlite3_uint64)nNew);
      if (a == NULL) return NULL;
      k->apChunk = a;
      k->nChunkAlloc = nNew;
    }
    size_t sz = n > KEY_CHUNK ? n : KEY_CHUNK;
    unsigned char *c = sqlite3_malloc64(sz);
    if (c == NULL) return NULL;
    k->apChunk[k->nChunk++] = c;
    k->used = 0, k->size = sz;
  }
  unsigned char *out = k->apChunk[k->nChunk - 1] + k->used;
  k->used += n;
  return out;
}

/* The current encoding (4-byte length and bytes) copied into the chunks;
** NULL: memory. */
static const unsigned char *key_keep(ts_key_ids *k, size_t n) {
  unsigned char *out = chunk_reserve(k, n);
  if (out) memcpy(out, k->zEnc, n);
  return out;
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

/* The source's identity in front of the key (the table-valued form's
** one table serves every source a statement names). */
static char *source_tag(const ts_series_cursor *cur) {
  const ts_source_spec *spec = cur->spec;
  sqlite3_str *s = sqlite3_str_new(NULL);
  sqlite3_str_appendf(s, "\"%w\".\"%w\"", spec->zSchema ? spec->zSchema : "", spec->zTable);
  for (int i = 0; i < spec->nBy; i++) sqlite3_str_appendf(s, "|\"%w\"", spec->azBy[i]);
  return sqlite3_str_finish(s);
}

/* The call's identity in front of the key: the source's tag, then every
** argument value (type and bytes, in hex).  A row of the table-valued
** form is its arguments, its series and its period: the branches of a
** multi-index OR may give other arguments than the source and series
** columns (WHERE value_column = 'v' AND ... OR value_column = 'w' AND
** ..., or other options), and with the source's tag alone the rows of
** one series and period had one rowid, so SQLite dropped the later
** branch's row as one already returned. */
static char *call_tag(const ts_series_cursor *cur, const char *zSource) {
  const ts_series_module *m = ((const ts_series_vtab *)cur->base.pVtab)->module;
  sqlite3_str *s = sqlite3_str_new(NULL);
  sqlite3_str_appendall(s, zSource);
  for (int k = 0; k < m->nArg && k < TS_MAX_ARG; k++) {
    sqlite3_value *v = cur->apArg[k];
    int type = v ? sqlite3_value_type(v) : SQLITE_NULL;
    sqlite3_str_appendf(s, "|%d:", type);
    if (type == SQLITE_NULL) continue;
    const unsigned char *z = type == SQLITE_BLOB ? sqlite3_value_blob(v) : sqlite3_value_text(v);
    int n = sqlite3_value_bytes(v);
    for (int j = 0; z && j < n; j++) sqlite3_str_appendf(s, "%02x", z[j]);
  }
  return sqlite3_str_finish(s);
}

/* The id of the current series' key, adding it when new.  The ids live
** as long as the table (a cursor lives for one branch of an OR only); keys are compared over all TS_MAX_BY slots
** (unused ones are NULL), as a table-valued call may name any number of
** series columns.  Two keys are one id when they are one series: every
** column the same after folding (fold_of), which is how the scan groups
** rows.  The key shown for an id is the one it was first seen with: a
** series read twice in one statement (the filters of an IN list or of
** the branches of an OR, each reading other years) is otherwise shown
** by the first row of each read, 'korea' in one and 'KOREA' in the
** other, and GROUP BY on the result splits it (cur->zShow).  The key
** shown is forgotten when the data may have changed (ts_key_data_mark: a row of
** that spelling may be gone); the id is not, so rowids stay apart in a
** statement that writes. */
int ts_series_key_id(ts_series_cursor *cur, int nBy, sqlite3_int64 *pId, char **pzErr) {
  ts_series_vtab *vtab = (ts_series_vtab *)cur->base.pVtab;
  ts_key_ids *k = vtab->key_ids;
  sqlite3_value *const *ap = cur->series->apKey;
  sqlite3_free(cur->zShow);
  cur->zShow = NULL;
  if (k == NULL) {
    k = vtab->key_ids = sqlite3_malloc64(sizeof(*k));
    if (k == NULL) return SQLITE_NOMEM;
    memset(k, 0, sizeof(*k));
    k->nBy = nBy;
    k->mark = ts_key_data_mark(vtab->db, k, cur->spec);
    k->span = ts_key_spelling_span(vtab->db, vtab);
    k->classPrep =
        k->apVersion[0] ? sqlite3_stmt_status(k->apVersion[0], SQLITE_STMTSTATUS_REPREPARE, 0) : -1;
  } else if (!cur->keyMarked) { /* once a filter: nothing is written while it reads */
    sqlite3_uint64 mark = ts_key_data_mark(vtab->db, k, cur->spec);
    unsigned span = ts_key_spelling_span(vtab->db, vtab);
    if (mark == k->mark && span != k->span) k->gen++, k->span = span; /* spellings only */
    if (mark != k->mark) {
      k->span = span;
      k->gen++, k->mark = mark;
      /* A collation registered again (between statements: SQLite refuses
      ** while one runs) may have other rules: under BINARY 'a' and 'A'
      ** were two classes, and a case-blind collation then found each by
      ** its own bytes, two ids for one GROUP BY group.  New classes, new
      ** ids (never reused); DDL and ATTACH prepare again too, which only
      ** costs the searches. */
      int prep = k->apVersion[0]
                     ? sqlite3_stmt_status(k->apVersion[0], SQLITE_STMTSTATUS_REPREPARE, 0)
                     : -1;
      if (prep != k->classPrep) {
        for (int i = 0; i < TS_MAX_BY; i++) ts_classes_clear(&k->aClasses[i]);
        k->classPrep = prep;
      }
      sqlite3_free(k->zFoldTag); /* the source may have been made again */
      k->zFoldTag = NULL;
    }
  }
  if (2 * (k->n + 1) > k->nSlot && key_ids_grow(k) != SQLITE_OK) return SQLITE_NOMEM;
  cur->keyMarked = 1;
  const char *zTag = NULL, *zFoldFor = "";
  if (vtab->table_valued) {
    if (cur->zKeyTag == NULL) {
      char *zSource = source_tag(cur);
      if (zSource == NULL) return SQLITE_NOMEM;
      cur->zKeyTag = call_tag(cur, zSource);
      /* the folding is the source's: asked again only when it differs */
      sqlite3_free(cur->zFoldTag);
      cur->zFoldTag = zSource;
      if (cur->zKeyTag == NULL) return SQLITE_NOMEM;
    }
    zTag = cur->zKeyTag;
    zFoldFor = cur->zFoldTag;
  }
  if (k->zFoldTag == NULL || strcmp(k->zFoldTag, zFoldFor) != 0) {
    /* The source's columns' collations as they are now, as the scan
    ** groups by them: asked once per source and data mark, on a copy of
    ** the spec (what the cursor reads stays as it was).  Not the CREATE
    ** form's own, read when it was connected: a TEMP table over a table
    ** another connection made again with a BINARY column stays connected,
    ** and folded 'a' and 'A' into one id while the scan kept two series. */
    ts_source_spec tmp = vtab->table_valued ? cur->own : *cur->spec;
    for (int i = 0; i < TS_MAX_BY; i++) tmp.azByColl[i] = NULL;
    int rc = ts_source_collations(vtab->db, &tmp);
    if (rc == SQLITE_OK && !vtab->table_valued) rc = ts_declared_still_holds(vtab, &tmp, pzErr);
    for (int i = 0; i < TS_MAX_BY; i++) {
      k->aFold[i] = fold_of(&tmp, i);
      sqlite3_free(k->azAppColl[i]); /* the collation a FOLD_APP column's classes use */
      k->azAppColl[i] = k->aFold[i] == FOLD_APP ? tmp.azByColl[i] : NULL;
      if (k->aFold[i] != FOLD_APP) sqlite3_free(tmp.azByColl[i]);
    }
    sqlite3_free(k->zFoldTag);
    k->zFoldTag = rc == SQLITE_OK ? sqlite3_mprintf("%s", zFoldFor) : NULL;
    if (rc != SQLITE_OK) return rc;
    if (k->zFoldTag == NULL) return SQLITE_NOMEM;
  }
  uint32_t n;
  int rc = key_encode(vtab->db, k, ap, nBy, k->aFold, k->azAppColl, &n);
  if (rc != SQLITE_OK) return rc;
  sqlite3_uint64 h = ts_key_hash_bytes(14695981039346656037ULL, k->zEnc + 4, n);
  if (zTag) {
    size_t nTag = strlen(zTag) + 1;
    if (enc_room(k, 4 + (size_t)n + nTag)) return SQLITE_NOMEM;
    memcpy(k->zEnc + 4 + n, zTag, nTag);
    n += (uint32_t)nTag;
    memcpy(k->zEnc, &n, 4);
    h = ts_key_hash_bytes(14695981039346656037ULL, k->zEnc + 4, n);
  }
  int j = (int)(h & (sqlite3_uint64)(k->nSlot - 1));
  for (; k->aSlot[j]; j = (j + 1) & (k->nSlot - 1)) {
    int id = k->aSlot[j];
    const unsigned char *z = k->azKey[id - 1];
    if (k->aHash[id - 1] == h && memcmp(z, k->zEnc, 4 + (size_t)n) == 0) {
      *pId = id;
      /* shown as first seen: this read may have another spelling */
      uint32_t nShow;
      if ((rc = key_encode(vtab->db, k, ap, nBy, NULL, NULL, &nShow)) != SQLITE_OK) return rc;
      const unsigned char *zShow = k->azShow[id - 1];
      if (k->aShowGen[id - 1] != k->gen) { /* shown as seen now from here on */
        if ((zShow = key_keep(k, 4 + (size_t)nShow)) == NULL) return SQLITE_NOMEM;
        k->azShow[id - 1] = zShow;
        k->aShowGen[id - 1] = k->gen;
      }
      if (memcmp(zShow, k->zEnc, 4 + (size_t)nShow) != 0) {
        uint32_t nWas;
        memcpy(&nWas, zShow, 4);
        /* a copy: the key shown may be replaced while the cursor shows it */
        if ((cur->zShow = sqlite3_malloc64((sqlite3_uint64)nWas + 1)) == NULL) return SQLITE_NOMEM;
        memcpy(cur->zShow, zShow + 4, nWas);
      }
      return SQLITE_OK;
    }
  }
  if (k->n == k->nAlloc) {
    int nNew = k->nAlloc ? k->nAlloc * 2 : 32;
    const unsigned char **a = sqlite3_realloc64(k->azKey, sizeof(*a) * (sqlite3_uint64)nNew);
    if (a == NULL) return SQLITE_NOMEM;
    k->azKey = a;
    a = sqlite3_realloc64(k->azShow, sizeof(*a) * (sqlite3_uint64)nNew);
    if (a == NULL) return SQLITE_NOMEM;
    k->azShow = a;
    unsigned *aG = sqlite3_realloc64(k->aShowGen, sizeof(*aG) * (sqlite3_uint64)nNew);
    if (aG == NULL) return SQLITE_NOMEM;
    k->aShowGen = aG;
    sqlite3_uint64 *aH = sqlite3_realloc64(k->aHash, sizeof(*aH) * (sqlite3_uint64)nNew);
    if (aH == NULL) return SQLITE_NOMEM;
    k->aHash = aH;
    k->nAlloc = nNew;
  }
  const unsigned char *z = key_keep(k, 4 + (size_t)n);
  if (z == NULL) return SQLITE_NOMEM;
  uint32_t nShow;
  if ((rc = key_encode(vtab->db, k, ap, nBy, NULL, NULL, &nShow)) != SQLITE_OK) return rc;
  const unsigned char *zShow = key_keep(k, 4 + (size_t)nShow);
  if (zShow == NULL) return SQLITE_NOMEM;
  k->azKey[k->n] = z;
  k->azShow[k->n] = zShow;
  k->aShowGen[k->n] = k->gen;
  k->aHash[k->n] = h;
  k->n++;
  k->aSlot[j] = k->n;
  *pId = k->n;
  return SQLITE_OK;
}

int ts_key_shown(const ts_series_cursor *cur, int i, ts_key_value *out) {
  const unsigned char *d = cur->zShow;
  if (d == NULL) return 0;
  for (int c = 0; c <= i; c++) {
    uint32_t len = 0;
    out->type = SQLITE_NULL, out->i = 0, out->d = 0, out->z = NULL, out->n = 0;
    switch (d[0]) {
      case ENC_INT:
        out->type = SQLITE_INTEGER;
        memcpy(&out->i, d + 1, 8);
        d += 9;
        break;
      case ENC_REAL:
        out->type = SQLITE_FLOAT;
        memcpy(&out->d, d + 1, 8);
        d += 9;
        break;
      case ENC_TEXT:
      case ENC_BLOB:
        out->type = d[0] == ENC_TEXT ? SQLITE_TEXT : SQLITE_BLOB;
        memcpy(&len, d + 1, 4);
        out->z = d + 5;
        out->n = (int)len;
        d += 5 + len;
        break;
      default: d += 1; break;
    }
  }
  return 1;
}

sqlite3_int64 ts_series_rowid(const ts_series_cursor *cur) {
  return (cur->series_id << ROWID_ORDINAL_BITS) + cur->row_key + ROWID_ORDINAL_OFFSET;
}

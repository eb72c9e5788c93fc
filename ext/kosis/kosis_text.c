/*
** kosis/kosis_text.c -- bytes of a KOSIS export to UTF-8 text, and that text to
** CSV records.  Pure C (iconv(3) from the C library), no SQLite values.
**
** Contract:
**  1. Encoding: a UTF-8 byte-order mark means UTF-8 (the mark is dropped;
**     invalid UTF-8 after it is an error).  Without a mark, text that is
**     valid UTF-8 is UTF-8; anything else is converted from CP949 (UHC, a
**     superset of EUC-KR) with iconv.  A byte that is neither is an error
**     naming its line (where the encoding that reads further fails).
**     Korean CP949 text is practically never valid UTF-8 (a Hangul
**     syllable is two bytes 0xB0-0xC8, 0xA1-0xFE, and UTF-8 would need a
**     fixed lead/continuation pattern), so the guess is safe.
**  2. A NUL byte is an error (UTF-16 files have them): the text must be
**     UTF-8 or CP949.
**  3. CSV as RFC 4180 writes it: comma-separated fields, `"` quotes a field,
**     `""` inside quotes is one quote, a quoted field may span lines.  Line
**     ends are LF, CRLF or CR.  Empty lines are skipped.  A quote that is
**     never closed, or text right after a closing quote, is an error naming
**     the line.  An unquoted field may contain `"` (taken literally).
**  4. Records are cut in place: fields are NUL-terminated inside the
**     text buffer, so no field is copied.
**  5. Line numbers are 1-based physical lines (ended by LF, CRLF or a lone
**     CR, so old Mac files count right); a record's line is the line it
**     starts on; an unterminated quote is reported at the line it opens.
**  6. Decoding works in chunks of TS_KOSIS_POLL_BYTES and calls the
**     caller's poll function between them, so a long decode can be
**     interrupted.
**  7. Hangul written decomposed (NFD: conjoining jamo, as macOS writes)
**     is composed to syllables (NFC), as every other tool writes it: the
**     two are one text, and read as bytes 서울 in NFD was another series
**     than 서울 (a WHERE on the name summed half of it; a 시점 header in
**     NFD was no long layout).  Only Hangul is composed; jamo that make no
**     syllable (a lone consonant, an archaic vowel) stay as written.
*/
#include "kosis/kosis_text.h"

#include <errno.h>
#include <iconv.h>

/* The physical line of byte off: LF, CRLF and a lone CR each end one. */
static int line_at(const char *z, size_t off) {
  int line = 1;
  for (size_t i = 0; i < off; i++) {
    line += z[i] == '\n' || (z[i] == '\r' && z[i + 1] != '\n');
  }
  return line;
}

static int poll(ts_kosis_poll xPoll, void *pArg) { return xPoll ? xPoll(pArg) : SQLITE_OK; }

/* utf8_valid_prefix over the whole buffer, a chunk at a time (a sequence
** cut by a chunk's end is read again with the next chunk).  *pRc: the
** poll's code when it stopped the scan (the result is then 0). */
static size_t utf8_valid_prefix_polled(const unsigned char *z, size_t n, ts_kosis_poll xPoll,
                                       void *pArg, int *pRc);

/* Length of the valid UTF-8 prefix of z[0..n). */
static size_t utf8_valid_prefix(const unsigned char *z, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned char c = z[i];
    size_t len;
    unsigned lo = 0x80, hi = 0xBF; /* allowed range of the 2nd byte */
    if (c < 0x80) {
      i++;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF)
      len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0; /* no overlong forms */
      if (c == 0xED) hi = 0x9F; /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F; /* nothing past U+10FFFF */
    } else
      return i;
    if (i + len > n) return i;
    if (z[i + 1] < lo || z[i + 1] > hi) return i;
    for (size_t k = 2; k < len; k++) {
      if ((z[i + k] & 0xC0) != 0x80) return i;
    }
    i += len;
  }
  return n;
}

static size_t utf8_valid_prefix_polled(const unsigned char *z, size_t n, ts_kosis_poll xPoll,
                                       void *pArg, int *pRc) {
  size_t done = 0;
  *pRc = SQLITE_OK;
  while (done < n) {
    size_t len = n - done < TS_KOSIS_POLL_BYTES ? n - done : TS_KOSIS_POLL_BYTES;
    size_t ok = utf8_valid_prefix(z + done, len);
    if (ok < len && (done + len == n || len - ok >= 4)) return done + ok;
    done += ok;
    if (done < n && (*pRc = poll(xPoll, pArg)) != SQLITE_OK) return 0;
  }
  return n;
}

static char *copy_text(const char *z, size_t n) {
  char *out = sqlite3_malloc64((sqlite3_uint64)n + 1);
  if (out == NULL) return NULL;
  memcpy(out, z, n);
  out[n] = 0;
  return out;
}

/* Where a failed CP949 conversion stopped, as an offset below n.  glibc
** steps past some two-byte codes it then refuses (0xA2 0xE8 stops at the
** byte after them, or at the end of the input), so when the two bytes
** before the stop do not convert alone, they are the culprit. */
static size_t bad_offset(const char *in, size_t n, size_t at) {
  if (at >= 2) {
    iconv_t cd = iconv_open("UTF-8", "CP949");
    if (cd != (iconv_t)-1) {
      char pair[2] = {in[at - 2], in[at - 1]}, out[16];
      char *ip = pair, *op = out;
      size_t il = 2, ol = sizeof(out);
      if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 && errno == EILSEQ && ip == pair + 2) at -= 2;
      iconv_close(cd);
    }
  }
  return at < n ? at : n - 1;
}

/* iconv CP949 -> UTF-8.  SQLITE_OK, SQLITE_NOMEM, or SQLITE_ERROR with
** *pBad = offset of the first byte that is not CP949 ((size_t)-1: iconv
** itself is unavailable). */
static int cp949_to_utf8(const char *in, size_t n, char **pOut, size_t *pnOut, size_t *pBad,
                         ts_kosis_poll xPoll, void *pArg) {
  iconv_t cd = iconv_open("UTF-8", "CP949");
  if (cd == (iconv_t)-1) {
    *pBad = (size_t)-1;
    return SQLITE_ERROR;
  }
  size_t cap = n + n / 2 + 16; /* 2-byte Hangul becomes 3 bytes */
  char *out = sqlite3_malloc64((sqlite3_uint64)cap + 1);
  char *ip = (char *)in, *op = out;
  size_t il = n, ol = cap;
  int rc = out ? SQLITE_OK : SQLITE_NOMEM;
  while (rc == SQLITE_OK && il > 0) {
    /* A chunk at a time, polling between chunks; a character cut by the
    ** chunk's end (EINVAL) is converted with the next chunk. */
    size_t chunk = il < TS_KOSIS_POLL_BYTES ? il : TS_KOSIS_POLL_BYTES;
    size_t left = chunk;
    size_t got = iconv(cd, &ip, &left, &op, &ol);
    il -= chunk - left;
    if (got != (size_t)-1 || (errno == EINVAL && il > left)) {
      if (il > 0) rc = poll(xPoll, pArg);
      continue;
    }
    if (errno == E2BIG) {
      size_t used = (size_t)(op - out);
      char *bigger = sqlite3_realloc64(out, (sqlite3_uint64)cap * 2 + 1);
      if (bigger == NULL) {
        rc = SQLITE_NOMEM;
        break;
      }
      out = bigger;
      cap *= 2;
      op = out + used;
      ol = cap - used;
    } else { /* EILSEQ, or EINVAL: a sequence cut off by the end */
      *pBad = bad_offset(in, n, (size_t)(ip - in));
      rc = SQLITE_ERROR;
    }
  }
  iconv_close(cd);
  if (rc != SQLITE_OK) {
    sqlite3_free(out);
    return rc;
  }
  *op = 0;
  *pOut = out;
  *pnOut = (size_t)(op - out);
  return SQLITE_OK;
}

/* The code point of the 3-byte UTF-8 sequence at z[i] when it lies in
** [lo, hi], else 0 (the text is valid UTF-8 and NUL-terminated). */
static unsigned u3_in(const unsigned char *z, size_t n, size_t i, unsigned lo, unsigned hi) {
  if (i + 2 >= n || (z[i] & 0xF0) != 0xE0) return 0;
  unsigned c = (unsigned)(z[i] & 0x0F) << 12 | (unsigned)(z[i + 1] & 0x3F) << 6 | (z[i + 2] & 0x3F);
  return c >= lo && c <= hi ? c : 0;
}

static size_t put_u3(unsigned char *z, size_t w, unsigned c) {
  z[w] = (unsigned char)(0xE0 | c >> 12);
  z[w + 1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
  z[w + 2] = (unsigned char)(0x80 | (c & 0x3F));
  return w + 3;
}

/* Contract item 7: conjoining jamo to Hangul syllables, in place (the
** Unicode algorithm of canonical composition, for Hangul only: a leading
** consonant U+1100..U+1112 and a vowel U+1161..U+1175 make the syllable
** U+AC00 + (L*21 + V)*28, and a trailing consonant U+11A8..U+11C2 after
** such a syllable adds 1..27).  Returns the new length; z[len] is NUL. */
static size_t compose_hangul(char *zText, size_t n) {
  unsigned char *z = (unsigned char *)zText;
  size_t i = 0, w = 0;
  while (i < n) {
    unsigned s = 0, l = u3_in(z, n, i, 0x1100, 0x1112), v;
    if (l && (v = u3_in(z, n, i + 3, 0x1161, 0x1175)) != 0) {
      s = 0xAC00 + ((l - 0x1100) * 21 + (v - 0x1161)) * 28;
      i += 6;
    } else if ((s = u3_in(z, n, i, 0xAC00, 0xD7A3)) != 0 && (s - 0xAC00) % 28 == 0 &&
               u3_in(z, n, i + 3, 0x11A8, 0x11C2)) {
      i += 3;
    } else {
      z[w++] = z[i++];
      continue;
    }
    unsigned t = u3_in(z, n, i, 0x11A8, 0x11C2);
    if (t) {
      s += t - 0x11A7;
      i += 3;
    }
    w = put_u3(z, w, s);
  }
  z[w] = 0;
  return w;
}

static int decode_text(const char *data, size_t n, char **pzText, size_t *pnText,
                       ts_kosis_encoding *pEnc, char **pzErr, ts_kosis_poll xPoll, void *pPollArg);

int ts_kosis_decode(const char *data, size_t n, char **pzText, size_t *pnText,
                    ts_kosis_encoding *pEnc, char **pzErr, ts_kosis_poll xPoll, void *pPollArg) {
  int rc = decode_text(data, n, pzText, pnText, pEnc, pzErr, xPoll, pPollArg);
  if (rc == SQLITE_OK) *pnText = compose_hangul(*pzText, *pnText);
  return rc;
}

static int decode_text(const char *data, size_t n, char **pzText, size_t *pnText,
                       ts_kosis_encoding *pEnc, char **pzErr, ts_kosis_poll xPoll, void *pPollArg) {
  int rc = SQLITE_OK;
  *pzText = NULL;
  *pzErr = NULL;
  const char *nul = memchr(data, 0, n);
  if (nul) {
    *pzErr = sqlite3_mprintf(
        "line %d: NUL byte in the text (is it UTF-16?"
        " save it as UTF-8 or CP949)",
        line_at(data, (size_t)(nul - data)));
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
    size_t ok =
        3 + utf8_valid_prefix_polled((const unsigned char *)data + 3, n - 3, xPoll, pPollArg, &rc);
    if (rc != SQLITE_OK) return rc;
    if (ok < n) {
      *pzErr = sqlite3_mprintf(
          "line %d: invalid UTF-8 (byte 0x%02x) in a file"
          " that starts with a UTF-8 byte-order mark",
          line_at(data, ok), (unsigned char)data[ok]);
      return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    *pEnc = TS_KOSIS_UTF8_BOM;
    *pnText = n - 3;
    *pzText = copy_text(data + 3, n - 3);
    return *pzText ? SQLITE_OK : SQLITE_NOMEM;
  }
  size_t utf8_ok = utf8_valid_prefix_polled((const unsigned char *)data, n, xPoll, pPollArg, &rc);
  if (rc != SQLITE_OK) return rc;
  if (utf8_ok == n) {
    *pEnc = TS_KOSIS_UTF8;
    *pnText = n;
    *pzText = copy_text(data, n);
    return *pzText ? SQLITE_OK : SQLITE_NOMEM;
  }
  size_t bad = 0;
  rc = cp949_to_utf8(data, n, pzText, pnText, &bad, xPoll, pPollArg);
  if (rc == SQLITE_ERROR) {
    if (bad == (size_t)-1) {
      *pzErr = sqlite3_mprintf(
          "line 1: the text is not UTF-8 and the C"
          " library cannot convert CP949 (iconv)");
    } else {
      /* Point at the failure of the encoding that reads further: the one
      ** the file is most likely meant to be in. */
      size_t at = utf8_ok >= bad ? utf8_ok : bad;
      *pzErr = sqlite3_mprintf(
          "line %d: the text is neither UTF-8 nor CP949"
          " (it reads as %s up to byte 0x%02x)",
          line_at(data, at), utf8_ok >= bad ? "UTF-8" : "CP949", (unsigned char)data[at]);
    }
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  *pEnc = TS_KOSIS_CP949;
  return rc;
}

/* ---- CSV records ---------------------------------------------------- */

void ts_csv_init(ts_csv_reader *r, char *z, size_t n) {
  memset(r, 0, sizeof(*r));
  r->z = z;
  r->n = n;
  r->line = 1;
}

void ts_csv_clear(ts_csv_reader *r) {
  sqlite3_free(r->azField);
  r->azField = NULL;
  r->nField = r->nAlloc = 0;
}

static int push_field(ts_csv_reader *r, char *zField) {
  if (r->nField == r->nAlloc) {
    int nNew = r->nAlloc ? r->nAlloc * 2 : 16;
    char **a = sqlite3_realloc64(r->azField, (sqlite3_uint64)nNew * sizeof(char *));
    if (a == NULL) return SQLITE_NOMEM;
    r->azField = a;
    r->nAlloc = nNew;
  }
  r->azField[r->nField++] = zField;
  return SQLITE_OK;
}

static int is_line_end(char c) { return c == '\n' || c == '\r'; }

/* Steps over the line end at i (LF, CRLF or CR); returns the next index. */
static size_t skip_line_end(ts_csv_reader *r, size_t i) {
  if (r->z[i] == '\r' && i + 1 < r->n && r->z[i + 1] == '\n') i++;
  r->line++;
  return i + 1;
}

/* Reads a quoted field starting at the quote at *pi, unescaping it to *pw.
** Leaves *pi after the closing quote. */
static int read_quoted(ts_csv_reader *r, size_t *pi, size_t *pw, char **pzErr) {
  char *z = r->z;
  size_t i = *pi + 1, w = *pw;
  int quote_line = r->line;
  for (;;) {
    if (i >= r->n) {
      *pzErr = sqlite3_mprintf(
          "line %d: unterminated quoted field (field %d;"
          " the closing \" is missing)",
          quote_line, r->nField + 1);
      return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    if (z[i] == '"') {
      if (i + 1 < r->n && z[i + 1] == '"') {
        z[w++] = '"';
        i += 2;
        continue;
      }
      i++;
      break;
    }
    if (z[i] == '\n' || (z[i] == '\r' && !(i + 1 < r->n && z[i + 1] == '\n'))) {
      r->line++;
    }
    z[w++] = z[i++];
  }
  if (i < r->n && z[i] != ',' && !is_line_end(z[i])) {
    *pzErr = sqlite3_mprintf("line %d: text after the closing quote of field %d", r->line,
                             r->nField + 1);
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  *pi = i;
  *pw = w;
  return SQLITE_OK;
}

int ts_csv_next(ts_csv_reader *r, char **pzErr) {
  char *z = r->z;
  *pzErr = NULL;
  while (r->pos < r->n && is_line_end(z[r->pos])) r->pos = skip_line_end(r, r->pos);
  if (r->pos >= r->n) return SQLITE_DONE;
  r->record_line = r->line;
  r->nField = 0;
  for (;;) {
    size_t i = r->pos, w = r->pos;
    char *zField = z + w;
    if (z[i] == '"') {
      int rc = read_quoted(r, &i, &w, pzErr);
      if (rc != SQLITE_OK) return rc;
    } else {
      while (i < r->n && z[i] != ',' && !is_line_end(z[i])) i++;
      w = i;
    }
    int more = i < r->n && z[i] == ',';
    size_t next = i >= r->n ? i : more ? i + 1 : skip_line_end(r, i);
    z[w] = 0; /* w <= i: overwrites the separator, already stepped over,
                 or the terminating NUL slot at z[n] */
    if (push_field(r, zField) != SQLITE_OK) return SQLITE_NOMEM;
    r->pos = next;
    if (!more) return SQLITE_ROW;
  }
}

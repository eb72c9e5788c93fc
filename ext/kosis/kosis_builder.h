/*
** kosis/kosis_builder.h -- private to kosis/: the parser's state while a
** file is read (kosis_parse.c), its header read (kosis_layout.c), records
** and headers refused that would load wrong (kosis_refuse.c), and the
** checks over its whole table that run when the last record is in
** (kosis_checks.c).
*/
#ifndef TS_KOSIS_BUILDER_H
#define TS_KOSIS_BUILDER_H

#include "kosis/kosis_text.h"
#include "core/core.h"

/* Parsing state beyond the table itself. */
typedef struct kosis_builder {
  ts_kosis_table *t;
  int nHeader;
  int nUsed; /* the header's fields but its trailing empty ones (item 5) */
  int header_line;
  int iPeriod, iData; /* long layout: the 시점 and 데이터 columns */
  int iCycle;         /* the cycle column (PRD_SE), or -1; read in the long layout */
  const char *const *azPeriodNames, *const *azDataNames; /* the names read */
  unsigned char *aKey;      /* per dimension: 1 when it names the series (item 12) */
  int iFirstPeriod;         /* wide layout: first period column */
  int *aiDim;               /* header index of each dimension column */
  char **azHeader;          /* the header's names, trimmed */
  int *aLine;               /* line each data record starts on */
  sqlite3_uint64 seed;      /* the hash sets' (ts_mix64 of their hashes) */
  sqlite3_int64 max_memory; /* bytes the table may take, or 0: no limit */
  sqlite3_int64 nRecordAlloc, nPeriodAlloc, nCellAlloc, nLineAlloc;
} kosis_builder;

/* The hash sets below hash with FNV-1a from a random start and place by
** a final mix (MurmurHash3's fmix64), so a file cannot be made of names
** or records that all fall into one slot chain: FNV-1a's low bits depend
** only on the low bits of its state, and 32,768 crafted records whose
** hashes shared their low 24 bits took 11.7 s to load (0.25 s for as
** many other records), quadratic in their number, with no interrupt
** check.  The start is drawn per parse; the answers do not depend on it
** (each check reports the first repeat in file order). */
static inline sqlite3_uint64 hash_start(sqlite3_uint64 seed) {
  return 14695981039346656037ULL ^ seed;
}

/* Sets *pzErr to "line N: " + formatted text, with %s args already quoted
** by the caller; returns SQLITE_ERROR (SQLITE_NOMEM when that fails). */
int ts_kosis_fail(char **pzErr, int line, const char *zFormat, ...);
/* 'text' for a message, cut at 60 bytes on a character boundary, a
** control byte (an escape sequence in a cell) as char(N). */
char *ts_kosis_quoted(const char *z);
/* z without its surrounding spaces and tabs (item 1), in place. */
char *ts_kosis_trim(char *z);
/* A header name for a message: "name", or quoted as ts_kosis_quoted()
** shows a value when it is long or holds a control byte (item 13). */
char *ts_kosis_named(const char *z);
/* Reads zRaw (trimmed in place) as a period into *out; SQLITE_ERROR with
** "line N: <zWhat> 'x' is not a period (expected ...)", or SQLITE_NOMEM. */
int ts_kosis_parse_period(char *zRaw, int line, const char *zWhat, ts_kosis_period *out,
                          char **pzErr);
/* kosis_layout.c: the header record (b->header_line set) decides the
** layout, the period, figure and cycle columns and the dimension columns
** (items 2, 3, 6 and 12); its fields are trimmed in place. */
int ts_kosis_read_header(kosis_builder *b, char **azField, int nField, char **pzErr);
/* Whether a period column's name is the Open API's (PRD_DE, 수록시점),
** whose six-digit periods need a cycle to be read (item 12). */
int ts_kosis_is_api_period(const char *zName);
/* Items 8, 10 and 11 over the whole table: two records with one key, a
** series in two units, periods of one series that overlap in time. */
int ts_kosis_check_records(kosis_builder *b, char **pzErr);
/* The period kind a cycle cell names (item 12): TS_KIND_NONE for an
** empty cell, -1 for a cycle tradestat has no kind for. */
int ts_kosis_cycle_kind(const char *z);
/* kosis_refuse.c, each SQLITE_OK or an error naming the line: a record's
** six-digit Open API period with no cycle (long layout); a wide record
** that is the header again; a cycle of quarters or halves over a header
** of six-digit codes read as months; such headers with no cycle that
** never pass April; and, once every record is read, a dimension column
** that is a period column in a form the reader does not know. */
int ts_kosis_refuse_uncycled_code(kosis_builder *b, char **azField, int line, char **pzErr);
int ts_kosis_refuse_repeated_header(kosis_builder *b, char **azField, int line, char **pzErr);
int ts_kosis_refuse_coded_header(kosis_builder *b, char **azField, int line, char **pzErr);
int ts_kosis_refuse_uncycled_header(kosis_builder *b, char **azField, int line, char **pzErr);
int ts_kosis_refuse_unread_period_column(kosis_builder *b, char **pzErr);

#endif /* TS_KOSIS_BUILDER_H */
